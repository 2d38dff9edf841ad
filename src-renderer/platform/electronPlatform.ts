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
  };
}
