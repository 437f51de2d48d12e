import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCadence,
  formatDate,
  formatDateWithWeekday,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  labelsFor,
} from '../../src/i18n/index.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('i18n', () => {
  it('writes dates the Swedish way in Swedish and the English way in English', () => {
    expect(formatDate('2009-06-10', 'sv')).toBe('10 juni 2009');
    expect(formatDate('2009-06-10', 'en')).toBe('10 June 2009');
    expect(formatDateWithWeekday('2009-06-10', 'sv')).toBe('onsdag 10 juni 2009');
    expect(formatDateWithWeekday('2009-06-10', 'en')).toBe('Wednesday 10 June 2009');
    expect(formatDate(undefined, 'sv')).toBe('');
  });

  it('writes times as kl. 13.00 in Swedish and 1pm in English', () => {
    expect(formatTime('13:00', 'sv')).toBe('kl. 13.00');
    expect(formatTime('09:05', 'sv')).toBe('kl. 09.05');
    expect(formatTime('13:00', 'en')).toBe('1pm');
    expect(formatTime('13:30', 'en')).toBe('1:30pm');
    expect(formatTime('09:00', 'en')).toBe('9am');
    expect(formatTime('12:00', 'en')).toBe('midday');
    expect(formatTimeRange('13:00', '15:00', 'sv')).toBe('kl. 13.00–15.00');
    expect(formatTimeRange('13:00', '15:00', 'en')).toBe('1pm to 3pm');
    expect(formatTimeRange('13:00', undefined, 'sv')).toBe('kl. 13.00');
  });

  it('writes numbers, percentages and money in the language', () => {
    expect(plain(formatNumber(900000, 'sv'))).toBe('900 000');
    expect(formatNumber(900000, 'en')).toBe('900,000');
    expect(plain(formatPercent(40, 'sv'))).toBe('40 %');
    expect(formatPercent(40, 'en')).toBe('40%');
    expect(plain(formatAmount(900000, 'SEK', 'sv'))).toBe('900 000 kr');
    expect(plain(formatAmount(900000, 'SEK', 'en'))).toBe('SEK 900,000');
  });

  it('writes cadences in words', () => {
    expect(formatCadence('every 6 weeks', labelsFor('sv'))).toBe('var sjätte vecka');
    expect(formatCadence('every 2 weeks', labelsFor('sv'))).toBe('varannan vecka');
    expect(formatCadence('every 13 weeks', labelsFor('sv'))).toBe('var 13:e vecka');
    expect(formatCadence('every 6 weeks', labelsFor('en'))).toBe('every 6 weeks');
    expect(formatCadence('half-yearly', labelsFor('sv'))).toBe('varje halvår');
    expect(formatCadence('ad hoc', labelsFor('en'))).toBe('as needed');
  });

  it('has the same labels in both languages, none of them empty', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
        : [prefix];
    const sv = keys(labelsFor('sv')).sort();
    const en = keys(labelsFor('en')).sort();
    expect(en).toEqual(sv);
    const empty = (value: unknown): boolean =>
      typeof value === 'string' ? value.trim() === '' : Object.values(value as object).some(empty);
    expect(empty(labelsFor('sv'))).toBe(false);
    expect(empty(labelsFor('en'))).toBe(false);
  });
});
