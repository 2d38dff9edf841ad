import type { ReactNode } from 'react';
import { AppDataContext } from '../db/useAppData';
import { PortfolioOverviewContext, useConsistentPortfolio } from './usePortfolioOverview';

/**
 * Computes journey, health and next action for every partner once, for all screens, and hands
 * the screens below the data it computed them from (see `useConsistentPortfolio`), so what a
 * screen reads from the store and from the overview always agree.
 */
export function PortfolioOverviewProvider({ children }: { children: ReactNode }) {
  const { data, overview } = useConsistentPortfolio();
  return (
    <AppDataContext.Provider value={data}>
      <PortfolioOverviewContext.Provider value={overview}>{children}</PortfolioOverviewContext.Provider>
    </AppDataContext.Provider>
  );
}
