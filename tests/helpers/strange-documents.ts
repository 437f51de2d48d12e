/**
 * Generators of wrong documents for property tests: the valid documents of the hostile base
 * workspace with one value, at any depth, replaced by a value of another type or an extreme one,
 * and whole documents made of arbitrary values with the kind of the file they replace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { Kind } from '../../src/model/index.js';
import { repoRoot } from './workspaces.js';

/** The hostile base workspace: valid, with confidential matter planted as PLANTED- texts. */
export const hostileBase = join(repoRoot, 'tests/fixtures/hostile/base');

/** Files of the base to put wrong documents in, with their kinds: every kind, and each sort of group and meeting. */
export const TARGETS: ReadonlyArray<readonly [Kind, string]> = [
  ['workspace', 'samverkan.yaml'],
  ['organizations', 'organizations.yaml'],
  ['people', 'people.yaml'],
  ['agreement', 'agreements/avtal.yaml'],
  ['group', 'groups/arendegrupp.yaml'],
  ['group', 'groups/styrgrupp.yaml'],
  ['group', 'groups/skyddat.yaml'],
  ['plan', 'plans/handlingsplan.yaml'],
  ['meeting', 'meetings/styrgrupp/2009-04-30.yaml'],
  ['meeting', 'meetings/styrgrupp/2009-06-11.yaml'],
  ['meeting', 'meetings/arendegrupp/2009-05-20.yaml'],
  ['meeting', 'meetings/skyddat/2009-05-12.yaml'],
  ['assessment', 'assessments/kartlaggning.yaml'],
];

/** A value of another type than most fields expect, including the extremes a hostile user would try. */
export const strange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '', 'text', 'x'.repeat(300), 0, -1, 1e308, 2 ** 60, Number.MAX_SAFE_INTEGER * 1000, 3.5, true, null, [], {}, ['a', 1], { a: 1 }, { toString: 1 },
    '0001-01-01', '9999-12-31', '2009-02-30', '25:99', 'Europe/Stokholm', '__proto__',
  ),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

type Path = Array<string | number>;

/** Every path into a value, the root excluded. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

/** A copy of `value` with what is at `path` replaced by `by`. */
export function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), by);
  return copy;
}

/** A wrong document: the file it replaces (relative to the workspace), its text, and what was changed. */
export interface WrongDocument {
  rel: string;
  text: string;
  where: string;
}

/** A valid document of the base with one value, at any depth, replaced by a strange one. */
export function mutatedDocument(): fc.Arbitrary<WrongDocument> {
  const docs = TARGETS.map(([, rel]) => ({ rel, data: parse(readFileSync(join(hostileBase, rel), 'utf8')) as unknown }));
  return fc
    .integer({ min: 0, max: docs.length - 1 })
    .chain((d) => fc.tuple(fc.constant(docs[d]), fc.integer({ min: 0, max: pathsOf(docs[d].data).length - 1 }), strange))
    .map(([{ rel, data }, p, value]) => {
      const path = pathsOf(data)[p];
      return { rel, text: stringify(replaced(data, path, value)), where: path.join('.') };
    });
}

/** A document in place of one of the base's, made of arbitrary values, with the kind of the file it replaces. */
export function arbitraryDocument(): fc.Arbitrary<WrongDocument> {
  return fc
    .tuple(
      fc.constantFrom(...TARGETS),
      fc.oneof(
        fc.anything({ maxDepth: 3 }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.record(
          {
            id: fc.oneof(fc.constant('styrgrupp'), fc.constant('alfa'), strange),
            members: strange,
            parties: strange,
            people: strange,
            organizations: strange,
            items: strange,
            minutes: strange,
            goals: strange,
            actions: strange,
          },
          { requiredKeys: [] },
        ),
      ),
    )
    .map(([[kind, rel], value]) => {
      const data = value && typeof value === 'object' && !Array.isArray(value) ? { ...value, kind } : value;
      return { rel, text: stringify(data) ?? '', where: 'whole document' };
    });
}
