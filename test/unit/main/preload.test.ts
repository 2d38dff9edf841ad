import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PartnerDeskBridge } from '../../../src-shared/ipc/contract';
import { FLUSH_REQUEST_CHANNEL, MENU_EVENT_CHANNEL } from '../../../src-shared/ipc/contract';
import { exposedInMainWorld, ipcRenderer, ipcRendererEvents, resetFakeElectron } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

let bridge: PartnerDeskBridge;

beforeAll(async () => {
  resetFakeElectron();
  await import('../../../src-main/preload');
  bridge = exposedInMainWorld.get('partnerDesk') as PartnerDeskBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
});

describe('the preload bridge', () => {
  it('exposes exactly invoke, onMenuCommand and onFlushRequest on window.partnerDesk, and nothing of ipcRenderer', () => {
    expect([...exposedInMainWorld.keys()]).toEqual(['partnerDesk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onFlushRequest', 'onMenuCommand']);
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('forwards calls on contract channels to main', async () => {
    await expect(bridge.invoke('shell:openExternal', { url: 'https://example.com/' })).resolves.toEqual({
      channel: 'shell:openExternal',
      request: { url: 'https://example.com/' },
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('shell:openExternal', { url: 'https://example.com/' });
  });

  it.each(['fs:readAnything', 'menu:command', '__proto__', 'toString'])('rejects the unknown channel %s without calling main', async (channel) => {
    await expect(bridge.invoke(channel as never, undefined as never)).rejects.toThrow(/Unknown IPC channel/);
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('passes only valid menu commands to the listener, without the IPC event', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));

    ipcRendererEvents.emit(MENU_EVENT_CHANNEL, { sender: ipcRenderer }, 'new-partner');
    ipcRendererEvents.emit(MENU_EVENT_CHANNEL, { sender: ipcRenderer }, 'format-disk');
    ipcRendererEvents.emit(MENU_EVENT_CHANNEL, { sender: ipcRenderer }, { command: 'today' });
    expect(received).toEqual([['new-partner']]);

    unsubscribe();
    ipcRendererEvents.emit(MENU_EVENT_CHANNEL, { sender: ipcRenderer }, 'today');
    expect(received).toEqual([['new-partner']]);
    expect(ipcRendererEvents.listenerCount(MENU_EVENT_CHANNEL)).toBe(0);
  });

  it('on a flush request from main, saves through the listener and then answers window:flushed with the same id', async () => {
    let saved = false;
    const unsubscribe = bridge.onFlushRequest(async () => {
      saved = true;
    });
    ipcRendererEvents.emit(FLUSH_REQUEST_CHANNEL, { sender: ipcRenderer }, 'flush-7');
    ipcRendererEvents.emit(FLUSH_REQUEST_CHANNEL, { sender: ipcRenderer }, { requestId: 'flush-8' });
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledWith('window:flushed', { requestId: 'flush-7' }));
    expect(saved).toBe(true);
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
    unsubscribe();
    expect(ipcRendererEvents.listenerCount(FLUSH_REQUEST_CHANNEL)).toBe(0);
  });

  it('answers the flush request even when saving failed, so the window still closes', async () => {
    const unsubscribe = bridge.onFlushRequest(() => Promise.reject(new Error('disk full')));
    ipcRendererEvents.emit(FLUSH_REQUEST_CHANNEL, { sender: ipcRenderer }, 'flush-9');
    await vi.waitFor(() => expect(ipcRenderer.invoke).toHaveBeenCalledWith('window:flushed', { requestId: 'flush-9' }));
    unsubscribe();
  });
});
