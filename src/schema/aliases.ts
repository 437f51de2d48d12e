/**
 * Swedish spellings of the format's English values. A coordinator writes `status: pågående` or
 * `weekday: torsdag`; the schema keeps the English value (so documents compare and render in any
 * language) and lists the spellings it also takes next to its enum:
 *
 *     "enum": ["planned", "ongoing", "done"], "x-aliases": { "pågående": "ongoing", "avslutad": ["done", "cancelled"] }
 *
 * A spelling that names one value is read as that value when a file is loaded, so every rule,
 * render and edit sees `ongoing`. A spelling that could mean several values (a list) is not
 * read; its finding names the values to write instead. The schemas are the only list of these
 * spellings: the loader, the schemas written for editors and the edit commands' flags all ask here.
 */
import { language, messages } from '../i18n/messages.js';
import type { Kind } from '../model/index.js';
import { rawSchema } from './index.js';

type JsonSchema = Record<string, unknown>;

/** The schema keyword that holds a node's Swedish spellings: `{ spelling: value | [values] }`. */
export const ALIASES_KEYWORD = 'x-aliases';

const say = messages('schema/aliases', {
  ambiguous: {
    sv: '"{value}" kan betyda både {meanings}, så det går inte att veta vilket som avses. Skriv {choices}.',
    en: '"{value}" could mean {meanings}, so which one is meant cannot be known. Write {choices}.',
  },
  and: { sv: 'och', en: 'and' },
  or: { sv: 'eller', en: 'or' },
});

/** What a written value means at a schema node: the value to keep, or the values it could mean. */
export type Reading = { value: string } | { ambiguous: string[] };

/**
 * How a spelling is looked up: case, surrounding spaces and how å, ä and ö are encoded do not
 * matter ("Pågående " is pågående, and so is a decomposed a + ring that some editors write).
 */
function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const lookups = new WeakMap<JsonSchema, Map<string, string | string[]>>();

/** A node's spellings by their folded form; empty when it has none. */
function lookupOf(node: JsonSchema): Map<string, string | string[]> {
  let lookup = lookups.get(node);
  if (!lookup) {
    lookup = new Map();
    const aliases = node[ALIASES_KEYWORD];
    if (aliases && typeof aliases === 'object') {
      for (const [spelling, meaning] of Object.entries(aliases as Record<string, string | string[]>)) lookup.set(fold(spelling), meaning);
    }
    lookups.set(node, lookup);
  }
  return lookup;
}

/**
 * What `value` means at a schema node with an enum: itself when it is one of the enum's values, the
 * value a spelling stands for, the values an ambiguous spelling could mean, or undefined when the
 * node does not know it.
 */
export function readAt(node: JsonSchema, value: string): Reading | undefined {
  const allowed = Array.isArray(node.enum) ? (node.enum as unknown[]) : [];
  if (allowed.includes(value)) return { value };
  const meaning = lookupOf(node).get(fold(value));
  if (meaning === undefined) return undefined;
  return typeof meaning === 'string' ? { value: meaning } : { ambiguous: [...meaning] };
}

/** The spellings of a node that name exactly one value, as written in the schema. */
export function unambiguousAliases(node: JsonSchema): string[] {
  const aliases = (node[ALIASES_KEYWORD] ?? {}) as Record<string, string | string[]>;
  return Object.entries(aliases)
    .filter(([, meaning]) => typeof meaning === 'string')
    .map(([spelling]) => spelling);
}

/**
 * The sentence for a value that could mean several of a node's values (avslutad: done or
 * cancelled?), naming what to write; undefined when `value` is not such a spelling.
 */
export function ambiguityMessage(node: JsonSchema, value: unknown, lang: 'sv' | 'en'): string | undefined {
  if (typeof value !== 'string') return undefined;
  const reading = readAt(node, value);
  if (!reading || !('ambiguous' in reading)) return undefined;
  const quotedValues = reading.ambiguous.map((v) => `"${v}"`);
  const join = (word: 'and' | 'or') => `${quotedValues.slice(0, -1).join(', ')} ${say.in(lang, word)} ${quotedValues.at(-1)}`;
  return say.in(lang, 'ambiguous', { value, meanings: join('and'), choices: join('or') });
}

