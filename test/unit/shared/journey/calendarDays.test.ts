import { describe, expect, it } from 'vitest';
import { daysBetween, plusDays } from '../../../../src-shared/journey/calendarDays';

describe('calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(plusDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(plusDays('2026-03-29', 0)).toBe('2026-03-29');
  });

  it('counts calendar days between two dates either way', () => {
    expect(daysBetween('2026-03-01', '2026-05-30')).toBe(90);
    expect(daysBetween('2026-05-30', '2026-03-01')).toBe(-90);
  });
});
