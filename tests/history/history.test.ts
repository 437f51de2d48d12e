/**
 * `samverkan history` against real repositories (tests/history/fixture.ts, the workspace in a
 * subfolder; and a second one at the top with a commit whose file does not parse): exact output
 * in Swedish and English as text, Markdown and JSON, followed across a rename and a move to
 * another file, uncommitted changes, what --public withholds, and a shallow clone.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, historyJson, historyMarkdown, historyText, itemRegions, mayHaveAliases, sameRegions } from '../../src/commands/history.js';
import { NotFoundError } from '../../src/errors.js';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { createRepo, type TestRepo } from '../git/repo.js';
import { buildHistoryRepo, WS, type HistoryRepo } from './fixture.js';

let fx: HistoryRepo;
let cwd: string;
/** The commits' short hashes, C1…C5. */
let c: string[];

beforeAll(async () => {
  fx = await buildHistoryRepo();
  cwd = join(fx.repo.dir, WS);
  c = fx.commits.map((h) => h.slice(0, 7));
}, 30_000);
afterAll(() => fx?.repo.remove());

// No SAMVERKAN_LANG: the workspace's language (sv) speaks, in the report and the messages alike.
const run = (args: string[], dir = cwd) => runInProcess(['history', ...args], { cwd: dir, env: { SAMVERKAN_LANG: '' } });

describe('samverkan history of an action', () => {
  it('tells each commit that changed it, in Swedish, across a rename and a move to another file', async () => {
    const r = await run(['plan/a1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Historik för åtgärden Ta fram gemensamma rutiner (plan/a1)',
        '',
        `10 januari 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '  - Ny åtgärd: Ta fram gemensamma rutiner (a1), klar senast 30 juni 2024.',
        '',
        `5 februari 2024, Sekreterare Alfa: Protokoll och uppföljning (${c[1]})`,
        '  - Åtgärden Ta fram gemensamma rutiner (a1) har ny status: pågår (förut planerad).',
        '  - Åtgärden Ta fram gemensamma rutiner (a1) har kommit till 30\u00a0%.',
        '  - Ny uppföljning av åtgärden Ta fram gemensamma rutiner (a1) 1 februari 2024: Ett första utkast finns.',
        '',
        // C3 renamed the file without a change: no entry. C4 moved the plan into another file.
        `2 april 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '  - Åtgärden Ta fram gemensamma rutiner (a1) ska vara klar 30 september 2024 i stället för 30 juni 2024, 92 dagar senare.',
        '  - Finns nu i plans/alla-planer.yaml.',
        '',
        `2 maj 2024, Sekreterare Alfa: Rutinerna klara (${c[4]})`,
        '  - Åtgärden Ta fram gemensamma rutiner (a1) är klar.',
        '',
        'Ändringar som inte är incheckade',
        '  - Ny uppföljning av åtgärden Ta fram gemensamma rutiner (a1) 20 maj 2024: Rutinerna är antagna i båda nämnderna.',
        '',
      ].join('\n'),
    );
  });

  it("is what the README's example shows", async () => {
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8');
    const example = readme.slice(readme.indexOf('$ samverkan history plan/a1\n')).split('```')[0];
    expect(example).toBe(`$ samverkan history plan/a1\n${(await run(['plan/a1'])).stdout}`);
  });

  it('in English, as Markdown', async () => {
    const r = await run(['plan/a1', '--lang', 'en', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '## History of the action Ta fram gemensamma rutiner (plan/a1)',
        '',
        `### 10 January 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '',
        '- New action: Ta fram gemensamma rutiner (a1), due 30 June 2024.',
        '',
        `### 5 February 2024, Sekreterare Alfa: Protokoll och uppföljning (${c[1]})`,
        '',
        '- The action Ta fram gemensamma rutiner (a1) has a new status: ongoing (was planned).',
        '- The action Ta fram gemensamma rutiner (a1) is now 30% done.',
        '- New follow-up note on the action Ta fram gemensamma rutiner (a1), 1 February 2024: Ett första utkast finns.',
        '',
        `### 2 April 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '',
        '- The action Ta fram gemensamma rutiner (a1) is now due 30 September 2024 instead of 30 June 2024, 92 days later.',
        '- Now in plans/alla-planer.yaml.',
        '',
        `### 2 May 2024, Sekreterare Alfa: Rutinerna klara (${c[4]})`,
        '',
        '- The action Ta fram gemensamma rutiner (a1) is done.',
        '',
        '### Changes not yet committed',
        '',
        '- New follow-up note on the action Ta fram gemensamma rutiner (a1), 20 May 2024: Rutinerna är antagna i båda nämnderna.',
        '',
      ].join('\n'),
    );
  });

  it('as JSON, with each commit in full', async () => {
    const json = JSON.parse((await run(['plan/a1', '--format', 'json', '--lang', 'en'])).stdout);
    expect(json).toMatchObject({ title: 'History of the action Ta fram gemensamma rutiner (plan/a1)', lang: 'en', id: 'plan/a1', kind: 'action', public: false, withheld: false, shallow: false });
    expect(json.entries).toHaveLength(5);
    expect(json.entries[0]).toEqual({
      commit: { hash: fx.commits[0], date: '2024-01-10', author: 'Samordnare Alfa', subject: 'Arbetsytan' },
      uncommitted: false,
      file: 'plans/plan.yaml',
      changes: [
        {
          type: 'action-added',
          item: 'a1',
          text: 'New action: Ta fram gemensamma rutiner (a1), due 30 June 2024.',
          confidential: false,
          params: { id: 'a1', title: 'Ta fram gemensamma rutiner', due: '2024-06-30' },
        },
      ],
    });
    expect(json.entries.map((e: { file: string; uncommitted: boolean }) => `${e.file}${e.uncommitted ? ' *' : ''}`)).toEqual([
      'plans/plan.yaml',
      'plans/plan.yaml',
      'plans/alla-planer.yaml',
      'plans/alla-planer.yaml',
      'plans/alla-planer.yaml *',
    ]);
  });

  it('keeps actions of the same id in different plans apart, and tells one added later', async () => {
    expect((await run(['plan-polis/a1'])).stdout).toBe(
      `Historik för åtgärden Utbilda poliser (plan-polis/a1)\n\n2 april 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})\n  - Ny åtgärd: Utbilda poliser (a1), klar senast 31 oktober 2024.\n`,
    );
    expect((await run(['plan/a2', '--lang', 'en'])).stdout).toBe(
      `History of the action Utbilda socialtjänsten (plan/a2)\n\n2 May 2024, Sekreterare Alfa: Rutinerna klara (${c[4]})\n  - New action: Utbilda socialtjänsten (a2), due 31 December 2024.\n`,
    );
  });
});

