import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayPath, reportRoot, repositoryRoot } from '../../src/report/display-path.js';

const base = mkdtempSync(join(tmpdir(), 'samverkan-root-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('repositoryRoot', () => {
  it('is GITHUB_WORKSPACE when set, then CI_PROJECT_DIR', () => {
    const cwd = join(base, 'no-git', 'sub');
    expect(repositoryRoot(cwd, { GITHUB_WORKSPACE: '/gh/ws', CI_PROJECT_DIR: '/gl/dir' })).toBe(resolve('/gh/ws'));
    expect(repositoryRoot(cwd, { CI_PROJECT_DIR: '/gl/dir' })).toBe(resolve('/gl/dir'));
    // An empty variable counts as unset.
    expect(repositoryRoot(cwd, { GITHUB_WORKSPACE: '', CI_PROJECT_DIR: '/gl/dir' })).toBe(resolve('/gl/dir'));
  });

  it('is the nearest folder above with a .git folder or a .git file (worktree, submodule)', () => {
    const repo = join(base, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(repo, 'kvinnofrid', 'plans'), { recursive: true });
    expect(repositoryRoot(join(repo, 'kvinnofrid', 'plans'), {})).toBe(repo);
    expect(repositoryRoot(repo, {})).toBe(repo);

    const worktree = join(repo, 'kvinnofrid');
    writeFileSync(join(worktree, '.git'), 'gitdir: ../.git/worktrees/kvinnofrid\n');
    expect(repositoryRoot(join(worktree, 'plans'), {})).toBe(worktree);
  });

  it('is the current folder outside any repository', () => {
    // The temporary folder may itself lie in a repository; a made-up root below "/" does not.
    const cwd = resolve('/samverkan-no-such-folder/sub');
    expect(repositoryRoot(cwd, {})).toBe(cwd);
  });
});

describe('reportRoot and displayPath', () => {
  it('prefers the root the caller gives', () => {
    expect(reportRoot({ cwd: '/a/b', repoRoot: '/a' })).toBe('/a');
  });

  it('makes repository paths from a subfolder, with forward slashes', () => {
    const root = resolve('/srv/repo');
    expect(displayPath(resolve(root, 'kvinnofrid/plans/plan.yaml'), root)).toBe('kvinnofrid/plans/plan.yaml');
    expect(displayPath(resolve(root, 'kvinnofrid/plans/plan.yaml'), resolve(root, 'kvinnofrid'))).toBe('plans/plan.yaml');
  });
});
