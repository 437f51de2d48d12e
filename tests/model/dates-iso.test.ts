/** isIsoDate reads the character codes; it must answer as the regular expression and Number() it replaced. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/model/dates.js';

/** The earlier isIsoDate, kept as the reference. */
function isIsoDateBefore(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

describe('isIsoDate', () => {
  it('answers as before for dates, near-dates and anything else', () => {
    const digit = fc.constantFrom('0', '1', '2', '3', '9', '/', ':', ' ', '٣', 'a');
    const nearDate = fc.tuple(fc.array(digit, { minLength: 4, maxLength: 4 }), fc.constantFrom('-', '/'), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.constantFrom('-', '.'), fc.array(digit, { minLength: 2, maxLength: 2 }), fc.constantFrom('', '\n', 'x'))
      .map(([y, a, m, b, d, tail]) => `${y.join('')}${a}${m.join('')}${b}${d.join('')}${tail}`);
    const date = fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(fc.oneof(nearDate, date, fc.string({ maxLength: 12 })), (v) => void expect(isIsoDate(v), v).toBe(isIsoDateBefore(v))), { numRuns: 20000, seed: 20261203 });
    for (const v of ['2024-02-29', '2023-02-29', '2000-02-29', '1900-02-29', '2025-04-31', '2025-12-31', '2025-13-01', '2025-00-10', '0000-01-01', '2025-06-01\n']) {
      expect(isIsoDate(v), v).toBe(isIsoDateBefore(v));
    }
  });
});
