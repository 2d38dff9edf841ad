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

/**
 * Formatters are built once per locale and options: constructing an Intl.DateTimeFormat costs
 * far more than formatting with one, and a screen formats dozens of dates per render (a CPU
 * profile of opening Today showed it among the largest items).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

const SHORT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
const LONG_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' };

/** An ISO day in the locale's form (`options`), or by date-fns `pattern` with no locale; anything not an ISO date as is. */
function formatIsoDay(iso: IsoDate, locale: string | null, pattern: string, options: Intl.DateTimeFormatOptions): string {
  if (!ISO_DATE.test(iso)) return iso;
  const date = parseISO(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!locale) return format(date, pattern);
  return formatter(locale, options).format(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** "3 May 2026" (en-GB), "May 3, 2026" (en-US), "03.05.2026"-like forms elsewhere; anything not an ISO date is returned as is. */
export function formatDate(iso: IsoDate, locale: string | null = displayLocale): string {
  return formatIsoDay(iso, locale, 'd MMM yyyy', SHORT_DATE);
}

/** A day written out, as a screen's heading: "Thursday 3 December 2026" (or the locale's form). */
export function formatLongDate(iso: IsoDate, locale: string | null = displayLocale): string {
  return formatIsoDay(iso, locale, 'EEEE d MMMM yyyy', LONG_DATE);
}

/** A date and time as people read it, in local time: "26 Nov 2026, 10:42" (or the locale's form). */
export function formatDateTime(iso: string, locale: string | null = displayLocale): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  if (!locale) return format(new Date(time), 'd MMM yyyy, HH:mm');
  return formatter(locale, SHORT_DATE_TIME).format(time);
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Where day, month and year go in the locale's numeric dates ("12/3/2026" in en-US is 3 Dec). */
function numericOrder(locale: string): ('day' | 'month' | 'year')[] {
  const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 3));
  return parts.flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
}

/** Month names (long and short, in the locale and in English) to their number. */
function monthNames(locale: string): Map<string, number> {
  const names = new Map<string, number>();
  for (const lang of [locale, 'en-GB']) {
    for (const width of ['long', 'short'] as const) {
      const format = new Intl.DateTimeFormat(lang, { month: width, timeZone: 'UTC' });
      for (let month = 1; month <= 12; month += 1) {
        const name = format.format(Date.UTC(2026, month - 1, 1)).toLocaleLowerCase(lang).replace(/\.$/, '');
        if (!names.has(name)) names.set(name, month);
      }
    }
  }
  // "Sept" is a common short form Intl does not give in every locale.
  if (!names.has('sept')) names.set('sept', 9);
  return names;
}

/**
 * A date typed by hand, in what people type: ISO ("2026-12-03"), the locale's numeric form
 * ("12/3/2026" en-US, "3.12.2026" de-DE, two-digit years read as 20xx) or with the month's name
 * ("3 Dec 2026", "December 3, 2026", as `formatDate` shows it). Returns the ISO date, or null
 * when the text is not a real date.
 */
export function parseTypedDate(text: string, locale: string | null = displayLocale): IsoDate | null {
  const typed = text.trim().toLocaleLowerCase();
  if (typed === '') return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const lang = locale ?? 'en-GB';
  const tokens = typed.split(/[\s,./-]+/).filter((token) => token !== '' && token !== 'de' && token !== 'of');
  if (tokens.length !== 3) return null;
  const year = (token: string) => (/^\d{2}$/.test(token) ? 2000 + Number(token) : /^\d{4}$/.test(token) ? Number(token) : NaN);
  if (tokens.every((token) => /^\d{1,4}$/.test(token))) {
    const order = numericOrder(lang);
    // A leading four-digit number is a year whatever the locale (2026/12/03).
    const ordered = /^\d{4}$/.test(tokens[0] ?? '') ? (['year', 'month', 'day'] as const) : order;
    const at = (part: 'day' | 'month' | 'year') => tokens[ordered.indexOf(part)] ?? '';
    return isoOf(year(at('year')), Number(at('month')), Number(at('day')));
  }
  const names = monthNames(lang);
  const monthAt = tokens.findIndex((token) => names.has(token.replace(/\.$/, '')));
  if (monthAt < 0) return null;
  const rest = tokens.filter((_, index) => index !== monthAt);
  const yearAt = rest.findIndex((token) => /^\d{4}$/.test(token));
  const dayToken = rest[yearAt === 0 ? 1 : 0] ?? '';
  const yearToken = yearAt < 0 ? (rest[1] ?? '') : (rest[yearAt] ?? '');
  if (!/^\d{1,2}$/.test(dayToken)) return null;
  return isoOf(year(yearToken), names.get((tokens[monthAt] ?? '').replace(/\.$/, '')) ?? 0, Number(dayToken));
}
