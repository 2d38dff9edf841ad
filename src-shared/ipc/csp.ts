/**
 * The Content-Security-Policy the built renderer ships with, both as a <meta> tag (browser build,
 * vite.renderer.ts) and as a response header on every app:// response (src-main/appProtocol.ts),
 * where `frame-ancestors` also takes effect. No 'unsafe-eval': RxDB validates with z-schema, which
 * needs none. Styles stay 'unsafe-inline' because Mantine sets CSS variables through style
 * attributes. connect-src allows the sync server the user configures.
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
