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
import { calendarLocale, firstDayOfWeek } from './calendarLocale';

/** Every calendar of the app in the user's language, starting the week on the locale's first day. */
export function LocaleDates({ children }: { children: ReactNode }) {
  const settings = useMemo(() => ({ locale: calendarLocale(navigator.language), firstDayOfWeek: firstDayOfWeek(navigator.language) }), []);
  return <DatesProvider settings={settings}>{children}</DatesProvider>;
}
