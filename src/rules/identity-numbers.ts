/**
 * Finding Swedish identity numbers in free text: personnummer, samordningsnummer (day + 60) and
 * interimistiska nummer (a letter in the first place of the serial number, given by health care
 * and social services to people who have no personnummer). A candidate is a date of 6 or 8
 * digits, an optional separator (-, +, or a space) and a serial of four; the date must exist and
 * the last digit must be the Luhn check digit of the other ten.
 *
 * Text pasted from elsewhere writes the same number in other characters (full-width digits, an en
 * dash or a minus sign for the hyphen, a non-breaking space), so the search runs over the text
 * normalised code point by code point, with a map back to the original offsets. Numbers that a
 * phone or amount label introduces, and numbers inside longer numbers, decimals or versions, are
 * left alone.
 */

export interface IdentityNumberMatch {
  /** Offset of the first character in the original text. */
  start: number;
  /** Offset just after the last character in the original text. */
  end: number;
  kind: 'personnummer' | 'samordningsnummer' | 'interim';
  /** The number as the text wrote it with its serial hidden: `330121-****`. */
  masked: string;
  /** The number in one written form (yymmdd + serial, upper case), to tell two findings of it apart. */
  canonical: string;
}

const INTERIM_LETTERS = 'PTRSUWXJKLMN';
const CANDIDATE = new RegExp(`(?<!\\d)(\\d{8}|\\d{6})([-+ ]?)([\\d${INTERIM_LETTERS}]\\d{3})(?!\\d)`, 'gi');
/** What a neighbour in a list looks like: another number of the same shape. */
const SHAPE = `(?:\\d{8}|\\d{6})[-+ ]?[\\d${INTERIM_LETTERS}]\\d{3}`;
/**
 * Punctuation that joins ten bare digits to the digits next to it in decimals, versions, ratios
 * and times. Not the comma: rows pasted from a spreadsheet put one between every cell
 * (`2009-06-10,8211059954`), and a decimal with ten digits after the comma is not written.
 */
const JOINER = '[./:]';
const JOINED_BEFORE = new RegExp(`\\d${JOINER}$`);
const JOINED_AFTER = new RegExp(`^${JOINER}\\d`);
const LIST_NEIGHBOUR_BEFORE = new RegExp(`(?<!\\d)${SHAPE}${JOINER}$`, 'i');
const LIST_NEIGHBOUR_AFTER = new RegExp(`^${JOINER}${SHAPE}(?!\\d)`, 'i');
// \b is ASCII-only in JavaScript, so "Hundraåring" would match \bring: use a letter lookbehind.
const PHONE_BEFORE = /(?<!\p{L})(?:tel|tfn|telefon|phone|mobil|mobile|mobilnummer|fax|växel|sms|ring|call|\+46)\.?\s*(?:nr|no|nummer)?\.?:?\s*$/iu;
const AMOUNT_BEFORE = /(?<!\p{L})(?:kr|sek|belopp|amount|value|budget|summa|kostnad)\s*:?\s*$/iu;
const AMOUNT_AFTER = /^(?:,\d{1,2})?\s*(?:kr\b|sek\b|kronor|:-)/i;
/** Dashes and minus signs that stand in for the hyphen, after NFKC (which makes U+2011 U+2010). */
const DASHES = new Set(['\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
/** Days in each month of a year that is not a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Text normalised code point by code point, with each unit's original start and end offset. */
interface Normalised {
  text: string;
  /** Original offset of each unit's code point; absent when the text is unchanged. */
  starts?: number[];
  ends?: number[];
}

/**
 * One code point as the search sees it: NFKC (full-width digits become digits, a no-break space
 * a space), with dashes as `-`. Invisible format characters (zero-width space, soft hyphen, word
 * joiner) vanish, because a reader does not see them either.
 */
function normaliseCodePoint(char: string): string {
  const result = char.normalize('NFKC');
  if (/\p{Cf}/u.test(result)) return '';
  return DASHES.has(result) ? '-' : result;
}

/** Normal forms of the code points seen so far: a workspace uses few, and NFKC is slow. */
const normalForms = new Map<string, string>();

function normalForm(char: string): string {
  let normal = normalForms.get(char);
  if (normal === undefined) {
    normal = normaliseCodePoint(char);
    // Bounded, so that a file of every code point cannot grow it without end.
    if (normalForms.size < 10_000) normalForms.set(char, normal);
  }
  return normal;
}

/** Code points met so far that are their own normal form, as the inside of a character class. */
let ownForms = '';
/** The first code point that is neither ASCII nor known to be its own normal form. */
let unknownForm = /[^\x00-\x7f]/gu;

/**
 * True if every code point of `text` is its own normal form. Each code point is tried once; after
 * that the search skips it inside the regular expression, so a text of å, ä and ö costs one scan.
 */
function isOwnNormalForm(text: string): boolean {
  unknownForm.lastIndex = 0;
  for (let match = unknownForm.exec(text); match; match = unknownForm.exec(text)) {
    const [char] = match;
    if (normalForm(char) !== char) return false;
    const from = match.index + char.length;
    // Bounded: past a few hundred the class would cost more than it saves.
    // A lone surrogate cannot stand in a class of its own; it is only tried again next time.
    const lone = char.length === 1 && char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) <= 0xdfff;
    if (ownForms.length < 400 && !lone) {
      ownForms += char;
      unknownForm = new RegExp(`[^\\x00-\\x7f${ownForms}]`, 'gu');
    }
    unknownForm.lastIndex = from;
  }
  return true;
}

function normalise(text: string): Normalised {
  // Plain ASCII is its own normal form: most files take this path and need no offset map.
  // Stryker disable next-line ConditionalExpression: a shortcut only; the general path gives the same result
  if (!/[^\x00-\x7f]/.test(text)) return { text };
  // Nor does a text whose every code point is its own normal form (å, ä, ö): the map would be
  // the identity wherever a number can match, since a match is ASCII digits, letters and separators.
  // Stryker disable next-line ConditionalExpression: a shortcut only; the general path gives the same result
  if (isOwnNormalForm(text)) return { text };
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const normal = char.charCodeAt(0) < 0x80 ? char : normalForm(char);
    for (let i = 0; i < normal.length; i++) {
      starts.push(offset);
      ends.push(offset + char.length);
    }
    units.push(normal);
    offset += char.length;
  }
  return { text: units.join(''), starts, ends };
}

