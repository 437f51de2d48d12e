/**
 * Nothing confidential reaches `changes --public`: the workspace of planted secrets (the one
 * tests/confidentiality-outputs.test.ts uses) is added to a repository in one commit, and broken
 * in the working tree in the ways that must make the confidentiality module fail closed.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { createRepo, type TestRepo } from '../git/repo.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const SECRETS = [/PLANTED-/, /Ä-2009-/];

let repo: TestRepo;
let since: string;

beforeAll(async () => {
  repo = await createRepo();
  await cp(join(base, 'samverkan.yaml'), join(repo.dir, 'samverkan.yaml'));
  since = await repo.commit('Arbetsytan', '2009-01-10');
  await cp(base, repo.dir, { recursive: true });
  await repo.commit('Allt', '2009-06-01');
});
afterAll(() => repo.remove());

const edit = (file: string, find: string, replace: string) => async () => {
  const path = join(repo.dir, file);
  const text = await readFile(path, 'utf8');
  expect(text.includes(find), `${find} in ${file}`).toBe(true);
  await writeFile(path, text.replace(find, replace));
};

const BREAKS: Array<[string, (() => Promise<void>) | undefined]> = [
  ['nothing broken', undefined],
  ['case group: type misspelt', edit('groups/arendegrupp.yaml', 'type: case', 'type: arende')],
  ['case group: not valid YAML', edit('groups/arendegrupp.yaml', 'purpose: Samordnar', 'purpose: "Samordnar')],
  ['case group: marked open', edit('groups/arendegrupp.yaml', 'confidentiality: confidential', 'confidentiality: open')],
  ['confidential item: flag written as a text', edit('meetings/styrgrupp/2009-04-30.yaml', 'confidential: true', 'confidential: "ja"')],
  ['task from a confidential item: item number wrong', edit('meetings/styrgrupp/2009-04-30.yaml', '{id: t4, item: 3,', '{id: t4, item: 9,')],
  ['task from a confidential item: item number left out', edit('meetings/styrgrupp/2009-04-30.yaml', '{id: t4, item: 3,', '{id: t4,')],
];

describe('changes --public leaks nothing confidential', () => {
  it('without --public the planted texts are there, so the checks below look for something real', async () => {
    const r = await runInProcess(['changes', '--since', since, '--as-of', '2009-06-01'], { cwd: repo.dir });
    expect(r.code, r.stderr).toBe(0);
    for (const planted of ['PLANTED-SEKRETESS-BESLUT-1', 'PLANTED-SEKRETESS-UPPGIFT-1', 'PLANTED-SKYDDAT-BESLUT']) expect(r.stdout).toContain(planted);
  });

  it.each(BREAKS)('%s', async (_name, breakIt) => {
    await repo.git(['checkout', '-q', '--', '.']);
    try {
      await breakIt?.();
      // JSON holds every sentence the other formats show (and their values); all three once.
      for (const format of breakIt ? ['json'] : ['text', 'md', 'json']) {
        const r = await runInProcess(['changes', '--since', since, '--public', '--format', format, '--as-of', '2009-06-01'], { cwd: repo.dir });
        expect(r.code, r.stderr).toBe(0);
        expect(SECRETS.filter((s) => s.test(r.stdout)), format).toEqual([]);
        // The open steering group's own changes are still told.
        expect(r.stdout).toContain('Styrgrupp');
      }
    } finally {
      await repo.git(['checkout', '-q', '--', '.']);
    }
  });
});
