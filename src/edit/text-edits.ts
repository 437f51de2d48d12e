/**
 * Comment-preserving edits of YAML files. An edit is a splice of the original text at the exact
 * range of the node it changes, so every byte outside that range (comments, blank lines, key
 * order, quoting, indentation) stays as the person wrote it. The yaml Document gives the ranges;
 * the new text is produced by the yaml stringifier so it is always valid YAML.
 */
import { isMap, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { messages } from '../i18n/messages.js';
import type { PathSegment } from '../workspace/locate.js';

// Why an edit could not be made, said in the middle of the command's refusal ("… (minutes is not a list) …").
const say = messages('edit/text-edits', {
  noMap: { sv: '{path} har inga nycklar och värden', en: 'no map at {path}' },
  notSingle: { sv: '{key} är inte ett enkelt värde', en: '{key} is not a single value' },
  emptyMap: { sv: 'det går inte att lägga till i en tom nyckellista', en: 'cannot add to an empty block map' },
  notList: { sv: '{path} är ingen lista', en: '{path} is not a list' },
  unplaced: { sv: 'en post i {path} har ingen plats i texten', en: '{path} has an item without a place in the text' },
});

/** Replace `text.slice(start, end)` with `insert`. */
export interface TextEdit {
  start: number;
  end: number;
  insert: string;
}

/**
 * Applies non-overlapping edits, the later ones first so earlier offsets stay valid. Inserted
 * line breaks follow the file's own (CRLF in a file written on Windows).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const crlf = text.includes('\r\n');
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    const insert = crlf ? e.insert.replace(/\r?\n/g, '\r\n') : e.insert;
    out = out.slice(0, e.start) + insert + out.slice(e.end);
  }
  return out;
}

export class EditPathError extends Error {}

function nodeAt(doc: Document, path: readonly PathSegment[]): Node | null {
  let node = doc.contents as Node | null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === seg);
      node = (pair?.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as Node | undefined) ?? null;
    } else return null;
    if (!node) return null;
  }
  return node;
}

/** The column (0-based) at which the line holding `offset` starts its content. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function indentLines(block: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return block
    .split('\n')
    .map((line) => (line.length > 0 ? pad + line : line))
    .join('\n');
}

/** A scalar written the way YAML needs it (quoted only where a plain scalar would be misread). */
export function scalarText(value: string | number | boolean | null): string {
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}

/** Where a new line can be inserted after `node`: after its last character and line break. */
function endOfNode(text: string, node: Node): number {
  const end = node.range?.[1] ?? text.length;
  const nl = text.indexOf('\n', Math.max(end - 1, 0));
  return end > 0 && text[end - 1] === '\n' ? end : nl < 0 ? text.length : nl + 1;
}

/**
 * Sets the scalar at `path` (a map key) to `value`: replaces the value in place if the key is
 * there, or adds `key: value` as the map's last entry — or, in a block map, right after the key
 * `options.after` when the map has it (so that a new key can go before a list that ends the map).
 */
export function setScalar(
  doc: Document,
  text: string,
  path: readonly PathSegment[],
  value: string | number | boolean | null,
  options: { after?: string } = {},
): TextEdit {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = nodeAt(doc, parentPath);
  if (!isMap(parent)) throw new EditPathError(say('noMap', { path: parentPath.join('.') }));
  const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
  const insertValue = scalarText(value);
  if (pair && isScalar(pair.value) && pair.value.range) {
    const [start, end] = pair.value.range;
    return { start, end, insert: insertValue };
  }
  if (pair) throw new EditPathError(say('notSingle', { key: String(key) }));
  return addPair(text, parent, String(key), insertValue, options.after);
}

/** Adds `key: <valueText>` to a map, block or flow, after its last entry (or, in a block map, after the entry `after`). */
function addPair(text: string, map: YAMLMap, key: string, valueText: string, after?: string): TextEdit {
  const keyText = scalarText(key);
  if (map.flow) {
    const close = text.lastIndexOf('}', (map.range?.[1] ?? text.length) - 1);
    const empty = map.items.length === 0;
    return { start: close, end: close, insert: `${empty ? '' : ', '}${keyText}: ${valueText}` };
  }
  const anchor = after === undefined ? undefined : (map.items.find((p) => isScalar(p.key) && p.key.value === after) as Pair | undefined);
  const last = anchor ?? (map.items[map.items.length - 1] as Pair | undefined);
  if (!last || !isScalar(last.key) || !last.key.range) throw new EditPathError(say('emptyMap'));
  const indent = columnOf(text, last.key.range[0]);
  const at = endOfNode(text, (last.value as Node | null) ?? (last.key as Node));
  const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const multiline = valueText.includes('\n');
  return {
    start: at,
    end: at,
    insert: `${lead}${' '.repeat(indent)}${keyText}:${multiline ? `\n${indentLines(valueText, indent + 2)}` : ` ${valueText}\n`}`,
  };
}

// Flow maps and lists are written {a: 1} and [a, b], the way the format's examples (and people) write them.
const ITEM_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Appends `item` to the sequence at `path`, creating the sequence as the parent map's last key
 * when it is missing. Block sequences get the item in block style at the existing indentation;
 * flow sequences ([a, b]) get it in flow style. `item` may be a yaml Node (from
 * `doc.createNode`) whose collections are marked `flow`, to match the style of the items around it.
 */
export function appendToSequence(doc: Document, text: string, path: readonly PathSegment[], item: unknown): TextEdit {
  const node = nodeAt(doc, path);
  if (node === null) {
    const parent = nodeAt(doc, path.slice(0, -1));
    if (!isMap(parent)) throw new EditPathError(say('noMap', { path: path.slice(0, -1).join('.') }));
    const block = stringify([item], ITEM_OPTIONS).replace(/\n$/, '');
    return addPair(text, parent, String(path[path.length - 1]), parent.flow ? `[${stringify(item, { ...ITEM_OPTIONS, flow: true }).trim()}]` : `${block}\n`);
  }
  if (!isSeq(node)) throw new EditPathError(say('notList', { path: path.join('.') }));
  const seq = node as YAMLSeq;
  if (seq.flow) {
    const close = text.lastIndexOf(']', (seq.range?.[1] ?? text.length) - 1);
    const flowItem = stringify(item, { ...ITEM_OPTIONS, flow: true }).trim();
    return { start: close, end: close, insert: `${seq.items.length ? ', ' : ''}${flowItem}` };
  }
  const first = seq.items[0] as Node | undefined;
  const dashColumn = first?.range ? columnOf(text, first.range[0]) - 2 : columnOf(text, seq.range?.[0] ?? 0);
  const lastItem = seq.items[seq.items.length - 1] as Node;
  const at = endOfNode(text, lastItem);
  const lead = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  const block = stringify([item], ITEM_OPTIONS);
  return { start: at, end: at, insert: lead + indentLines(block, dashColumn).replace(/ +$/, '') };
}

/**
 * Inserts `item` into the sequence at `path` before its item `index`, in the sequence's style (block
 * items at their indentation, flow items in flow), so that a list kept in order stays in order.
 * Appends, creating the sequence if need be, when `index` is past its end.
 */
export function insertIntoSequence(doc: Document, text: string, path: readonly PathSegment[], index: number, item: unknown): TextEdit {
  const node = nodeAt(doc, path);
  if (!isSeq(node) || index >= node.items.length) return appendToSequence(doc, text, path, item);
  const next = node.items[index] as Node;
  if (!next.range) throw new EditPathError(say('unplaced', { path: path.join('.') }));
  if (node.flow) return { start: next.range[0], end: next.range[0], insert: `${stringify(item, { ...ITEM_OPTIONS, flow: true }).trim()}, ` };
  const lineStart = text.lastIndexOf('\n', next.range[0] - 1) + 1;
  const block = stringify([item], ITEM_OPTIONS);
  return { start: lineStart, end: lineStart, insert: indentLines(block, columnOf(text, next.range[0]) - 2).replace(/ +$/, '') };
}

/**
 * `value` as a node to append to the sequence at `path`, in the style of the items already there:
 * a one-line {flow map} if the last item is one, else a block map whose lists of ids are written
 * [a, b] on one line, as people write them. A list that is still empty or missing takes the style
 * of the same list in the neighbouring items (another action's follow_up, say).
 */
export function styledItem(doc: Document, path: readonly PathSegment[], value: Record<string, unknown>): Node {
  const lastOf = (p: readonly PathSegment[]): Node | undefined => {
    const seq = nodeAt(doc, p);
    return isSeq(seq) ? (seq.items[seq.items.length - 1] as Node | undefined) : undefined;
  };
  let last = lastOf(path);
  const owner = path[path.length - 2];
  if (last === undefined && typeof owner === 'number') {
    const siblings = nodeAt(doc, path.slice(0, -2));
    const count = isSeq(siblings) ? siblings.items.length : 0;
    for (let i = count - 1; i >= 0 && last === undefined; i--) {
      if (i !== owner) last = lastOf([...path.slice(0, -2), i, path[path.length - 1]]);
    }
  }
  const node = doc.createNode(value) as Node;
  if (isMap(node)) {
    if (isMap(last) && last.flow) node.flow = true;
    for (const pair of node.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  return node;
}
