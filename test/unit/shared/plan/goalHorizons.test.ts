import { describe, expect, it } from 'vitest';
import { goalHorizon, goalsByHorizon, headlineGoals } from '../../../../src-shared/plan/goalHorizons';
import { mdfBreakdown } from '../../../../src-shared/plan/planTotals';

const day0 = '2026-09-04';

describe('30-60-90 day goal windows', () => {
  it('puts a goal in the window of its due date, counted from Day 0 (day 30 is still a 30-day goal)', () => {
    expect(goalHorizon('2026-10-04', day0)).toBe('d30'); // day 30
    expect(goalHorizon('2026-10-05', day0)).toBe('d60'); // day 31
    expect(goalHorizon('2026-12-03', day0)).toBe('d90'); // day 90
    expect(goalHorizon('2026-12-04', day0)).toBe('later');
    expect(goalHorizon('2026-08-01', day0)).toBe('d30');
    expect(goalHorizon(undefined, day0)).toBe('undated');
  });

  it('groups goals by window in 30-60-90 order, leaving empty windows out and keeping plan order', () => {
    const goals = [
      { title: 'Q1 pipeline', dueDate: '2027-03-31' },
      { title: 'Certify two engineers', dueDate: '2026-10-01' },
      { title: 'First deal', dueDate: '2026-11-20' },
      { title: 'Accounts named', dueDate: '2026-09-20' },
      { title: 'Someday' },
    ];
    const groups = goalsByHorizon(goals, day0);
    expect(groups.map((group) => [group.label, group.goals.map((goal) => goal.title)])).toEqual([
      ['First 30 days', ['Certify two engineers', 'Accounts named']],
      ['Days 61–90', ['First deal']],
      ['After day 90', ['Q1 pipeline']],
      ['No due date yet', ['Someday']],
    ]);
    expect(headlineGoals(goals, day0).map((goal) => goal.title)).toEqual(['Certify two engineers', 'Accounts named', 'First deal']);
  });
});

describe('MDF totals as printed', () => {
  it('splits a currency’s MDF by the statuses that hold money', () => {
    expect(mdfBreakdown({ currency: 'EUR', total: 25_000, count: 1, requested: 0, approved: 25_000, claimed: 0, paid: 0 })).toBe('1 request: EUR 25,000 approved');
    expect(mdfBreakdown({ currency: 'USD', total: 15_000, count: 2, requested: 5_000, approved: 0, claimed: 0, paid: 10_000 })).toBe('2 requests: USD 5,000 requested, USD 10,000 paid');
  });
});
