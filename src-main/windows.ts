import type { WebContents, WebPreferences } from 'electron';
import { app, BrowserWindow, nativeTheme } from 'electron';
import { openExternalUrl } from './externalUrls';
import { installFlushOnClose } from './flushOnClose';
import { isAllowedOrigin } from './origins';
import { installPermissionHandlers } from './permissions';
import type { WindowState } from './windowState';
import { MIN_WINDOW_SIZE } from './windowState';

export type MainWindowOptions = {
  /** What to load: the app:// entry URL, or the dev server URL in development. */
  url: string;
  preloadPath: string;
  /** Origins the window may show and that may talk to main: the app origin (+ dev server). */
  allowedOrigins: readonly string[];
  state: WindowState;
};

/** Matches the renderer's body background so the window never flashes white in dark mode. */
export const windowBackgroundColor = (dark: boolean): string => (dark ? '#242424' : '#ffffff');

/**
 * The renderer is untrusted: isolated from Node and from the preload's world, sandboxed, with the
 * same-origin policy on. It reaches main only through the preload's bridge.
 */
export const secureWebPreferences = (preloadPath: string): WebPreferences => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: true,
});

/**
 * Keeps a webContents on the app's own origins: no new windows (allow-listed external links go to
 * the OS browser instead), no navigation or redirect elsewhere, no <webview>.
 */
export const guardWebContents = (contents: WebContents, allowedOrigins: readonly string[]): void => {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalUrl(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedOrigin(event.url, allowedOrigins)) return;
    event.preventDefault();
    void openExternalUrl(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedOrigin(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
};

/**
 * The app-wide baseline for every WebContents Electron creates (windows, hidden windows, and any
 * created later): no navigation or redirect off the app's origins, no new windows, no <webview>.
 * Windows the app opens add their own guard on top (guardWebContents: allow-listed links go to
 * the OS browser); the two together are never looser than this one.
 */
export const denyForeignContent = (contents: WebContents, allowedOrigins: readonly string[]): void => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAllowedOrigin(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedOrigin(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
};

/** Installs denyForeignContent on every WebContents the app creates from now on. */
export const guardAllWebContents = (allowedOrigins: readonly string[]): void => {
  app.on('web-contents-created', (_event, contents) => denyForeignContent(contents, allowedOrigins));
};

/** Creates the main window, hidden until its first paint is ready. */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const { state } = options;
  const window = new BrowserWindow({
    title: 'Partner Desk',
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: windowBackgroundColor(nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardWebContents(window.webContents, options.allowedOrigins);
  installPermissionHandlers(window.webContents.session, options.allowedOrigins);
  installFlushOnClose(window);
  window.once('ready-to-show', () => {
    if (state.isMaximized) window.maximize();
    window.show();
  });
  window.loadURL(options.url).catch((error: unknown) => {
    console.error('[partner-desk] could not load the renderer', error);
  });
  return window;
};
