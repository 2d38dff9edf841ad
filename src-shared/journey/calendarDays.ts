import { addDays, format, parseISO } from 'date-fns';
import { dayNumber } from '../domain/journey';
import type { IsoDate } from '../domain/types';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * The calendar day `days` after `date` (before, when negative). Plain `YYYY-MM-DD` days are
 * added in UTC arithmetic, ~20× cheaper than date-fns (a publish preview reschedules every
 * partner's journey); anything else takes the date-fns path.
 */
export function plusDays(date: IsoDate, days: number): IsoDate {
  const match = ISO_DAY.exec(date);
  if (match && Number(match[1]) >= 100) {
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * MS_PER_DAY;
    return new Date(time).toISOString().slice(0, 10);
  }
  return format(addDays(parseISO(date), days), 'yyyy-MM-dd');
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(from, to);
}
