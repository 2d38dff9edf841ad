import { describe, expect, it } from 'vitest';
import { dueLabel, formatDate } from '../../../src-renderer/features/journey/dueLabel';
import { plusDays } from './fixtures';

const TODAY = '2026-03-10';

describe('dueLabel', () => {
  it.each([
    [-30, 'Overdue 30 days', 'overdue'],
    [-8, 'Overdue 8 days', 'overdue'],
    [-7, 'Overdue 7 days', 'overdue'],
    [-2, 'Overdue 2 days', 'overdue'],
    [-1, 'Overdue 1 day', 'overdue'],
    [0, 'Due today', 'soon'],
    [1, 'Due tomorrow', 'soon'],
    [2, 'Due in 2 days', 'soon'],
    [7, 'Due in 7 days', 'soon'],
    [8, 'Due 18 Mar 2026', 'later'],
    [30, 'Due 9 Apr 2026', 'later'],
  ] as const)('a task due %i days from today reads "%s" (%s)', (offset, text, tone) => {
    expect(dueLabel(plusDays(TODAY, offset), TODAY)).toEqual({ text, tone });
  });

  it('counts calendar days across month, year and daylight-saving boundaries', () => {
    expect(dueLabel('2027-01-01', '2026-12-31').text).toBe('Due tomorrow');
    expect(dueLabel('2026-02-28', '2026-03-01').text).toBe('Overdue 1 day');
    expect(dueLabel('2026-03-31', '2026-03-28').text).toBe('Due in 3 days'); // EU clocks change 29 March
    expect(dueLabel('2026-11-02', '2026-10-30').text).toBe('Due in 3 days'); // US clocks change 1 November
  });
});

describe('formatDate', () => {
  it('writes a date the way people read it', () => {
    expect(formatDate('2026-12-05')).toBe('5 Dec 2026');
    expect(formatDate('2027-01-01')).toBe('1 Jan 2027');
  });
});
