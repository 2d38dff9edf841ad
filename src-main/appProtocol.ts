import { net, protocol } from 'electron';
import { stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { appCsp } from '../src-shared/ipc/csp';
import type { SyncServerAccess } from './syncServerAccess';

export const APP_SCHEME = 'app';
export const APP_HOST = 'partner-desk';
/**
 * The renderer's origin in production. IndexedDB (the local RxDB database), localStorage and
 * granted permissions are all keyed by origin: if this string ever changes between versions,
 * every user's local data silently disappears from the app. Never change it.
 */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Headers on every app:// response, including errors. The CSP's connect-src names the sync
 * server the user signed in to, or nothing but the app itself (`csp`, from SyncServerAccess).
 */
export const appResponseHeaders = (csp: string): Readonly<Record<string, string>> => ({
  'Content-Security-Policy': csp,
  'X-Content-Type-Options': 'nosniff',
});

/** The policy when no sync server is allowed: the app's own origin only. */
const noSyncServer: Pick<SyncServerAccess, 'csp'> = { csp: () => appCsp(null) };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Registers app: as a privileged standard scheme. Must run before the app's `ready` event.
 * standard: real origin and relative URLs; secure: a secure context (IndexedDB, crypto.subtle);
 * supportFetchAPI + corsEnabled: fetch() and module scripts work; stream: streamed bodies;
 * codeCache: V8 caches compiled scripts. Not bypassCSP.
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
};

/**
 * Maps an app:// request URL to a file inside `rootDir`, or null when the URL is not ours or
 * tries to leave the folder (`..` in any form, encoded slashes or backslashes, NUL, drive colons).
 * `/` maps to index.html.
 */
export const resolveAppPath = (requestUrl: string, rootDir: string): string | null => {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (/[\\\0:]/.test(pathname)) return null;
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;

  const filePath = join(rootDir, ...(segments.length === 0 ? ['index.html'] : segments));
  const inside = relative(rootDir, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return filePath;
};

export type AppFileChoice = { status: 200; filePath: string } | { status: 403 | 404 };

/**
 * What to serve for a request: the file itself; index.html for extension-less paths the SPA
 * routes (`/partners/42`); 404 for missing assets (a missing .js must not come back as HTML);
 * 403 for URLs resolveAppPath refuses.
 */
export const chooseAppFile = async (
  requestUrl: string,
  rootDir: string,
  isFile: (path: string) => Promise<boolean> = isRegularFile,
): Promise<AppFileChoice> => {
  const filePath = resolveAppPath(requestUrl, rootDir);
  if (filePath === null) return { status: 403 };
  if (await isFile(filePath)) return { status: 200, filePath };
  if (extname(filePath) === '') {
    const indexPath = join(rootDir, 'index.html');
    if (await isFile(indexPath)) return { status: 200, filePath: indexPath };
  }
  return { status: 404 };
};

/** Serves one app:// request from `rootDir`, with the CSP `syncServers` allows. */
export const handleAppRequest = async (
  request: { url: string; method: string },
  rootDir: string,
  syncServers: Pick<SyncServerAccess, 'csp'> = noSyncServer,
): Promise<Response> => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...appResponseHeaders(syncServers.csp('resource')), Allow: 'GET, HEAD' } });
  }
  const choice = await chooseAppFile(request.url, rootDir);
  if (choice.status !== 200) {
    return new Response(choice.status === 404 ? 'Not found' : 'Forbidden', {
      status: choice.status,
      headers: { ...appResponseHeaders(syncServers.csp('resource')), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const file = await net.fetch(pathToFileURL(choice.filePath).toString());
  const headers = new Headers(file.headers);
  const extension = extname(choice.filePath).toLowerCase();
  const contentType = CONTENT_TYPES[extension];
  if (contentType) headers.set('Content-Type', contentType);
  const csp = syncServers.csp(extension === '.html' ? 'document' : 'resource');
  for (const [name, value] of Object.entries(appResponseHeaders(csp))) headers.set(name, value);
  return new Response(request.method === 'HEAD' ? null : file.body, { status: file.status, headers });
};

/** Installs the app: handler on the default session. Call after `ready`. */
export const registerAppProtocol = (rootDir: string, syncServers: Pick<SyncServerAccess, 'csp'> = noSyncServer): void => {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, rootDir, syncServers));
};

const isRegularFile = async (path: string): Promise<boolean> => {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
};
