import { useEffect } from 'react';
import type { DemoSize } from '../../src-shared/demo/demoPortfolio';
import type { AppDatabase } from '../db/appDatabase';
import { useDatabase } from '../db/useDatabase';
import { loadDemoPortfolio } from '../features/firstrun/loadDemoPortfolio';
import { usePlatform } from '../platform/usePlatform';
import { useProfile } from './useProfile';
import { useToday } from './useToday';

/** What the benchmark and end-to-end tests reach on `window.partnerDeskAutomation`. */
export type Automation = {
  db: AppDatabase;
  loadDemo: (size?: DemoSize) => Promise<number>;
};

declare global {
  // Augmenting Window requires an interface (a type alias cannot merge).
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    partnerDeskAutomation?: Automation;
  }
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
    if (platform.kind !== 'browser' || !new URLSearchParams(window.location.search).has('automation')) return;
    window.partnerDeskAutomation = { db, loadDemo: (size) => loadDemoPortfolio(db, profile, today, size) };
    return () => {
      delete window.partnerDeskAutomation;
    };
  }, [db, platform, profile, today]);
  return null;
}
