import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer';

/** The renderer alone, for a plain browser: `npm run dev:web`, the end-to-end tests and the bench. */
export default defineConfig({
  ...rendererConfig('out/web'),
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
