import { useEffect } from 'react';
import type { DemoSize } from '../../src-shared/demo/demoPortfolio';
import type { AppDatabase } from '../db/appDatabase';
import { useDatabase } from '../db/useDatabase';
import { loadDemoPortfolio } from '../features/firstrun/loadDemoPortfolio';
import type { Platform } from '../platform/platform';
import { usePlatform } from '../platform/usePlatform';
import { useProfile } from './useProfile';
import { useToday } from './useToday';

/** What the benchmark and end-to-end tests reach on `window.partnerDeskAutomation`. */
export type Automation = {
  db: AppDatabase;
  loadDemo: (size?: DemoSize) => Promise<number>;
  /** Lets the records held back by `?holdRecords` load (see automationRecordsHold). */
  releaseRecords: () => void;
};

declare global {
  // Augmenting Window requires an interface (a type alias cannot merge).
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    partnerDeskAutomation?: Automation;
  }
}

const automationRequested = (platform: Platform) => platform.kind === 'browser' && new URLSearchParams(window.location.search).has('automation');

let recordsHold: { promise: Promise<void>; release: () => void } | undefined;

/**
 * With `?automation&holdRecords` (browser build only): a barrier the app data waits on before it
 * reads anything but the partners, until a test calls `partnerDeskAutomation.releaseRecords()`.
 * End-to-end tests look at the screens in the state a large store is in for a while on a cold
 * open, without racing it. Undefined, i.e. no wait, for everyone else.
 */
export function automationRecordsHold(platform: Platform): Promise<void> | undefined {
  if (!automationRequested(platform) || !new URLSearchParams(window.location.search).has('holdRecords')) return undefined;
  if (!recordsHold) {
    let release = () => {};
    const promise = new Promise<void>((resolve) => (release = resolve));
    recordsHold = { promise, release };
  }
  return recordsHold.promise;
}

/**
 * Exposes the store to automation, only in the browser build and only when the page was opened
 * with `?automation` (the benchmark and tests do; a user never does). The desktop app never
 * exposes it. It grants nothing the page's own scripts could not already do.
 */
export function AutomationHooks() {
  const db = useDatabase();
  const platform = usePlatform();
  const [profile] = useProfile();
  const today = useToday();
  useEffect(() => {
    if (!automationRequested(platform)) return;
    window.partnerDeskAutomation = { db, loadDemo: (size) => loadDemoPortfolio(db, profile, today, size), releaseRecords: () => recordsHold?.release() };
    return () => {
      delete window.partnerDeskAutomation;
    };
  }, [db, platform, profile, today]);
  return null;
}
