/**
 * Property tests of the identity-number search: any number made with the check-digit algorithm
 * (personnummer, samordningsnummer, interim number), written in any of the disguises pasted text
 * gives it, is found at exactly its characters and masked; look-alikes with a wrong check digit,
 * an impossible date, a letter that is not an interim letter or the serial 000 are not found.
 * The numbers are generated here, so no real person's number is written down.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentityNumbers, maskIdentityNumbers } from '../../src/rules/identity-numbers.js';
import { checkDigit } from './check-digit.js';

const INTERIM_LETTERS = 'PTRSUWXJKLMN';
const OTHER_LETTERS = 'ABCDEFGHIOQVYZ';
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Parts {
  century: string;
  yymmdd: string;
  /** Three characters: digits, or an interim letter and two digits. */
  serial: string;
  check: number;
}

/** Separators that stand for the hyphen, the plus or nothing in pasted text. */
const SEPARATORS = ['', '-', '+', ' ', '\u2013', '\u2014', '\u2212', '\u2010', '\u2011', '\u00a0', '\u202f', '\uff0d', '\ufe63', '\uff0b'];
/** Ways of writing a digit: ASCII, full width, mathematical bold (two UTF-16 units each). */
const DIGIT_STYLES: Array<(d: string) => string> = [
  (d) => d,
  (d) => String.fromCodePoint(0xff10 + Number(d)),
  (d) => String.fromCodePoint(0x1d7ce + Number(d)),
];
const PUNCTUATION = ['', ' ', ',', '.', '/', ';', '(', ')', '"', "'", ':', '|', '\n'];
// Filler text: letters that cannot spell a phone or amount label (tel, fax, kr, sek, …), spaces
// and Swedish letters, but no digits, which would make the number part of a longer one.
const filler = fc.string({ unit: fc.constantFrom(...'dghijloquwyzåäöDGHIJLOQUWYZÅÄÖ  '), maxLength: 30 });

const validDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2099 }), month: fc.integer({ min: 1, max: 12 }), dayIndex: fc.nat() })
  .map(({ year, month, dayIndex }) => {
    const days = month === 2 && isLeap(year) ? 29 : DAYS[month - 1];
    return { year, month, day: (dayIndex % days) + 1 };
  });

const serialArb = fc.oneof(
  fc.integer({ min: 1, max: 999 }).map((n) => pad(n, 3)),
  fc.tuple(fc.constantFrom(...INTERIM_LETTERS, ...INTERIM_LETTERS.toLowerCase()), fc.integer({ min: 0, max: 99 })).map(([l, n]) => `${l}${pad(n)}`),
);

/** A valid number: a date that exists (plus 60 for a samordningsnummer), a serial, its check digit. */
const validNumber = fc.record({ date: validDate, coordination: fc.boolean(), serial: serialArb }).map(({ date, coordination, serial }): Parts => {
  const yymmdd = `${pad(date.year % 100)}${pad(date.month)}${pad(date.day + (coordination ? 60 : 0))}`;
  const luhnSerial = /^\d/.test(serial) ? serial : `1${serial.slice(1)}`;
  return { century: pad(Math.floor(date.year / 100)), yymmdd, serial, check: checkDigit(yymmdd + luhnSerial) };
});

interface Disguise {
  long: boolean;
  separator: string;
  digits: (d: string) => string;
  before: string;
  after: string;
  lead: string;
  tail: string;
}

const disguise = fc.record({
  long: fc.boolean(),
  separator: fc.constantFrom(...SEPARATORS),
  digits: fc.constantFrom(...DIGIT_STYLES),
  before: fc.constantFrom(...PUNCTUATION),
  after: fc.constantFrom(...PUNCTUATION),
  lead: filler,
  tail: filler,
});

/** `text` with its digits written the disguise's way. */
const styled = (d: Disguise, text: string) => [...text].map((c) => (/\d/.test(c) ? d.digits(c) : c)).join('');
/** The date part of the number as the disguise writes it. */
const datePart = (parts: Parts, d: Disguise) => styled(d, `${d.long ? parts.century : ''}${parts.yymmdd}`);

/** The number written in a disguise inside text, and where the number stands in it. */
function write(parts: Parts, d: Disguise): { text: string; start: number; end: number } {
  const number = datePart(parts, d) + d.separator + styled(d, `${parts.serial}${parts.check}`);
  const start = d.lead.length + d.before.length;
  return { text: `${d.lead}${d.before}${number}${d.after}${d.tail}`, start, end: start + number.length };
}

