import { format, parseISO } from 'date-fns';
import type { IsoDate } from '../domain/types';

/**
 * The one way dates are shown. Storage stays ISO (`YYYY-MM-DD`); people read dates in their own
 * locale. The renderer sets the user's locale once at start (`setDisplayLocale(navigator.language)`);
 * with none set (Node: tests, server, reports) dates read "3 May 2026" whatever the machine.
 */
let displayLocale: string | null = null;

export function setDisplayLocale(locale: string | null): void {
  displayLocale = locale && isKnownLocale(locale) ? locale : null;
}

function isKnownLocale(locale: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

export function getDisplayLocale(): string | null {
  return displayLocale;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "3 May 2026" (en-GB), "May 3, 2026" (en-US), "03.05.2026"-like forms elsewhere; anything not an ISO date is returned as is. */
export function formatDate(iso: IsoDate, locale: string | null = displayLocale): string {
  if (!ISO_DATE.test(iso)) return iso;
  const date = parseISO(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!locale) return format(date, 'd MMM yyyy');
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** A date and time as people read it, in local time: "26 Nov 2026, 10:42" (or the locale's form). */
export function formatDateTime(iso: string, locale: string | null = displayLocale): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  if (!locale) return format(new Date(time), 'd MMM yyyy, HH:mm');
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(time);
}
