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

/**
 * Text that the two parsers may read differently; one match sends the file to the slow path.
 * Each pattern is broader than the constructs it stands for: a false alarm costs time, a miss
 * would cost a finding. Four patterns with few ways to start are scanned far faster than one
 * alternation of every case, which the regular-expression engine tries at every character.
 */
const DOUBTFUL: readonly RegExp[] = [
  // Tags, anchors and aliases; escapes and escaped line breaks; null keys written ~; merge keys;
  // __proto__; document markers (several documents, or an empty one) and directives; explicit keys.
  /[!&*\\~]|<<|__proto__|^(?:---|\.\.\.|%)|(?:^|[\s[{,-])\?(?:\s|$)/m,
  // A key left empty (also in a flow collection), a collection as a key, a null key: "" to one
  // parser and "null" to the other.
  /^[ ]*(?:-[ ]+)*:|[[{,\]}][ ]*:|(?:null|Null|NULL)[ ]*:(?:\s|$)/m,
  // A comment that touches a quote or bracket.
  /["'\]}]#/,
  // Signed fractions without a leading digit; signed zeros (-0 is 0 to js-yaml, -0 to `yaml`),
  // hex, octal and binary; binary; numbers and exponents that overflow.
  /[-+](?:\.\d|0(?!\d))|0[bB]|\d[eE][-+]?\d{3}|\d{300}/,
];

/**
 * True if every character is one both parsers treat alike and every line is short, with its flow
 * brackets closed on the line where they open.
 */
function plainCharacters(text: string): boolean {
  let depth = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (depth !== 0 || i - lineStart > MAX_LINE) return false;
      lineStart = i + 1;
    } else if (c === 91 || c === 123) depth++;
    else if (c === 93 || c === 125) depth--;
    else if (c < 32 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  }
  return depth === 0 && text.length - lineStart <= MAX_LINE;
}

/**
 * The file's one document as data, if the fast parse may read it: a single document whose root is
 * a map, with nothing in the text the two parsers could read differently. Undefined sends the
 * file to the slow path, which finds and words every problem as before.
 */
export function fastParse(text: string): Record<string, unknown> | undefined {
  if (!plainCharacters(text) || DOUBTFUL.some((pattern) => pattern.test(text))) return undefined;
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
  chunk: number;
}

/** A worker's answers for the files from `start` on, or that it has taken its last. */
export type ParseAnswer = { start: number; answers: Array<string | typeof SLOW | typeof HERE> } | { done: true };

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
  const count = job.ends.length;
  for (let start = Atomics.add(job.next, 0, job.chunk); start < count; start = Atomics.add(job.next, 0, job.chunk)) {
    const answers: Array<string | typeof SLOW | typeof HERE> = [];
    for (let i = start; i < Math.min(start + job.chunk, count); i++) {
      const from = i === 0 ? 0 : job.ends[i - 1];
      const raw = Buffer.from(job.bytes, from, job.ends[i] - from).toString('utf8');
      const data = fastParse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
      answers.push(data === undefined ? SLOW : jsonSafe(data) ? JSON.stringify(data) : HERE);
    }
    send({ start, answers });
  }
  send({ done: true });
}
