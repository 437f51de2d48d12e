/**
 * formatDate keeps each text it made: what it returns is what Intl makes for that day, the first
 * time and every time after, in both languages, and a date that cannot be formatted throws each
 * time it is asked for.
 */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateWithWeekday } from '../../src/i18n/index.js';

const intl = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

describe('formatDate, remembered', () => {
  it('gives what Intl gives for every day of two years and a few odd ones, asked twice, in sv and en', () => {
    const days: string[] = [];
    for (let t = Date.UTC(2008, 0, 1); t <= Date.UTC(2009, 11, 31); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
    days.push('1900-02-28', '2000-02-29', '9999-12-31', '0001-01-01');
    for (const round of [1, 2]) {
      for (const day of days) {
        expect([round, formatDate(day, 'sv')]).toEqual([round, intl(day, 'sv-SE')]);
        expect([round, formatDate(day, 'en')]).toEqual([round, intl(day, 'en-GB')]);
      }
    }
    expect(formatDateWithWeekday('2009-06-10', 'sv')).toBe('onsdag 10 juni 2009');
    expect(formatDate('2009-06-10', 'en')).toBe('10 June 2009');
  });

  it('gives nothing for no date, and throws for a date it cannot format, every time', () => {
    expect(formatDate(undefined, 'sv')).toBe('');
    expect(formatDate('', 'en')).toBe('');
    for (let i = 0; i < 3; i++) expect(() => formatDate('2009-13-45', 'sv')).toThrow(RangeError);
  });

  it('stays right past the number of days it keeps', () => {
    const start = Date.UTC(1990, 0, 1);
    const sv = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    // 12,000 days, more than it keeps: it starts again, and the texts are still right.
    for (let n = 0; n < 12_000; n++) {
      const day = new Date(start + n * 86_400_000).toISOString().slice(0, 10);
      if (formatDate(day, 'sv') !== sv.format(new Date(`${day}T00:00:00Z`))) expect.unreachable(`wrong text for ${day}`);
    }
    expect(formatDate('1990-01-01', 'sv')).toBe('1 januari 1990');
  });
});
