import { describe, expect, it } from 'vitest';
import { dealRegistrationCard } from '../../../src-renderer/features/dashboard/dealRegistrationCardData';
import { shortMonth, tierChart } from '../../../src-renderer/features/dashboard/tierDistributionChartData';
import type { Deal } from '../../../src-shared/domain/types';
import { NO_TIER, type TierDistribution } from '../../../src-shared/kpi/tierDistribution';

const deal = (id: string, extra: Partial<Deal>): Deal => ({ id, createdAt: '', updatedAt: '', partnerId: 'p', account: id, amount: 1, currency: 'USD', stage: 'registered', registeredOn: '2026-01-01', source: 'sourced', ...extra });
const approved = (id: string, registeredOn: string, on: string, protectedUntil: string, extra: Partial<Deal> = {}): Deal =>
  deal(id, { stage: 'approved', registeredOn, decision: { outcome: 'approved', reason: 'ok', on }, protectedUntil, ...extra });

describe('the deal registration card', () => {
  it('says so when nothing was decided, instead of drawing zeros', () => {
    const card = dealRegistrationCard([deal('a', {})], '2026-06-30');
    expect(card).toMatchObject({ empty: true, approvalTime: { value: '—', hint: 'no registration decided yet' }, expiryRate: { value: '—', hint: 'no registration approved yet' }, byMonth: [] });
  });

  it('gives the median approval time, the expiry rate, and the median wait per month of decision', () => {
    const deals = [
      approved('a', '2026-03-01', '2026-03-03', '2026-06-01'), // 2 days; expired on 2026-06-30
      approved('b', '2026-03-10', '2026-03-14', '2026-09-01'), // 4 days; protected
      approved('c', '2026-04-01', '2026-04-07', '2026-05-01', { stage: 'won' }), // 6 days; closed, not expired
      deal('d', { registeredOn: '2026-05-01', decision: { outcome: 'rejected', reason: 'dup', on: '2026-05-09' } }), // 8 days
      approved('late', '2026-06-01', '2026-07-05', '2026-10-01'), // decided after the as-of date: not in the chart
    ];
    const card = dealRegistrationCard(deals.slice(0, 4), '2026-06-30');
    expect(card.empty).toBe(false);
    expect(card.approvalTime).toEqual({ value: '5 days', hint: 'median from registration to decision, over 4 decisions' });
    expect(card.expiryRate).toEqual({ value: '33%', hint: '1 of 3 approved registrations expired while the deal was still open' });
    expect(card.byMonth).toEqual([
      { month: '2026-03', medianDays: 3, decided: 2 },
      { month: '2026-04', medianDays: 6, decided: 1 },
      { month: '2026-05', medianDays: 8, decided: 1 },
    ]);
    expect(dealRegistrationCard(deals, '2026-06-30').byMonth.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05']);
  });

  it('keeps only the last 12 months in the chart', () => {
    const card = dealRegistrationCard([approved('old', '2025-05-01', '2025-06-01', '2025-09-01'), approved('new', '2025-07-01', '2025-07-02', '2025-10-01')], '2026-06-30');
    expect(card.byMonth.map((m) => m.month)).toEqual(['2025-07']);
  });
});

describe('the tier distribution chart', () => {
  const distribution: TierDistribution = {
    tiers: ['Registered', 'Silver', 'Gold', 'bronze', NO_TIER],
    points: [
      { month: '2026-01', date: '2026-01-31', total: 3, counts: { Registered: 2, Silver: 1, Gold: 0, bronze: 0, [NO_TIER]: 0 } },
      { month: '2026-02', date: '2026-02-14', total: 4, counts: { Registered: 1, Silver: 2, Gold: 0, bronze: 1, [NO_TIER]: 0 } },
    ],
  };

  it('stacks one series per tier held in the period, the definition tiers in order and anything else in one warning colour', () => {
    const withUntiered = { ...distribution, points: [...distribution.points, { month: '2026-03', date: '2026-03-01', total: 1, counts: { Registered: 0, Silver: 0, Gold: 0, bronze: 0, [NO_TIER]: 1 } }] };
    const all = tierChart(withUntiered, ['Registered', 'Silver', 'Gold'], true);
    // Nobody held Gold: no empty series in the legend.
    expect(all.series.map((s) => s.key)).toEqual(['Registered', 'Silver', 'bronze', NO_TIER]);
    expect(all.series[0]?.color).not.toBe(all.series[1]?.color);
    expect(all.series[2]?.color).toBe(all.series[3]?.color);
    const chart = tierChart(distribution, ['Registered', 'Silver', 'Gold'], true);
    expect(chart.rows[1]).toEqual({ month: 'Feb 26', date: '2026-02-14', total: 4, Registered: 1, Silver: 2, Gold: 0, bronze: 1, [NO_TIER]: 0 });
    expect(chart).toMatchObject({ empty: false, flat: false, latest: 'Registered 1 · Silver 2 · bronze 1' });
  });

  it('is empty when no partner was in the program, and flat when no decision was ever approved', () => {
    const none = { ...distribution, points: distribution.points.map((p) => ({ ...p, total: 0, counts: {} })) };
    expect(tierChart(none, ['Registered'], false)).toMatchObject({ empty: true, flat: true, latest: '' });
    expect(shortMonth('2025-12')).toBe('Dec 25');
  });
});
