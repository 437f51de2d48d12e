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
 * Each alternative is broader than the construct it stands for: a false alarm costs time, a miss
 * would cost a finding.
 */
const DOUBTFUL = new RegExp(
  [
    String.raw`^(?:---|\.\.\.)(?:\s|$)`, // document markers: several documents, or an empty one
    String.raw`^%`, // directives
    String.raw`(?:^|[\s[\]{},:-])[!&*]`, // tags, anchors, aliases
    String.raw`(?:^|[\s[{,-])\?(?:\s|$)`, // explicit keys
    String.raw`^[ ]*(?:-[ ]+)*:`, // a key left empty
    String.raw`[[{,][ ]*:`, // a key left empty in a flow collection
    String.raw`[\]}][ ]*:(?:\s|$)`, // a collection as a key
    String.raw`(?:^|[\s[{,?-])(?:~|null|Null|NULL)[ ]*:(?:\s|$)`, // a null key: "" to one, "null" to the other
    String.raw`["'\]}]#`, // a comment that touches a quote or bracket
    String.raw`\\$`, // an escaped line break in a double-quoted text
    String.raw`<<`, // merge keys
    String.raw`__proto__`,
    String.raw`[-+]\.\d`, // signed fractions without a leading digit
    String.raw`[-+]0[xXoObB]`, // signed hex, octal, binary
    String.raw`(?<![\w.])0[bB]`, // binary
    String.raw`\d[eE][-+]?\d{3}`, // exponents that overflow
    String.raw`\d{300}`, // numbers that overflow
  ].join('|'),
  'm',
);

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
  if (!plainCharacters(text) || DOUBTFUL.test(text)) return undefined;
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
