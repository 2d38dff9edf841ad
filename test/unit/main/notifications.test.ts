import type { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../src-main/appProtocol';
import { registerIpcHandlers } from '../../../src-main/ipc';
import { FakeBrowserWindow, ipcEventFrom, registeredIpcHandler, resetFakeElectron } from './fakeElectron';

/** Electron's Notification, as far as the app uses it: shown, clicked or closed by the user. */
const notifications = vi.hoisted(() => ({ supported: true, shown: [] as unknown[] }));

vi.mock('electron', async () => {
  const { electronModule } = await import('./fakeElectron');
  const { EventEmitter } = await import('node:events');
  class FakeNotification extends EventEmitter {
    static isSupported = () => notifications.supported;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show(): void {
      notifications.shown.push(this);
    }
  }
  return { ...electronModule, Notification: FakeNotification };
});

type ShownNotification = EventEmitter & { options: { title: string; body: string } };

const APP_FRAME = 'app://partner-desk/index.html';

beforeEach(() => {
  resetFakeElectron();
  notifications.supported = true;
  notifications.shown.length = 0;
  registerIpcHandlers({ allowedOrigins: [APP_ORIGIN] });
});

describe('notify:show', () => {
  it('shows the notification and, when clicked, brings the window back and tells the renderer to open the partner', async () => {
    const window = new FakeBrowserWindow({});
    window.minimized = true;
    const answer = registeredIpcHandler('notify:show')(ipcEventFrom(APP_FRAME, window.webContents), {
      title: 'Check-in due today: Acme Cloud',
      body: 'Click to open the partner and record the check-in.',
    });
    await vi.waitFor(() => expect(notifications.shown).toHaveLength(1));
    const shown = notifications.shown[0] as ShownNotification;
    expect(shown.options.title).toBe('Check-in due today: Acme Cloud');
    shown.emit('click');
    await expect(answer).resolves.toEqual({ shown: true, clicked: true });
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focusCalls).toBe(1);
  });

  it('answers not clicked when the notification is dismissed', async () => {
    const answer = registeredIpcHandler('notify:show')(ipcEventFrom(APP_FRAME), { title: 'Check-in due', body: '' });
    await vi.waitFor(() => expect(notifications.shown).toHaveLength(1));
    (notifications.shown[0] as ShownNotification).emit('close');
    await expect(answer).resolves.toEqual({ shown: true, clicked: false });
  });

  it('says it was not shown where the system has no notifications', async () => {
    notifications.supported = false;
    await expect(registeredIpcHandler('notify:show')(ipcEventFrom(APP_FRAME), { title: 'Check-in due', body: '' })).resolves.toEqual({
      shown: false,
      clicked: false,
    });
    expect(notifications.shown).toHaveLength(0);
  });

  it.each([
    ['an empty title', { title: '  ', body: '' }, /notify:show: title/],
    ['a body that is too long', { title: 'x', body: 'x'.repeat(1001) }, /notify:show: body/],
    ['unknown fields', { title: 'x', body: '', onClick: 'javascript:alert(1)' }, /notify:show: request/],
  ])('refuses %s', async (_label, payload, message) => {
    await expect(registeredIpcHandler('notify:show')(ipcEventFrom(APP_FRAME), payload)).rejects.toThrow(message);
    expect(notifications.shown).toHaveLength(0);
  });

  it('refuses a frame outside the app', async () => {
    await expect(registeredIpcHandler('notify:show')(ipcEventFrom('https://evil.example/'), { title: 'x', body: '' })).rejects.toThrow(/outside the app/);
  });
});