/** True if the date exists; a short year is taken in whichever century makes it exist. */
function dateExists(year: string, month: number, day: number): boolean {
  // A short year 00 is 2000, a leap year, so the Gregorian rule holds for short years as written.
  const y = Number(year);
  const leapDay = month === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 1 : 0;
  // A month outside 1–12 has no days.
  return day >= 1 && day <= (MONTH_DAYS[month - 1] ?? 0) + leapDay;
}

/** The Luhn check digit of ten digits' first nine, compared with the tenth. */
function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const doubled = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return (10 - (sum % 10)) % 10 === Number(digits[9]);
}

/** The kind of number the parts make, or undefined if they make none. */
function classify(date: string, serial: string): IdentityNumberMatch['kind'] | undefined {
  // Twelve digits name the century: 1800s (a number with +) to 2000s.
  if (date.length === 8 && !/^(?:18|19|20)/.test(date)) return undefined;
  const short = date.slice(-6);
  const month = Number(short.slice(2, 4));
  const day = Number(short.slice(4, 6));
  const year = date.slice(0, -4);
  // A samordningsnummer adds 60 to the day, so days 61–91 are days 1–31, and 32–60 exist in neither.
  const coordination = day > 31;
  if (!dateExists(year, month, day % 60)) return undefined;
  const interim = !/^\d/.test(serial);
  // Serial 000 is never given; an interim number counts its letter as 1 in the check digit.
  if (serial.startsWith('000')) return undefined;
  if (!luhnHolds(short + (interim ? `1${serial.slice(1)}` : serial))) return undefined;
  return interim ? 'interim' : coordination ? 'samordningsnummer' : 'personnummer';
}

/** True if the digits next to the number make it part of a decimal, version or longer number. */
function joinedToOtherDigits(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 16), start);
  if (JOINED_BEFORE.test(before) && !LIST_NEIGHBOUR_BEFORE.test(before)) return true;
  const after = text.slice(end, end + 16);
  return JOINED_AFTER.test(after) && !LIST_NEIGHBOUR_AFTER.test(after);
}

/** Every identity, coordination or interim number in `text`, with its offsets in `text`. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const normal = normalise(text);
  const search = normal.text;
  const startOf = (i: number): number => normal.starts?.[i] ?? i;
  const endOf = (i: number): number => normal.ends?.[i] ?? i + 1;
  const found: IdentityNumberMatch[] = [];
  for (const match of search.matchAll(CANDIDATE)) {
    const [value, date, separator, serialAsWritten] = match;
    const start = match.index;
    const end = start + value.length;
    const serial = serialAsWritten.toUpperCase();
    const kind = classify(date, serial);
    if (!kind) continue;
    const before = search.slice(Math.max(0, start - 24), start);
    if (PHONE_BEFORE.test(before) || AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(search.slice(end, end + 8))) continue;
    // A number written with its separator is no decimal, version or ratio, whatever touches it.
    if (!separator && joinedToOtherDigits(search, start, end)) continue;
    const dateEnd = start + date.length;
    const writtenDate = text.slice(startOf(start), endOf(dateEnd - 1));
    const writtenSeparator = separator ? text.slice(startOf(dateEnd), endOf(dateEnd)) : '-';
    found.push({
      start: startOf(start),
      end: endOf(end - 1),
      kind,
      masked: `${writtenDate}${writtenSeparator}****`,
      canonical: date.slice(-6) + serial,
    });
  }
  return found;
}

/**
 * `text` with every identity number replaced by its date part and `****` (`330121-****`,
 * `19330121-****`), keeping the separator the text used, or `-` when it had none. The last line
 * of defence before text leaves the tool, so it never throws: a value that cannot even be made a
 * text gives an empty text rather than an error that would print it.
 */
export function maskIdentityNumbers(text: string): string {
  try {
    const value = String(text ?? '');
    let out = '';
    let at = 0;
    for (const { start, end, masked } of findIdentityNumbers(value)) {
      out += value.slice(at, start) + masked;
      at = end;
    }
    return out + value.slice(at);
  } catch {
    return '';
  }
}
