import type { IpcMainInvokeEvent } from 'electron';
import { BrowserWindow, Notification } from 'electron';
import type { IpcRequest, IpcResponse } from '../src-shared/ipc/contract';

/**
 * Notifications still on screen. Electron garbage-collects a Notification nobody references,
 * and its click event is lost with it; holding them here until clicked or closed prevents that.
 */
const showing = new Set<Notification>();

/** Brings the window that asked for the notification to the front (restored, shown, focused). */
function bringToFront(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * Shows a desktop notification for the renderer and answers when the user acts on it: a click
 * brings the app window to the front and answers `clicked: true`, so the renderer can open what
 * it was about; closing it answers `clicked: false`. Where the system has no notifications the
 * answer is immediate, `shown: false`.
 */
export function showNotification(request: IpcRequest<'notify:show'>, event: IpcMainInvokeEvent): Promise<IpcResponse<'notify:show'>> {
  if (!Notification.isSupported()) return Promise.resolve({ shown: false, clicked: false });
  const window = BrowserWindow.fromWebContents(event.sender);
  return new Promise((resolve) => {
    const notification = new Notification({ title: request.title, body: request.body, silent: false });
    const settle = (clicked: boolean) => {
      showing.delete(notification);
      resolve({ shown: true, clicked });
    };
    notification.on('click', () => {
      bringToFront(window);
      settle(true);
    });
    notification.on('close', () => settle(false));
    notification.on('failed', () => {
      showing.delete(notification);
      resolve({ shown: false, clicked: false });
    });
    showing.add(notification);
    notification.show();
  });
}
