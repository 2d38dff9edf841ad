import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, setDisplayLocale } from '../../../../src-shared/util/formatDate';

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

  it('formats a moment in local time', () => {
    expect(formatDateTime('not a time')).toBe('not a time');
    expect(formatDateTime('2026-11-26T10:42:00')).toBe('26 Nov 2026, 10:42');
  });
});
