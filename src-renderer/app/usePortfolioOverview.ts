import { createContext, startTransition, useContext, useEffect, useMemo, useState } from 'react';
import { partnerOverview, todayAgenda, type PartnerOverview, type TodayAgenda } from '../../src-shared/domain/partnerOverview';
import type { Partner } from '../../src-shared/domain/types';
import { createPartnerMemo, forPartner, useAppData, type AppData } from '../db/useAppData';
import { useToday } from './useToday';
import { inSlices } from './yieldToBrowser';

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

/** Computes every partner's overview plus the Today agenda; see `createPortfolioOverviewComputer`. */
export type PortfolioOverviewComputer = {
  (data: AppData, today: string): PortfolioOverview;
  /** The partners whose overview a call would have to compute (their inputs changed). */
  missing(data: AppData, today: string): Partner[];
  /** Computes one partner's overview ahead of the call that will use it. */
  fill(data: AppData, partner: Partner, today: string): void;
};

/**
 * A function computing every partner's overview plus the Today agenda that reuses a partner's
 * overview while its inputs are unchanged, so one edit recomputes one partner, not five hundred;
 * the same data and day give the very same overview object.
 */
export function createPortfolioOverviewComputer(): PortfolioOverviewComputer {
  const overviews = createPartnerMemo(overviewFor);
  let last: { data: AppData; today: string; overview: PortfolioOverview } | null = null;
  const compute = (data: AppData, today: string): PortfolioOverview => {
    if (last && last.data === data && last.today === today) return last.overview;
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
    const overview = { today, rows, rowsById: new Map(rows.map((row) => [row.partner.id, row])), agenda };
    last = { data, today, overview };
    return overview;
  };
  compute.missing = (data: AppData, today: string) => overviews.missing(data, data.partners, today);
  compute.fill = (data: AppData, partner: Partner, today: string) => overviews.fill(data, partner, today);
  return compute;
}

/** The data and the overview computed from it: what every screen below the provider reads. */
export type ConsistentPortfolio = { data: AppData; overview: PortfolioOverview };

/**
 * At most this many partners' overviews are computed in the render that needs them (a few
 * milliseconds); more (the records arriving, a large import, a new day) are computed a slice at a
 * time between frames.
 */
export const OVERVIEWS_IN_ONE_RENDER = 40;

/**
 * The live data with every partner's overview, always a matching pair. A change that touches
 * few partners is shown in the same render; one that needs many overviews (the tasks, meetings
 * and deals arriving after the partners) is computed in slices that never block input for long,
 * and the screens keep showing the previous pair (e.g. the "loading records" state) until the
 * new one is complete, so no screen ever shows data beside an overview of other data.
 */
export function useConsistentPortfolio(): ConsistentPortfolio {
  const data = useAppData();
  const today = useToday();
  const [compute] = useState(createPortfolioOverviewComputer);
  const [shown, setShown] = useState<ConsistentPortfolio | null>(null);
  const [filled, setFilled] = useState(0);
  const hasShown = shown !== null;
  const fresh = useMemo<ConsistentPortfolio | null>(() => {
    void filled; // a slice run finished: the overviews it filled are now kept
    if (hasShown && compute.missing(data, today).length > OVERVIEWS_IN_ONE_RENDER) return null;
    return { data, overview: compute(data, today) };
  }, [compute, data, today, hasShown, filled]);

  // Kept for the renders that have to show it while a newer pair is being computed.
  if (fresh && (shown?.data !== fresh.data || shown.overview !== fresh.overview)) setShown(fresh);

  useEffect(() => {
    if (fresh) return undefined;
    let cancelled = false;
    void inSlices(compute.missing(data, today), (partner) => compute.fill(data, partner, today), () => cancelled).then((done) => {
      if (done) startTransition(() => setFilled((n) => n + 1));
    });
    return () => {
      cancelled = true;
    };
  }, [fresh, compute, data, today]);

  const current = fresh ?? shown;
  if (!current) throw new Error('useConsistentPortfolio: no overview computed yet');
  return current;
}
