import type { HealthBand } from '../../../src-shared/domain/health';
import { PHASES, type PartnerType, type Phase } from '../../../src-shared/domain/types';
import type { PartnerRow } from '../../app/usePortfolioOverview';

export type PortfolioSortKey = 'name' | 'type' | 'tier' | 'phase' | 'day' | 'progress' | 'health';
export type PortfolioSort = { key: PortfolioSortKey; direction: 'asc' | 'desc' };

export type PortfolioFilter = {
  query: string;
  phases: Phase[];
  types: PartnerType[];
  bands: HealthBand[];
};

export const EMPTY_FILTER: PortfolioFilter = { query: '', phases: [], types: [], bands: [] };

const TIER_RANK: Record<string, number> = { registered: 1, silver: 2, gold: 3, platinum: 4 };

function searchText(row: PartnerRow): string {
  const { partner } = row;
  return [partner.name, partner.region, partner.website, partner.tier, partner.type, ...partner.tags, ...partner.contacts.map((c) => c.name)]
    .join(' ')
    .toLowerCase();
}

const textCache = new WeakMap<PartnerRow, string>();

function matches(row: PartnerRow, words: string[]): boolean {
  if (words.length === 0) return true;
  let text = textCache.get(row);
  if (text === undefined) {
    text = searchText(row);
    textCache.set(row, text);
  }
  return words.every((word) => text.includes(word));
}

function compare(a: PartnerRow, b: PartnerRow, key: PortfolioSortKey): number {
  switch (key) {
    case 'name':
      return a.partner.name.localeCompare(b.partner.name);
    case 'type':
      return a.partner.type.localeCompare(b.partner.type);
    case 'tier':
      return (TIER_RANK[a.partner.tier.toLowerCase()] ?? 0) - (TIER_RANK[b.partner.tier.toLowerCase()] ?? 0);
    case 'phase':
      return PHASES.indexOf(a.journey.phase) - PHASES.indexOf(b.journey.phase);
    case 'day':
      return a.journey.day - b.journey.day;
    case 'progress':
      return a.journey.progress - b.journey.progress;
    case 'health':
      return a.health.score - b.health.score;
  }
}

/**
 * The portfolio table's rows: search words (all must match), filters, then a stable sort. Sorted
 * by health, churned partners come after every active one either way round: they need no attention.
 */
export function portfolioRows(rows: PartnerRow[], filter: PortfolioFilter, sort: PortfolioSort): PartnerRow[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  const filtered = rows.filter(
    (row) =>
      (filter.phases.length === 0 || filter.phases.includes(row.journey.phase)) &&
      (filter.types.length === 0 || filter.types.includes(row.partner.type)) &&
      (filter.bands.length === 0 || filter.bands.includes(row.health.band)) &&
      matches(row, words),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  const churnedLast = (a: PartnerRow, b: PartnerRow) =>
    sort.key === 'health' ? Number(a.partner.status === 'churned') - Number(b.partner.status === 'churned') : 0;
  return filtered.sort((a, b) => churnedLast(a, b) || sign * compare(a, b, sort.key) || a.partner.name.localeCompare(b.partner.name));
}
