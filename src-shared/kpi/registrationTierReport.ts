import type { Deal, IsoDate, Partner, Template } from '../domain/types';
import { activeTierDefinition } from '../tiers/tierPortfolio';
import { roundTo } from './calendar';
import { dealRegistrationKpis, type DealRegistrationKpis } from './dealRegistrationKpis';
import { tierDistributionOverTime, type TierDistributionPoint } from './tierDistribution';

export type RegistrationTierReport = {
  dealRegistration: DealRegistrationKpis;
  tierDistribution: {
    /** Tier names, lowest first (the definition in force, then any other tier a partner held). `twelveMonthsAgo` is the same day a year before. */
    tiers: string[];
    now: Omit<TierDistributionPoint, 'month'>;
    twelveMonthsAgo: Omit<TierDistributionPoint, 'month'>;
    /** False when no partner has an approved tier decision: both dates then show today's tiers. */
    fromHistory: boolean;
  };
};

/**
 * The report CLI's block for deal registrations (approval time, expiry rate) and tiers (the
 * distribution as of the date and at the same month end a year before), as the dashboard shows them.
 */
export function registrationTierReport(data: { partners: readonly Partner[]; deals: readonly Deal[]; templates: readonly Template[] }, asOf: IsoDate): RegistrationTierReport {
  const kpis = dealRegistrationKpis(data.deals, asOf);
  const names = activeTierDefinition(data.templates).definition.tiers.map((t) => t.name);
  // The same calendar day a year before (29 February falls back to the 28th).
  const [y, m, d] = asOf.split('-');
  const yearBefore = `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
  const now = tierDistributionOverTime(data.partners, names, asOf, 1);
  const before = tierDistributionOverTime(data.partners, names, yearBefore, 1);
  // Both points name every tier either of them has, in the same order.
  const tiers = [...new Set([...now.tiers, ...before.tiers])];
  const points = [before.points[0], now.points[0]].map((p) => (p ? { ...p, counts: Object.fromEntries(tiers.map((t) => [t, p.counts[t] ?? 0])) } : p));
  const strip = (p: TierDistributionPoint | undefined) => ({ date: p?.date ?? asOf, total: p?.total ?? 0, counts: p?.counts ?? {} });
  return {
    dealRegistration: { ...kpis, expiryRate: kpis.expiryRate === null ? null : roundTo(kpis.expiryRate, 4) },
    tierDistribution: { tiers, now: strip(points.at(-1)), twelveMonthsAgo: strip(points[0]), fromHistory: data.partners.some((p) => p.tierHistory?.some((d) => d.outcome === 'approved')) },
  };
}
