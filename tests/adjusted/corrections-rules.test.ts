/**
 * A rättelse's references are checked like the rest of the minutes: `by` must be a person in
 * people.yaml, `item` an agenda item the meeting has (by § number or id).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';
import { MEETING_FILE, meeting } from './git-repo.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');

async function found(correction: string): Promise<string[]> {
  const dir = copyForTest(base);
  const path = join(dir, MEETING_FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, meeting('adjusted', 'att anta budgeten för 2010.', `  corrections:\n    - ${correction}`));
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-09-10' });
  // The meeting's attendance is too small for a quorum (line 12); only the rättelse's line is the matter here.
  return findings.filter((f) => f.file === path && f.line >= 17).map((f) => `${relative(dir, f.file)}:${f.line} ${f.ruleId}`);
}

describe('references of a rättelse', () => {
  it.each([
    ['by a person, under a § number', '{date: 2009-09-03, by: samordnare, item: 2, text: X.}'],
    ['under an item id', '{date: 2009-09-03, item: budget, text: X.}'],
    ['naming no item', '{date: 2009-09-03, text: X.}'],
  ])('valid: %s', async (_name, correction) => {
    expect(await found(correction)).toEqual([]);
  });

  it.each([
    ['by someone not in people.yaml', '{date: 2009-09-03, by: sekreterare-x, text: X.}', 'ref/unknown-person'],
    ['under a § the agenda does not have', '{date: 2009-09-03, item: 7, text: X.}', 'meeting/unknown-item'],
    ['under an id no item has', '{date: 2009-09-03, item: ekonomi, text: X.}', 'meeting/unknown-item'],
    ['without a date', '{text: X.}', 'schema/required'],
  ])('invalid: %s', async (_name, correction, rule) => {
    expect(await found(correction)).toEqual([`${MEETING_FILE}:18 ${rule}`]);
  });
});
