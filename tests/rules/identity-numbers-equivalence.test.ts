/**
 * The fast paths of src/rules/identity-numbers.ts (a search by UTF-16 unit for code points to
 * normalise, the memo of the last text normalised, candidates tried only where six digits stand)
 * find, mask and let through exactly what the implementation before them did, kept in
 * identity-numbers-reference.ts: over seeded texts an attacker or a careless paste would write
 * (digits of other scripts and full width, invisible marks, numbers split by markup, halves of
 * surrogate pairs), each run in modules that have learned nothing yet, since both learn which code
 * points keep their form. identity-numbers-equivalence-workspaces.test.ts does the same over real
 * workspaces.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { freshPair, same } from './identity-numbers-compare.js';
import { checkDigit } from './check-digit.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** Ten digits with a valid check digit, of dates that exist (days up to 28) or plus 60, and an interim letter at times. */
const number = fc
  .record({ yy: fc.integer({ min: 0, max: 99 }), mm: fc.integer({ min: 1, max: 12 }), dd: fc.integer({ min: 1, max: 28 }), plus: fc.constantFrom(0, 60), serial: fc.integer({ min: 1, max: 999 }), letter: fc.constantFrom('', '', 'T', 'x') })
  .map(({ yy, mm, dd, plus, serial, letter }) => {
    const date = `${pad(yy)}${pad(mm)}${pad(dd + plus)}`;
    const three = letter ? `${letter}${pad(serial % 100)}` : String(serial).padStart(3, '0');
    return `${date}${three}${checkDigit(date + (letter ? `1${pad(serial % 100)}` : three))}`;
  });

/** Ways of writing a digit: ASCII, full width, mathematical bold (a pair), Arabic-Indic, Devanagari, circled. */
const DIGITS: Array<(d: number) => string> = [
  (d) => String(d),
  (d) => String.fromCodePoint(0xff10 + d),
  (d) => String.fromCodePoint(0x1d7ce + d),
  (d) => String.fromCodePoint(0x0660 + d),
  (d) => String.fromCodePoint(0x0966 + d),
  (d) => (d === 0 ? '⓪' : String.fromCodePoint(0x2460 + d - 1)),
];
/** What stands between characters: nothing, invisible marks, separators, markup that splits a number. */
const BETWEEN = ['', '', '', '\u200b', '\u00ad', '\u2060', '\u034f', '\ufe0f', '\u3164', '\ufeff', '-', '\u2013', '\u2212', ' ', '\u00a0', '\u202f', '+', '<b>', '</b>', '**', '\\', '\ud835', '\udfce'];
const AROUND = ['', ' ', 'tel ', 'Tfn: ', 'kr ', ' kr', ',50 kr', '.', '1.', '/', ':', '19', '20', 'ö', 'å', 'Ä', '●', '–', '…', '①', '⑳', '𝟏', '٣', '\ud800', '\udfff', '\u2028', 'x'];

/** Mostly nothing between two characters, at times a mark, a separator or markup. */
const between = fc.oneof({ arbitrary: fc.constant(''), weight: 8 }, { arbitrary: fc.constantFrom(...BETWEEN), weight: 1 });
/** A number written in a mix of disguises, one choice per character, inside text around it. */
const disguised = fc
  .tuple(number, fc.array(fc.tuple(fc.nat(DIGITS.length - 1), between), { minLength: 10, maxLength: 10 }), fc.constantFrom(...AROUND), fc.constantFrom(...AROUND), fc.boolean())
  .map(([digits, choices, before, after, century]) => {
    let text = century ? '19' : '';
    [...digits].forEach((c, i) => {
      const [style, next] = choices[i];
      text += (/\d/.test(c) ? DIGITS[style](Number(c)) : c) + next;
    });
    return `${before}${text}${after}`;
  });
/** Pieces of text of every kind the search treats apart, in any order. */
const soup = fc.array(fc.oneof(fc.constantFrom(...BETWEEN, ...AROUND), number, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 14 }).map((p) => p.join(''));
const text = fc.oneof(disguised, soup, fc.array(disguised, { maxLength: 4 }).map((p) => p.join('\n')));

describe('identity numbers: the fast paths find what the reference finds', () => {
  it('on seeded texts an attacker would write, each sequence in modules that have learned nothing', async () => {
    const sequences = fc.sample(fc.array(text, { minLength: 1, maxLength: 25 }), { numRuns: 120, seed: 13 });
    for (const sequence of sequences) {
      const pair = await freshPair();
      // Each text twice, and the first again after the last: the memo of the last text must not leak.
      for (const t of sequence) {
        same(pair, t);
        same(pair, t);
      }
      same(pair, sequence[0]);
    }
  });

  it('on a number that is the last text searched and then changes by one character', async () => {
    const pair = await freshPair();
    for (const t of ['Anna 330121-9618.', 'Anna 330121-9619.', 'Anna 3301219618', 'Anna 330121\u20139618', 'Anna 330121\u20139618 ö', 'Anna ３３0121-9618']) same(pair, t);
  });
});
