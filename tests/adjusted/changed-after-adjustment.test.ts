/**
 * minutes/changed-after-adjustment against real git repositories in temporary folders: the
 * commit that recorded the adjustment is the record; an edit after it is an error with the
 * changed lines, a rättelse is not, and without a record (never committed, no git, a shallow
 * clone that lacks the commit) the rule says nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { MEETING_FILE, commitFile, git, meeting } from './git-repo.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const RULE = 'minutes/changed-after-adjustment';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-adjusted-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A repository holding the base workspace (in `sub`, if given), its meeting committed as a draft and then adjusted. */
function adjustedRepo(sub = ''): { repo: string; ws: string } {
  const repo = tempDir();
  const ws = join(repo, sub);
  cpSync(base, ws, { recursive: true });
  git(repo, ['init', '-q']);
  commitFile(ws, MEETING_FILE, meeting('draft'), 'Minutes of the steering group, draft', '2009-08-21');
  commitFile(ws, MEETING_FILE, meeting('adjusted'), 'Adjusted minutes styrgrupp-2009-08-20', '2009-08-27');
  return { repo, ws };
}

async function found(ws: string): Promise<Array<{ at: string; message: string }>> {
  const { findings } = await checkWorkspace(await loadWorkspace({ dir: ws }), { asOf: '2009-09-01' });
  expect(findings.filter((f) => f.file.endsWith(MEETING_FILE) && f.ruleId.startsWith('schema/'))).toEqual([]);
  return findings.filter((f) => f.ruleId === RULE).map((f) => ({ at: `${relative(ws, f.file)}:${f.line}`, message: f.message }));
}

const hash = (repo: string, rev: string) => git(repo, ['rev-parse', '--short=7', rev]).trim();

