import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src-main/appProtocol';
import { FLUSH_TIMEOUT_MS } from '../../../src-main/flushOnClose';
import { registerIpcHandlers } from '../../../src-main/ipc';
import { createMainWindow } from '../../../src-main/windows';
import { FLUSH_REQUEST_CHANNEL } from '../../../src-shared/ipc/contract';
import type { FakeBrowserWindow } from './fakeElectron';
import { ipcEventFrom, registeredIpcHandler, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const APP_FRAME = 'app://partner-desk/index.html';

const openWindow = (): FakeBrowserWindow =>
  createMainWindow({
    url: APP_ENTRY_URL,
    preloadPath: '/opt/partner-desk/out/preload/preload.cjs',
    allowedOrigins: [APP_ORIGIN],
    state: { width: 1280, height: 800, isMaximized: false },
  }) as unknown as FakeBrowserWindow;

/** Fires the window's `close` the way Electron does; true when the app held it back. */
const attemptClose = (window: FakeBrowserWindow): boolean => {
  let prevented = false;
  window.emit('close', { preventDefault: () => (prevented = true) });
  return prevented;
};

const flushRequests = (window: FakeBrowserWindow): unknown[] => window.webContents.sent.filter(([channel]) => channel === FLUSH_REQUEST_CHANNEL).map(([, id]) => id);
const answer = (requestId: unknown, frameUrl: string | null = APP_FRAME) => registeredIpcHandler('window:flushed')(ipcEventFrom(frameUrl), { requestId });

beforeEach(() => {
  resetFakeElectron();
  registerIpcHandlers({ allowedOrigins: [APP_ORIGIN] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('closing the main window saves what is typed first', () => {
  it('holds the close, asks the renderer to flush, and closes once it answers', async () => {
    const window = openWindow();
    const close = vi.spyOn(window, 'close');
    expect(attemptClose(window)).toBe(true);
    const [requestId] = flushRequests(window);
    expect(requestId).toMatch(/^flush-\d+$/);
    expect(close).not.toHaveBeenCalled();

    // A second close (the user clicks again) while saving neither closes nor asks twice.
    expect(attemptClose(window)).toBe(true);
    expect(flushRequests(window)).toHaveLength(1);

    await expect(answer(requestId)).resolves.toEqual({ acknowledged: true });
    expect(close).toHaveBeenCalledTimes(1);
    expect(window.destroyed).toBe(true);
    await expect(answer(requestId)).resolves.toEqual({ acknowledged: false });
  });

  it('closes anyway when the renderer never answers', () => {
    vi.useFakeTimers();
    const window = openWindow();
    expect(attemptClose(window)).toBe(true);
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS);
    expect(window.destroyed).toBe(true);
  });

  it('refuses an answer that is not a flush request id, or from a frame outside the app', async () => {
    const window = openWindow();
    attemptClose(window);
    const [requestId] = flushRequests(window);
    await expect(answer('../../etc')).rejects.toThrow(/^window:flushed: requestId: must be a flush request id/);
    await expect(registeredIpcHandler('window:flushed')(ipcEventFrom(APP_FRAME), { requestId, extra: 1 })).rejects.toThrow(/^window:flushed: request: /);
    await expect(answer(requestId, 'https://evil.example/')).rejects.toThrow('window:flushed: refused a call from a frame outside the app');
    expect(window.destroyed).toBe(false);
  });
});
