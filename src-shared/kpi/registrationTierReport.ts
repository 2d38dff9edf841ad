import type { Deal, IsoDate, Partner, Template } from '../domain/types';
import { activeTierDefinition } from '../tiers/tierPortfolio';
import { roundTo } from './calendar';
import { dealRegistrationKpis, type DealRegistrationKpis } from './dealRegistrationKpis';
import { tierDistributionOverTime, type TierDistributionPoint } from './tierDistribution';

export type RegistrationTierReport = {
  dealRegistration: DealRegistrationKpis;
  tierDistribution: {
    /** Tier names, lowest first (the definition in force, then any other tier a partner held). */
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
  const { tiers, points } = tierDistributionOverTime(data.partners, names, asOf, 13);
  const strip = (p: TierDistributionPoint | undefined) => ({ date: p?.date ?? asOf, total: p?.total ?? 0, counts: p?.counts ?? {} });
  return {
    dealRegistration: { ...kpis, expiryRate: kpis.expiryRate === null ? null : roundTo(kpis.expiryRate, 4) },
    tierDistribution: { tiers, now: strip(points.at(-1)), twelveMonthsAgo: strip(points[0]), fromHistory: data.partners.some((p) => p.tierHistory?.some((d) => d.outcome === 'approved')) },
  };
}
