/**
 * The fast parse: js-yaml reads a plain file about seven times faster than the `yaml` package's
 * parseAllDocuments, which also builds the syntax tree with every node's position. Most files of
 * a workspace have no finding, so nothing ever asks where their nodes are; they are read with
 * js-yaml, and the position-keeping parse runs only when a rule, an edit or a render asks for the
 * tree (see load.ts).
 *
 * The two parsers must agree exactly, or a finding would change. They agree on plain YAML 1.2
 * core data but part on corners: tags, anchors and aliases (the alias limit), several documents,
 * explicit and empty keys, collections as keys, null keys, flow collections over several lines
 * (`yaml` checks their indentation, js-yaml does not), a comment that touches a quote or bracket,
 * signed hex and octal numbers, huge exponents, escaped line breaks, tabs, carriage returns and
 * control characters. A text that could hold any of these is left to the slow path, which is the
 * parse as it always was: when in doubt, the slow path. tests/workspace/fast-parse.test.ts holds
 * both parsers to the same result over the examples, the fixtures and generated texts.
 */
import jsYaml from 'js-yaml';

/** A line this long may hold a key over the 1,024 characters `yaml` allows an implicit key. */
const MAX_LINE = 1000;

// What a character asks of the scan in mayReadFast; a character not named asks nothing.
const ORDINARY = 0;
const DIGIT = 1;
const SPACE = 2;
const NEWLINE = 3;
const REFUSE = 4;
const DASH = 5;
const PLUS = 6;
const OPEN = 7;
const CLOSE = 8;
const COLON = 9;
const HASH = 10;
const LETTER_B = 11;
const LETTER_E = 12;
const QUESTION = 13;
const LESS = 14;
const UNDERSCORE = 15;
const DOT = 16;
const PERCENT = 17;

/** The class of each ASCII character. */
const CLASS = ((): Uint8Array => {
  const table = new Uint8Array(128);
  const set = (chars: string, kind: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = kind;
  };
  for (let c = 0; c < 32; c++) table[c] = REFUSE;
  table[127] = REFUSE;
  table[10] = NEWLINE;
  set('0123456789', DIGIT);
  set(' ', SPACE);
  // Tags, anchors and aliases, escapes (and escaped line breaks), null keys written ~.
  set('!&*\\~', REFUSE);
  set('-', DASH);
  set('+', PLUS);
  set('[{', OPEN);
  set(']}', CLOSE);
  set(':', COLON);
  set('#', HASH);
  set('bB', LETTER_B);
  set('eE', LETTER_E);
  set('?', QUESTION);
  set('<', LESS);
  set('_', UNDERSCORE);
  set('.', DOT);
  set('%', PERCENT);
  return table;
})();

const isDigit = (c: number) => c >= 48 && c <= 57;

/** What JavaScript's \s matches. */
const isWhiteSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** A sign at `i` before a fraction without a leading digit (-.5) or before a zero not followed by a digit (-0, +0x1). */
const signedDoubt = (text: string, i: number) => {
  const next = text.charCodeAt(i + 1);
  return (next === 46 && isDigit(text.charCodeAt(i + 2))) || (next === 48 && !isDigit(text.charCodeAt(i + 2)));
};

/**
 * A colon at `i` that may end a key the parsers read differently: a key that is a collection or
 * sits in a flow collection ([a]: 1, {a: 1}: 2, [a, : b]), or a null key (null: x, "null" to one
 * parser and "" to the other).
 */
function doubtfulKey(text: string, i: number, lineStart: number): boolean {
  let j = i - 1;
  while (j >= lineStart && text.charCodeAt(j) === 32) j--;
  const before = text.charCodeAt(j);
  if (before === 91 || before === 123 || before === 44 || before === 93 || before === 125) return true;
  // null, Null, NULL and any other casing.
  return j - 3 >= lineStart && (text.charCodeAt(j - 3) | 0x20) === 110 && (text.charCodeAt(j - 2) | 0x20) === 117 && (text.charCodeAt(j - 1) | 0x20) === 108 && (before | 0x20) === 108;
}

/**
 * True if the fast parse may read the text: nothing in it that the two parsers could read
 * differently. One pass over the characters, each of which asks for a look around only where a
 * construct could start; each check is broader than the constructs it stands for (a false alarm
 * costs time, a miss would cost a finding), and the tests hold it to be at least as strict as
 * the regular expressions it replaced (tests/workspace/fast-parse-reference.ts). It refuses:
 * - a character the parsers treat differently: control characters (tabs, carriage returns),
 *   C1 controls, line and paragraph separators, byte-order marks; tags, anchors and aliases,
 *   escapes and escaped line breaks, null keys written ~ (! & * \ ~); merge keys (<<); __proto__;
 * - document markers and directives at the start of a line (---, ..., %): several documents, or an empty one;
 * - explicit keys: a ? that stands alone;
 * - a key left empty (a colon first on its line, after nothing but spaces and dashes), a
 *   collection as a key or a key in a flow collection (a colon after a bracket or comma), a null key;
 * - a comment that touches a quote or bracket;
 * - signed fractions without a leading digit, signed zeros (-0 is 0 to js-yaml, -0 to `yaml`),
 *   signed hex, octal and binary; binary (0b); exponents of three digits and numbers of 300;
 * - a line over MAX_LINE characters, and a flow collection not closed on the line it opens on.
 */
