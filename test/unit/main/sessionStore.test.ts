import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../src-main/appProtocol';
import { registerIpcHandlers } from '../../../src-main/ipc';
import { createSessionStore, SESSION_FILE } from '../../../src-main/sessionStore';
import type { StoredSession } from '../../../src-shared/ipc/contract';
import { fake, ipcEventFrom, registeredIpcHandler, resetFakeElectron, safeStorage } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const renames = vi.hoisted(() => [] as Array<[string, string]>);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      renames.push([from, to]);
      return actual.rename(from, to);
    },
  };
});

const APP_FRAME = 'app://partner-desk/index.html';

const SESSION: StoredSession = {
  serverUrl: 'https://sync.partnerdesk.example',
  token: 'Qm9vbS1hLXRva2VuLXRoYXQtaXMtNDMtY2hhcnMtbG9uZw',
  user: { id: 'u-ann', email: 'ann@north.example', name: 'Ann Berg', role: 'manager', teams: [{ id: 't-north', name: 'north' }] },
  expiresAt: '2026-12-25T12:00:00.000Z',
};

const call = (channel: string, payload?: unknown, frameUrl: string | null = APP_FRAME) =>
  registeredIpcHandler(channel)(ipcEventFrom(frameUrl), payload);

let dir: string;
const sessionFile = () => join(dir, SESSION_FILE);

beforeEach(async () => {
  resetFakeElectron();
  renames.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'pd-session-'));
  fake.paths = { userData: dir, documents: join(dir, 'Documents') };
  registerIpcHandlers({ allowedOrigins: [APP_ORIGIN] });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('session IPC: payload validation', () => {
  it.each([
    ['a javascript: server address', { ...SESSION, serverUrl: 'javascript:alert(1)' }, /session:save: serverUrl: /],
    ['a file: server address', { ...SESSION, serverUrl: 'file:///etc/passwd' }, /session:save: serverUrl: /],
    ['a token with spaces', { ...SESSION, token: 'not a token' }, /session:save: token: must be a bearer token/],
    ['no user', { ...SESSION, user: undefined }, /session:save: user: /],
    ['an unknown role', { ...SESSION, user: { ...SESSION.user, role: 'root' } }, /session:save: user\.role: /],
    ['an expiry that is not a timestamp', { ...SESSION, expiresAt: 'next month' }, /session:save: expiresAt: /],
  ])('refuses to save %s, naming the field, and writes nothing', async (_label, payload, message) => {
    await expect(call('session:save', payload)).rejects.toThrow(message);
    expect(await readdir(dir)).toEqual([]);
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('refuses arguments on load, clear and status', async () => {
    await expect(call('session:load', { path: '/etc/passwd' })).rejects.toThrow(/^session:load: request: /);
    await expect(call('session:clear', 'everything')).rejects.toThrow(/^session:clear: request: /);
    await expect(call('session:status', {})).rejects.toThrow(/^session:status: request: /);
  });

  it('refuses every session call from a frame outside the app, before touching the store', async () => {
    await writeFile(sessionFile(), 'keep me');
    for (const channel of ['session:load', 'session:clear', 'session:status']) {
      await expect(call(channel, undefined, 'https://evil.example/')).rejects.toThrow(/refused a call from a frame outside the app/);
    }
    await expect(call('session:save', SESSION, 'https://evil.example/')).rejects.toThrow(/refused/);
    expect(await readFile(sessionFile(), 'utf8')).toBe('keep me');
    expect(safeStorage.decryptStringAsync).not.toHaveBeenCalled();
  });
});

describe('session IPC: with an OS secret store', () => {
  it('encrypts the session with safeStorage in userData, only the user may read it, and loads it back', async () => {
    await expect(call('session:save', SESSION)).resolves.toEqual({ secure: true });

    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    const onDisk = await readFile(sessionFile(), 'utf8');
    expect(onDisk).not.toContain(SESSION.token);
    expect(onDisk).not.toContain(SESSION.user.email);
    expect(JSON.parse(onDisk)).toMatchObject({ format: 'partner-desk-session', version: 1, encrypted: true });
    if (process.platform !== 'win32') expect((await stat(sessionFile())).mode & 0o777).toBe(0o600);

    await expect(call('session:load')).resolves.toEqual(SESSION);
    expect(safeStorage.decryptStringAsync).toHaveBeenCalledTimes(1);
    await expect(call('session:status')).resolves.toEqual({ secure: true });
  });

  it('replaces the file atomically: a temporary file renamed over it, nothing left behind', async () => {
    await call('session:save', SESSION);
    await call('session:save', { ...SESSION, token: 'b'.repeat(43) });
    expect(renames).toHaveLength(2);
    expect(renames.every(([, to]) => to === sessionFile())).toBe(true);
    expect(await readdir(dir)).toEqual([SESSION_FILE]);
    await expect(call('session:load')).resolves.toMatchObject({ token: 'b'.repeat(43) });
  });

  it('answers null when nobody signed in, or the file is unreadable, and clears the session', async () => {
    await expect(call('session:load')).resolves.toBeNull();
    await writeFile(sessionFile(), '{"format":"partner-desk-session"');
    await expect(call('session:load')).resolves.toBeNull();
    await writeFile(sessionFile(), JSON.stringify({ format: 'partner-desk-session', version: 1, encrypted: true, data: 'bm90IGVuY3J5cHRlZA==' }));
    await expect(call('session:load')).resolves.toBeNull();

    await call('session:save', SESSION);
    await expect(call('session:clear')).resolves.toEqual({ cleared: true });
    expect(await readdir(dir)).toEqual([]);
    await expect(call('session:load')).resolves.toBeNull();
    await expect(call('session:clear')).resolves.toEqual({ cleared: true });
  });

  it('treats an encrypted session as signed out when the secret store is gone', async () => {
    await call('session:save', SESSION);
    fake.encryptionAvailable = false;
    await expect(call('session:load')).resolves.toBeNull();
    expect(await readdir(dir)).toEqual([SESSION_FILE]);
  });
});

describe('session IPC: without a secret store', () => {
  it('on Linux with the basic_text store still encrypts, but reports the token as not secure', async () => {
    fake.storageBackend = 'basic_text';
    const store = createSessionStore(sessionFile(), 'linux');
    await expect(store.save(SESSION)).resolves.toEqual({ secure: false });
    expect(await readFile(sessionFile(), 'utf8')).not.toContain(SESSION.token);
    await expect(store.load()).resolves.toEqual(SESSION);
    await expect(store.status()).resolves.toEqual({ available: true, secure: false });
  });

  it('ignores the Linux store name on other systems', async () => {
    fake.storageBackend = 'basic_text';
    await expect(createSessionStore(sessionFile(), 'darwin').save(SESSION)).resolves.toEqual({ secure: true });
  });

  it('keeps working unencrypted when no encryption is available, and says so', async () => {
    fake.encryptionAvailable = false;
    await expect(call('session:status')).resolves.toEqual({ secure: false });
    await expect(call('session:save', SESSION)).resolves.toEqual({ secure: false });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    expect(JSON.parse(await readFile(sessionFile(), 'utf8'))).toMatchObject({ encrypted: false });
    await expect(call('session:load')).resolves.toEqual(SESSION);
  });
});
