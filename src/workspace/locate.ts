/**
 * Finds where a value sits in the YAML source, so that every finding points at the exact
 * line and column: the offending node, the map that lacks a key, or a key itself.
 */
import type { Document, LineCounter, Node, Pair } from 'yaml';
import { yamlPackage } from './yaml-package.js';

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
    const start = first?.[0] ?? docStart;
    const a = lineCounter.linePos(start);
    const lineEnd = a.line < lineCounter.lineStarts.length ? lineCounter.lineStarts[a.line] - 1 : start + 1;
    const b = lineCounter.linePos(Math.max(lineEnd, start));
    return { line: a.line, column: a.col, endLine: a.line, endColumn: Math.max(b.col, a.col) };
  }
  return spanOf(null, lineCounter, docStart);
}

/** The span of a character range in the file, e.g. a match of a regular expression. */
export function spanOfOffsets(lineCounter: LineCounter, start: number, end: number): Span {
  return spanOf([start, end], lineCounter, start);
}
