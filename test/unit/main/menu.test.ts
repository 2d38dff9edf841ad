import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installApplicationMenu } from '../../../src-main/menu';
import type { MenuCommand } from '../../../src-shared/ipc/contract';
import { MENU_EVENT_CHANNEL } from '../../../src-shared/ipc/contract';
import { FakeBrowserWindow, Menu, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

const click = (item: MenuItemConstructorOptions | undefined): void => {
  if (!item?.click) throw new Error('menu item has no click handler');
  (item.click as () => void)();
};

const roles = (items: MenuItemConstructorOptions[]): string[] => flatten(items).flatMap((item) => (item.role ? [item.role] : []));

describe('buildMenuTemplate', () => {
  it.each(['darwin', 'win32', 'linux'] as const)('binds the app commands to their shortcuts on %s', (platform) => {
    const sent: MenuCommand[] = [];
    const items = flatten(buildMenuTemplate(platform, (command) => sent.push(command)));
    const byAccelerator = (accelerator: string) => items.find((item) => item.accelerator === accelerator);

    const expected: Array<[string, MenuCommand]> = [
      ['CmdOrCtrl+N', 'new-partner'],
      ['CmdOrCtrl+K', 'search'],
      ['CmdOrCtrl+,', 'settings'],
      ['CmdOrCtrl+I', 'import-partners'],
      ['CmdOrCtrl+1', 'today'],
      ['CmdOrCtrl+2', 'portfolio'],
    ];
    for (const [accelerator] of expected) click(byAccelerator(accelerator));
    expect(sent).toEqual(expected.map(([, command]) => command));

    const accelerators = items.flatMap((item) => (typeof item.accelerator === 'string' ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has the standard editing, zoom, fullscreen, window and quit items', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const available = roles(buildMenuTemplate(platform, () => undefined));
      expect(available).toEqual(
        expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help', 'quit']),
      );
    }
  });

  it('puts the app menu first on macOS only', () => {
    const mac = buildMenuTemplate('darwin', () => undefined);
    expect(mac[0]?.label).toBe('Partner Desk');
    expect(roles([mac[0]!])).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(buildMenuTemplate('win32', () => undefined)[0]?.label).toBe('File');
  });

  it('offers reload and developer tools only in development', () => {
    const production = roles(buildMenuTemplate('linux', () => undefined, { isDev: false }));
    expect(production).not.toContain('reload');
    expect(production).not.toContain('toggleDevTools');
    const development = roles(buildMenuTemplate('linux', () => undefined, { isDev: true }));
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('installApplicationMenu', () => {
  beforeEach(() => {
    resetFakeElectron();
  });

  it('sends commands to the focused window on the menu channel', () => {
    const background = new FakeBrowserWindow({});
    const focused = new FakeBrowserWindow({});
    FakeBrowserWindow.focusedWindow = focused;

    installApplicationMenu({ isDev: false });
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    click(flatten(template).find((item) => item.accelerator === 'CmdOrCtrl+N'));

    expect(focused.webContents.sent).toEqual([[MENU_EVENT_CHANNEL, 'new-partner']]);
    expect(background.webContents.sent).toEqual([]);
  });
});
