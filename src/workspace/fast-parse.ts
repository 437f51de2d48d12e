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
  // Signed fractions without a leading digit; signed hex, octal and binary; binary; numbers and
  // exponents that overflow.
  /[-+](?:\.\d|0[xXoObB])|0[bB]|\d[eE][-+]?\d{3}|\d{300}/,
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
