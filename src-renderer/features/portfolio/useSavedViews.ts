import { useLocalStorage } from '@mantine/hooks';
import { useMemo } from 'react';
import { parseSavedViews, type SavedView } from './portfolioRows';

/** The portfolio's saved views, kept in this laptop's local storage (never synced). */
export function useSavedViews(): [SavedView[], (next: SavedView[]) => void] {
  const [stored, setStored] = useLocalStorage<unknown>({ key: 'partnerdesk.portfolio.views', defaultValue: [], getInitialValueInEffect: false });
  const views = useMemo(() => parseSavedViews(stored), [stored]);
  return [views, setStored];
}
