/**
 * Finding Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer) in free text. Candidates are 10 or 12 digits, optionally with - or +
 * before the last four; the `personnummer` package checks the date and the Luhn check digit.
 * Numbers that a phone or amount label introduces are left alone.
 */
import personnummerModule from 'personnummer';

// The package is CommonJS (module.exports = Personnummer) but its types declare an ES default export.
const Personnummer = personnummerModule as unknown as typeof personnummerModule.default;

export interface IdentityNumberMatch {
  start: number;
  end: number;
  kind: 'personnummer' | 'samordningsnummer';
}

const CANDIDATE = /(?<![\d.,/])(?:\d{2})?\d{6}[-+]?\d{4}(?![\d]|[.,/]\d)/g;
// \b is ASCII-only in JavaScript, so "Hundraåring" would match \bring: use a letter lookbehind.
const PHONE_BEFORE = /(?<!\p{L})(?:tel|tfn|telefon|phone|mobil|mobile|mobilnummer|fax|växel|sms|ring|call|\+46)\.?\s*(?:nr|no|nummer)?\.?:?\s*$/iu;
const AMOUNT_BEFORE = /(?<!\p{L})(?:kr|sek|belopp|amount|value|budget|summa|kostnad)\s*:?\s*$/iu;
const AMOUNT_AFTER = /^\s*(?:kr\b|sek\b|kronor|:-)/i;

/** Every identity or coordination number in `text`, with its character offsets. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const value = match[0];
    const start = match.index;
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(start + value.length, start + value.length + 8);
    if (PHONE_BEFORE.test(before) || AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(after)) continue;
    if (!Personnummer.valid(value, { allowCoordinationNumber: true, allowInterimNumber: false })) continue;
    const kind = Personnummer.parse(value, { allowCoordinationNumber: true, allowInterimNumber: false }).isCoordinationNumber()
      ? 'samordningsnummer'
      : 'personnummer';
    found.push({ start, end: start + value.length, kind });
  }
  return found;
}

/**
 * `text` with every identity number replaced by its date part and `****` (`330121-****`,
 * `19330121-****`), keeping the separator the text used, or `-` when it had none. The last line
 * of defence before text leaves the tool, so it never throws: on any failure it masks every
 * run of digits long enough to be a number rather than let one through.
 */
export function maskIdentityNumbers(text: string): string {
  try {
    const matches = findIdentityNumbers(text);
    if (matches.length === 0) return text;
    let out = '';
    let at = 0;
    for (const { start, end } of matches) {
      out += text.slice(at, start) + maskedForm(text.slice(start, end));
      at = end;
    }
    return out + text.slice(at);
  } catch {
    return String(text).replace(/\d{6,}/g, (digits) => `${digits.slice(0, digits.length > 10 ? 8 : 6)}-****`);
  }
}

/** The date part of one number as written, its separator (or `-`), and four stars. */
function maskedForm(written: string): string {
  const serialStart = written.length - 4;
  const separator = written[serialStart - 1];
  const hasSeparator = separator !== undefined && !/\d/.test(separator);
  const date = written.slice(0, hasSeparator ? serialStart - 1 : serialStart);
  return `${date}${hasSeparator ? separator : '-'}****`;
}
