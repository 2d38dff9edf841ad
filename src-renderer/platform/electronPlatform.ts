import type { PartnerDeskBridge } from '../../src-shared/ipc/contract';
import type { Platform } from './platform';

/** The Platform inside the desktop app: every call crosses the typed preload bridge. */
export function createElectronPlatform(bridge: PartnerDeskBridge): Platform {
  return {
    kind: 'electron',
    appVersion: async () => (await bridge.invoke('app:getInfo', undefined)).version,
    openExternal: async (url) => {
      await bridge.invoke('shell:openExternal', { url });
    },
    saveTextFile: async ({ suggestedName, content, kind }) =>
      bridge.invoke('file:saveText', {
        defaultName: suggestedName,
        content,
        filters: [{ name: kind.name, extensions: kind.extensions }],
      }),
    openTextFile: async (kind) => bridge.invoke('file:openText', { filters: [{ name: kind.name, extensions: kind.extensions }] }),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    onFlushRequest: (save) => bridge.onFlushRequest(save),
    notify: async ({ title, body, onClick }) => {
      // Main answers when the notification is clicked (after focusing the window) or dismissed,
      // or at once when it cannot be shown: a click then navigates in this renderer.
      const result = await bridge.invoke('notify:show', { title: title.slice(0, 200), body: body.slice(0, 1000) });
      if (result.clicked) onClick?.();
      return result.shown;
    },
    exportPlanPdf: async (request) => {
      const result = await bridge.invoke('plan:exportPdf', request);
      return { saved: result.saved, location: result.path, pages: result.pages };
    },
    exportWelcomeKitPdf: async (request) => {
      const result = await bridge.invoke('welcomeKit:exportPdf', request);
      return { saved: result.saved, location: result.path, pages: result.pages };
    },
    allowSyncServer: async (serverUrl) => ({ reloadRequired: (await bridge.invoke('sync:allowServer', { serverUrl })).reloadRequired }),
    session: {
      load: () => bridge.invoke('session:load', undefined),
      save: (session) => bridge.invoke('session:save', session),
      clear: async () => {
        await bridge.invoke('session:clear', undefined);
      },
      secureStorage: async () => (await bridge.invoke('session:status', undefined)).secure,
    },
  };
}
