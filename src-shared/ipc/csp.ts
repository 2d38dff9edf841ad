/**
 * The Content-Security-Policy of the renderer. No 'unsafe-eval': documents are validated by ajv
 * standalone code precompiled at build time (src-shared/schemas/generated, `npm run validators`),
 * so nothing compiles a validator at run time. Styles stay 'unsafe-inline' because Mantine sets CSS variables through style
 * attributes.
 *
 * Two policies differ only in `connect-src`:
 * - RENDERER_CSP, the <meta> tag of the built renderer (vite.renderer.ts). The browser build has
 *   no main process to narrow it, so it allows any https: sync server (and local ones).
 * - appCsp(syncOrigin), the response header main puts on every app:// response
 *   (src-main/appProtocol.ts), where `frame-ancestors` also takes effect. It allows the app's own
 *   origin and the signed-in sync server only, so a script that got into the renderer cannot send
 *   the sync token anywhere else. Both policies are enforced, so the header is the one that counts.
 */
const cspWith = (connectSources: string): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSources}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');

export const RENDERER_CSP = cspWith("'self' https: http://127.0.0.1:* http://localhost:*");

/** Hosts a sync server may use plain http on: this computer only. */
const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The origin a sync server address connects to (`https://sync.example.com:8443`), or null when it
 * is not one the app may talk to: https anywhere, http only on this computer, no credentials in
 * the address, nothing but an origin's characters.
 */
export function syncServerOrigin(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.host === '') return null;
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.includes(host))) return null;
  const origin = `${url.protocol}//${url.host.toLowerCase()}`;
  return /^https?:\/\/[a-z0-9.\-[\]:]+$/.test(origin) ? origin : null;
}

/** The desktop app's policy: its own origin, plus the signed-in sync server when there is one. */
export function appCsp(syncOrigin: string | null): string {
  return cspWith(syncOrigin === null ? "'self'" : `'self' ${syncOrigin}`);
}
