import type { IsoDate } from '../domain/types';

const DAY_MS = 86_400_000;

/** Whole UTC days since 1970-01-01 for a `YYYY-MM-DD` date (time-zone free, fast). */
export function dayIndex(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return new Date((dayIndex(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return dayIndex(to) - dayIndex(from);
}

/** The calendar month of a date: `2026-03-15` → `2026-03`. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Every month from `first` to `last` inclusive (`YYYY-MM`), empty when `first` is after `last`. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Median of numbers: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] ?? null;
  return ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Rounds to `digits` decimals (money to cents, rates to 4 places) without float noise. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round((value + Number.EPSILON) * f) / f;
}
