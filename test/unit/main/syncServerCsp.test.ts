import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, handleAppRequest } from '../../../src-main/appProtocol';
import { registerIpcHandlers } from '../../../src-main/ipc';
import { createSyncServerAccess, SYNC_SERVER_FILE, type SyncServerAccess } from '../../../src-main/syncServerAccess';
import { fake, ipcEventFrom, registeredIpcHandler, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

/*
 * The sync token lives in renderer memory. The CSP main sends with every app:// page limits where
 * the renderer may connect: the app itself, plus the one sync server the user signs in to.
 */

const APP_FRAME = 'app://partner-desk/index.html';
let dir: string;
let syncServers: SyncServerAccess;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'pd-csp-'));
  fake.paths = { userData: dir };
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Partner Desk</title>');
  await writeFile(join(dir, 'app.js'), 'console.log(1)');
  syncServers = createSyncServerAccess(join(dir, SYNC_SERVER_FILE));
  registerIpcHandlers({ allowedOrigins: [APP_ORIGIN], syncServers });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const allowServer = (serverUrl: unknown, frameUrl: string | null = APP_FRAME) =>
  registeredIpcHandler('sync:allowServer')(ipcEventFrom(frameUrl), { serverUrl }) as Promise<{ origin: string; reloadRequired: boolean }>;

/** The connect-src directive of the page main serves now. */
const pageConnectSrc = async (): Promise<string | undefined> => {
  const response = await handleAppRequest({ url: 'app://partner-desk/index.html', method: 'GET' }, dir, syncServers);
  return response.headers
    .get('Content-Security-Policy')
    ?.split('; ')
    .find((directive) => directive.startsWith('connect-src '));
};

describe('the CSP connect-src of the desktop app', () => {
  it('allows only the app itself until the user signs in to a server', async () => {
    expect(await pageConnectSrc()).toBe("connect-src 'self'");
  });

  it('allows exactly the server the user signs in to, and no other https: origin', async () => {
    await pageConnectSrc(); // the page on screen was served before the server was chosen
    expect(await allowServer('https://Sync.Example.com:8443/partner-desk/')).toEqual({ origin: 'https://sync.example.com:8443', reloadRequired: true });
    expect(await pageConnectSrc()).toBe("connect-src 'self' https://sync.example.com:8443");
    // Served with that server already, the page need not reload for it again.
    expect(await allowServer('https://sync.example.com:8443')).toEqual({ origin: 'https://sync.example.com:8443', reloadRequired: false });
  });

  it('asks no reload when no page came through app:// (the dev server serves the renderer)', async () => {
    expect(await allowServer('https://sync.example.com')).toEqual({ origin: 'https://sync.example.com', reloadRequired: false });
  });

  it('puts the same policy on scripts and other resources', async () => {
    await allowServer('https://sync.example.com');
    const script = await handleAppRequest({ url: 'app://partner-desk/app.js', method: 'GET' }, dir, syncServers);
    expect(script.headers.get('Content-Security-Policy')).toContain("connect-src 'self' https://sync.example.com;");
  });

  it('allows plain http only for a server on this computer', async () => {
    expect((await allowServer('http://127.0.0.1:8787')).origin).toBe('http://127.0.0.1:8787');
    expect((await allowServer('http://localhost:8787')).origin).toBe('http://localhost:8787');
  });

  it.each([
    ['plain http to another computer', 'http://sync.example.com'],
    ['credentials in the address', 'https://ann:secret@sync.example.com'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a file: URL', 'file:///etc/passwd'],
    ['a wildcard', 'https://*.example.com'],
    ['not an address', 'sync server'],
  ])('refuses %s and keeps the previous policy', async (_what, serverUrl) => {
    await expect(allowServer(serverUrl)).rejects.toThrow(/^sync:allowServer: serverUrl: must be an https:\/\/ address/);
    expect(await pageConnectSrc()).toBe("connect-src 'self'");
  });

  it('refuses a call from a frame outside the app', async () => {
    await expect(allowServer('https://evil.example', 'https://evil.example/')).rejects.toThrow('sync:allowServer: refused a call from a frame outside the app');
    expect(syncServers.origin()).toBeNull();
  });

  it('refuses extra fields in the request', async () => {
    await expect(registeredIpcHandler('sync:allowServer')(ipcEventFrom(APP_FRAME), { serverUrl: 'https://sync.example.com', also: 'https://evil.example' })).rejects.toThrow(
      /^sync:allowServer: request: Unrecognized key/,
    );
  });

  it('goes back to the app alone when the user signs out', async () => {
    await allowServer('https://sync.example.com');
    await registeredIpcHandler('session:clear')(ipcEventFrom(APP_FRAME), undefined);
    expect(await pageConnectSrc()).toBe("connect-src 'self'");
  });

  it('keeps the allowed server across a restart, and forgets it after sign-out', async () => {
    await allowServer('https://sync.example.com');
    expect(createSyncServerAccess(join(dir, SYNC_SERVER_FILE)).origin()).toBe('https://sync.example.com');
    await syncServers.clear();
    expect(createSyncServerAccess(join(dir, SYNC_SERVER_FILE)).origin()).toBeNull();
  });

  it('ignores a tampered file that names an address the app may not talk to', async () => {
    await writeFile(join(dir, SYNC_SERVER_FILE), JSON.stringify({ origin: 'http://evil.example' }));
    expect(createSyncServerAccess(join(dir, SYNC_SERVER_FILE)).origin()).toBeNull();
  });
});
