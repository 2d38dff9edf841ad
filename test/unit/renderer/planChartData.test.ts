import { describe, expect, it } from 'vitest';
import { GOAL_STATUS_FILL, goalChartData, revenueChartData } from '../../../src-renderer/features/plan/planChartData';
import type { PlanItem } from '../../../src-shared/domain/types';
import { GOAL_STATUSES } from '../../../src-shared/plan/goalRules';

let n = 0;
const item = (fields: Partial<PlanItem>): PlanItem => ({
  id: `i${(n += 1)}`,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  partnerId: 'p1',
  planId: 'plan1',
  kind: 'goal',
  order: n,
  title: `row ${n}`,
  ...fields,
});

const TODAY = '2027-03-01';

describe('revenue chart data', () => {
  it('draws one chart per currency, never two currencies on one axis, quarters in calendar order', () => {
    const charts = revenueChartData([
      item({ kind: 'revenue', quarter: '2027-Q3', currency: 'EUR', target: 30_000, actual: 0 }),
      item({ kind: 'revenue', quarter: '2027-Q1', currency: 'EUR', target: 10_000, actual: 12_000 }),
      item({ kind: 'revenue', quarter: '2027-Q2', currency: 'USD', target: 5_000 }),
      item({ kind: 'revenue', quarter: '2026-Q4', currency: 'EUR', target: 8_000, actual: 8_000 }),
    ]);
    expect(charts).toEqual([
      {
        currency: 'EUR',
        rows: [
          { quarter: '2026-Q4', label: 'Q4 2026', target: 8_000, actual: 8_000 },
          { quarter: '2027-Q1', label: 'Q1 2027', target: 10_000, actual: 12_000 },
          { quarter: '2027-Q3', label: 'Q3 2027', target: 30_000, actual: 0 },
        ],
      },
      { currency: 'USD', rows: [{ quarter: '2027-Q2', label: 'Q2 2027', target: 5_000, actual: 0 }] },
    ]);
  });

  it('adds up several rows of the same quarter and currency into one bar', () => {
    const [chart] = revenueChartData([
      item({ kind: 'revenue', quarter: '2027-Q1', currency: 'EUR', target: 10_000, actual: 1_000 }),
      item({ kind: 'revenue', quarter: '2027-Q1', currency: 'EUR', target: 2_500, actual: 500 }),
    ]);
    expect(chart?.rows).toEqual([{ quarter: '2027-Q1', label: 'Q1 2027', target: 12_500, actual: 1_500 }]);
  });

  it('leaves out rows that are not revenue or have no quarter, and has no chart for a plan without revenue', () => {
    expect(
      revenueChartData([
        item({ kind: 'goal', quarter: '2027-Q1', currency: 'EUR', target: 10 }),
        item({ kind: 'revenue', currency: 'EUR', target: 10 }),
      ]),
    ).toEqual([]);
  });
});

describe('goal chart data', () => {
  it('gives one bar per goal with a target, in display order, with its percent and status', () => {
    const rows = goalChartData(
      [
        item({ id: 'later', order: 2, title: 'Certified engineers', target: 4, actual: 1, dueDate: '2027-06-30' }),
        item({ id: 'first', order: 1, title: 'Deals registered', target: 10, actual: 10 }),
        item({ id: 'soon', order: 3, title: 'Sales training', target: 8, actual: 2, dueDate: '2027-03-10' }),
        item({ id: 'past', order: 4, title: 'Joint webinar', target: 1, actual: 0, dueDate: '2027-02-01' }),
        item({ id: 'idle', order: 5, title: 'Case study', target: 1, dueDate: '2027-12-01' }),
      ],
      TODAY,
    );
    expect(rows).toEqual([
      { id: 'first', label: 'Deals registered', percent: 100, status: 'achieved' },
      { id: 'later', label: 'Certified engineers', percent: 25, status: 'on_track' },
      { id: 'soon', label: 'Sales training', percent: 25, status: 'at_risk' },
      { id: 'past', label: 'Joint webinar', percent: 0, status: 'missed' },
      { id: 'idle', label: 'Case study', percent: 0, status: 'not_started' },
    ]);
  });

  it('draws no bar for a goal without a positive target, nor for other kinds of rows', () => {
    const rows = goalChartData(
      [
        item({ title: 'No target', actual: 3 }),
        item({ title: 'Zero target', target: 0, actual: 3 }),
        item({ kind: 'initiative', title: 'Campaign', target: 10, actual: 5 }),
        item({ kind: 'revenue', title: 'Revenue', quarter: '2027-Q1', target: 10, actual: 5 }),
      ],
      TODAY,
    );
    expect(rows).toEqual([]);
  });

  it('caps over-achievement at 100 % and rounds to whole percent', () => {
    const rows = goalChartData([item({ target: 3, actual: 1 }), item({ target: 10, actual: 25 })], TODAY);
    expect(rows.map((row) => row.percent)).toEqual([33, 100]);
  });

  it('shortens long goal titles to the label length with an ellipsis, and keeps short ones whole', () => {
    const long = 'Onboard twelve regional system integrators across the DACH region';
    const rows = goalChartData([item({ title: long, target: 1 }), item({ title: 'Exactly ten', target: 1 })], TODAY, 11);
    expect(rows.map((row) => row.label)).toEqual(['Onboard tw…', 'Exactly ten']);
    expect(rows[0]?.label).toHaveLength(11);
    expect(goalChartData([item({ title: long, target: 1 })], TODAY)[0]?.label).toBe(`${long.slice(0, 33)}…`);
  });
});

describe('goal status colours', () => {
  it('has a distinct fill for every goal status', () => {
    expect(Object.keys(GOAL_STATUS_FILL).sort()).toEqual([...GOAL_STATUSES].sort());
    expect(new Set(Object.values(GOAL_STATUS_FILL)).size).toBe(GOAL_STATUSES.length);
  });
});
