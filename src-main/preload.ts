import type { IpcRendererEvent } from 'electron';
import { contextBridge, ipcRenderer } from 'electron';
import { FLUSH_REQUEST_CHANNEL, isFlushRequestId, isIpcChannel, isMenuCommand, MENU_EVENT_CHANNEL } from '../src-shared/ipc/channels';
import type { PartnerDeskBridge } from '../src-shared/ipc/contract';

/*
 * Runs sandboxed in the renderer before the page, in its own isolated world. It hands the page
 * exactly `PartnerDeskBridge` and never ipcRenderer or an IPC event (whose `sender` is
 * ipcRenderer). Imports only channels.ts at runtime, so the bundle needs nothing but 'electron'.
 * Main validates every payload again: this is a first filter, not the security boundary.
 */

const bridge = {
  invoke: (channel, request) =>
    isIpcChannel(channel)
      ? ipcRenderer.invoke(channel, request)
      : Promise.reject(new Error(`Unknown IPC channel: ${String(channel)}`)),

  onMenuCommand: (listener) => {
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_EVENT_CHANNEL, forward);
    };
  },

  onFlushRequest: (listener) => {
    const forward = (_event: IpcRendererEvent, requestId: unknown): void => {
      if (!isFlushRequestId(requestId)) return;
      const answer = () => void ipcRenderer.invoke('window:flushed', { requestId }).catch(() => undefined);
      Promise.resolve()
        .then(listener)
        .then(answer, answer);
    };
    ipcRenderer.on(FLUSH_REQUEST_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(FLUSH_REQUEST_CHANNEL, forward);
    };
  },
} satisfies PartnerDeskBridge;

contextBridge.exposeInMainWorld('partnerDesk', bridge);
