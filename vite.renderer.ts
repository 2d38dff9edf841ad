import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { RENDERER_CSP } from './src-shared/ipc/csp';

/** frame-ancestors only works as a header (app:// sends it); in a meta tag Chromium warns and ignores it. */
const META_CSP = RENDERER_CSP.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');

/** Injects the CSP meta tag into the built index.html only (the dev server needs inline scripts). */
const cspMeta = (): Plugin => ({
  name: 'partner-desk-csp',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CSP }, injectTo: 'head-prepend' },
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
    // electron-vite leaves the renderer unminified unless told: the desktop app then parsed twice the script the browser build does.
    minify: 'oxc',
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
  },
});
