/**
 * What the YAML parser's errors mean, in words a coordinator can act on: where the file went
 * wrong and how to fix it. Kept apart from the loader so parsing and wording can change apart.
 *
 * The parser's own messages ("Nested mappings are not allowed in compact mappings") describe its
 * grammar, and often point at the line before the mistake. Each case below looks at the text
 * around the error to name the line that is really wrong and what to write instead.
 */
import type { LineCounter, YAMLError } from 'yaml';
import { messages, type Message, type Params } from '../i18n/messages.js';
import { spanOfOffsets, type Span } from './locate.js';
import type { LoadProblem, SourceFile } from './types.js';
import { yamlPackage } from './yaml-package.js';

const say = messages('workspace/yaml-errors', {
  overIndented: {
    sv: 'Filen är inte giltig YAML: rad {line} är indragen mer än raden ovanför ("{key}:" på rad {line} börjar längre in än "{above}:" på rad {aboveLine}). Nycklarna i samma post ska börja i samma kolumn: flytta "{key}:" till vänster, till kolumn {column}.',
    en: 'The file is not valid YAML: line {line} is indented more than the line above it ("{key}:" on line {line} is indented more than "{above}:" on line {aboveLine}). Keys of the same entry must start in the same column: move "{key}:" left to column {column}.',
  },
  overIndentedItem: {
    sv: 'Filen är inte giltig YAML: rad {line} är indragen mer än raden ovanför (listposten "- {key}:" börjar i kolumn {at}, men posterna i listan, som den på rad {itemLine}, börjar i kolumn {column}). Flytta "-" till vänster, till kolumn {column}.',
    en: 'The file is not valid YAML: line {line} is indented more than the line above it (the list item "- {key}:" starts in column {at}, but the items of the list, like the one on line {itemLine}, start in column {column}). Move the "-" left to column {column}.',
  },
  underIndented: {
    sv: 'Filen är inte giltig YAML: rad {line} är indragen mindre än raden ovanför ("{key}:" börjar i kolumn {at}, men "{above}:" på rad {aboveLine} börjar i kolumn {column}). Nycklarna i samma post ska börja i samma kolumn: flytta "{key}:" till höger, till kolumn {column}.',
    en: 'The file is not valid YAML: line {line} is indented less than the line above it ("{key}:" starts in column {at}, but "{above}:" on line {aboveLine} starts in column {column}). Keys of the same entry must start in the same column: move "{key}:" right to column {column}.',
  },
  misaligned: {
    sv: 'Filen är inte giltig YAML: rad {line} står inte i linje med raderna ovanför (den börjar i kolumn {at}, rad {aboveLine} i kolumn {column}). Det som hör till samma nivå ska börja i samma kolumn; en listpost börjar med "- ".',
    en: 'The file is not valid YAML: line {line} does not line up with the lines above it (it starts in column {at}, line {aboveLine} in column {column}). Items at the same level must start in the same column; a list item starts with "- ".',
  },
  keyAmongItems: {
    sv: 'Filen är inte giltig YAML: rad {line} har en nyckel där raderna ovanför är listposter som börjar med "- " i kolumn {column}. Börja raden med "- " om den är en ny post, eller dra in den under posten den hör till.',
    en: 'The file is not valid YAML: line {line} has a key where the lines above it are list items starting with "- " in column {column}. Start the line with "- " if it is a new item, or indent it under the item it belongs to.',
  },
  tab: {
    sv: 'Filen är inte giltig YAML: rad {line} är indragen med tabb. Dra in med mellanslag, inte tabbar: byt tabben i början av rad {line} mot mellanslag.',
    en: 'The file is not valid YAML: line {line} is indented with a tab. Indent with spaces, not tabs: replace the tab at the start of line {line} with spaces.',
  },
  unclosedQuote: {
    sv: 'Filen är inte giltig YAML: citattecknet {quote} på rad {line} avslutas aldrig, så resten av filen läses som en enda text. Skriv ett avslutande {quote} i slutet av texten på rad {line}.',
    en: 'The file is not valid YAML: the quote {quote} on line {line} is never closed, so the rest of the file is read as one text. Write a closing {quote} at the end of the text on line {line}.',
  },
  unclosedList: {
    sv: 'Filen är inte giltig YAML: listan som börjar med [ på rad {line} avslutas aldrig med ]. Skriv ] i slutet av listan på rad {line}, eller skriv posterna på egna rader som börjar med "- ".',
    en: 'The file is not valid YAML: the list opened with [ on line {line} is never closed with ]. Write ] at the end of the list on line {line}, or write the items on lines of their own starting with "- ".',
  },
  unclosedMap: {
    sv: 'Filen är inte giltig YAML: klammern {brace} på rad {line} avslutas aldrig med }. Skriv } i slutet på rad {line}, eller skriv nycklarna på egna rader ("nyckel: värde").',
    en: 'The file is not valid YAML: the brace {brace} on line {line} is never closed with }. Write } at the end of line {line}, or write the keys on lines of their own ("key: value").',
  },
  missingColon: {
    sv: 'Filen är inte giltig YAML: rad {line} saknar kolon ("{text}"). Skriv ett kolon och ett mellanslag efter nyckeln, till exempel "{suggestion}", eller börja en listpost med "- ".',
    en: 'The file is not valid YAML: line {line} has no colon ("{text}"). Write a colon and a space after the key, for example "{suggestion}", or start a list item with "- ".',
  },
  dashWithoutSpace: {
    sv: 'Filen är inte giltig YAML: rad {line} börjar med "-" utan mellanslag efter. En listpost skrivs med ett mellanslag efter strecket: "{suggestion}".',
    en: 'The file is not valid YAML: line {line} starts with "-" without a space after it. A list item has a space after the dash: "{suggestion}".',
  },
  colonInValue: {
    sv: 'Filen är inte giltig YAML: värdet på rad {line} innehåller ": ", som YAML läser som en ny nyckel. Sätt värdet inom citattecken: {suggestion}.',
    en: 'The file is not valid YAML: the value on line {line} contains ": ", which YAML reads as another key. Put the value in quotes: {suggestion}.',
  },
  reservedStart: {
    sv: 'Filen är inte giltig YAML: värdet på rad {line} börjar med {char}, ett tecken som YAML reserverar. Sätt värdet inom citattecken: {suggestion}.',
    en: 'The file is not valid YAML: the value on line {line} starts with {char}, a character YAML reserves. Put the value in quotes: {suggestion}.',
  },
  badEscape: {
    sv: 'Filen är inte giltig YAML: rad {line} har {sequence} inom "dubbla citattecken", där ett omvänt snedstreck inleder en specialkod. Använd enkla citattecken i stället, eller skriv snedstrecket två gånger (\\\\).',
    en: 'The file is not valid YAML: line {line} has {sequence} inside "double quotes", where a backslash starts an escape. Use single quotes instead, or write the backslash twice (\\\\).',
  },
  outOfPlace: {
    sv: 'Filen är inte giltig YAML: på rad {line}, kolumn {column} står {char} där inget mer får stå. En text med kolon, komma, citattecken eller # i sig behöver citattecken runt hela texten.',
    en: 'The file is not valid YAML: on line {line}, column {column}, {char} stands where nothing more may follow. A text with a colon, a comma, quotes or # in it needs quotes around the whole text.',
  },
  duplicateKey: {
    sv: 'Den här nyckeln finns två gånger i samma post: "{key}:" på rad {line} står redan på rad {first}, så ett av värdena skulle gå förlorat. Ta bort eller byt namn på den ena.',
    en: 'This key appears twice in the same map: "{key}:" on line {line} is already on line {first}, so one value would be lost. Remove or rename one of them.',
  },
  duplicateKeySomewhere: {
    sv: 'Den här nyckeln ("{key}") finns två gånger i samma post, så ett av värdena skulle gå förlorat. Ta bort eller byt namn på den ena.',
    en: 'This key appears twice in the same map ("{key}"), so one value would be lost. Remove or rename one of them.',
  },
  other: {
    sv: 'Filen är inte giltig YAML: rad {line}, kolumn {column} går inte att läsa (YAML-läsarens felkod {code}). Jämför raden med raderna runt den: samma indrag för samma nivå, kolon efter varje nyckel, citattecken runt text med kolon eller #, högst ett ankare (&) och en tagg per värde.',
    en: 'The file is not valid YAML: line {line}, column {column} cannot be read (the YAML reader\'s error code {code}). Compare the line with the lines around it: the same indent for the same level, a colon after each key, quotes around a text with a colon or #, at most one anchor (&) and one tag per value.',
  },
});

