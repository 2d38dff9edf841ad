import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

/**
 * The Content-Security-Policy the built renderer ships with, both as a <meta> tag (browser build)
 * and as a response header from the app:// protocol (src-main/appProtocol.ts). No 'unsafe-eval':
 * RxDB validates with z-schema, which needs none. Styles stay 'unsafe-inline' because Mantine
 * sets CSS variables through style attributes. connect-src allows the sync server the user
 * configures.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Injects the CSP meta tag into the built index.html only (the dev server needs inline scripts). */
const cspMeta = (): Plugin => ({
  name: 'partner-desk-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' },
  ],
});

/** Vite options shared by the Electron renderer build and the plain-browser build. */
export const rendererConfig = (outDir: string): UserConfig => ({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, outDir),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
});
