import type { IsoDate, Partner } from '../domain/types';
import { addDaysIso, monthOf } from './calendar';

/** The label for partners with no tier at all (an empty `Partner.tier`). */
export const NO_TIER = 'No tier';

/** One month of the distribution: partners per tier name at `date` (the month's last day, or the as-of date for its month). */
export type TierDistributionPoint = { month: string; date: IsoDate; total: number; counts: Record<string, number> };

export type TierDistribution = {
  /** The tier names drawn, lowest first: the definition's tiers, then any other tier a partner held, then "No tier". */
  tiers: string[];
  points: TierDistributionPoint[];
};

/** The last day of each of the `count` months ending with `asOf`'s month; that month's point is `asOf` itself. */
export function monthEnds(asOf: IsoDate, count: number): IsoDate[] {
  const out: IsoDate[] = [asOf];
  let firstOfMonth = `${monthOf(asOf)}-01`;
  for (let i = 1; i < count; i += 1) {
    const end = addDaysIso(firstOfMonth, -1);
    out.unshift(end);
    firstOfMonth = `${monthOf(end)}-01`;
  }
  return out;
}

/**
 * The partner's tier on `date`, rebuilt from its history: the tier an approved decision made on or
 * before that day set; before its first approved decision, the tier that decision changed from;
 * with no approved decision, the tier it holds now. Rejected decisions never changed a tier.
 */
export function tierOn(partner: Pick<Partner, 'tier' | 'tierHistory'>, date: IsoDate): string {
  const approved = (partner.tierHistory ?? []).filter((d) => d.outcome === 'approved').sort((a, b) => a.decidedAt.localeCompare(b.decidedAt));
  let tier: string | null = null;
  for (const d of approved) {
    if (d.decidedAt.slice(0, 10) <= date) tier = d.toTier;
    else return tier ?? d.fromTier;
  }
  return tier ?? partner.tier;
}

/** Whether the partner is in the program on `date`: signed (Day 0 on or before it) and not yet churned. */
function inProgram(partner: Partner, date: IsoDate): boolean {
  if (partner.day0 > date) return false;
  // A churned partner without a churn date has left the program for every month we can draw.
  const left = partner.churnedOn ?? (partner.status === 'churned' ? partner.day0 : undefined);
  return left === undefined || left > date;
}

/**
 * How many partners held each tier at each month end over the last `months` months (the stacked
 * chart and the report). Tier names compare without case, and are shown as the definition spells them.
 */
export function tierDistributionOverTime(partners: readonly Partner[], definitionTiers: readonly string[], asOf: IsoDate, months = 12): TierDistribution {
  const canonical = new Map(definitionTiers.map((name) => [name.trim().toLowerCase(), name]));
  const others = new Set<string>();
  let noTier = false;
  const nameOf = (tier: string): string => {
    const key = tier.trim().toLowerCase();
    if (!key) {
      noTier = true;
      return NO_TIER;
    }
    const known = canonical.get(key);
    if (known) return known;
    others.add(tier.trim());
    return tier.trim();
  };
  const points = monthEnds(asOf, months).map((date) => {
    const counts: Record<string, number> = {};
    let total = 0;
    for (const partner of partners) {
      if (!inProgram(partner, date)) continue;
      const name = nameOf(tierOn(partner, date));
      counts[name] = (counts[name] ?? 0) + 1;
      total += 1;
    }
    return { month: monthOf(date), date, total, counts };
  });
  const tiers = [...definitionTiers, ...[...others].sort((a, b) => a.localeCompare(b)), ...(noTier ? [NO_TIER] : [])];
  // Every point names every tier (0 when none), so a stacked chart has no gaps.
  for (const point of points) for (const tier of tiers) point.counts[tier] ??= 0;
  return { tiers, points };
}