describe('identity numbers (properties)', () => {
  it('finds any valid number in any disguise, at exactly its characters', () => {
    fc.assert(
      fc.property(validNumber, disguise, (parts, d) => {
        const { text, start, end } = write(parts, d);
        expect(findIdentityNumbers(text).map((m) => [m.start, m.end])).toEqual([[start, end]]);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds every number of a list, whatever joins them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(validNumber, disguise), { minLength: 2, maxLength: 5 }), fc.constantFrom(',', ', ', ';', '/', ' ', '\t', '\n', ' | '), (items, joiner) => {
        let text = '';
        const spans: number[][] = [];
        for (const [parts, d] of items) {
          if (text) text += joiner;
          const { text: one, start, end } = write(parts, { ...d, before: '', after: '', lead: '', tail: '' });
          spans.push([text.length + start, text.length + end]);
          text += one;
        }
        expect(findIdentityNumbers(text).map((m) => [m.start, m.end])).toEqual(spans);
      }),
      { numRuns: 500 },
    );
  });

  it('finds any valid number in a spreadsheet row, whatever the cells around it hold', () => {
    // Cells a row pasted from a spreadsheet has: names, towns, ages, dates, short codes, empty.
    const cell = fc.oneof(
      fc.constantFrom('Anna Andersson', 'Malmö', 'Strömstad', '', 'Ä-2009-003', 'ja', 'nej'),
      fc.integer({ min: 0, max: 99_999 }).map(String),
      validDate.map(({ year, month, day }) => `${year}-${pad(month)}-${pad(day)}`),
    );
    fc.assert(
      fc.property(validNumber, disguise, fc.array(cell, { maxLength: 4 }), fc.array(cell, { maxLength: 4 }), fc.constantFrom(',', ';', '\t'), (parts, d, left, right, joiner) => {
        const { text: number, start, end } = write(parts, { ...d, before: '', after: '', lead: '', tail: '' });
        const head = left.map((c) => c + joiner).join('');
        const text = head + number + right.map((c) => joiner + c).join('');
        expect(findIdentityNumbers(text).map((m) => [m.start, m.end])).toEqual([[head.length + start, head.length + end]]);
      }),
      { numRuns: 1000 },
    );
  });

  it('masks any valid number in any disguise: nothing is found in the masked text, and its date stays', () => {
    fc.assert(
      fc.property(validNumber, disguise, (parts, d) => {
        const { text, start, end } = write(parts, d);
        const masked = maskIdentityNumbers(text);
        expect(findIdentityNumbers(masked)).toEqual([]);
        // Everything around the number stays; the number becomes its date as written, its
        // separator (or a hyphen) and four stars.
        expect(masked).toBe(`${text.slice(0, start)}${datePart(parts, d)}${d.separator || '-'}****${text.slice(end)}`);
      }),
      { numRuns: 1000 },
    );
  });

  /** A look-alike: the shape of a number, but not one. */
  const lookAlike = fc.oneof(
    // A wrong check digit.
    fc.tuple(validNumber, fc.integer({ min: 1, max: 9 })).map(([p, k]): Parts => ({ ...p, check: (p.check + k) % 10 })),
    // A month that does not exist.
    fc.tuple(validNumber, fc.constantFrom(0, 13, 14, 19, 20, 21, 32, 55, 60, 99)).map(([p, month]): Parts => {
      const yymmdd = `${p.yymmdd.slice(0, 2)}${pad(month)}${p.yymmdd.slice(4)}`;
      return { ...p, yymmdd, check: checkDigit(yymmdd + p.serial.replace(/^\D/, '1')) };
    }),
    // A day that does not exist, nor is one plus 60.
    fc.tuple(validNumber, fc.constantFrom(0, 32, 40, 50, 59, 60, 92, 95, 99)).map(([p, day]): Parts => {
      const yymmdd = `${p.yymmdd.slice(0, 4)}${pad(day)}`;
      return { ...p, yymmdd, check: checkDigit(yymmdd + p.serial.replace(/^\D/, '1')) };
    }),
    // 30 and 31 February, 31 April, 29 February of a year that is not a leap year in any century.
    fc.tuple(validNumber, fc.constantFrom('0230', '0231', '0431', '0631', '0931', '1131', '0229'), fc.constantFrom(0, 60)).map(([p, mmdd, plus]): Parts => {
      const yy = mmdd === '0229' ? '01' : p.yymmdd.slice(0, 2);
      const yymmdd = `${yy}${mmdd.slice(0, 2)}${pad(Number(mmdd.slice(2)) + plus)}`;
      return { ...p, century: '20', yymmdd, check: checkDigit(yymmdd + p.serial.replace(/^\D/, '1')) };
    }),
    // A letter that no interim number has, with the check digit it would have.
    fc.tuple(validNumber, fc.constantFrom(...OTHER_LETTERS, ...OTHER_LETTERS.toLowerCase()), fc.integer({ min: 0, max: 99 })).map(([p, letter, n]): Parts => {
      const serial = `${letter}${pad(n)}`;
      return { ...p, serial, check: checkDigit(`${p.yymmdd}1${pad(n)}`) };
    }),
    // The serial 000, which is never given.
    validNumber.map((p): Parts => ({ ...p, serial: '000', check: checkDigit(`${p.yymmdd}000`) })),
  );

  it('finds none of 10,000 look-alikes in any disguise', () => {
    fc.assert(
      fc.property(lookAlike, disguise, (parts, d) => {
        const { text } = write(parts, d);
        expect(findIdentityNumbers(text)).toEqual([]);
        expect(maskIdentityNumbers(text)).toBe(text);
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws, and gives back text it has nothing to mask unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const masked = maskIdentityNumbers(text);
        expect(typeof masked).toBe('string');
        if (findIdentityNumbers(text).length === 0) expect(masked).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
