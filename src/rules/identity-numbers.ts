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

/** Text normalised code point by code point, with a map from its units back to the original offsets. */
interface Normalised {
  text: string;
  /** Original offset where the code point of unit `i` starts. */
  startOf(i: number): number;
  /** Original offset just after the code point of unit `i`. */
  endOf(i: number): number;
}

/** A decimal digit of any script; NFKC leaves Arabic-Indic, Devanagari and most others as they are. */
const ANY_DIGIT = /^\p{Nd}$/u;

/**
 * The value of a decimal digit of any script. Unicode gives every script its digits as runs of
 * ten code points, 0 to 9, so the value is the distance from the first digit of the run, modulo
 * ten where runs stand next to each other.
 */
function digitValue(code: number): string {
  let zero = code;
  while (ANY_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
}

/**
 * One code point as the search sees it: NFKC (full-width digits become digits, a no-break space
 * a space), with dashes as `-` and the digits of other scripts (٣, ۳, ३) as ASCII digits, since a
 * reader of that script reads the number. Invisible characters (zero-width space, soft hyphen,
 * word joiner, combining grapheme joiner, variation selectors) vanish, because a reader does not
 * see them either.
 */
function normaliseCodePoint(char: string): string {
  const result = char.normalize('NFKC');
  if (/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(result)) return '';
  if (ANY_DIGIT.test(result)) return digitValue(result.codePointAt(0) as number);
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
/**
 * Finds the next UTF-16 unit that is neither ASCII nor known to be a code point that is its own
 * normal form. Without the u flag: a search by code point takes twice as long on a page of HTML,
 * and normalise puts the two halves of a pair together itself.
 */
let unknownForm = /[^\x00-\x7f]/g;

/** Remembers that `char`, one UTF-16 unit and no half of a pair, is its own normal form, so that later searches skip it. */
function learnOwnForm(char: string): void {
  // Past a few hundred the class costs more than it saves.
  if (ownForms.length >= 400) return;
  ownForms += char;
  unknownForm = new RegExp(`[^\\x00-\\x7f${ownForms}]`, 'g');
}

/** True if `unit` is half of a surrogate pair: only the pair is a code point. */
const isSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdfff;

const IDENTITY = { startOf: (i: number) => i, endOf: (i: number) => i + 1 };

/** The text normalise saw last and what it made of it: privacy asks twice of each file. */
let lastText: string | undefined;
let lastNormal: Normalised | undefined;

/**
 * The text with each code point in its normal form. Most code points are their own (ASCII, å, ä,
 * ö), so only the ones that change are recorded, as segments; an offset between segments is the
 * original offset shifted by what the segments before it changed. A match is ASCII digits,
 * letters and separators, so it never starts or ends inside a code point that kept its form.
 */
function normalise(text: string): Normalised {
  // Stryker disable next-line ConditionalExpression: a memo only; normalising again gives the same result
  if (text === lastText) return lastNormal as Normalised;
  const normal = normaliseAnew(text);
  lastText = text;
  lastNormal = normal;
  return normal;
}

function normaliseAnew(text: string): Normalised {
  // Stryker disable next-line ConditionalExpression: a shortcut only; the general path gives the same result
  if (!/[^\x00-\x7f]/.test(text)) return { text, ...IDENTITY };
  const pieces: string[] = [];
  // Per changed code point: where its normal form starts in the result, how long it is, and
  // where and how long it was in the original.
  const at: number[] = [];
  const length: number[] = [];
  const from: number[] = [];
  const was: number[] = [];
  let copied = 0;
  let size = 0;
  unknownForm.lastIndex = 0;
  for (let match = unknownForm.exec(text); match; match = unknownForm.exec(text)) {
    const index = match.index;
    const unit = text.charCodeAt(index);
    // A high half followed by a low half is one code point; any other half stands alone.
    const char = (text.codePointAt(index) as number) > 0xffff ? text.slice(index, index + 2) : match[0];
    const next = index + char.length;
    const normal = normalForm(char);
    // Never a half of a pair: skipping a high half would hide every code point that starts with it.
    if (normal === char && !isSurrogate(unit)) learnOwnForm(char);
    // After the learning, which makes a new expression; past both halves of a pair.
    unknownForm.lastIndex = next;
    if (normal === char) continue;
    pieces.push(text.slice(copied, index), normal);
    size += index - copied;
    at.push(size);
    length.push(normal.length);
    from.push(index);
    was.push(char.length);
    size += normal.length;
    copied = next;
  }
  if (at.length === 0) return { text, ...IDENTITY };
  pieces.push(text.slice(copied));
  /** The last changed code point whose normal form starts at or before unit `i`, or -1. */
  const segment = (i: number): number => {
    let low = 0;
    let high = at.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (at[mid] <= i) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  };
  const startOf = (i: number): number => {
    const k = segment(i);
    if (k < 0) return i;
    return i < at[k] + length[k] ? from[k] : i - at[k] - length[k] + from[k] + was[k];
  };
  const endOf = (i: number): number => {
    const k = segment(i);
    return k >= 0 && i < at[k] + length[k] ? from[k] + was[k] : startOf(i) + 1;
  };
  return { text: pieces.join(''), startOf, endOf };
}

/** Six digits in a row: no identity number without them. Global, to search on from where a search stopped. */
const SIX_DIGITS = /\d{6}/g;
/**
 * CANDIDATE at one offset. A search for it from the start of a page looks behind at every
 * character; one for six digits skips ahead, and every candidate starts at six digits.
 */
const CANDIDATE_AT = new RegExp(CANDIDATE.source, 'iy');

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

/**
 * What `search.matchAll(CANDIDATE)` gives, found faster. A candidate starts where six digits do;
 * six digits found inside a candidate already taken follow a digit, so CANDIDATE refuses them.
 */
function candidates(search: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  SIX_DIGITS.lastIndex = 0;
  for (let six = SIX_DIGITS.exec(search); six; six = SIX_DIGITS.exec(search)) {
    CANDIDATE_AT.lastIndex = six.index;
    const match = CANDIDATE_AT.exec(search);
    if (match) found.push(match);
  }
  return found;
}

/**
 * False if no value that YAML decodes from the file `text` can hold an identity number, so the
 * values need not be searched one by one. Every number has six digits in a row once normalised;
 * a decoded value gets them only from six in the text (a line fold puts a space between), from an
 * escape (a backslash), or from a number written in hex, octal or with an exponent.
 */
export function decodedMayHoldNumber(text: string): boolean {
  const search = normalise(text).text;
  SIX_DIGITS.lastIndex = 0;
  return SIX_DIGITS.test(search) || /\\|0[xXoO]|\d[eE][-+]?\d/.test(text);
}

/** Every identity, coordination or interim number in `text`, with its offsets in `text`. */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  const normal = normalise(text);
  const search = normal.text;
  const { startOf, endOf } = normal;
  for (const match of candidates(search)) {
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
