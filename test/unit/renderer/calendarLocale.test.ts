import { describe, expect, it } from 'vitest';
import { calendarLocale, firstDayOfWeek } from '../../../src-renderer/app/calendarLocale';

describe('calendars in the user’s language', () => {
  it('uses the browser language when bundled, its base language otherwise, English last', () => {
    expect(calendarLocale('de-DE')).toBe('de');
    expect(calendarLocale('pt-BR')).toBe('pt-br');
    expect(calendarLocale('en-GB')).toBe('en-gb');
    expect(calendarLocale('nn-NO')).toBe('nb');
    expect(calendarLocale('en-US')).toBe('en');
    expect(calendarLocale('tlh')).toBe('en');
  });

  it('starts the week on the locale’s first day: Sunday in the US, Monday in Germany', () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('de-DE')).toBe(1);
    expect(firstDayOfWeek('not a locale!')).toBe(1);
  });
});
