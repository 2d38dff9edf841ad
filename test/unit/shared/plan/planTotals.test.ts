import { describe, expect, it } from 'vitest';
import type { PlanItem } from '../../../../src-shared/domain/types';
import { formatMoney, itemsOfKind, mdfTotals, revenueByQuarter, revenueTotals } from '../../../../src-shared/plan/planTotals';

let n = 0;
const item = (fields: Partial<PlanItem>): PlanItem => ({
  id: `i${(n += 1)}`,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  partnerId: 'p1',
  planId: 'plan1',
  kind: 'initiative',
  order: n,
  title: `row ${n}`,
  ...fields,
});

describe('MDF totals', () => {
  it('adds MDF requests per currency and status, never across currencies', () => {
    const totals = mdfTotals([
      item({ initiativeType: 'mdf', amount: 10_000, currency: 'EUR', status: 'requested' }),
      item({ initiativeType: 'mdf', amount: 5_000, currency: 'EUR', status: 'approved' }),
      item({ initiativeType: 'mdf', amount: 2_500.5, currency: 'EUR', status: 'paid' }),
      item({ initiativeType: 'mdf', amount: 3_000, currency: 'USD', status: 'claimed' }),
      item({ initiativeType: 'campaign', amount: 99_999, currency: 'EUR' }),
      item({ kind: 'goal', initiativeType: 'mdf', amount: 1, currency: 'EUR' }),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', total: 17_500.5, count: 3, requested: 10_000, approved: 5_000, claimed: 0, paid: 2_500.5 },
      { currency: 'USD', total: 3_000, count: 1, requested: 0, approved: 0, claimed: 3_000, paid: 0 },
    ]);
  });

  it('is empty for a plan without MDF', () => {
    expect(mdfTotals([item({ initiativeType: 'enablement' })])).toEqual([]);
  });
});

describe('revenue targets', () => {
  const rows = [
    item({ kind: 'revenue', quarter: '2027-Q2', target: 50_000, actual: 10_000, currency: 'EUR' }),
    item({ kind: 'revenue', quarter: '2027-Q1', target: 20_000, currency: 'EUR' }),
    item({ kind: 'revenue', quarter: '2027-Q1', target: 5_000, currency: 'EUR' }),
    item({ kind: 'revenue', quarter: '2027-Q1', target: 7_000, currency: 'USD' }),
  ];

  it('lists quarters in calendar order, adding rows of the same quarter and currency', () => {
    expect(revenueByQuarter(rows)).toEqual([
      { quarter: '2027-Q1', currency: 'EUR', target: 25_000, actual: 0 },
      { quarter: '2027-Q1', currency: 'USD', target: 7_000, actual: 0 },
      { quarter: '2027-Q2', currency: 'EUR', target: 50_000, actual: 10_000 },
    ]);
  });

  it('totals per currency', () => {
    expect(revenueTotals(rows)).toEqual([
      { currency: 'EUR', target: 75_000, actual: 10_000 },
      { currency: 'USD', target: 7_000, actual: 0 },
    ]);
  });
});

describe('display helpers', () => {
  it('formats money with its currency', () => {
    expect(formatMoney(17500.5, 'EUR')).toBe('EUR 17,500.5');
  });

  it('orders rows of a kind by their order', () => {
    const rows = [item({ kind: 'goal', order: 2, title: 'b' }), item({ kind: 'goal', order: 1, title: 'a' }), item({ kind: 'risk', order: 0 })];
    expect(itemsOfKind(rows, 'goal').map((row) => row.title)).toEqual(['a', 'b']);
  });
});
