import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appCsp } from '../../../src-shared/ipc/csp';
import {
  APP_ORIGIN,
  handleAppRequest,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../src-main/appProtocol';
import { net, protocol, protocolHandlers, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const root = join(tmpdir(), 'renderer-root');
const isInside = (path: string, dir: string): boolean => {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..');
};

describe('the app origin', () => {
  it('is app://partner-desk, forever: IndexedDB data is keyed by it', () => {
    expect(APP_ORIGIN).toBe('app://partner-desk');
  });
});

describe('resolveAppPath', () => {
  it('maps the root to index.html and paths to files under the renderer folder', () => {
    expect(resolveAppPath('app://partner-desk/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppPath('app://partner-desk/assets/index-abc.js', root)).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppPath('app://partner-desk/assets/logo%20mark.svg?v=2#x', root)).toBe(join(root, 'assets', 'logo mark.svg'));
  });

  it.each([
    'app://partner-desk/..%2f..%2fetc%2fpasswd',
    'app://partner-desk/assets/..%2F..%2F..%2Fsecret',
    'app://partner-desk/%2e%2e%2f%2e%2e%2fsecret',
    'app://partner-desk/..%5c..%5cwindows%5csystem.ini',
    'app://partner-desk/index.html%00.png',
    'app://partner-desk/C:%5cWindows',
    'app://partner-desk/%E0%A4%A',
  ])('refuses traversal or malformed path %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });

  it.each([
    'app://partner-desk/../../etc/passwd',
    'app://partner-desk/%2e%2e/%2e%2e/etc/passwd',
    'app://partner-desk/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://partner-desk/%252e%252e%252fetc',
  ])('never resolves outside the renderer folder: %s', (url) => {
    const resolved = resolveAppPath(url, root);
    expect(resolved === null || isInside(resolved, root)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://partner-desk.evil.example/index.html',
    'app://user@partner-desk/index.html',
    'https://partner-desk/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses URLs that are not the app origin: %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('the app:// protocol handler', () => {
  let dir: string;

  beforeEach(async () => {
    resetFakeElectron();
    dir = await mkdtemp(join(tmpdir(), 'pd-protocol-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Partner Desk</title>');
    await writeFile(join(dir, 'assets', 'app-1234.js'), 'console.log("hi")');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const get = (path: string, method = 'GET') => handleAppRequest({ url: `app://partner-desk${path}`, method }, dir);

  const expectSecurityHeaders = (response: Response): void => {
    expect(response.headers.get('Content-Security-Policy')).toBe(appCsp(null));
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  };

  it('serves files with their content type, the CSP and nosniff', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Partner Desk</title>');
    expect(page.headers.get('Content-Type')).toMatch(/^text\/html/);
    expectSecurityHeaders(page);

    const script = await get('/assets/app-1234.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log("hi")');
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/);
    expectSecurityHeaders(script);
  });

  it('falls back to index.html for client-side routes without an extension', async () => {
    const response = await get('/partners/42');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Partner Desk</title>');
    expectSecurityHeaders(response);
  });

  it('answers 404 for missing assets instead of handing back HTML', async () => {
    const response = await get('/assets/missing-999.js');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('refuses traversal without touching the disk', async () => {
    const response = await get('/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(403);
    expectSecurityHeaders(response);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('accepts only GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
    const head = await get('/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('registers app: as a secure standard scheme with fetch and streaming, and handles it', async () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }),
      }),
    ]);
    const privileges = protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges ?? {};
    expect(privileges.bypassCSP).toBeFalsy();

    registerAppProtocol(dir);
    const handler = protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const response = await handler!({ url: 'app://partner-desk/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expectSecurityHeaders(response);
  });
});