describe('samverkan history of goals, indicators, rosters and minutes', () => {
  it('follows a goal and an indicator of the plan', async () => {
    expect((await run(['plan/m1'])).stdout).toBe(
      [
        'Historik för målet Fler får stöd i tid (plan/m1)',
        '',
        `10 januari 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '  - Nytt mål: Fler får stöd (m1).',
        '',
        `2 april 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '  - Målet m1 heter nu Fler får stöd i tid (förut Fler får stöd).',
        '  - Finns nu i plans/alla-planer.yaml.',
        '',
      ].join('\n'),
    );
    expect((await run(['plan/i1', '--lang', 'en'])).stdout).toBe(
      [
        'History of the indicator Antal ärenden (plan/i1)',
        '',
        `10 January 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '  - New indicator: Antal ärenden (i1).',
        '',
        `2 April 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '  - New measurement of Antal ärenden (i1): 14 for 2024.',
        '  - Now in plans/alla-planer.yaml.',
        '',
      ].join('\n'),
    );
  });

  it("tells a group's roster as written: who joined, who left, a new chair; a renamed file is no change", async () => {
    expect((await run(['styrgrupp'])).stdout).toBe(
      [
        'Historik för ledamöterna i Styrgruppen (styrgrupp)',
        '',
        `10 januari 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '  - Socialchef Alfa har gått med i gruppen som ordförande.',
        '  - Samordnare Alfa har gått med i gruppen som sekreterare.',
        '  - Ny ordförande: Socialchef Alfa.',
        '',
        `5 februari 2024, Sekreterare Alfa: Protokoll och uppföljning (${c[1]})`,
        '  - Kommunpolis har gått med i gruppen som ledamot.',
        '',
        `2 april 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '  - Enhetschef Alfa har gått med i gruppen som ordförande.',
        '  - Socialchef Alfa (ordförande) har lämnat gruppen.',
        '  - Ny ordförande: Enhetschef Alfa.',
        '  - Finns nu i groups/styrgruppen.yaml.',
        '',
      ].join('\n'),
    );
  });

  it("tells a meeting's minutes, and leaves out a decision from a confidential item in public output", async () => {
    const internal = await run(['styrgrupp-2024-02-01', '--lang', 'en']);
    expect(internal.stdout).toBe(
      [
        'History of the meeting of Styrgruppen on 1 February 2024 (styrgrupp-2024-02-01)',
        '',
        `10 January 2024, Samordnare Alfa: Arbetsytan (${c[0]})`,
        '  - New meeting on 1 February 2024 (notice).',
        '',
        `5 February 2024, Sekreterare Alfa: Protokoll och uppföljning (${c[1]})`,
        '  - The meeting on 1 February 2024 was held.',
        '  - Decision (§ 2): Styrgruppen föreslår oförändrad budget.',
        '  - Decision (§ 3): Ärendet lämnas till ärendegruppen.',
        '  - New task: Skicka budgeten till kommunen (Samordnare Alfa, due 15 February 2024).',
        '',
        `2 April 2024, Samordnare Alfa: Planerna i en fil; ny ordförande (${c[3]})`,
        '  - The minutes were adjusted on 8 February 2024.',
        '',
      ].join('\n'),
    );
    const open = await run(['styrgrupp-2024-02-01', '--lang', 'en', '--public']);
    expect(open.stdout).not.toContain('§ 3');
    expect(open.stdout).not.toContain('ärendegruppen');
    expect(open.stdout).toContain('  - Decision (§ 2): Styrgruppen föreslår oförändrad budget.\n');
  });

  it("shows a case group's roster and meetings internally only: public output withholds the whole history", async () => {
    expect((await run(['arende'])).stdout).toContain('  - Kommunpolis har gått med i gruppen som ledamot.\n');
    for (const id of ['arende', 'arende-2024-02-02']) {
      const r = await run([id, '--public', '--format', 'json']);
      expect(r.code).toBe(0);
      const json = JSON.parse(r.stdout);
      expect(json).toMatchObject({ withheld: true, public: true, entries: [] });
      expect(r.stdout).not.toMatch(/Kommunpolis|Samordnare Alfa|Arbetsytan/);
    }
    expect((await run(['arende', '--public'])).stdout).toBe(
      'Historik för ledamöterna i Ärendegruppen (arende)\n\nHistoriken är sekretessbelagd och visas inte i offentlig utdata.\n',
    );
  });

  it('says in one sentence, exit 2, when the id is nowhere in the workspace or its history', async () => {
    expect(await run(['plan/a9'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'samverkan: plan/a9 finns varken i arbetsytan eller i dess git-historik; ge en åtgärd, ett mål eller en indikator som PLAN/ID, eller id:t för en grupp eller ett möte.\n',
    });
    await expect(history({ cwd, id: 'nobody', lang: 'en' })).rejects.toThrow(NotFoundError);
  });
});

describe('samverkan history in a repository with the workspace at its top', () => {
  let repo: TestRepo;
  const plan = (status: string, extra = '') => `kind: plan
id: p
title: Plan
owner: org
period: {start: 2024-01-01, end: 2024-12-31}
goals:
  - {id: m1, title: Mål}
actions:
  - {id: a1, title: Rutiner, goals: [m1], responsible: org, due: 2024-06-30, status: ${status}}
${extra}`;
  beforeAll(async () => {
    repo = await createRepo();
    await repo.write({
      'samverkan.yaml': 'kind: workspace\nname: Topp\nlanguage: en\n',
      'organizations.yaml': 'kind: organizations\norganizations:\n  - {id: org, name: Kommunen, type: municipality}\n',
      'plan.yaml': plan('planned'),
    });
    await repo.commit('First', '2024-01-10');
    // A tab where YAML wants spaces: the file does not parse in this commit.
    await repo.write({ 'plan.yaml': plan('ongoing', '\tbroken: true\n') });
    await repo.commit('Broken', '2024-02-10');
    await repo.write({ 'plan.yaml': plan('ongoing', '  - {id: a2, title: Mer, responsible: org, status: planned}\n') });
    await repo.commit('Fixed', '2024-03-10');
  }, 30_000);
  afterAll(() => repo?.remove());

  it('skips a commit whose file does not parse and compares the next one with the last that did', async () => {
    const report = await history({ cwd: repo.dir, id: 'p/a1' });
    expect(report.entries.map((e) => [e.commit?.subject, e.changes.map((ch) => ch.type)])).toEqual([
      ['First', ['action-added']],
      ['Fixed', ['action-status']],
    ]);
    expect(historyText(report)).toContain('  - The action Rutiner (a1) has a new status: ongoing (was planned).\n');
  });

  it('in a shallow clone, tells what the clone holds and says where the history is cut off', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'samverkan-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
      const report = await history({ cwd: clone, id: 'p/a1' });
      expect(report.shallow).toBe(true);
      expect(await historyMarkdown(report)).toBe(
        [
          '## History of the action Rutiner (p/a1)',
          '',
          'This is a shallow clone (git clone --depth), so the history starts where the clone was cut off; fetch the rest with "git fetch --unshallow".',
          '',
          `### 10 March 2024, Samordnare Test: Fixed (${(await repo.git(['rev-parse', '--short', 'HEAD']))})`,
          '',
          '- New action: Rutiner (a1), due 30 June 2024.',
          '',
        ].join('\n'),
      );
      expect((historyJson(report) as { shallow: boolean }).shallow).toBe(true);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });

  it('follows the main line: a merged branch is told as its merge commit', async () => {
    const other = await createRepo();
    try {
      await other.write({ 'samverkan.yaml': 'kind: workspace\nname: Gren\nlanguage: en\n', 'plan.yaml': plan('planned') });
      await other.commit('First', '2024-01-10');
      await other.git(['checkout', '-q', '-b', 'uppfoljning']);
      await other.write({ 'plan.yaml': plan('ongoing') });
      await other.commit('On the branch', '2024-01-12', 'Handläggare');
      await other.git(['checkout', '-q', 'main']);
      await other.write({ 'samverkan.yaml': 'kind: workspace\nname: Gren 2\nlanguage: en\n' });
      await other.commit('Meanwhile on main', '2024-01-13');
      await other.git(['merge', '-q', '--no-ff', '-m', 'Merge the follow-up', 'uppfoljning'], { GIT_AUTHOR_NAME: 'Samordnare', GIT_AUTHOR_EMAIL: 's@example.org', GIT_COMMITTER_NAME: 'Samordnare', GIT_COMMITTER_EMAIL: 's@example.org', GIT_AUTHOR_DATE: '2024-01-14T12:00:00Z', GIT_COMMITTER_DATE: '2024-01-14T12:00:00Z' });
      const report = await history({ cwd: other.dir, id: 'p/a1' });
      expect(report.entries.map((e) => [e.commit?.subject, e.commit?.author, e.changes.map((ch) => ch.type)])).toEqual([
        ['First', 'Samordnare Test', ['action-added']],
        ['Merge the follow-up', 'Samordnare', ['action-status']],
      ]);
    } finally {
      await other.remove();
    }
  });

  it('tells an item that is only in the working tree as not yet committed', async () => {
    await writeFile(join(repo.dir, 'plan.yaml'), plan('ongoing', '  - {id: a2, title: Mer, responsible: org, status: planned}\n  - {id: a3, title: Ny, responsible: org, status: planned}\n'));
    try {
      expect((await run(['p/a3'], repo.dir)).stdout).toBe('History of the action Ny (p/a3)\n\nChanges not yet committed\n  - New action: Ny (a3).\n');
    } finally {
      await repo.git(['checkout', '--', 'plan.yaml']);
    }
  });
});

