import { describe, expect, it } from 'vitest';
import { goalWindowChartData, revenueChartsForPrint } from '../../../src-renderer/features/plan/planChartData';
import type { PlanItem } from '../../../src-shared/domain/types';

let order = 0;
const item = (fields: Partial<PlanItem> & Pick<PlanItem, 'kind'>): PlanItem => ({
  id: `i${(order += 1)}`,
  partnerId: 'p1',
  planId: 'plan1',
  order,
  title: `Item ${order}`,
  createdAt: '2026-09-04T00:00:00.000Z',
  updatedAt: '2026-09-04T00:00:00.000Z',
  ...fields,
} as PlanItem);

describe('plan charts that read at a glance', () => {
  it('draws one bar per 30-60-90 window, every goal counted by status, so no row is empty', () => {
    const items = [
      item({ kind: 'goal', target: 10, actual: 10, dueDate: '2026-09-25' }),
      item({ kind: 'goal', target: 2, actual: 0, dueDate: '2026-10-04' }),
      item({ kind: 'goal', target: 3, actual: 1, dueDate: '2027-03-31' }),
      item({ kind: 'account' }),
    ];
    expect(goalWindowChartData(items, '2026-09-04', '2026-12-01')).toEqual([
      { horizon: 'd30', label: 'First 30 days', total: 2, achieved: 1, missed: 1, on_track: 0, at_risk: 0, not_started: 0 },
      { horizon: 'later', label: 'After day 90', total: 1, achieved: 0, missed: 0, on_track: 1, at_risk: 0, not_started: 0 },
    ]);
  });

  it('prints a revenue chart only for a currency with two or more quarters that hold numbers', () => {
    const items = [
      item({ kind: 'revenue', quarter: '2027-Q1', currency: 'EUR', target: 100, actual: 0 }),
      item({ kind: 'revenue', quarter: '2027-Q2', currency: 'EUR', target: 0, actual: 0 }),
      item({ kind: 'revenue', quarter: '2027-Q3', currency: 'EUR', target: 300, actual: 0 }),
      item({ kind: 'revenue', quarter: '2027-Q1', currency: 'USD', target: 50, actual: 10 }),
    ];
    const charts = revenueChartsForPrint(items);
    expect(charts.map((chart) => [chart.currency, chart.rows.map((row) => row.quarter)])).toEqual([['EUR', ['2027-Q1', '2027-Q3']]]);
  });
});
