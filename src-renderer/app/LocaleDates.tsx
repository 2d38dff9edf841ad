import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/da';
import 'dayjs/locale/de';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/es';
import 'dayjs/locale/fi';
import 'dayjs/locale/fr';
import 'dayjs/locale/it';
import 'dayjs/locale/ja';
import 'dayjs/locale/nb';
import 'dayjs/locale/nl';
import 'dayjs/locale/pl';
import 'dayjs/locale/pt';
import 'dayjs/locale/pt-br';
import 'dayjs/locale/sv';
import 'dayjs/locale/zh-cn';
import { useMemo, type ReactNode } from 'react';

/** The calendar languages bundled (the field itself shows dates through `formatDate` in any locale). */
const CALENDAR_LOCALES = ['da', 'de', 'en-gb', 'es', 'fi', 'fr', 'it', 'ja', 'nb', 'nl', 'pl', 'pt', 'pt-br', 'sv', 'zh-cn'];

function calendarLocale(language: string): string {
  const wanted = language.toLowerCase();
  if (CALENDAR_LOCALES.includes(wanted)) return wanted;
  const base = wanted.split('-')[0] ?? '';
  if (base === 'no' || base === 'nn') return 'nb';
  return CALENDAR_LOCALES.includes(base) ? base : 'en';
}

/** The locale's first day of the week as the calendar counts it (0 Sunday … 6 Saturday). */
function firstDayOfWeek(language: string): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    const first = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
    return (first % 7) as 0 | 1 | 2 | 3 | 4 | 5 | 6;
  } catch {
    return 1;
  }
}

/** Every calendar of the app in the user's language, starting the week on the locale's first day. */
export function LocaleDates({ children }: { children: ReactNode }) {
  const settings = useMemo(() => ({ locale: calendarLocale(navigator.language), firstDayOfWeek: firstDayOfWeek(navigator.language) }), []);
  return <DatesProvider settings={settings}>{children}</DatesProvider>;
}
