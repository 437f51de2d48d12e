/**
 * Whatever one document of the hostile base holds, the outputs that read a checked workspace
 * never throw: loadCheckedWorkspace, then status, the calendar of every group, and the public
 * site in HTML and Markdown (rendered as a draft when the workspace has errors, as --force does).
 * The documents are the base's valid ones with one value at any depth replaced by a value of
 * another type or an extreme one, or whole documents made of arbitrary values.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { calendarIcs } from '../../src/commands/calendar.js';
import { statusOf } from '../../src/commands/status.js';
import { createRenderEnvironment } from '../../src/render/render-document.js';
import { renderSite } from '../../src/render/render-site.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const AS_OF = '2009-06-01';

const FILES = [
  'samverkan.yaml',
  'organizations.yaml',
  'people.yaml',
  'agreements/avtal.yaml',
  'groups/arendegrupp.yaml',
  'groups/skyddat.yaml',
  'groups/styrgrupp.yaml',
  'plans/handlingsplan.yaml',
  'meetings/arendegrupp/2009-05-20.yaml',
  'meetings/skyddat/2009-05-12.yaml',
  'meetings/styrgrupp/2009-04-30.yaml',
  'meetings/styrgrupp/2009-06-11.yaml',
  'assessments/kartlaggning.yaml',
];

let dir: string;
const originals = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-any-output-'));
  cpSync(base, dir, { recursive: true });
  for (const rel of FILES) originals.set(rel, readFileSync(join(dir, rel), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Values of the wrong type, and the extremes a hostile user would try. */
const strange: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>('', 'text', 0, -1, 1e308, 2 ** 60, 3.5, true, null, [], {}, ['a', 1], { a: 1 }, { toString: 1 }, '0001-01-01', '9999-12-31', '25:99', 'Europe/Stokholm', '__proto__'),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
  return out;
}

function replaced(value: unknown, path: Path, by: unknown): unknown {
  if (path.length === 0) return by;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]] = replaced(copy[path[0]], path.slice(1), by);
  return copy;
}

/** One file of the base with one value, at any depth, replaced. */
const mutation: fc.Arbitrary<{ rel: string; text: string; where: string }> = fc
  .constantFrom(...FILES)
  .chain((rel) => {
    const data = parse(readFileSync(join(base, rel), 'utf8')) as unknown;
    const paths = pathsOf(data);
    return fc.tuple(fc.constant(rel), fc.constantFrom(...paths), strange).map(([r, path, value]) => ({
      rel: r,
      text: stringify(replaced(data, path, value)),
      where: path.join('.'),
    }));
  });

/** One file of the base replaced by a document of its kind made of arbitrary values. */
const arbitrary: fc.Arbitrary<{ rel: string; text: string; where: string }> = fc
  .tuple(fc.constantFrom(...FILES), fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }))
  .map(([rel, value]) => {
    const kind = (parse(readFileSync(join(base, rel), 'utf8')) as { kind: string }).kind;
    const id = (parse(readFileSync(join(base, rel), 'utf8')) as { id?: string }).id;
    return { rel, text: stringify({ ...value, kind, ...(id ? { id } : {}) }), where: 'whole document' };
  });

/** The place in src/ an error was thrown from: "src/commands/status.ts:297". */
function siteOf(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = /\/(src\/[^:)]+:\d+)/.exec(stack);
  return `${frame?.[1] ?? 'unknown place'} ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Runs every output over the copy with `text` in `rel`. Each output runs on its own, so that one
 * output's crash does not hide another's; what threw is collected by where it was thrown.
 */
async function everyOutput(rel: string, text: string, crashes: Map<string, string>): Promise<void> {
  writeFileSync(join(dir, rel), text);
  const attempt = async (output: string, run: () => Promise<unknown> | unknown) => {
    try {
      await run();
    } catch (error) {
      const site = `${output}: ${siteOf(error)}`;
      const example = `${rel}:\n${text}`;
      const known = crashes.get(site);
      if (known === undefined || example.length < known.length) crashes.set(site, example);
    }
  };
  try {
    const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF });
    const { workspace } = checked;
    await attempt('status', () => statusOf(workspace, AS_OF, { errors: checked.errors, warnings: checked.warnings }));
    const groups = [...workspace.index.groups.values()].filter((e) => e.doc.valid).map((e) => e.id);
    await attempt('calendar', () => calendarIcs(workspace, groups, { now: new Date(Date.UTC(2009, 5, 1)) }));
    await attempt('render', async () => {
      const env = await createRenderEnvironment(checked, { public: true });
      const html = await renderSite(env, 'html');
      const md = await renderSite(env, 'md');
      // Confidential matter of the base is planted with this prefix; the public site never shows it.
      for (const page of [...html.pages, ...md.pages]) {
        if (page.content.includes('PLANTED-')) throw new Error(`planted confidential text in ${page.fileName}`);
      }
    });
  } finally {
    writeFileSync(join(dir, rel), originals.get(rel)!);
  }
}

/** Runs per property (each renders the site twice); RUNS=1000 in the environment for a longer hunt. */
const RUNS = Number(process.env.RUNS ?? 10);

/** Inputs that once crashed an output, tried on every run. */
const EXAMPLES: Array<[{ rel: string; text: string; where: string }]> = [
  [{ rel: 'agreements/avtal.yaml', text: 'kind: agreement\nid: avtal-testbygden\n', where: 'whole document' }],
  [{ rel: 'groups/styrgrupp.yaml', text: 'kind: group\nid: styrgrupp\nmembers: alla\n', where: 'whole document' }],
  [{ rel: 'people.yaml', text: 'kind: people\npeople:\n  - {id: samordnare, name: {toString: 1}}\n', where: 'people.0.name' }],
];

describe('every output over any document', () => {
  it('loading and checking never throw; status, calendar and the public site neither, and never show planted confidential text', async () => {
    const crashes = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutation, arbitrary), async ({ rel, text }) => {
        await everyOutput(rel, text, crashes);
      }),
      { numRuns: RUNS, examples: EXAMPLES },
    );
    const report = [...crashes].map(([site, example]) => `${site}\n  smallest input seen: ${example.replace(/\n/g, '\n  ')}`);
    expect(report).toEqual([]);
  }, 60_000);
});
