import type { MenuItemConstructorOptions } from 'electron';
import { BrowserWindow, Menu } from 'electron';
import type { MenuCommand } from '../src-shared/ipc/channels';
import { MENU_EVENT_CHANNEL } from '../src-shared/ipc/channels';

export type MenuOptions = {
  /** Reload and developer tools appear only in development. */
  isDev: boolean;
};

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The application menu. Standard items use Electron roles (native labels, shortcuts and
 * behaviour per platform); the app's own items call `send` with their command.
 */
export const buildMenuTemplate = (
  platform: NodeJS.Platform,
  send: (command: MenuCommand) => void,
  options: MenuOptions = { isDev: false },
): MenuItemConstructorOptions[] => {
  const isMac = platform === 'darwin';
  const command = (label: string, accelerator: string | undefined, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(name),
  });
  const settings = command('Settings…', 'CmdOrCtrl+,', 'settings');

  const appMenu: MenuItemConstructorOptions = {
    label: 'Partner Desk',
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Partner', 'CmdOrCtrl+N', 'new-partner'),
      command('Import Partners from CSV…', 'CmdOrCtrl+I', 'import-partners'),
      separator,
      ...(isMac ? [{ role: 'close' } as const] : [settings, separator, { role: 'quit' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: [
      command('Today', 'CmdOrCtrl+1', 'today'),
      command('Portfolio', 'CmdOrCtrl+2', 'portfolio'),
      separator,
      command('Search…', 'CmdOrCtrl+K', 'search'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const, separator]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  /** Platform default: Minimize/Zoom/Bring All to Front + window list on macOS, Minimize/Close elsewhere. */
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  const helpMenu: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [command('Search Partner Desk…', undefined, 'search'), ...(isMac ? [] : [separator, { role: 'about' } as const])],
  };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, goMenu, viewMenu, windowMenu, helpMenu];
};

/** Delivers a menu command to the focused window (or the only one), where the bridge's onMenuCommand picks it up. */
export const sendMenuCommand = (command: MenuCommand): void => {
  const target = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (target && !target.isDestroyed()) target.webContents.send(MENU_EVENT_CHANNEL, command);
};

export const installApplicationMenu = (options: MenuOptions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, sendMenuCommand, options)));
};
