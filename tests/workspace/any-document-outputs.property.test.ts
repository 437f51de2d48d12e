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
import { calendarIcs } from '../../src/commands/calendar.js';
import { statusOf } from '../../src/commands/status.js';
import { createRenderEnvironment } from '../../src/render/render-document.js';
import { renderSite } from '../../src/render/render-site.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { CONFIG_FILE } from '../../src/workspace/discover.js';
import { WorkspaceError } from '../../src/errors.js';
import { arbitraryDocument, hostileBase, mutatedDocument, TARGETS, type WrongDocument } from '../helpers/strange-documents.js';

const AS_OF = '2009-06-01';

let dir: string;
const originals = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-any-output-'));
  cpSync(hostileBase, dir, { recursive: true });
  for (const [, rel] of TARGETS) originals.set(rel, readFileSync(join(dir, rel), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF }).catch((error: unknown) => {
      // Wrong settings stop every command with a configuration error (exit 2): nothing to output.
      if (rel === CONFIG_FILE && error instanceof WorkspaceError) return undefined;
      throw error;
    });
    if (!checked) return;
    const { workspace } = checked;
    await attempt('status', () => statusOf(workspace, AS_OF, { errors: checked.errors, warnings: checked.warnings }));
    const groups = [...workspace.index.groups.values()].filter((e) => e.doc.valid).map((e) => e.id);
    await attempt('calendar', () => calendarIcs(workspace, groups));
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
const EXAMPLES: Array<[WrongDocument]> = [
  [{ rel: 'agreements/avtal.yaml', text: 'kind: agreement\nid: avtal-testbygden\n', where: 'whole document' }],
  [{ rel: 'agreements/avtal.yaml', text: 'kind: agreement\nid: avtal-testbygden\nparties: alfa och beta\n', where: 'parties' }],
  [{ rel: 'groups/styrgrupp.yaml', text: 'kind: group\nid: styrgrupp\nmembers: alla\n', where: 'whole document' }],
  [{ rel: 'people.yaml', text: 'kind: people\npeople:\n  - {id: samordnare, name: {toString: 1}}\n', where: 'people.0.name' }],
  [{ rel: 'organizations.yaml', text: 'kind: organizations\norganizations:\n  - {id: beta, name: 0, type: municipality}\n', where: 'organizations.0.name' }],
  [{ rel: 'samverkan.yaml', text: 'kind: workspace\nname: Test\ntimezone: Europe/Stokholm\n', where: 'timezone' }],
];

describe('every output over any document', () => {
  it('loading and checking never throw; status, calendar and the public site neither, and never show planted confidential text', async () => {
    const crashes = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutatedDocument(), arbitraryDocument()), async ({ rel, text }) => {
        await everyOutput(rel, text, crashes);
      }),
      { numRuns: RUNS, examples: EXAMPLES },
    );
    const report = [...crashes].map(([site, example]) => `${site}\n  smallest input seen: ${example.replace(/\n/g, '\n  ')}`);
    expect(report).toEqual([]);
  }, 60_000);
});
