import type { PartnerDeskBridge } from '../../src-shared/ipc/contract';
import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './platform';

// Augmenting Window requires an interface (a type alias cannot merge).
declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    partnerDesk?: PartnerDeskBridge;
  }
}

/** Picks the Electron bridge when the preload exposed it, the browser implementation otherwise. */
export function detectPlatform(): Platform {
  return window.partnerDesk ? createElectronPlatform(window.partnerDesk) : createBrowserPlatform();
}
