/**
 * The fast path as a whole finds exactly what the slow path finds: every workspace checked with
 * the fast parse, lazy trees and positions found without the tree (locate.ts locateLight) gives
 * the same findings, positions and messages as with every file read by the position-keeping parse
 * (fastParse made to refuse everything). Over the examples, the fixtures and a generated workspace
 * checked long after its due dates, so that nearly every plan has findings to place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { diskSource, loadWorkspaceFrom } from '../../src/workspace/load.js';
import { example, fixture } from '../helpers/workspaces.js';

const slow = vi.hoisted(() => ({ on: false }));
vi.mock('../../src/workspace/fast-parse.js', async (original) => {
  const real = await original<typeof import('../../src/workspace/fast-parse.js')>();
  return { ...real, fastParse: (text: string) => (slow.on ? undefined : real.fastParse(text)) };
});

const generated = mkdtempSync(join(tmpdir(), 'samverkan-fast-findings-'));
generateWorkspace(generated, { plans: 25, groups: 4, meetingsPerGroup: 3 });
afterAll(() => rmSync(generated, { recursive: true, force: true }));

async function findings(dir: string, asOf: string, slowly: boolean) {
  slow.on = slowly;
  try {
    const workspace = await loadWorkspaceFrom(diskSource(dir));
    return (await checkWorkspace(workspace, { asOf, lang: 'en' })).findings;
  } finally {
    slow.on = false;
  }
}

describe('the fast path against the slow path, whole workspaces', () => {
  it.each([
    ...['dalarna', 'fyrbodal', 'norra-bohuslan', 'soderhamn', 'trollhattan'].map((name) => [example(name), '2025-06-01']),
    ...['dalarna', 'norra-bohuslan'].map((name) => [example(name), '2031-01-01']),
    [fixture('clean'), '2025-06-01'],
    [fixture('faults'), '2025-06-01'],
    [generated, '2025-06-01'],
    [generated, '2030-01-01'],
  ])('%s checked for %s', async (dir, asOf) => {
    const fast = await findings(dir, asOf, false);
    const reference = await findings(dir, asOf, true);
    expect(fast).toEqual(reference);
    if (dir === generated && asOf === '2030-01-01') expect(fast.length).toBeGreaterThan(100);
  });
});
