import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, isFiltered, parseSavedViews, portfolioRows, DEFAULT_SORT } from '../../../src-renderer/features/portfolio/portfolioRows';
import type { Partner } from '../../../src-shared/domain/types';
import { DEFAULT_TIER_DEFINITION } from '../../../src-shared/tiers/tierDefinition';
import { parseTierMoveFilter, portfolioTierRecommendations, rowsAwaitingDecision, tierMoveLookup } from '../../../src-shared/tiers/tierPortfolio';
import { portfolio } from './fixtures';

// Active partners (no onboarding grace) at their fixture tiers.
const ROWS = portfolio().map((row) => ({ ...row, partner: { ...row.partner, status: row.partner.status === 'churned' ? ('churned' as const) : ('active' as const) } }));

describe('portfolio filter: recommended for promotion / demotion', () => {
  const partners = ROWS.map((r) => r.partner);
  const tierRows = portfolioTierRecommendations(DEFAULT_TIER_DEFINITION, { partners, trainingsByPartner: new Map(), dealsByPartner: new Map(), surveysByPartner: new Map() }, '2026-12-01');
  const tierMoveOf = tierMoveLookup(tierRows);
  const context = { me: '', ownerLabel: (email: string) => email, tierMoveOf };

  it('shows only the partners whose recommendation in that direction awaits a decision', () => {
    // With no trainings or deals every partner qualifies for the lowest tier: above it, a demotion.
    const expected = rowsAwaitingDecision(tierRows, 'demote').map((r) => r.partner.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    const shown = portfolioRows(ROWS, { ...EMPTY_FILTER, tierMove: 'demote' }, DEFAULT_SORT, context).map((r) => r.partner.id).sort();
    expect(shown).toEqual(expected);
    const promoted = rowsAwaitingDecision(tierRows, 'promote').map((r) => r.partner.id).sort();
    expect(portfolioRows(ROWS, { ...EMPTY_FILTER, tierMove: 'promote' }, DEFAULT_SORT, context).map((r) => r.partner.id).sort()).toEqual(promoted);
    expect(isFiltered({ ...EMPTY_FILTER, tierMove: 'promote' })).toBe(true);
  });

  it('a rejected recommendation no longer counts as awaiting', () => {
    const gold = { ...ROWS[0]!.partner, tier: 'Gold', status: 'active' } as Partner;
    const rejected: Partner = { ...gold, tierHistory: [{ id: 'd', fromTier: 'Gold', toTier: 'Registered', outcome: 'rejected', reasons: [], note: 'No', decidedBy: 'a@b.c', decidedAt: '2026-11-01T00:00:00Z' }] };
    const rows = portfolioTierRecommendations(DEFAULT_TIER_DEFINITION, { partners: [gold, { ...rejected, id: 'other' }], trainingsByPartner: new Map(), dealsByPartner: new Map(), surveysByPartner: new Map() }, '2026-12-01');
    expect(rowsAwaitingDecision(rows, null).map((r) => r.partner.id)).toEqual([gold.id]);
  });

  it('saved views keep the tier filter and drop an unknown value', () => {
    const [kept, dropped] = parseSavedViews([
      { id: 'a', name: 'Promotions', filter: { ...EMPTY_FILTER, tierMove: 'promote' }, sort: DEFAULT_SORT },
      { id: 'b', name: 'Odd', filter: { ...EMPTY_FILTER, tierMove: 'sideways' }, sort: DEFAULT_SORT },
    ]);
    expect(kept!.filter.tierMove).toBe('promote');
    expect(dropped!.filter.tierMove).toBeUndefined();
    expect(parseTierMoveFilter('demote')).toBe('demote');
    expect(parseTierMoveFilter('x')).toBeNull();
  });
});