describe(RULE, () => {
  it('reports a decision edited after the adjustment was committed: the line now, and what it said then', async () => {
    const { repo, ws } = adjustedRepo();
    const record = hash(repo, 'HEAD');
    writeFileSync(join(ws, MEETING_FILE), meeting('adjusted', 'att anta budgeten för 2010 med ändringen att utbildningen flyttas.'));
    expect(await found(ws)).toEqual([
      {
        at: `${MEETING_FILE}:16`,
        message:
          `Line 16 of the adjusted minutes changed after they were adjusted in commit ${record} (2009-08-27, Sekreterare Alfa): ` +
          'then it said "- {item: 1, text: att anta budgeten för 2010.}". Put it back as it was, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).',
      },
    ]);
  });

  it('makes validate fail with the finding at file:line', async () => {
    const { ws } = adjustedRepo();
    writeFileSync(join(ws, MEETING_FILE), meeting('adjusted', 'att anta budgeten för 2011.'));
    const run = await runInProcess(['validate', '-C', ws, '--as-of', '2009-09-01', '--format', 'github']);
    expect(run.code).toBe(1);
    // The github format gives an annotation (::error …) and the plain list after it.
    const lines = run.stdout.split('\n').filter((l) => l.startsWith('::error') && l.includes(RULE));
    expect(lines, run.stdout).toHaveLength(1);
    expect(lines[0]).toContain(`file=${relative(repoRoot, join(ws, MEETING_FILE))},line=16`);
    expect(lines[0]).toContain('then it said "- {item: 1, text: att anta budgeten för 2010.}"');
  });

  it('reports an added attendance line and a changed agenda item, each where it is now, also when the change is committed', async () => {
    const { ws } = adjustedRepo();
    const changed = meeting('adjusted')
      .replace('Rapport från samordnaren', 'Rapport från polisen')
      .replace('    - {person: samordnare, status: present}\n', '    - {person: samordnare, status: present}\n    - {person: region-rep, status: present}\n');
    commitFile(ws, MEETING_FILE, changed, 'Fix the minutes', '2009-09-02');
    const out = await found(ws);
    expect(out.map((f) => f.at)).toEqual([`${MEETING_FILE}:8`, `${MEETING_FILE}:15`]);
    expect(out[0].message).toContain('then it said "- {title: Rapport från samordnaren, type: information}"');
    expect(out[1].message).toMatch(/^Line 15 of the adjusted minutes was added after they were adjusted in commit [0-9a-f]{7} \(2009-08-27, Sekreterare Alfa\)\. Remove it, and record/);
  });

  it('accepts a rättelse added under corrections:, committed or not, and a changed comment', async () => {
    const { ws } = adjustedRepo();
    const corrected = meeting('adjusted', 'att anta budgeten för 2010.', '  corrections:\n    - {date: 2009-09-03, by: samordnare, item: budget, text: Beslutet avser budgeten med ändringen att utbildningen flyttas.}');
    writeFileSync(join(ws, MEETING_FILE), corrected.replace('  decisions:\n', '  decisions: # beslut\n'));
    expect(await found(ws)).toEqual([]);
    commitFile(ws, MEETING_FILE, corrected, 'Correction of the minutes', '2009-09-03');
    expect(await found(ws)).toEqual([]);
  });

  it('reports a rättelse that was part of the adjusted record and was edited later, at minutes:; one added later may be edited', async () => {
    const note = (text: string) => meeting('adjusted', 'att anta budgeten för 2010.', `  corrections:\n    - {date: 2009-08-27, item: 1, text: ${text}}`);
    const repo = tempDir();
    cpSync(base, repo, { recursive: true });
    git(repo, ['init', '-q']);
    commitFile(repo, MEETING_FILE, note('Fel år i beslutet.'), 'Adjusted with a correction', '2009-08-27');
    writeFileSync(join(repo, MEETING_FILE), note('Fel årtal i beslutet.'));
    const out = await found(repo);
    expect(out.map((f) => f.at)).toEqual([`${MEETING_FILE}:9`]);
    expect(out[0].message).toContain(`adjusted in commit ${hash(repo, 'HEAD')} (2009-08-27, Sekreterare Alfa): a correction recorded then was changed or removed.`);

    const { ws } = adjustedRepo();
    commitFile(ws, MEETING_FILE, note('Fel år i beslutet.'), 'Correction', '2009-08-28');
    writeFileSync(join(ws, MEETING_FILE), note('Fel årtal i beslutet.'));
    expect(await found(ws)).toEqual([]);
  });

  it('lets `task done` mark a task of the adjusted minutes done: following up is no change of the record', async () => {
    const tasks = '  tasks:\n    - {id: t1, item: 1, title: Skicka beslutet till kommunerna, responsible: samordnare, due: 2009-09-15}';
    const repo = tempDir();
    cpSync(base, repo, { recursive: true });
    git(repo, ['init', '-q']);
    commitFile(repo, MEETING_FILE, meeting('adjusted', 'att anta budgeten för 2010.', tasks), 'Adjusted minutes', '2009-08-27');
    const run = await runInProcess(['task', 'done', 'styrgrupp-2009-08-20/t1', '-C', repo, '--as-of', '2009-09-01']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(repo, MEETING_FILE), 'utf8')).toContain('done: true');
    expect(await found(repo)).toEqual([]);
    writeFileSync(join(repo, MEETING_FILE), readFileSync(join(repo, MEETING_FILE), 'utf8').replace('due: 2009-09-15', 'due: 2009-10-15'));
    expect((await found(repo)).map((f) => f.at)).toEqual([`${MEETING_FILE}:18`]);
  });

  it('is silent about adjusted minutes that were never committed: the working tree is the record until then', async () => {
    const repo = tempDir();
    cpSync(base, repo, { recursive: true });
    git(repo, ['init', '-q']);
    commitFile(repo, MEETING_FILE, meeting('draft'), 'Draft minutes', '2009-08-21');
    writeFileSync(join(repo, MEETING_FILE), meeting('adjusted', 'att anta budgeten för 2011.'));
    expect(await found(repo)).toEqual([]);
  });

  it('is silent without git: a workspace that is in no repository', async () => {
    const dir = tempDir();
    cpSync(base, dir, { recursive: true });
    writeFileSync(join(dir, MEETING_FILE), meeting('adjusted', 'att anta budgeten för 2011.'));
    expect(await found(dir)).toEqual([]);
  });

  it('finds the record when the workspace is a subfolder of the repository, and is silent in a shallow clone that lacks it', async () => {
    const { repo, ws } = adjustedRepo('samverkan');
    commitFile(ws, MEETING_FILE, meeting('adjusted', 'att anta budgeten för 2011.'), 'Edit the adjusted minutes', '2009-09-02');
    expect((await found(ws)).map((f) => f.at)).toEqual([`${MEETING_FILE}:16`]);
    const clone = tempDir();
    git(clone, ['clone', '-q', '--depth', '1', `file://${repo}`, 'c']);
    expect(await found(join(clone, 'c', 'samverkan'))).toEqual([]);
  });

  it('runs git only when some minutes are adjusted', async () => {
    const { ws } = adjustedRepo();
    // A git first on the PATH that leaves a mark and hands over to the real one.
    const bin = tempDir();
    const mark = join(bin, 'called');
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\ntouch '${mark}'\nexec '${real}' "$@"\n`, { mode: 0o755 });
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    onTestFinished(() => {
      process.env.PATH = path;
    });
    writeFileSync(join(ws, MEETING_FILE), meeting('draft', 'att anta budgeten för 2011.'));
    expect(await found(ws)).toEqual([]);
    expect(existsSync(mark)).toBe(false);
    writeFileSync(join(ws, MEETING_FILE), meeting('adjusted', 'att anta budgeten för 2011.'));
    expect((await found(ws)).length).toBe(1);
    expect(existsSync(mark)).toBe(true);
  });
});
