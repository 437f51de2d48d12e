import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { commitOnOrBefore, GitError, openRepo, readTree, resolveRevision, workingChanges } from '../../src/git/git.js';
import { loadWorkspaceAt } from '../../src/git/snapshot.js';
import { commitEnv, createRepo, type TestRepo } from './repo.js';

let repo: TestRepo;
let first: string;
let second: string;

beforeAll(async () => {
  repo = await createRepo();
  await repo.write({
    'README.md': 'outside the workspace\n',
    'ws/samverkan.yaml': 'kind: workspace\nname: Test\n',
    'ws/people.yaml': 'kind: people\npeople: []\n',
  });
  first = await repo.commit('First', '2025-01-10');
  await repo.write({ 'ws/people.yaml': 'kind: people\npeople: [{id: a, name: A}]\n', 'ws/out/x.yaml': 'kind: nothing\n' });
  second = await repo.commit('Second', '2025-02-10');
  await repo.write({ 'ws/people.yaml': 'kind: people\n', 'ws/new.yaml': 'x: 1\n' });
});
afterAll(() => repo.remove());

describe('git layer', () => {
  it('finds the top level and the workspace prefix inside it', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    expect(r.prefix).toBe('ws');
    expect(r.shallow).toBe(false);
    expect((await openRepo(repo.dir)).prefix).toBe('');
  });

  it('resolves revisions and refuses one that does not exist, in both languages', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    expect(await resolveRevision(r, 'HEAD~1')).toBe(first);
    await expect(resolveRevision(r, 'nope')).rejects.toThrow(
      'The revision nope does not exist in the git repository; give a branch, a tag or a commit that exists (for example HEAD~1 or origin/main).',
    );
    const sv = await openRepo(join(repo.dir, 'ws'), 'sv');
    const error = await resolveRevision(sv, 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).exitCode).toBe(2);
    expect((error as GitError).message).toMatch(/^Versionen nope finns inte i git-arkivet/);
  });

  it('reads the tree of a revision below the prefix, and the commit on or before a date', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    const files = await readTree(r, first);
    expect([...files.keys()].sort()).toEqual(['people.yaml', 'samverkan.yaml']);
    expect(files.get('people.yaml')?.toString()).toBe('kind: people\npeople: []\n');
    expect(await commitOnOrBefore(r, '2025-02-09')).toBe(first);
    expect(await commitOnOrBefore(r, '2025-02-10')).toBe(second);
    expect(await commitOnOrBefore(r, '2024-12-31')).toBeUndefined();
  });

  it('lists uncommitted changes relative to the workspace', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    expect(await workingChanges(r)).toEqual([
      { rel: 'people.yaml', state: 'modified' },
      { rel: 'new.yaml', state: 'untracked' },
    ]);
  });

  it('loads the workspace of a revision without checking out, leaving out the output folder', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    const ws = await loadWorkspaceAt(r, second, join(repo.dir, 'ws'));
    expect(ws.config.name).toBe('Test');
    expect(ws.files.map((f) => f.rel)).toEqual(['samverkan.yaml', 'people.yaml']);
    expect(ws.documents[1].data).toEqual({ kind: 'people', people: [{ id: 'a', name: 'A' }] });
  });

  it('says so when the folder is not in a repository', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samverkan-nogit-'));
    try {
      await expect(openRepo(dir, 'en')).rejects.toThrow(`${dir} is not inside a git repository, so there is no history to compare with; run "git init" and commit the files first.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells a shallow clone that lacks the commit from a revision that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'samverkan-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, dir]);
      const r = await openRepo(join(dir, 'ws'));
      expect(r.shallow).toBe(true);
      await expect(resolveRevision(r, first)).rejects.toThrow(`The revision ${first} is not in this shallow clone`);
      expect(await resolveRevision(r, 'HEAD')).toBe(second);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('counts a day where the workspace is: a commit at 23:30 UTC is the next day in Stockholm', async () => {
    const r = await openRepo(join(repo.dir, 'ws'));
    const env = { ...commitEnv('2025-03-01'), GIT_AUTHOR_DATE: '2025-03-01T23:30:00Z', GIT_COMMITTER_DATE: '2025-03-01T23:30:00Z' };
    await repo.git(['commit', '-q', '--allow-empty', '-m', 'Late'], env);
    const late = await repo.git(['rev-parse', 'HEAD']);
    expect(await commitOnOrBefore(r, '2025-03-01', 'HEAD', 'UTC')).toBe(late);
    expect(await commitOnOrBefore(r, '2025-03-01', 'HEAD', 'Europe/Stockholm')).toBe(second);
    expect(await commitOnOrBefore(r, '2025-03-02', 'HEAD', 'Europe/Stockholm')).toBe(late);
  });

  it('says git is missing when it cannot be run', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(openRepo(repo.dir, 'en')).rejects.toThrow('The git program is not installed on this computer');
    } finally {
      process.env.PATH = path;
    }
  });
});
