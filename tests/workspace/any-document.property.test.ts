/**
 * Any document, however wrong, gives findings and never a crash: documents of every kind made
 * from arbitrary values, and the valid documents of the hostile base workspace with one value
 * at any depth replaced by something of another type, are loaded, checked, and handed to status
 * and calendar, none of which may throw.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { calendarIcs } from '../../src/commands/calendar.js';
import { statusOf } from '../../src/commands/status.js';
import { KINDS, type Kind } from '../../src/model/index.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { validatorFor } from '../../src/schema/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const AS_OF = '2009-06-01';

/** One file of the base workspace per kind: the document that a generated one replaces. */
const FILE_OF: Record<Kind, string> = {
  workspace: 'samverkan.yaml',
  organizations: 'organizations.yaml',
  people: 'people.yaml',
  agreement: 'agreements/avtal.yaml',
  group: 'groups/arendegrupp.yaml',
  plan: 'plans/handlingsplan.yaml',
  meeting: 'meetings/styrgrupp/2009-04-30.yaml',
  assessment: 'assessments/kartlaggning.yaml',
};
/** More documents to mutate, so that the steering group, a confidential group and a second meeting are hit too. */
const MORE_FILES: Array<[Kind, string]> = [
  ['group', 'groups/styrgrupp.yaml'],
  ['group', 'groups/skyddat.yaml'],
  ['meeting', 'meetings/arendegrupp/2009-05-20.yaml'],
  ['meeting', 'meetings/styrgrupp/2009-06-11.yaml'],
];
const TARGETS: Array<[Kind, string]> = [...KINDS.map((k): [Kind, string] => [k, FILE_OF[k]]), ...MORE_FILES];

let dir: string;
const originals = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-any-document-'));
  cpSync(base, dir, { recursive: true });
  for (const [, rel] of TARGETS) originals.set(rel, readFileSync(join(dir, rel), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A value of another type than most fields expect, including the extremes a hostile user would try. */
const strange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('', 'text', 'x'.repeat(300), 0, -1, 1e308, Number.MAX_SAFE_INTEGER * 1000, 3.5, true, null, [], {}, ['a', 1], { a: 1 }, '0001-01-01', '9999-12-31', '2009-02-30', '25:99', 'Europe/Stokholm'),
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer()), { maxKeys: 3 }),
);

type Path = Array<string | number>;

/** Every path into a value, the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  }
  return out;
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), by);
  return copy;
}

/** Loads and checks the copy with `text` in `rel`, with `outputs` runs status and calendar on it, and returns what was found there. */
async function exercise(rel: string, text: string, outputs = false): Promise<{ findingsInFile: number; valid: boolean }> {
  writeFileSync(join(dir, rel), text);
  try {
    const workspace = await loadWorkspace({ dir });
    const { findings } = await checkWorkspace(workspace, { asOf: AS_OF });
    if (outputs) {
      statusOf(workspace, AS_OF);
      // The groups calendar --all lists: those whose files match their schema.
      const groups = [...workspace.index.groups.values()].filter((e) => e.doc.valid).map((e) => e.id);
      await calendarIcs(workspace, groups, { now: new Date(Date.UTC(2009, 5, 1)) });
    }
    const data = parse(text) as unknown;
    const kind = (data as { kind?: unknown } | null)?.kind;
    const valid = typeof kind === 'string' && (KINDS as readonly string[]).includes(kind) && (await validatorFor(kind as Kind))(data);
    return { findingsInFile: findings.filter((f) => f.file === join(dir, rel)).length, valid: Boolean(valid) };
  } finally {
    writeFileSync(join(dir, rel), originals.get(rel)!);
  }
}

/** Runs per property; RUNS=2000 in the environment for a longer hunt. */
const RUNS = Number(process.env.RUNS ?? 40);

/** A valid document of the base with one value, at any depth, replaced by a strange one. */
function mutation(): fc.Arbitrary<{ rel: string; text: string; where: string }> {
  const docs = TARGETS.map(([, rel]) => ({ rel, data: parse(originals.get(rel)!) as unknown }));
  return fc
    .integer({ min: 0, max: docs.length - 1 })
    .chain((d) => fc.tuple(fc.constant(docs[d]), fc.integer({ min: 0, max: pathsOf(docs[d].data).length - 1 }), strange))
    .map(([{ rel, data }, p, value]) => {
      const path = pathsOf(data)[p];
      return { rel, text: stringify(replaced(data, path, value)), where: path.join('.') };
    });
}

/** A document in place of one of the base's, made of arbitrary values, with the kind of the file it replaces. */
function arbitraryDocument(): fc.Arbitrary<{ rel: string; text: string }> {
  return fc
    .tuple(
      fc.constantFrom(...TARGETS),
      fc.oneof(
        fc.anything({ maxDepth: 3 }),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 6 }),
        fc.record(
          { id: fc.oneof(fc.constant('styrgrupp'), fc.constant('alfa'), strange), members: strange, parties: strange, people: strange, organizations: strange, items: strange, minutes: strange, goals: strange, actions: strange },
          { requiredKeys: [] },
        ),
      ),
    )
    .map(([[kind, rel], value]) => {
      const data = value && typeof value === 'object' && !Array.isArray(value) ? { ...value, kind } : value;
      return { rel, text: stringify(data) ?? '' };
    });
}

describe('any document', () => {
  it('one value of a valid document replaced, at any depth: findings, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutation(), async ({ rel, text, where }) => {
        const { findingsInFile, valid } = await exercise(rel, text);
        if (!valid) expect(findingsInFile, `${rel} at ${where}`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('a document of any kind made from arbitrary values: findings, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(), async ({ rel, text }) => {
        const { findingsInFile, valid } = await exercise(rel, text);
        if (!valid) expect(findingsInFile, rel).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('status and calendar never throw on a workspace with any such document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutation(), arbitraryDocument()), async ({ rel, text }) => {
        await exercise(rel, text, true);
      }),
      {
        numRuns: RUNS,
        // Found by earlier runs; kept so that they are tried every time.
        examples: [
          [{ rel: FILE_OF.agreement, text: originals.get(FILE_OF.agreement)!.replace('parties:\n', 'parties: alfa och beta\nx:\n') }],
          [{ rel: FILE_OF.agreement, text: originals.get(FILE_OF.agreement)!.replace('  - {organization: polisen}', '  - null') }],
          [{ rel: FILE_OF.organizations, text: originals.get(FILE_OF.organizations)!.replace('name: Beta kommun', 'name: 0') }],
          [{ rel: FILE_OF.workspace, text: originals.get(FILE_OF.workspace)!.replace('Europe/Stockholm', 'Europe/Stokholm') }],
        ],
      },
    );
  }, 60_000);
});