describe('itemRegions: when a plan file changes, is the item written as it was?', () => {
  const plan = (a1: string, rest = '  - {id: a2, title: B, status: planned}\n') => `kind: plan\nid: p\nactions:\n${a1}${rest}`;
  const regions = (text: string) => itemRegions(text, 'p', 'a1');
  it.each([
    ['another action changed', plan('  - id: a1\n    title: A\n', '  - {id: a2, title: B, status: done}\n'), true],
    ['a comment added after the entry', plan('  - id: a1\n    title: A\n# note\n'), true],
    ['Markdown in a block scalar elsewhere', `background: |\n  - **fet** text\n${plan('  - id: a1\n    title: A\n')}`, true],
    ['a field of the item changed', plan('  - id: a1\n    title: A\n    status: done\n'), false],
    ['a deeper line of the item changed', plan('  - id: a1\n    title: A\n    follow_up:\n      - {note: x}\n'), false],
  ])('%s', (_what, changed, same) => {
    const before = regions(plan('  - id: a1\n    title: A\n'))!;
    const after = regions(changed);
    expect(after).toBeDefined();
    expect(sameRegions(before, after!)).toBe(same);
  });

  it('finds an entry whose id is not its first key, and one in flow style', () => {
    expect(regions(plan('  - title: A\n    id: a1\n'))).toEqual({ docs: 1, entries: [{ text: '  - title: A\n    id: a1', dash: 2 }] });
    expect(regions(plan('  - {title: A, id: "a1", due: 2024-06-30}\n'))?.entries).toEqual([{ text: '  - {title: A, id: "a1", due: 2024-06-30}', dash: 2 }]);
  });

  it('does not tell when the text cannot say: no entry, anchors, aliases or tags', () => {
    expect(regions(plan('  - id: a9\n'))).toBeUndefined();
    expect(regions(plan('  - id: a1\n    goals: &g [m1]\n'))).toBeUndefined();
    expect(regions(plan('  - id: a1\n    goals: *g\n'))).toBeUndefined();
    expect(regions(plan('  - id: a1\n    title: !!str A\n'))).toBeUndefined();
    expect(regions(plan('  - id: a1\n'))?.docs).toBe(1);
    expect(regions(plan('  - id: a1\n').replace('id: p\n', 'id: q\n'))?.docs).toBe(0);
  });

  it('mayHaveAliases looks where a node can start, not into block scalars', () => {
    expect(mayHaveAliases('a: |\n  **fet** och * punkt\n  - *inte alias*\nb: 1\n')).toBe(false);
    expect(mayHaveAliases('a: |\n  text\nb: *alias\n')).toBe(true);
    expect(mayHaveAliases('list:\n  - &x {a: 1}\n')).toBe(true);
  });
});

