import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDate, parseTypedDate, setDisplayLocale } from '../../../../src-shared/util/formatDate';

describe('formatDate: dates in the user’s locale, stored as ISO', () => {
  afterEach(() => setDisplayLocale(null));

  it('reads "3 May 2026" when no locale is set (tests, server, reports)', () => {
    expect(formatDate('2026-05-03')).toBe('3 May 2026');
  });

  it('follows the user’s locale once it is set, with no day shift whatever the time zone', () => {
    setDisplayLocale('en-US');
    expect(formatDate('2026-05-03')).toBe('May 3, 2026');
    expect(formatDate('2026-12-31', 'de-DE')).toBe('31. Dez. 2026');
    expect(formatDate('2026-01-01', 'en-GB')).toBe('1 Jan 2026');
  });

  it('leaves what is not an ISO date alone, and ignores a locale the runtime does not know', () => {
    expect(formatDate('soon')).toBe('soon');
    setDisplayLocale('not a locale!');
    expect(formatDate('2026-05-03')).toBe('3 May 2026');
  });

  it('writes a day out for a heading, in the locale once it is set', () => {
    expect(formatLongDate('2026-12-03')).toBe('Thursday 3 December 2026');
    expect(formatLongDate('2026-12-03', 'en-US')).toBe('Thursday, December 3, 2026');
    expect(formatLongDate('2026-12-03', 'de-DE')).toBe('Donnerstag, 3. Dezember 2026');
    setDisplayLocale('en-GB');
    expect(formatLongDate('2026-12-31')).toBe('Thursday, 31 December 2026');
    expect(formatLongDate('tomorrow')).toBe('tomorrow');
  });

  it('formats a moment in local time', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime('2026-11-26T10:42:00')).toBe('26 Nov 2026, 10:42');
  });
});

describe('parseTypedDate: a date typed by hand', () => {
  it('reads ISO dates in any locale and refuses ones that do not exist', () => {
    expect(parseTypedDate('2026-12-03', 'en-US')).toBe('2026-12-03');
    expect(parseTypedDate(' 2026-2-3 ', 'de-DE')).toBe('2026-02-03');
    expect(parseTypedDate('2026-02-30', 'en-GB')).toBeNull();
    expect(parseTypedDate('', 'en-GB')).toBeNull();
    expect(parseTypedDate('next week', 'en-GB')).toBeNull();
  });

  it('reads numeric dates in the order of the locale', () => {
    expect(parseTypedDate('12/3/2026', 'en-US')).toBe('2026-12-03');
    expect(parseTypedDate('3/12/2026', 'en-GB')).toBe('2026-12-03');
    expect(parseTypedDate('3.12.26', 'de-DE')).toBe('2026-12-03');
    expect(parseTypedDate('2026/12/03', 'en-US')).toBe('2026-12-03');
    expect(parseTypedDate('13/13/2026', 'en-US')).toBeNull();
  });

  it('reads back what formatDate shows, with the month by name', () => {
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', null]) {
      expect(parseTypedDate(formatDate('2026-12-03', locale), locale)).toBe('2026-12-03');
      expect(parseTypedDate(formatDate('2027-05-31', locale), locale)).toBe('2027-05-31');
    }
    expect(parseTypedDate('December 3, 2026', 'en-US')).toBe('2026-12-03');
    expect(parseTypedDate('3 sept 2026', 'en-GB')).toBe('2026-09-03');
    expect(parseTypedDate('31 Feb 2026', 'en-GB')).toBeNull();
  });
});