/** `key:` at the start of a line, after its indent and any list dashes (group 1 is both). */
const KEY_LINE = /^(\s*(?:-\s+)*)([^\s#:'"\-{[][^:#]*?):(?:\s|$)/;

/** A file's lines without their line ends, so columns count characters a person sees. */
function linesOf(file: SourceFile): string[] {
  return file.text.split('\n').map((line) => line.replace(/\r$/, ''));
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

const counted = new WeakMap<SourceFile, LineCounter>();

/**
 * Where each line of the file starts, counted from its text. The parser's own count misses the
 * line ends inside a token it could not place (a block text after a broken key), which would put
 * a later error on "line 37, column 2490".
 */
function linesOfText(file: SourceFile): LineCounter {
  let counter = counted.get(file);
  if (!counter) {
    counter = new (yamlPackage().LineCounter)();
    counter.addNewLine(0);
    for (let at = file.text.indexOf('\n'); at >= 0; at = file.text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
    counted.set(file, counter);
  }
  return counter;
}

/** The span of `length` characters from column `column` (0-based) of line `index` (0-based). */
function spanAt(file: SourceFile, index: number, column: number, length: number): Span {
  const start = (linesOfText(file).lineStarts[index] ?? 0) + column;
  return spanOfOffsets(linesOfText(file), start, start + Math.max(length, 1));
}

/** The nearest line above `index` that holds something, as its index; -1 if none. */
function contentAbove(lines: string[], index: number): number {
  for (let n = index - 1; n >= 0; n--) if (isContent(lines[n])) return n;
  return -1;
}

/** Quotes a value for a suggestion: double quotes unless it has some, then single. */
function quoted(value: string): string {
  return value.includes('"') ? `'${value.replace(/'/g, "''")}'` : `"${value}"`;
}

interface Explained {
  span: Span;
  message: string;
  said: Message;
}

/** A phrase in the current language, and in both, so that a check in another language can say it again. */
function words(key: Parameters<typeof say>[0], params: Params): { message: string; said: Message } {
  return { message: say(key, params), said: { sv: say.in('sv', key, params), en: say.in('en', key, params) } };
}

/**
 * A key indented further than the key above it (`- id: anna` then `      name: Anna`): the
 * parser sees a text running over two lines and complains about the line above. Finds the
 * line that is really wrong and says how to fix it.
 */
function overIndentedKey(file: SourceFile, lines: string[], at: number): Explained | undefined {
  const above = KEY_LINE.exec(lines[at] ?? '');
  if (!above) return undefined;
  const keyColumn = above[1].length;
  for (let n = at + 1; n < lines.length && n <= at + 3; n++) {
    const line = lines[n];
    if (!isContent(line)) continue;
    const below = KEY_LINE.exec(line);
    const indent = indentOf(line);
    if (!below || indent <= keyColumn) return undefined;
    if (below[1].includes('-')) return overIndentedItem(file, lines, n, below[2].trim());
    const key = below[2].trim();
    return {
      span: spanAt(file, n, indent, key.length),
      ...words('overIndented', { line: n + 1, key, above: above[2].trim(), aboveLine: at + 1, column: keyColumn + 1 }),
    };
  }
  return undefined;
}

/**
 * A list item indented further than the items before it (`  - id: a` … then `      - id: b`):
 * the parser takes it for part of the last value. Says which column the list's dashes are in.
 */
function overIndentedItem(file: SourceFile, lines: string[], at: number, key: string): Explained | undefined {
  const indent = indentOf(lines[at]);
  // The keys of the items above sit right of their dashes; a line left of a dash owns the list.
  let leftmost = Infinity;
  for (let n = at - 1; n >= 0; n--) {
    if (!isContent(lines[n])) continue;
    const column = indentOf(lines[n]);
    if (!/^\s*-\s/.test(lines[n])) {
      leftmost = Math.min(leftmost, column);
      continue;
    }
    if (column >= indent) continue;
    if (leftmost <= column) return undefined;
    return {
      span: spanAt(file, at, indent, 1),
      ...words('overIndentedItem', { line: at + 1, key, at: indent + 1, column: column + 1, itemLine: n + 1 }),
    };
  }
  return undefined;
}

/** `-id: polis`: a list dash without the space that makes it one. */
function dashWithoutSpace(file: SourceFile, text: string, at: number): Explained | undefined {
  const dash = /^(\s*)-([^\s-].*)$/.exec(text);
  return dash ? { span: spanAt(file, at, dash[1].length, 1), ...words('dashWithoutSpace', { line: at + 1, suggestion: `- ${dash[2]}` }) } : undefined;
}

/** The indent of the entry that holds a key in `column` on line `n`: the nearest line above that starts further left. */
function ownerIndent(lines: string[], n: number, column: number): number {
  for (let m = n; m >= 0; m--) if (isContent(lines[m]) && indentOf(lines[m]) < column) return indentOf(lines[m]);
  return -1;
}

/**
 * A line that does not line up with the lines above it. Against a key above, says whether it is
 * too far right or left and which column it belongs in; otherwise says only that it does not line up.
 */
function misaligned(file: SourceFile, lines: string[], at: number): Explained | undefined {
  const line = lines[at];
  if (line === undefined || !isContent(line)) return undefined;
  const n = contentAbove(lines, at);
  if (n < 0) return undefined;
  const dash = dashWithoutSpace(file, line, at);
  if (dash) return dash;
  const indent = indentOf(line);
  const own = KEY_LINE.exec(line);
  const above = KEY_LINE.exec(lines[n]);
  if (own && !own[1].includes('-') && above) {
    const column = above[1].length;
    const key = own[2].trim();
    const params = { line: at + 1, key, above: above[2].trim(), aboveLine: n + 1, column: column + 1, at: indent + 1 };
    const span = spanAt(file, at, indent, key.length);
    if (indent > column) return { span, ...words('overIndented', params) };
    // Less indented than the key above, but deeper than the line that owns that key: between levels.
    if (indent < column && indent > ownerIndent(lines, n, column)) return { span, ...words('underIndented', params) };
  }
  if (own && !own[1].includes('-') && /^\s*-\s/.test(lines[n]) && indentOf(lines[n]) === indent) {
    return { span: spanAt(file, at, indent, own[2].trim().length), ...words('keyAmongItems', { line: at + 1, column: indent + 1 }) };
  }
  return {
    span: spanAt(file, at, indent, line.trim().length),
    ...words('misaligned', { line: at + 1, at: indent + 1, aboveLine: n + 1, column: indentOf(lines[n]) + 1 }),
  };
}

/** The first earlier line holding the same key in the same block map as line `at`, 0-based; -1 if none. */
function firstSameKey(lines: string[], at: number, key: string, column: number): number {
  for (let n = at - 1; n >= 0; n--) {
    if (!isContent(lines[n])) continue;
    const m = KEY_LINE.exec(lines[n]);
    const keyColumn = m ? m[1].length : indentOf(lines[n]);
    if (keyColumn < column) return -1;
    if (m && keyColumn === column && m[2].trim() === key) return n;
    // A "- " at this column starts the entry the key belongs to: nothing above it is the same map.
    if (m && keyColumn === column && m[1].includes('-')) return -1;
  }
  return -1;
}

function duplicateKey(file: SourceFile, lines: string[], start: number): Explained {
  const pos = linesOfText(file).linePos(start);
  const rest = file.text.slice(start);
  const key = (/^"([^"]*)"|^'([^']*)'|^([^:,{}[\]\n]+?)\s*:/.exec(rest) ?? []).slice(1).find((k) => k !== undefined) ?? rest.split(/[:\n]/)[0];
  const at = pos.line - 1;
  const first = firstSameKey(lines, at, key.trim(), pos.col - 1);
  const span = spanAt(file, at, pos.col - 1, key.length);
  return first >= 0
    ? { span, ...words('duplicateKey', { key: key.trim(), line: at + 1, first: first + 1 }) }
    : { span, ...words('duplicateKeySomewhere', { key: key.trim() }) };
}

/**
 * A line the parser could not split into key and value: a list dash without its space, a key
 * without its colon, or (when `nested`) a value with ": " in it that reads as a second key.
 */
function keyWithoutColon(file: SourceFile, text: string, at: number, nested: boolean): Explained | undefined {
  const line = at + 1;
  const trimmed = text.trim();
  const dash = dashWithoutSpace(file, text, at);
  if (dash) return dash;
  const key = KEY_LINE.exec(text);
  const value = key ? text.slice(key[0].length).trim() : '';
  if (key && nested && /:\s|\s#/.test(value)) {
    return { span: spanAt(file, at, key[0].length, value.length), ...words('colonInValue', { line, suggestion: `${key[2].trim()}: ${quoted(value)}` }) };
  }
  if (!trimmed.includes(':') || (!key && !/:\s/.test(trimmed))) {
    const parts = trimmed.replace(/^-\s+/, '').split(/\s+/);
    const suggestion = parts.length > 1 ? `${parts[0]}: ${parts.slice(1).join(' ')}` : `${parts[0]}: …`;
    return { span: spanAt(file, at, indentOf(text), trimmed.length), ...words('missingColon', { line, text: trimmed, suggestion }) };
  }
  return undefined;
}

/** Reads a parser error in context: the line at fault and what to write there. */
function explain(file: SourceFile, error: YAMLError): Explained {
  const lines = linesOf(file);
  const [start, end] = error.pos;
  const { line, col } = linesOfText(file).linePos(start);
  const at = line - 1;
  const text = lines[at] ?? '';
  const generic = (): Explained => ({
    span: spanOfOffsets(linesOfText(file), start, Math.max(end, start)),
    // The parser's own sentence is English grammar talk; its code names the case without either language.
    ...words('other', { line, column: col, code: error.code }),
  });

  if (error.code === 'DUPLICATE_KEY') return duplicateKey(file, lines, start);

  const leading = /^\s*/.exec(text)?.[0] ?? '';
  if (error.code === 'TAB_AS_INDENT' || leading.includes('\t')) {
    return { span: spanAt(file, at, leading.indexOf('\t') < 0 ? 0 : leading.indexOf('\t'), 1), ...words('tab', { line }) };
  }

  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    const over = overIndentedKey(file, lines, at);
    if (over) return over;
    return keyWithoutColon(file, text, at, error.code === 'BLOCK_AS_IMPLICIT_KEY') ?? generic();
  }

  if (error.code === 'MISSING_CHAR') {
    // The parser reports an unclosed quote where the file ends; point at the quote that opens it.
    const quote = /closing (["'])/.exec(error.message)?.[1];
    if (quote) {
      const open = file.text.lastIndexOf(quote, Math.max(0, start - 1));
      if (open >= 0) return { span: spanOfOffsets(linesOfText(file), open, open + 1), ...words('unclosedQuote', { quote, line: linesOfText(file).linePos(open).line }) };
    }
    if (/without - indicator/.test(error.message)) return misaligned(file, lines, at) ?? generic();
    // The same line as MULTILINE_IMPLICIT_KEY reports, so it gets the same words (shown once).
    if (/followed by map values/.test(error.message)) return keyWithoutColon(file, text, at, false) ?? generic();
    return generic();
  }

  if (error.code === 'BAD_INDENT') {
    const flow = /^Flow (sequence|map)/.exec(error.message)?.[1];
    if (flow) {
      const bracket = flow === 'sequence' ? '[' : '{';
      const open = file.text.lastIndexOf(bracket, Math.max(0, start - 1));
      if (open >= 0) {
        const openLine = linesOfText(file).linePos(open).line;
        const span = spanOfOffsets(linesOfText(file), open, open + 1);
        return flow === 'sequence'
          ? { span, ...words('unclosedList', { line: openLine }) }
          : { span, ...words('unclosedMap', { brace: '{', line: openLine }) };
      }
    }
    return misaligned(file, lines, at) ?? generic();
  }

  if (error.code === 'BAD_SCALAR_START') {
    const value = text.slice(col - 1).trim();
    return { span: spanAt(file, at, col - 1, value.length), ...words('reservedStart', { line, char: value[0], suggestion: quoted(value) }) };
  }

  if (error.code === 'BAD_DQ_ESCAPE') {
    const sequence = /escape sequence (\S+)/.exec(error.message)?.[1] ?? text.slice(col - 1, col + 1);
    return { span: spanOfOffsets(linesOfText(file), start, Math.max(end, start + 1)), ...words('badEscape', { line, sequence }) };
  }

  if (error.code === 'UNEXPECTED_TOKEN') {
    const char = text.slice(col - 1).trim().split(/\s/)[0];
    if (!char) return generic();
    return { span: spanOfOffsets(linesOfText(file), start, Math.max(end, start + 1)), ...words('outOfPlace', { line, column: col, char: `"${char}"` }) };
  }

  return generic();
}

/**
 * The findings for the errors the YAML parser reported in one document of `file`. After the first
 * syntax error the parser's reading of the rest is guesswork, and one missing colon can give a
 * hundred errors below it: only the first is said, with the keys written twice above it, which
 * do not depend on the rest.
 */
export function problemsFromYamlErrors(file: SourceFile, errors: readonly YAMLError[]): LoadProblem[] {
  const byPosition = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const first = byPosition.find((e) => e.code !== 'DUPLICATE_KEY');
  const shown = byPosition.filter((e) => (e.code === 'DUPLICATE_KEY' && (!first || e.pos[0] < first.pos[0])) || e === first);
  const problems: LoadProblem[] = [];
  for (const error of shown) {
    const problem = problemFromYamlError(file, error);
    if (!problems.some((p) => p.message === problem.message && p.span.line === problem.span.line)) problems.push(problem);
  }
  return problems;
}

/** The finding for one error the YAML parser reported in `file`. */
function problemFromYamlError(file: SourceFile, error: YAMLError): LoadProblem {
  const { span, message, said } = explain(file, error);
  return { ruleId: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax', file: file.path, span, message, said };
}
