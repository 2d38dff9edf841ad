import { app, BrowserWindow, dialog, screen } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL, APP_ORIGIN, registerAppProtocol, registerAppScheme } from './appProtocol';
import { registerIpcHandlers } from './ipc';
import { installApplicationMenu } from './menu';
import { originOf } from './origins';
import { createSyncServerAccess, SYNC_SERVER_FILE } from './syncServerAccess';
import { createMainWindow, guardAllWebContents } from './windows';
import { readWindowState, trackWindowState, WINDOW_STATE_FILE } from './windowState';

export const APP_USER_MODEL_ID = 'com.partnerdesk.app';

export type AppLocations = {
  /** Built renderer served on app:// (out/renderer). */
  rendererDir: string;
  /** Built sandboxed preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** electron-vite's dev server; honoured only when the app is not packaged. */
  devServerUrl: string | undefined;
};

/** Where the build output lives, from the app root (the folder or asar holding package.json). */
export const appLocations = (appPath: string, isPackaged: boolean, env: NodeJS.ProcessEnv): AppLocations => ({
  rendererDir: join(appPath, 'out', 'renderer'),
  preloadPath: join(appPath, 'out', 'preload', 'preload.cjs'),
  devServerUrl: isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined,
});

/**
 * The main process's life: one instance only, the app: scheme registered before `ready`, then
 * protocol, IPC, menu and window once ready. Returns false when another instance already runs
 * (that one is focused and this one quits).
 */
export const startApp = (env: NodeJS.ProcessEnv = process.env): boolean => {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  registerAppScheme();
  app.setAppUserModelId(APP_USER_MODEL_ID);

  const isDev = !app.isPackaged;
  const locations = appLocations(app.getAppPath(), app.isPackaged, env);
  const devOrigin = originOf(locations.devServerUrl);
  const allowedOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  let mainWindow: BrowserWindow | null = null;
  // Every WebContents (windows, the PDF printer, anything created later) stays on the app.
  guardAllWebContents(allowedOrigins);

  const openMainWindow = (): BrowserWindow => {
    const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
    const window = createMainWindow({
      url: locations.devServerUrl ?? APP_ENTRY_URL,
      preloadPath: locations.preloadPath,
      allowedOrigins,
      state: readWindowState(stateFile, screen.getAllDisplays().map((display) => display.workArea)),
    });
    trackWindowState(window, stateFile);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    return window;
  };

  app.on('second-instance', () => {
    if (!app.isReady()) return;
    if (!mainWindow || mainWindow.isDestroyed()) {
      openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      const syncServers = createSyncServerAccess(join(app.getPath('userData'), SYNC_SERVER_FILE));
      registerAppProtocol(locations.rendererDir, syncServers);
      registerIpcHandlers({ allowedOrigins, syncServers });
      installApplicationMenu({ isDev });
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('[partner-desk] failed to start', error);
      dialog.showErrorBox('Partner Desk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
  return true;
};
