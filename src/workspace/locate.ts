/**
 * Finds where a value sits in the YAML source, so that every finding points at the exact
 * line and column: the offending node, the map that lacks a key, or a key itself.
 */
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { SourceDocument } from './types.js';

export type PathSegment = string | number;

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface Located {
  node: Node | null;
  pair: Pair | null;
}

/** Walks `path` down from the document's root as far as it exists. */
function walk(doc: Document, path: readonly PathSegment[]): Located {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  let node = doc.contents as Node | null;
  let pair: Pair | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const found = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === seg) as Pair | undefined;
      if (!found) break;
      pair = found;
      node = (found.value as Node | null) ?? (found.key as Node);
    } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
      pair = null;
      node = node.items[seg] as Node;
    } else {
      break;
    }
  }
  return { node, pair };
}

function spanOf(range: readonly number[] | null | undefined, lc: LineCounter, fallback: number): Span {
  const start = range?.[0] ?? fallback;
  const end = Math.max(range?.[1] ?? start, start);
  const a = lc.linePos(start);
  const b = lc.linePos(end);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * The span of the node at `path`. With `key: true`, the span of the key of the last segment
 * (used for unknown keys). A path that does not exist resolves to the deepest node that does.
 */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PathSegment[],
  options: { key?: boolean } = {},
): Span {
  const { isScalar } = yamlPackage();
  const { node, pair } = walk(doc, path);
  const docStart = doc.range?.[0] ?? 0;
  if (options.key && pair && isScalar(pair.key)) return spanOf(pair.key.range, lineCounter, docStart);
  if (node && isScalar(node)) return spanOf(node.range, lineCounter, docStart);
  // A collection: point at its first line only, so the annotation doesn't cover the whole block.
  if (node?.range) {
    const first = pair && isScalar(pair.key) && pair.value === node ? pair.key.range : node.range;
    return firstLineSpan(lineCounter, first?.[0] ?? docStart);
  }
  return spanOf(null, lineCounter, docStart);
}

/** From `start` to the end of its line. */
function firstLineSpan(lineCounter: LineCounter, start: number): Span {
  const a = lineCounter.linePos(start);
  const lineEnd = a.line < lineCounter.lineStarts.length ? lineCounter.lineStarts[a.line] - 1 : start + 1;
  const b = lineCounter.linePos(Math.max(lineEnd, start));
  return { line: a.line, column: a.col, endLine: a.line, endColumn: Math.max(b.col, a.col) };
}

/** The span of a character range in the file, e.g. a match of a regular expression. */
export function spanOfOffsets(lineCounter: LineCounter, start: number, end: number): Span {
  return spanOf([start, end], lineCounter, start);
}

/**
 * Positions without the `yaml` package's tree, for a file the fast parse read (fast-parse.ts):
 * such a text has no tabs, tags, anchors, explicit keys, multi-line flow collections or several
 * documents, so where a node sits can be found by reading its lines along the path. Building the
 * tree costs some 3 ms for a plan file, and a workspace checked long after its plans' due dates has
 * a finding in every plan; this finds the same span in a few microseconds. Whatever it is not sure
 * of (a block scalar, a scalar over several lines, an empty value, a key that is not a string, a
 * comment where a node starts) it leaves to the tree: `undefined` means "ask the tree".
 * tests/workspace/locate.test.ts holds it to the tree's spans for every path of many files.
 */
class Doubt extends Error {}

const doubt = (): never => {
  throw new Doubt();
};

/** A node as the light reading sees it: where it starts, where its value ends, and how to read inside it. */
interface LightNode {
  type: 'map' | 'seq' | 'scalar';
  start: number;
  end: number;
  /** For a map: its pairs; for a sequence: its items. Read when the walk steps in. */
  pairs?: () => LightPair[];
  items?: () => LightNode[];
}

interface LightPair {
  key: { start: number; end: number; text: string; plain: boolean };
  value: () => LightNode;
}

