import type { ReactNode } from 'react';
import { PortfolioOverviewContext, useComputedPortfolioOverview } from './usePortfolioOverview';

/** Computes journey, health and next action for every partner once, for all screens. */
export function PortfolioOverviewProvider({ children }: { children: ReactNode }) {
  const overview = useComputedPortfolioOverview();
  return <PortfolioOverviewContext.Provider value={overview}>{children}</PortfolioOverviewContext.Provider>;
}
