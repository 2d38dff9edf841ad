import { createContext, useContext, useMemo, useState } from 'react';
import { partnerOverview, todayAgenda, type PartnerOverview, type TodayAgenda } from '../../src-shared/domain/partnerOverview';
import type { Partner } from '../../src-shared/domain/types';
import { createPartnerMemo, forPartner, useAppData, type AppData } from '../db/useAppData';
import { useToday } from './useToday';

export type PartnerRow = PartnerOverview & { partner: Partner };

export type PortfolioOverview = {
  today: string;
  rows: PartnerRow[];
  rowsById: Map<string, PartnerRow>;
  agenda: TodayAgenda;
};

/** Overview of one partner from the live data (journey, health and next best action). */
export function overviewFor(data: AppData, partner: Partner, today: string): PartnerOverview {
  return partnerOverview({
    partner,
    tasks: forPartner(data.tasksByPartner, partner.id),
    meetings: forPartner(data.meetingsByPartner, partner.id),
    deals: forPartner(data.dealsByPartner, partner.id),
    plans: forPartner(data.plansByPartner, partner.id),
    trainings: forPartner(data.trainingsByPartner, partner.id),
    surveys: forPartner(data.surveysByPartner, partner.id),
    today,
  });
}

export const PortfolioOverviewContext = createContext<PortfolioOverview | null>(null);

/** The overview computed once by <PortfolioOverviewProvider> for every screen. */
export function usePortfolioOverview(): PortfolioOverview {
  const overview = useContext(PortfolioOverviewContext);
  if (!overview) throw new Error('usePortfolioOverview must be used inside <PortfolioOverviewProvider>');
  return overview;
}

/**
 * A function computing every partner's overview plus the Today agenda that reuses a partner's
 * overview while its inputs are unchanged, so one edit recomputes one partner, not five hundred.
 */
export function createPortfolioOverviewComputer(): (data: AppData, today: string) => PortfolioOverview {
  const overviews = createPartnerMemo(overviewFor);
  return (data, today) => {
    const rows = overviews(data, data.partners, today).map((overview, i) => ({ partner: data.partners[i] as Partner, ...overview }));
    const agenda = todayAgenda(
      rows.map((row) => ({
        partnerId: row.partner.id,
        churned: row.partner.status === 'churned',
        tasks: forPartner(data.tasksByPartner, row.partner.id),
        healthScore: row.health.score,
      })),
      today,
    );
    return { today, rows, rowsById: new Map(rows.map((row) => [row.partner.id, row])), agenda };
  };
}

/** Every partner's overview plus the Today agenda, recomputed when data or the date changes. */
export function useComputedPortfolioOverview(): PortfolioOverview {
  const data = useAppData();
  const today = useToday();
  const [compute] = useState(createPortfolioOverviewComputer);
  return useMemo(() => compute(data, today), [compute, data, today]);
}