const resolved = new WeakMap<JsonSchema, [JsonSchema, Kind | 'common']>();

/**
 * A reference resolved: the node it points at and the schema file it is in. A node object belongs
 * to one schema file (each file is read once), so the answer is kept per node.
 */
function resolve(node: JsonSchema, base: Kind | 'common'): [JsonSchema, Kind | 'common'] {
  const known = resolved.get(node);
  if (known) return known;
  const answer = follow(node, base);
  resolved.set(node, answer);
  return answer;
}

function follow(node: JsonSchema, base: Kind | 'common'): [JsonSchema, Kind | 'common'] {
  let current = node;
  let file = base;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 16; hops++) {
    const [target, pointer] = (current.$ref as string).split('#');
    if (target) file = target.replace(/\.schema\.json$/, '') as Kind | 'common';
    let next: unknown = rawSchema(file);
    for (const part of (pointer ?? '').split('/').filter(Boolean)) next = (next as JsonSchema | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!next || typeof next !== 'object') break;
    current = next as JsonSchema;
  }
  return [current, file];
}

/** The branches a value may also be checked against at a node (allOf/anyOf/oneOf, if/then/else). */
function branches(node: JsonSchema): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[key])) out.push(...(node[key] as JsonSchema[]));
  for (const key of ['then', 'else']) if (node[key] && typeof node[key] === 'object') out.push(node[key] as JsonSchema);
  return out;
}

/**
 * What the walk over a document does at one schema node, worked out once per node: only the
 * parts of the schema under which some spelling can stand, so the walk never enters the (many)
 * parts of a document where none can.
 */
interface Walk {
  /** The node's own spellings, when it has some. */
  node?: JsonSchema;
  items?: Walk;
  /** Named properties with spellings below; `declared` holds every named property. */
  properties: Map<string, Walk>;
  declared: ReadonlySet<string>;
  patterns: Array<[RegExp, Walk]>;
  additional?: Walk;
  branches: Walk[];
}

const walks = new WeakMap<JsonSchema, Walk | null>();

/** The walk of a schema node, or null when no spelling can stand anywhere under it. */
function walkOf(node: JsonSchema, base: Kind | 'common', seen = new Set<JsonSchema>()): Walk | null {
  const [target, file] = resolve(node, base);
  const known = walks.get(target);
  if (known !== undefined) return known;
  // A schema that refers to itself: the inner reference adds nothing the outer walk lacks.
  if (seen.has(target)) return null;
  seen.add(target);
  const sub = (child: unknown): Walk | null => (child && typeof child === 'object' && !Array.isArray(child) ? walkOf(child as JsonSchema, file, seen) : null);
  const named = (target.properties ?? {}) as Record<string, JsonSchema>;
  const properties = new Map<string, Walk>();
  for (const [key, child] of Object.entries(named)) {
    const walk = sub(child);
    if (walk) properties.set(key, walk);
  }
  const patterns: Array<[RegExp, Walk]> = [];
  for (const [pattern, child] of Object.entries((target.patternProperties ?? {}) as Record<string, JsonSchema>)) {
    const walk = sub(child);
    if (walk) patterns.push([new RegExp(pattern, 'u'), walk]);
  }
  const items = sub(target.items);
  const additional = sub(target.additionalProperties);
  const inBranches = branches(target).map(sub).filter((w): w is Walk => w !== null);
  const own = target[ALIASES_KEYWORD] !== undefined;
  const walk: Walk | null =
    own || items || additional || properties.size > 0 || patterns.length > 0 || inBranches.length > 0
      ? {
          ...(own ? { node: target } : {}),
          ...(items ? { items } : {}),
          properties,
          declared: new Set(Object.keys(named)),
          patterns,
          ...(additional ? { additional } : {}),
          branches: inBranches,
        }
      : null;
  walks.set(target, walk);
  return walk;
}

