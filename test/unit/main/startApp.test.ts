import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from '../../../src-main/startApp';
import { IPC_CHANNELS } from '../../../src-shared/ipc/contract';
import {
  app,
  appEvents,
  fake,
  FakeBrowserWindow,
  FakeWebContents,
  ipcHandlers,
  Menu,
  protocol,
  protocolHandlers,
  resetFakeElectron,
  shell,
} from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let dir: string;

beforeEach(async () => {
  resetFakeElectron();
  dir = await mkdtemp(join(tmpdir(), 'pd-start-'));
  fake.paths = { userData: dir, documents: dir };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onlyWindow = (): FakeBrowserWindow => {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
};

describe('startApp', () => {
  it('quits at once when another instance already holds the lock', async () => {
    fake.lock = false;
    expect(startApp({})).toBe(false);
    fake.markReady();
    await flush();

    expect(app.quit).toHaveBeenCalled();
    expect(ipcHandlers.size).toBe(0);
    expect(protocolHandlers.size).toBe(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('registers the app: scheme before ready, then protocol, IPC, menu and window once ready', async () => {
    expect(startApp({})).toBe(true);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.setAppUserModelId).toHaveBeenCalledWith('com.partnerdesk.app');
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    fake.markReady();
    await flush();

    expect(protocolHandlers.has('app')).toBe(true);
    expect([...ipcHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const window = onlyWindow();
    expect(window.loadedUrl).toBe('app://partner-desk/index.html');
    expect(window.options.webPreferences).toMatchObject({ preload: join('/opt/partner-desk', 'out', 'preload', 'preload.cjs') });
  });

  it('loads the dev server in development, but never in a packaged app', async () => {
    startApp({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    fake.markReady();
    await flush();
    expect(onlyWindow().loadedUrl).toBe('http://localhost:5173');

    resetFakeElectron();
    fake.paths = { userData: dir };
    fake.isPackaged = true;
    startApp({ ELECTRON_RENDERER_URL: 'https://evil.example/' });
    fake.markReady();
    await flush();
    expect(onlyWindow().loadedUrl).toBe('app://partner-desk/index.html');
  });

  it('focuses the existing window when a second instance starts', async () => {
    startApp({});
    fake.markReady();
    await flush();
    const window = onlyWindow();
    window.minimized = true;

    appEvents.emit('second-instance');

    expect(window.minimized).toBe(false);
    expect(window.focusCalls).toBe(1);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits when the last window closes (outside macOS) and re-creates the window on activate', async () => {
    startApp({});
    fake.markReady();
    await flush();
    onlyWindow().close();

    appEvents.emit('window-all-closed');
    if (process.platform === 'darwin') expect(app.quit).not.toHaveBeenCalled();
    else expect(app.quit).toHaveBeenCalled();

    appEvents.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  describe('every WebContents, not only the main window', () => {
    /** A WebContents the app did not create itself (a hidden window, a devtools or later one). */
    const createdElsewhere = (): FakeWebContents => {
      const contents = new FakeWebContents();
      appEvents.emit('web-contents-created', {}, contents);
      return contents;
    };

    it('may not navigate or redirect off the app, nor open windows or attach a <webview>', () => {
      startApp({});
      const contents = createdElsewhere();
      expect(contents.attempt('will-navigate', 'https://evil.example/phish')).toBe(true);
      expect(contents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
      expect(contents.attempt('will-attach-webview')).toBe(true);
      expect(contents.windowOpen('https://partner.example.com/docs')).toEqual({ action: 'deny' });
      expect(contents.attempt('will-navigate', 'app://partner-desk/index.html#/today')).toBe(false);
      // The baseline hands nothing to the OS: only the app's own windows send links to the browser.
      expect(shell.openExternal).not.toHaveBeenCalled();
    });

    it('allows the dev server origin in development only', () => {
      startApp({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
      expect(createdElsewhere().attempt('will-navigate', 'http://localhost:5173/')).toBe(false);

      resetFakeElectron();
      fake.paths = { userData: dir };
      fake.isPackaged = true;
      startApp({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
      expect(createdElsewhere().attempt('will-navigate', 'http://localhost:5173/')).toBe(true);
    });

    it('guards the main window too, which still sends allow-listed links to the OS browser', async () => {
      startApp({});
      fake.markReady();
      await flush();
      const { webContents } = onlyWindow();
      expect(webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
      expect(webContents.attempt('will-attach-webview')).toBe(true);
      expect(webContents.windowOpen('https://partner.example.com/docs')).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenCalledWith('https://partner.example.com/docs');
    });
  });
});