describe('reading an item from its entry gives what parsing every version gives', () => {
  let repo: TestRepo;
  beforeAll(async () => {
    repo = await createRepo();
    const plan = (i: number) => `kind: plan
id: p
title: Plan
owner: org
period: {start: 2024-01-01, end: 2024-12-31}
background: |
  - **Fet** text i ett blockvärde, version ${Math.floor(i / 2)}.
goals:
  - {id: m1, title: Mål}
actions:
  - id: a1
    title: Rutiner${i >= 6 ? ' och riktlinjer' : ''}
    goals: [m1]
    responsible: org
    due: 2024-${String(3 + Math.floor(i / 3)).padStart(2, '0')}-30
    status: ${i >= 9 ? 'done' : 'ongoing'}
    follow_up:
${Array.from({ length: Math.floor(i / 4) + 1 }, (_, n) => `      - {date: 2024-0${n + 1}-15, note: Anteckning ${n}}`).join('\n')}
  - {id: a2, title: Annat, responsible: org, status: planned, progress: ${i * 5}}
`;
    await repo.write({ 'samverkan.yaml': 'kind: workspace\nname: Topp\nlanguage: sv\n', 'organizations.yaml': 'kind: organizations\norganizations:\n  - {id: org, name: Kommunen, type: municipality}\n' });
    for (let i = 0; i < 12; i++) {
      await repo.write({ 'plan.yaml': plan(i) });
      await repo.commit(`Version ${i}`, `2024-01-${String(i + 10)}`);
    }
  }, 30_000);
  afterAll(() => repo?.remove());

  it('for an action whose plan changes in every commit', async () => {
    const quick = await history({ cwd: repo.dir, id: 'p/a1', lang: 'sv' });
    const full = await history({ cwd: repo.dir, id: 'p/a1', lang: 'sv', exhaustive: true });
    expect(quick).toEqual(full);
    expect(quick.entries.map((e) => e.commit?.subject)).toEqual(['Version 0', 'Version 3', 'Version 4', 'Version 6', 'Version 8', 'Version 9']);
    expect(historyText(quick)).toContain('  - Åtgärden Rutiner och riktlinjer (a1) är klar.\n');
  });
});