/** Reads the spellings in `value` as the values they stand for, in place; returns the value to keep. */
function normaliseWith(walk: Walk, value: unknown): unknown {
  let result = value;
  if (walk.node && typeof value === 'string') {
    const reading = readAt(walk.node, value);
    if (reading && 'value' in reading) result = reading.value;
  }
  if (Array.isArray(value)) {
    if (walk.items) for (let i = 0; i < value.length; i++) value[i] = normaliseWith(walk.items, value[i]);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (walk.patterns.length === 0 && !walk.additional) {
      // Only named properties can hold spellings: visit those, not every key of the document.
      for (const [key, child] of walk.properties) if (Object.hasOwn(record, key)) record[key] = normaliseWith(child, record[key]);
    } else {
      for (const key of Object.keys(record)) {
        const child = walk.declared.has(key) ? walk.properties.get(key) : (walk.patterns.find(([pattern]) => pattern.test(key))?.[1] ?? walk.additional);
        if (child) record[key] = normaliseWith(child, record[key]);
      }
    }
  }
  for (const branch of walk.branches) result = normaliseWith(branch, result);
  return result;
}

/**
 * Reads the Swedish spellings in a loaded document as the values they stand for, in place
 * (`status: pågående` becomes `ongoing`). Ambiguous spellings are left as written, for the
 * schema check to name the values to choose between.
 */
export function normaliseAliases(kind: Kind, data: unknown): void {
  if (!data || typeof data !== 'object') return;
  const walk = walkOf(rawSchema(kind), kind);
  if (walk) normaliseWith(walk, data);
}

/**
 * The schema node of a field, by a path such as 'actions[].status' or 'members[].role' (`[]`
 * steps into a list's items), with references followed; undefined when there is no such field.
 */
export function fieldNode(kind: Kind, path: string): JsonSchema | undefined {
  let [node, file] = resolve(rawSchema(kind), kind);
  for (const step of path.split('.')) {
    const m = /^([^[\]]+)((?:\[\])*)$/.exec(step);
    if (!m) return undefined;
    const next = ((node.properties ?? {}) as Record<string, JsonSchema>)[m[1]];
    if (!next) return undefined;
    [node, file] = resolve(next, file);
    for (let i = 0; i < m[2].length / 2; i++) {
      if (!node.items || typeof node.items !== 'object') return undefined;
      [node, file] = resolve(node.items as JsonSchema, file);
    }
  }
  return node;
}

/**
 * What a value typed for a field means (a flag such as `action set --status pågående`, or an
 * answer at a prompt): `{ value }` for one of the field's values or a spelling of one,
 * `{ ambiguous }` for a spelling that could mean several, undefined when the field does not take it.
 */
export function canonicalValue(kind: Kind, path: string, value: string): Reading | undefined {
  const node = fieldNode(kind, path);
  return node ? readAt(node, value) : undefined;
}

/** The Swedish spellings a field takes besides its values (for completion and help), by value. */
export function enumAliases(kind: Kind, path: string): Record<string, string[]> {
  const node = fieldNode(kind, path);
  const out: Record<string, string[]> = {};
  const aliases = (node?.[ALIASES_KEYWORD] ?? {}) as Record<string, string | string[]>;
  for (const [spelling, meaning] of Object.entries(aliases)) if (typeof meaning === 'string') (out[meaning] ??= []).push(spelling);
  return out;
}

/**
 * The sentence for a typed value (a flag, an answer) that could mean several of a field's
 * values, naming what to write, in `lang`; undefined when it is not such a spelling.
 */
export function fieldAmbiguity(kind: Kind, path: string, value: string, lang: 'sv' | 'en' = language()): string | undefined {
  const node = fieldNode(kind, path);
  return node ? ambiguityMessage(node, value, lang) : undefined;
}