/** The lines of a text: where each starts, its indentation, and whether it holds anything but a comment. */
class Lines {
  readonly starts: readonly number[];
  constructor(
    readonly text: string,
    lineCounter: LineCounter,
  ) {
    this.starts = lineCounter.lineStarts;
    this.indents = new Int32Array(this.starts.length);
  }
  get count(): number {
    return this.starts.length;
  }
  /** Offset of the line's end: its line feed, or the end of the text. */
  end(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.text.length;
  }
  /** Each line's indentation plus one, 0 until measured. */
  private readonly indents: Int32Array;
  indent(line: number): number {
    const known = this.indents[line];
    if (known > 0) return known - 1;
    let at = this.starts[line];
    const end = this.end(line);
    while (at < end && this.text.charCodeAt(at) === 32) at++;
    this.indents[line] = at - this.starts[line] + 1;
    return at - this.starts[line];
  }
  /** True if the line holds nothing, or only a comment. */
  empty(line: number): boolean {
    const at = this.starts[line] + this.indent(line);
    return at >= this.end(line) || this.text.charCodeAt(at) === 35;
  }
  /** True if the line holds anything at all, comments included. */
  blank(line: number): boolean {
    return this.starts[line] + this.indent(line) >= this.end(line);
  }
  /** The next line after `line` that holds more than a comment, or -1. */
  next(line: number): number {
    for (let l = line + 1; l < this.starts.length; l++) if (!this.empty(l)) return l;
    return -1;
  }
  /** The line an offset is on. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

const SPACE = 32;
const isBreak = (c: number) => c === 10 || Number.isNaN(c);

/** A plain key that the core schema reads as something other than a string (a number, a boolean, null). */
const MAYBE_NOT_STRING = /^(?:[-+.0-9]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/;

/** Past the spaces from `at`. */
function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}

/** The end of a quoted scalar that starts at `at`, on its own line; doubt if it does not close there. */
function quotedEnd(text: string, at: number, lineEnd: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < lineEnd; i++) {
    if (text.charCodeAt(i) !== quote) continue;
    // '' stands for one ' inside single quotes.
    if (quote === 39 && text.charCodeAt(i + 1) === 39) {
      i++;
      continue;
    }
    return i + 1;
  }
  return doubt();
}

/** The text a quoted key stands for (double-quoted keys with escapes never reach here: the fast parse refuses backslashes). */
function unquote(raw: string): string {
  return raw[0] === "'" ? raw.slice(1, -1).replaceAll("''", "'") : raw.slice(1, -1);
}

/** The end of a plain scalar from `at`, trailing spaces left out: it stops at a comment, the line's end, or (in a flow collection) an indicator. */
function plainEnd(text: string, at: number, lineEnd: number, flow: boolean): number {
  let end = at;
  for (let i = at; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (c === 35 && text.charCodeAt(i - 1) === SPACE) break;
    if (flow && (c === 44 || c === 93 || c === 125 || c === 91 || c === 123)) break;
    if (c === 58) {
      const after = text.charCodeAt(i + 1);
      // ": " inside a value makes it a pair, which is not a plain scalar.
      if (after === SPACE || isBreak(after) || (flow && (after === 44 || after === 93 || after === 125))) doubt();
    }
    if (c !== SPACE) end = i + 1;
  }
  return end;
}

/** Only spaces or a comment from `at` to the line's end. */
function restIsEmpty(text: string, at: number, lineEnd: number): void {
  const next = skipSpaces(text, at);
  if (next < lineEnd && !(text.charCodeAt(next) === 35 && next > at)) doubt();
}

/** True for what may follow the colon after a key in a flow collection. */
const endsFlowKey = (c: number) => c === SPACE || c === 44 || c === 125 || c === 93;

