import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src-main/appProtocol';
import { createMainWindow } from '../../../src-main/windows';
import type { WindowState } from '../../../src-main/windowState';
import type { FakeBrowserWindow } from './fakeElectron';
import { fake, resetFakeElectron, shell } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const DEV_ORIGIN = 'http://localhost:5173';
const state: WindowState = { width: 1280, height: 800, isMaximized: false };

const openWindow = (overrides: { allowedOrigins?: string[]; state?: WindowState } = {}): FakeBrowserWindow =>
  createMainWindow({
    url: APP_ENTRY_URL,
    preloadPath: '/opt/partner-desk/out/preload/preload.cjs',
    allowedOrigins: overrides.allowedOrigins ?? [APP_ORIGIN],
    state: overrides.state ?? state,
  }) as unknown as FakeBrowserWindow;

beforeEach(() => {
  resetFakeElectron();
});

describe('the main window', () => {
  it('is created with an isolated, sandboxed renderer and the preload', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      preload: '/opt/partner-desk/out/preload/preload.cjs',
    });
    expect(window.options).toMatchObject({ minWidth: 960, minHeight: 640, width: 1280, height: 800 });
    expect(window.loadedUrl).toBe('app://partner-desk/index.html');
  });

  it('stays hidden until its first paint is ready, then shows (maximized if it was)', () => {
    const window = openWindow({ state: { width: 1000, height: 700, x: 10, y: 20, isMaximized: true } });
    expect(window.options).toMatchObject({ show: false, x: 10, y: 20 });
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
  });

  it('paints its background in the OS theme', () => {
    fake.darkTheme = true;
    const dark = openWindow();
    fake.darkTheme = false;
    const light = openWindow();
    expect(dark.options.backgroundColor).not.toBe(light.options.backgroundColor);
    expect(light.options.backgroundColor).toBe('#ffffff');
  });
});

describe('window.open', () => {
  it('never opens a window; allow-listed external links go to the OS browser', () => {
    const window = openWindow();
    expect(window.webContents.windowOpen('https://partner.example.com/docs')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://partner.example.com/docs');
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'http://example.com/', 'app://partner-desk/index.html', 'smb://share/x'])(
    'denies %s without handing it to the OS',
    (url) => {
      const window = openWindow();
      expect(window.webContents.windowOpen(url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('navigation', () => {
  it('stays within the app origin', () => {
    const { webContents } = openWindow();
    expect(webContents.attempt('will-navigate', 'app://partner-desk/index.html#/partners')).toBe(false);
    expect(webContents.attempt('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(webContents.attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(webContents.attempt('will-navigate', 'app://other-host/index.html')).toBe(true);
    expect(webContents.attempt('will-navigate', DEV_ORIGIN + '/')).toBe(true);
  });

  it('sends a blocked https link to the OS browser, never a file: URL', () => {
    const { webContents } = openWindow();
    webContents.attempt('will-navigate', 'https://partner.example.com/');
    webContents.attempt('will-navigate', 'file:///etc/passwd');
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    expect(shell.openExternal).toHaveBeenCalledWith('https://partner.example.com/');
  });

  it('allows the dev server origin only when it is one of the allowed origins', () => {
    const { webContents } = openWindow({ allowedOrigins: [APP_ORIGIN, DEV_ORIGIN] });
    expect(webContents.attempt('will-navigate', 'http://localhost:5173/partners')).toBe(false);
    expect(webContents.attempt('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('blocks redirects to other origins', () => {
    const { webContents } = openWindow();
    expect(webContents.attempt('will-redirect', 'https://evil.example/')).toBe(true);
    expect(webContents.attempt('will-redirect', 'app://partner-desk/index.html')).toBe(false);
  });

  it('refuses to attach <webview> tags', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toMatchObject({ webviewTag: false });
    expect(window.webContents.attempt('will-attach-webview')).toBe(true);
  });
});

describe('permissions', () => {
  it('grants only notifications and sanitized clipboard writes, and only to the app', () => {
    const { session } = openWindow().webContents;
    expect(session.request('notifications', 'app://partner-desk/index.html')).toBe(true);
    expect(session.request('clipboard-sanitized-write', 'app://partner-desk/index.html')).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid']) {
      expect(session.request(permission, 'app://partner-desk/index.html')).toBe(false);
    }
    expect(session.request('notifications', 'https://evil.example/')).toBe(false);
    expect(session.check('notifications', 'app://partner-desk')).toBe(true);
    expect(session.check('media', 'app://partner-desk')).toBe(false);
    expect(session.check('notifications', 'https://evil.example')).toBe(false);
  });
});