export function mayReadFast(text: string): boolean {
  const length = text.length;
  let depth = 0;
  let lineStart = 0;
  // Nothing but spaces and dashes since the line began.
  let lead = true;
  let digits = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
      lead = false;
      digits = 0;
      continue;
    }
    const kind = CLASS[c];
    if (kind === ORDINARY) {
      lead = false;
      digits = 0;
      continue;
    }
    if (kind === DIGIT) {
      if (++digits >= 300) return false;
      lead = false;
      continue;
    }
    digits = 0;
    switch (kind) {
      case SPACE:
        break;
      case NEWLINE:
        if (depth !== 0 || i - lineStart > MAX_LINE) return false;
        lineStart = i + 1;
        lead = true;
        break;
      case REFUSE:
        return false;
      case DASH:
        if ((i === lineStart && text.startsWith('---', i)) || signedDoubt(text, i)) return false;
        break;
      case PLUS:
        if (signedDoubt(text, i)) return false;
        lead = false;
        break;
      case OPEN:
        depth++;
        lead = false;
        break;
      case CLOSE:
        depth--;
        lead = false;
        break;
      case COLON:
        if (lead || doubtfulKey(text, i, lineStart)) return false;
        lead = false;
        break;
      case HASH: {
        const before = text.charCodeAt(i - 1);
        if (before === 34 || before === 39 || before === 93 || before === 125) return false;
        lead = false;
        break;
      }
      case LETTER_B:
        if (text.charCodeAt(i - 1) === 48) return false;
        lead = false;
        break;
      case LETTER_E:
        if (isDigit(text.charCodeAt(i - 1))) {
          const at = text.charCodeAt(i + 1) === 43 || text.charCodeAt(i + 1) === 45 ? i + 2 : i + 1;
          if (isDigit(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1)) && isDigit(text.charCodeAt(at + 2))) return false;
        }
        lead = false;
        break;
      case QUESTION: {
        const before = text.charCodeAt(i - 1);
        const after = text.charCodeAt(i + 1);
        const opens = i === 0 || isWhiteSpace(before) || before === 91 || before === 123 || before === 44 || before === 45;
        if (opens && (i + 1 === length || isWhiteSpace(after))) return false;
        lead = false;
        break;
      }
      case LESS:
        if (text.charCodeAt(i + 1) === 60) return false;
        lead = false;
        break;
      case UNDERSCORE:
        if (text.startsWith('__proto__', i)) return false;
        lead = false;
        break;
      case DOT:
        if (i === lineStart && text.startsWith('...', i)) return false;
        lead = false;
        break;
      case PERCENT:
        if (i === lineStart) return false;
        lead = false;
        break;
    }
  }
  return depth === 0 && length - lineStart <= MAX_LINE;
}

/**
 * The file's one document as data, if the fast parse may read it: a single document whose root is
 * a map, with nothing in the text the two parsers could read differently. Undefined sends the
 * file to the slow path, which finds and words every problem as before.
 */
export function fastParse(text: string): Record<string, unknown> | undefined {
  if (!mayReadFast(text)) return undefined;
  let documents: unknown[];
  try {
    documents = jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (documents.length !== 1) return undefined;
  const [data] = documents;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}

/** A worker's answer for a file that must take the slow path. */
export const SLOW = 0;
/** A worker's answer for a file whose data JSON cannot carry: the loading thread parses it itself. */
export const HERE = 1;

/**
 * What the loading thread shares with its workers (load.ts parseTexts): every file's bytes end to
 * end, where each file ends, and the counter from which the threads take the next `chunk` files.
 */
export interface ParseJob {
  bytes: SharedArrayBuffer;
  ends: Int32Array;
  next: Int32Array;
  /** The threads that take files, this one included. */
  threads: number;
  /** The number of the job's first file among all the files of the load (a load sends its files in several jobs as it reads them). */
  offset: number;
}

/**
 * The next files for a thread to parse, [start, end), or undefined when none are left. A share is
 * an eighth of what is left per thread, between 2 and 64 files: large while much is left, so that
 * few answers go back, and small at the end, so that no thread waits long for another's last share.
 */
export function claim(job: ParseJob): [number, number] | undefined {
  const count = job.ends.length;
  for (;;) {
    const start = Atomics.load(job.next, 0);
    if (start >= count) return undefined;
    const size = Math.max(2, Math.min(64, Math.ceil((count - start) / (8 * job.threads))));
    const end = Math.min(start + size, count);
    if (Atomics.compareExchange(job.next, 0, start, end) === start) return [start, end];
  }
}

/** A worker's answers for the files from `start` on (numbered among all the files of the load). */
export type ParseAnswer = { start: number; answers: Array<string | typeof SLOW | typeof HERE> };

/** True if JSON carries the value unchanged: every number finite and not -0. */
function jsonSafe(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return true;
  for (const item of Array.isArray(value) ? value : Object.values(value)) if (!jsonSafe(item)) return false;
  return true;
}

/**
 * A worker's part of the parse: takes files off the shared counter until none are left, so a
 * worker that starts late or runs on a busy core simply takes fewer. Each file's data goes back
 * as a JSON string (a string taken back and parsed costs the loading thread about a third of a
 * structured clone of the data); a file for the slow path as SLOW, one whose data holds a number
 * JSON cannot carry (NaN, ±Infinity, -0) as HERE.
 */
export function parseShare(job: ParseJob, send: (answer: ParseAnswer) => void): void {
  for (let share = claim(job); share !== undefined; share = claim(job)) {
    const [start, end] = share;
    const answers: Array<string | typeof SLOW | typeof HERE> = [];
    for (let i = start; i < end; i++) {
      const from = i === 0 ? 0 : job.ends[i - 1];
      const raw = Buffer.from(job.bytes, from, job.ends[i] - from).toString('utf8');
      const data = fastParse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
      answers.push(data === undefined ? SLOW : jsonSafe(data) ? JSON.stringify(data) : HERE);
    }
    send({ start: job.offset + start, answers });
  }
}
