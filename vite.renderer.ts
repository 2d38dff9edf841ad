import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { RENDERER_CSP } from './src-shared/ipc/csp';

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
