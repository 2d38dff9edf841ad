/* The dayjs locales imported in LocaleDates.tsx must match this list. */
/** The calendar languages bundled (the field itself shows dates through `formatDate` in any locale). */
export const CALENDAR_LOCALES = ['da', 'de', 'en-gb', 'es', 'fi', 'fr', 'it', 'ja', 'nb', 'nl', 'pl', 'pt', 'pt-br', 'sv', 'zh-cn'];

export function calendarLocale(language: string): string {
  const wanted = language.toLowerCase();
  if (CALENDAR_LOCALES.includes(wanted)) return wanted;
  const base = wanted.split('-')[0] ?? '';
  if (base === 'no' || base === 'nn') return 'nb';
  return CALENDAR_LOCALES.includes(base) ? base : 'en';
}

/** The locale's first day of the week as the calendar counts it (0 Sunday … 6 Saturday). */
export function firstDayOfWeek(language: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const first = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
    return (first % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  } catch {
    return 1;
  }
}
