import type * as FsPromises from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../src-main/appProtocol';
import { registerIpcHandlers, validateRequest, validateSender } from '../../../src-main/ipc';
import { IPC_CHANNELS } from '../../../src-shared/ipc/contract';
import { dialog, fake, ipcEventFrom, ipcHandlers, registeredIpcHandler, resetFakeElectron, shell } from './fakeElectron';

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
const allowedOrigins = [APP_ORIGIN];
const csv = [{ name: 'CSV', extensions: ['csv'] }];

/** Calls a registered handler as the renderer would; `frameUrl: null` means the sending frame is gone. */
const call = (channel: string, payload: unknown, frameUrl: string | null = APP_FRAME) =>
  registeredIpcHandler(channel)(ipcEventFrom(frameUrl), payload);

let dir: string;

beforeEach(async () => {
  resetFakeElectron();
  renames.length = 0;
  dir = await mkdtemp(join(tmpdir(), 'pd-ipc-'));
  fake.paths = { documents: join(dir, 'Documents') };
  registerIpcHandlers({ allowedOrigins });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('validateSender', () => {
  it('accepts frames of the app origin and the dev server when allowed', () => {
    expect(validateSender('app://partner-desk/index.html#/today', allowedOrigins)).toBe(true);
    expect(validateSender('http://localhost:5173/', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });

  it.each([
    ['file://', 'file:///opt/partner-desk/out/renderer/index.html'],
    ['another host', 'https://evil.example/'],
    ['a look-alike host', 'app://partner-desk.evil.example/'],
    ['another port of the dev host', 'http://localhost:5174/'],
    ['about:blank', 'about:blank'],
    ['a missing frame', undefined],
    ['garbage', 'not a url'],
  ])('rejects %s', (_label, url) => {
    expect(validateSender(url, allowedOrigins)).toBe(false);
  });
});

describe('validateRequest', () => {
  it('returns the parsed request when it matches the schema', () => {
    expect(validateRequest('shell:openExternal', { url: 'https://example.com/' })).toEqual({ url: 'https://example.com/' });
  });

  it('names the channel and the field that is wrong', () => {
    expect(() => validateRequest('file:saveText', { defaultName: '', content: 'x', filters: [] })).toThrow(
      /^file:saveText: defaultName: .+/,
    );
    expect(() =>
      validateRequest('file:openText', { filters: [{ name: 'CSV', extensions: ['C$V'] }] }),
    ).toThrow(/^file:openText: filters\.0\.extensions\.0: /);
    expect(() => validateRequest('app:getInfo', { sneaky: true })).toThrow(/^app:getInfo: request: /);
  });

  it('knows no channel outside the contract', () => {
    expect(() => validateRequest('fs:deleteEverything' as never, {})).toThrow(/Unknown IPC channel/);
    expect(() => validateRequest('__proto__' as never, {})).toThrow(/Unknown IPC channel/);
  });
});

describe('registerIpcHandlers', () => {
  it('registers exactly the channels of the contract', () => {
    expect([...ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each([['file:///etc/index.html'], ['https://evil.example/'], [null]])(
    'rejects a call from an unknown sender (%s) before doing anything',
    async (frameUrl) => {
      await expect(call('file:openText', { filters: csv }, frameUrl)).rejects.toThrow(/file:openText: refused/);
      await expect(call('shell:openExternal', { url: 'https://example.com/' }, frameUrl)).rejects.toThrow(/refused/);
      expect(dialog.showOpenDialog).not.toHaveBeenCalled();
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('rejects an invalid payload with a message naming the field', async () => {
    await expect(call('file:saveText', { defaultName: '', content: 'x', filters: [] })).rejects.toThrow(
      /^file:saveText: defaultName: /,
    );
    await expect(call('file:saveText', { defaultName: 'a.csv', filters: [] })).rejects.toThrow(/file:saveText: content: /);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('answers app:getInfo', async () => {
    await expect(call('app:getInfo', undefined)).resolves.toEqual({
      version: '0.1.0',
      platform: process.platform,
      electron: expect.any(String),
    });
  });
});

describe('shell:openExternal', () => {
  it('opens https and mailto links with the OS', async () => {
    await expect(call('shell:openExternal', { url: 'https://partner.example.com/portal' })).resolves.toEqual({ opened: true });
    await expect(call('shell:openExternal', { url: 'mailto:anna@partner.example.com' })).resolves.toEqual({ opened: true });
    expect(shell.openExternal).toHaveBeenCalledWith('https://partner.example.com/portal');
  });

  it.each(['javascript:alert(document.cookie)', 'file:///etc/passwd', 'http://partner.example.com/', 'ms-msdt:/id', 'https://user:pw@evil.example/'])(
    'refuses %s',
    async (url) => {
      await expect(call('shell:openExternal', { url })).resolves.toEqual({ opened: false });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('file:saveText', () => {
  const target = () => join(dir, 'exports', 'partners.csv');

  it('proposes a safe name in Documents, then writes the text the user chose to save', async () => {
    await mkdir(dirname(target()), { recursive: true });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target() });

    const result = await call('file:saveText', { defaultName: '../../partners.csv', content: 'name\nAcme\n', filters: csv });

    expect(result).toEqual({ saved: true, path: target() });
    expect(await readFile(target(), 'utf8')).toBe('name\nAcme\n');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(dir, 'Documents', 'partners.csv'), filters: csv }),
    );
  });

  it('replaces an existing file atomically: a complete temporary file renamed over it, nothing left behind', async () => {
    await mkdir(dirname(target()), { recursive: true });
    await writeFile(target(), 'old contents that are longer than the new ones');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target() });

    await call('file:saveText', { defaultName: 'partners.csv', content: 'new', filters: csv });

    expect(await readFile(target(), 'utf8')).toBe('new');
    expect(renames).toHaveLength(1);
    const [from, to] = renames[0]!;
    expect(to).toBe(target());
    expect(dirname(from)).toBe(dirname(target()));
    expect(await readdir(dirname(target()))).toEqual(['partners.csv']);
  });

  it('leaves no temporary file when the write fails, and says which channel failed', async () => {
    await mkdir(target(), { recursive: true }); // a folder where the file should go: rename fails
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target() });

    await expect(call('file:saveText', { defaultName: 'partners.csv', content: 'new', filters: csv })).rejects.toThrow(
      /^file:saveText: /,
    );
    expect(await readdir(dirname(target()))).toEqual(['partners.csv']);
  });

  it('writes nothing when the user cancels', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await expect(call('file:saveText', { defaultName: 'partners.csv', content: 'x', filters: csv })).resolves.toEqual({
      saved: false,
    });
    expect(renames).toHaveLength(0);
  });
});

describe('file:openText', () => {
  it('reads the chosen file as text, without a byte-order mark', async () => {
    const path = join(dir, 'partners.csv');
    await writeFile(path, '\uFEFFname\nAcme\n');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });

    await expect(call('file:openText', { filters: csv })).resolves.toEqual({ name: 'partners.csv', content: 'name\nAcme\n' });
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: csv, properties: ['openFile'] }));
  });

  it('answers null when the user cancels', async () => {
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(call('file:openText', { filters: csv })).resolves.toBeNull();
  });

  it('refuses files over 50 MB with a clear error', async () => {
    const path = join(dir, 'huge.csv');
    await writeFile(path, '');
    await truncate(path, 51 * 1024 * 1024);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });

    await expect(call('file:openText', { filters: csv })).rejects.toThrow(
      'file:openText: "huge.csv" is 51 MB; Partner Desk opens text files up to 50 MB.',
    );
  });
});
