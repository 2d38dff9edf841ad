import { describe, expect, it } from 'vitest';
import { goalHorizon, goalPercent, goalProgress, goalStatus, goalSummary } from '../../../../src-shared/plan/goalRules';

const TODAY = '2027-03-01';

describe('goal progress', () => {
  it('is actual over target, capped at 100 % and never negative', () => {
    expect(goalProgress({ target: 10, actual: 4 })).toBe(0.4);
    expect(goalProgress({ target: 10, actual: 25 })).toBe(1);
    expect(goalProgress({ target: 10, actual: -3 })).toBe(0);
    expect(goalProgress({ target: 10 })).toBe(0);
    expect(goalPercent({ target: 3, actual: 1 })).toBe(33);
  });

  it('has no measurable progress without a positive target', () => {
    expect(goalProgress({ target: 0, actual: 5 })).toBeNull();
    expect(goalProgress({ actual: 5 })).toBeNull();
    expect(goalPercent({})).toBeNull();
  });
});

describe('goal status', () => {
  it('is achieved once the actual reaches the target, even after the due date', () => {
    expect(goalStatus({ target: 2, actual: 2, dueDate: '2027-01-01' }, TODAY)).toBe('achieved');
  });

  it('is missed when the due date has passed without reaching the target', () => {
    expect(goalStatus({ target: 2, actual: 1, dueDate: '2027-02-28' }, TODAY)).toBe('missed');
  });

  it('is at risk when due within 14 days and less than 75 % done', () => {
    expect(goalStatus({ target: 4, actual: 2, dueDate: '2027-03-15' }, TODAY)).toBe('at_risk');
    expect(goalStatus({ target: 4, actual: 2, dueDate: TODAY }, TODAY)).toBe('at_risk');
    expect(goalStatus({ target: 4, actual: 3, dueDate: '2027-03-15' }, TODAY)).toBe('on_track');
    expect(goalStatus({ target: 4, actual: 0, dueDate: '2027-03-16' }, TODAY)).toBe('not_started');
  });

  it('is on track with some progress and not started with none', () => {
    expect(goalStatus({ target: 10, actual: 1, dueDate: '2027-06-01' }, TODAY)).toBe('on_track');
    expect(goalStatus({ target: 10, dueDate: '2027-06-01' }, TODAY)).toBe('not_started');
    expect(goalStatus({ target: 10, actual: 1 }, TODAY)).toBe('on_track');
  });

  it('summarises a plan: counts per status and mean progress of measurable goals', () => {
    const summary = goalSummary(
      [
        { target: 2, actual: 2 },
        { target: 4, actual: 1, dueDate: '2027-01-01' },
        { target: 0, actual: 0, dueDate: '2027-09-01' },
      ],
      TODAY,
    );
    expect(summary.counts).toMatchObject({ achieved: 1, missed: 1, not_started: 1, on_track: 0, at_risk: 0 });
    expect(summary.meanProgress).toBeCloseTo((1 + 0.25) / 2);
    expect(goalSummary([], TODAY).meanProgress).toBeNull();
  });
});

describe('30-60-90 horizon', () => {
  it('puts a goal in the bucket of its due day counted from Day 0', () => {
    expect(goalHorizon('2027-01-31', '2027-01-01')).toBe('30');
    expect(goalHorizon('2027-02-01', '2027-01-01')).toBe('60');
    expect(goalHorizon('2027-04-01', '2027-01-01')).toBe('90');
    expect(goalHorizon('2027-04-02', '2027-01-01')).toBe('later');
    expect(goalHorizon(undefined, '2027-01-01')).toBe('later');
  });
});