/** A flow collection from `at` ([ or {), on its line. */
function flowNode(text: string, at: number, lineEnd: number): LightNode {
  const isMap = text.charCodeAt(at) === 123;
  const close = isMap ? 125 : 93;
  const members: Array<{ key?: LightPair['key']; node: LightNode }> = [];
  let i = skipSpaces(text, at + 1);
  while (text.charCodeAt(i) !== close) {
    if (i >= lineEnd) doubt();
    let key: LightPair['key'] | undefined;
    if (isMap) {
      const c = text.charCodeAt(i);
      const quoted = c === 34 || c === 39;
      let keyEnd: number;
      let colon: number;
      if (quoted) {
        keyEnd = quotedEnd(text, i, lineEnd);
        colon = keyEnd;
      } else {
        colon = i;
        while (colon < lineEnd && !(text.charCodeAt(colon) === 58 && endsFlowKey(text.charCodeAt(colon + 1)))) {
          const k = text.charCodeAt(colon);
          if (k === 44 || k === 125 || k === 91 || k === 123 || k === 93 || k === 35) doubt();
          colon++;
        }
        keyEnd = colon;
        while (keyEnd > i && text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
      }
      if (text.charCodeAt(colon) !== 58 || keyEnd === i) doubt();
      const raw = text.slice(i, keyEnd);
      key = { start: i, end: keyEnd, text: quoted ? unquote(raw) : raw, plain: !quoted };
      i = skipSpaces(text, colon + 1);
    }
    const c = text.charCodeAt(i);
    let node: LightNode;
    if (c === 44 || c === close) doubt();
    if (c === 91 || c === 123) {
      node = flowNode(text, i, lineEnd);
    } else if (c === 34 || c === 39) {
      node = { type: 'scalar', start: i, end: quotedEnd(text, i, lineEnd) };
    } else {
      node = { type: 'scalar', start: i, end: plainEnd(text, i, lineEnd, true) };
      if (node.end === i) doubt();
    }
    members.push({ key, node });
    i = skipSpaces(text, node.end);
    const after = text.charCodeAt(i);
    if (after === 44) i = skipSpaces(text, i + 1);
    else if (after !== close) doubt();
  }
  const end = i + 1;
  return isMap
    ? { type: 'map', start: at, end, pairs: () => members.map((m) => ({ key: m.key!, value: () => m.node })) }
    : { type: 'seq', start: at, end, items: () => members.map((m) => m.node) };
}

/** A node that starts at `at` on `line` and is not a block collection; lines below indented past `parent` would continue it. */
function inlineNode(lines: Lines, line: number, at: number, parent: number): LightNode {
  const { text } = lines;
  const lineEnd = lines.end(line);
  const c = text.charCodeAt(at);
  let node: LightNode;
  if (c === 91 || c === 123) node = flowNode(text, at, lineEnd);
  else if (c === 34 || c === 39) node = { type: 'scalar', start: at, end: quotedEnd(text, at, lineEnd) };
  else if (c === 124 || c === 62 || c === 45 || c === 63 || c === 35) return doubt();
  else node = { type: 'scalar', start: at, end: plainEnd(text, at, lineEnd, false) };
  restIsEmpty(text, node.end, lineEnd);
  // A line below indented past the parent would continue a plain scalar (or be an error).
  for (let l = line + 1; l < lines.count; l++) {
    if (lines.blank(l)) continue;
    if (lines.indent(l) > parent) doubt();
    break;
  }
  return node;
}

/** Where the key of a block pair at `at` ends and its colon is, or undefined if no key starts there. */
function blockKey(text: string, at: number, lineEnd: number): { key: LightPair['key']; colon: number } | undefined {
  const c = text.charCodeAt(at);
  if (c === 34 || c === 39) {
    const end = quotedEnd(text, at, lineEnd);
    const after = text.charCodeAt(end);
    if (after === 58 && (text.charCodeAt(end + 1) === SPACE || end + 1 === lineEnd)) return { key: { start: at, end, text: unquote(text.slice(at, end)), plain: false }, colon: end };
    // A quoted scalar with a colon further on, or spaces before the colon: left to the tree.
    if (text.indexOf(':', end) >= 0 && text.indexOf(':', end) < lineEnd) doubt();
    return undefined;
  }
  if (c === 91 || c === 123) return undefined;
  for (let i = at; i < lineEnd; i++) {
    const k = text.charCodeAt(i);
    if (k === 35 && text.charCodeAt(i - 1) === SPACE) return undefined;
    if (k === 58 && (text.charCodeAt(i + 1) === SPACE || i + 1 === lineEnd)) {
      let end = i;
      while (end > at && text.charCodeAt(end - 1) === SPACE) end--;
      if (end === at || end !== i) doubt();
      return { key: { start: at, end, text: text.slice(at, end), plain: true }, colon: i };
    }
  }
  return undefined;
}

/** True if a sequence item starts at `at`: a dash followed by a space or the line's end. */
const isDash = (text: string, at: number, lineEnd: number) => text.charCodeAt(at) === 45 && (at + 1 === lineEnd || text.charCodeAt(at + 1) === SPACE);

/** The node a block pair's value or an item's content is when it starts on a line below `line` (indented past `parent`, or a sequence at `parent` for a pair). */
function nodeBelow(lines: Lines, line: number, parent: number, sequenceAtParent: boolean): LightNode {
  const next = lines.next(line);
  if (next < 0) return doubt();
  const indent = lines.indent(next);
  const at = lines.starts[next] + indent;
  const lineEnd = lines.end(next);
  if (indent > parent || (sequenceAtParent && indent === parent && isDash(lines.text, at, lineEnd))) {
    if (isDash(lines.text, at, lineEnd)) return blockSeq(lines, next, indent);
    if (indent > parent && blockKey(lines.text, at, lineEnd)) return blockMap(lines, next, at);
  }
  // An empty value, or a scalar that starts on the next line: left to the tree.
  return doubt();
}

/** A block map whose first key starts at `at` on `line`; its keys stand in that column. */
function blockMap(lines: Lines, line: number, at: number): LightNode {
  const { text } = lines;
  const column = at - lines.starts[line];
  const pairs = (): LightPair[] => {
    const found: LightPair[] = [];
    for (let l = line; l >= 0 && l < lines.count; l = lines.next(l)) {
      const indent = l === line ? column : lines.indent(l);
      if (indent < column) break;
      if (indent > column) continue;
      const start = lines.starts[l] + indent;
      const lineEnd = lines.end(l);
      // A sequence in the key's column is the value of the key above.
      if (isDash(text, start, lineEnd)) continue;
      const key = blockKey(text, start, lineEnd) ?? doubt();
      const pairLine = l;
      found.push({
        key: key.key,
        value: () => {
          const from = skipSpaces(text, key.colon + 1);
          if (from >= lineEnd || text.charCodeAt(from) === 35) return nodeBelow(lines, pairLine, column, true);
          return inlineNode(lines, pairLine, from, column);
        },
      });
    }
    return found;
  };
  return { type: 'map', start: at, end: at, pairs };
}

/** A block sequence whose first dash stands in column `indent` of `line`. */
function blockSeq(lines: Lines, line: number, indent: number): LightNode {
  const { text } = lines;
  const items = (): LightNode[] => {
    const found: LightNode[] = [];
    for (let l = line; l >= 0 && l < lines.count; l = lines.next(l)) {
      const own = lines.indent(l);
      if (own < indent) break;
      if (own > indent) continue;
      const dash = lines.starts[l] + own;
      const lineEnd = lines.end(l);
      if (!isDash(text, dash, lineEnd)) break;
      const from = skipSpaces(text, dash + 1);
      if (from >= lineEnd || text.charCodeAt(from) === 35) found.push(nodeBelow(lines, l, indent, false));
      else if (isDash(text, from, lineEnd)) doubt();
      else if (blockKey(text, from, lineEnd)) found.push(blockMap(lines, l, from));
      else found.push(inlineNode(lines, l, from, indent));
    }
    return found;
  };
  return { type: 'seq', start: lines.starts[line] + indent, end: lines.starts[line] + indent, items };
}

let lastLines: Lines | undefined;

/**
 * The span locate() would give for `path` in a file the fast parse read, found without the tree;
 * undefined where the light reading is not sure, to be asked of the tree.
 */
export function locateLight(text: string, lineCounter: LineCounter, path: readonly PathSegment[], options: { key?: boolean } = {}): Span | undefined {
  try {
    // Findings come file by file: the lines of the last file asked about are kept.
    if (lastLines?.text !== text || lastLines.starts !== lineCounter.lineStarts) lastLines = new Lines(text, lineCounter);
    const lines = lastLines;
    const first = lines.empty(0) ? lines.next(0) : 0;
    if (first < 0) return undefined;
    const start = lines.starts[first] + lines.indent(first);
    if (lines.indent(first) !== 0 || !blockKey(text, start, lines.end(first))) return undefined;
    let node: LightNode = blockMap(lines, first, start);
    let pair: LightPair | null = null;
    for (const seg of path) {
      if (node.type === 'map') {
        if (typeof seg === 'number') return undefined;
        let found: LightPair | undefined;
        for (const p of node.pairs!()) {
          if (p.key.text !== seg) continue;
          if (p.key.plain && MAYBE_NOT_STRING.test(p.key.text)) return undefined;
          found = p;
          break;
        }
        if (!found) break;
        pair = found;
        node = found.value();
      } else if (node.type === 'seq' && typeof seg === 'number') {
        const items = node.items!();
        if (seg >= items.length) break;
        pair = null;
        node = items[seg];
      } else {
        break;
      }
    }
    if (options.key && pair) return spanOf([pair.key.start, pair.key.end], lineCounter, 0);
    if (node.type === 'scalar') return spanOf([node.start, node.end], lineCounter, 0);
    return firstLineSpan(lineCounter, pair ? pair.key.start : node.start);
  } catch {
    // A doubt, or a text this reading did not foresee: the tree answers, as it always did.
    return undefined;
  }
}

/** The documents the fast parse read, with the text they were read from. */
const fastRead = new WeakMap<SourceDocument, string>();

/** Marks a document as read by the fast parse from `text`, so that its positions may be found without the tree. */
export function markFastRead(doc: SourceDocument, text: string): void {
  fastRead.set(doc, text);
}

/**
 * locate() for a document: without the tree where the fast parse read the document and the light
 * reading is sure (the same span), else from the tree, which is then parsed if it was not yet.
 */
export function locateIn(doc: SourceDocument, path: readonly PathSegment[], options: { key?: boolean } = {}): Span {
  const text = fastRead.get(doc);
  const light = text === undefined ? undefined : locateLight(text, doc.file.lineCounter, path, options);
  return light ?? locate(doc.yaml, doc.file.lineCounter, path, options);
}
