import type { BrowserWindow } from 'electron';
import { FLUSH_REQUEST_CHANNEL } from '../src-shared/ipc/channels';

/** How long a closing window waits for the renderer to save what is typed before closing anyway. */
export const FLUSH_TIMEOUT_MS = 3000;

const waiting = new Map<string, () => void>();
let counter = 0;

/**
 * The renderer's answer on `window:flushed`: releases the window waiting for `requestId`.
 * False when no window waits for it (already closed, timed out, or an id main never sent).
 */
export const acknowledgeFlush = (requestId: string): boolean => {
  const release = waiting.get(requestId);
  if (!release) return false;
  release();
  return true;
};

/**
 * Nothing typed is lost when the window is closed: the first `close` is held back, the renderer
 * is asked to save (`FLUSH_REQUEST_CHANNEL`), and the window closes once it answers, or after
 * `timeoutMs` if it never does (a hung renderer must not keep the window open forever).
 */
export const installFlushOnClose = (window: BrowserWindow, timeoutMs = FLUSH_TIMEOUT_MS): void => {
  let state: 'open' | 'flushing' | 'flushed' = 'open';
  window.on('close', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'flushing') return;
    state = 'flushing';
    counter += 1;
    const requestId = `flush-${counter}`;
    const finish = () => {
      clearTimeout(timer);
      waiting.delete(requestId);
      state = 'flushed';
      if (!window.isDestroyed()) window.close();
    };
    const timer = setTimeout(finish, timeoutMs);
    waiting.set(requestId, finish);
    window.webContents.send(FLUSH_REQUEST_CHANNEL, requestId);
  });
};
