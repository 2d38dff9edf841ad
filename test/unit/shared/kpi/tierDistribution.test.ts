import { describe, expect, it } from 'vitest';
import type { Partner, TierDecision } from '../../../../src-shared/domain/types';
import { monthEnds, NO_TIER, tierDistributionOverTime, tierOn } from '../../../../src-shared/kpi/tierDistribution';

const decision = (fromTier: string, toTier: string, decidedAt: string, outcome: TierDecision['outcome'] = 'approved'): TierDecision => ({
  id: `${fromTier}-${toTier}-${decidedAt}`, fromTier, toTier, outcome, reasons: [], note: '', decidedBy: 'pat@vendor.example', decidedAt,
});
const partner = (id: string, extra: Partial<Partner>): Partner =>
  ({ id, createdAt: '', updatedAt: '', name: id, type: 'reseller', maturity: 'new', tier: 'Registered', region: '', website: '', ownerEmail: 'pat@vendor.example', contacts: [], team: [], day0: '2025-01-01', status: 'active', tags: [], templateId: 't', ...extra }) as Partner;

describe('tier distribution over time', () => {
  it('takes the last day of each month, the as-of date for its own month', () => {
    expect(monthEnds('2026-03-15', 4)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-15']);
    expect(monthEnds('2024-03-01', 2)).toEqual(['2024-02-29', '2024-03-01']);
  });

  it('rebuilds a tier from the approved decisions; rejected ones never changed it', () => {
    const p = partner('a', { tier: 'Gold', tierHistory: [decision('Registered', 'Silver', '2026-02-10T09:00:00Z'), decision('Silver', 'Registered', '2026-03-01T09:00:00Z', 'rejected'), decision('Silver', 'Gold', '2026-05-20T09:00:00Z')] });
    expect(tierOn(p, '2026-01-31')).toBe('Registered');
    expect(tierOn(p, '2026-02-10')).toBe('Silver');
    expect(tierOn(p, '2026-04-30')).toBe('Silver');
    expect(tierOn(p, '2026-05-31')).toBe('Gold');
    expect(tierOn(partner('b', { tier: 'Silver', tierHistory: [decision('Silver', 'Registered', '2026-03-01T09:00:00Z', 'rejected')] }), '2025-01-01')).toBe('Silver');
  });

  it('counts partners per tier at each month end, only while signed and not churned, every tier named in every month', () => {
    const partners = [
      partner('promoted', { tier: 'Silver', tierHistory: [decision('Registered', 'Silver', '2026-02-15T10:00:00Z')] }),
      partner('late', { tier: 'Registered', day0: '2026-02-20' }),
      partner('left', { tier: 'Gold', status: 'churned', churnedOn: '2026-02-01' }),
      partner('untiered', { tier: '' }),
      partner('legacy', { tier: 'bronze' }),
    ];
    const { tiers, points } = tierDistributionOverTime(partners, ['Registered', 'Silver', 'Gold'], '2026-03-10', 3);
    expect(tiers).toEqual(['Registered', 'Silver', 'Gold', 'bronze', NO_TIER]);
    expect(points.map((p) => [p.date, p.total, p.counts])).toEqual([
      ['2026-01-31', 4, { Registered: 1, Silver: 0, Gold: 1, bronze: 1, [NO_TIER]: 1 }],
      ['2026-02-28', 4, { Registered: 1, Silver: 1, Gold: 0, bronze: 1, [NO_TIER]: 1 }],
      ['2026-03-10', 4, { Registered: 1, Silver: 1, Gold: 0, bronze: 1, [NO_TIER]: 1 }],
    ]);
  });

  it('compares tier names without case and shows them as the definition spells them', () => {
    const { tiers, points } = tierDistributionOverTime([partner('a', { tier: ' silver ' })], ['Registered', 'Silver'], '2026-03-10', 1);
    expect(tiers).toEqual(['Registered', 'Silver']);
    expect(points[0]?.counts).toEqual({ Registered: 0, Silver: 1 });
  });

  it('has points with no partner when nobody had signed yet (the chart shows its empty state)', () => {
    const { points } = tierDistributionOverTime([partner('a', { day0: '2027-01-01' })], ['Registered'], '2026-03-10', 2);
    expect(points.map((p) => p.total)).toEqual([0, 0]);
  });
});
