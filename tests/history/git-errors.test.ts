/**
 * Every git failure the user can meet is one sentence with exit 2, for `history` and `changes`
 * alike: no repository, no git program (run with a PATH that holds no git), a revision that does
 * not exist, a shallow clone without the commit, a damaged repository. No git output, no stack.
 */
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { createRepo, type TestRepo } from '../git/repo.js';
import { buildHistoryRepo, WS, type HistoryRepo } from './fixture.js';

let fx: HistoryRepo;
/** The workspace copied to a folder that is in no repository. */
let plain: string;
/** A shallow clone (depth 1) of the fixture. */
let shallow: string;
/** A repository whose first commit's tree has been deleted. */
let damaged: TestRepo;
/** A folder with no git in it, for PATH. */
let noGit: string;
const temps: string[] = [];

beforeAll(async () => {
  fx = await buildHistoryRepo();
  const temp = async (prefix: string) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  };
  plain = await temp('samverkan-nogit-');
  await cp(join(fx.repo.dir, WS), plain, { recursive: true });
  shallow = await temp('samverkan-shallow-');
  await execa('git', ['clone', '-q', '--depth', '1', `file://${fx.repo.dir}`, shallow]);
  noGit = await temp('samverkan-path-');
  await mkdir(join(noGit, 'bin'));
  damaged = await createRepo();
  await damaged.write({ 'samverkan.yaml': 'kind: workspace\nname: Trasig\nlanguage: sv\n', 'plans/p.yaml': 'kind: plan\nid: p\ntitle: P\n' });
  await damaged.commit('First', '2024-01-10');
  await damaged.write({ 'plans/p.yaml': 'kind: plan\nid: p\ntitle: P2\n' });
  await damaged.commit('Second', '2024-02-10');
  const tree = await damaged.git(['rev-parse', 'HEAD~1:plans']);
  await rm(join(damaged.dir, '.git/objects', tree.slice(0, 2), tree.slice(2)));
}, 30_000);
afterAll(async () => {
  await fx?.repo.remove();
  await damaged?.remove();
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

interface Row {
  what: string;
  args: () => string[];
  cwd: () => string;
  /** A PATH for the run (git not installed). */
  path?: () => string;
  stderr: () => string;
}

const rows: Row[] = [
  {
    what: 'history outside a repository',
    args: () => ['history', 'plan/a1'],
    cwd: () => plain,
    stderr: () => `${plain} ligger inte i något git-arkiv, så det finns ingen historik att jämföra med; kör "git init" och checka in filerna först.`,
  },
  {
    what: 'changes outside a repository (English)',
    args: () => ['changes', '--lang', 'en'],
    cwd: () => plain,
    stderr: () => `${plain} is not inside a git repository, so there is no history to compare with; run "git init" and commit the files first.`,
  },
  {
    what: 'history without git installed',
    args: () => ['history', 'styrgrupp'],
    cwd: () => join(fx.repo.dir, WS),
    path: () => join(noGit, 'bin'),
    stderr: () => 'Programmet git finns inte på den här datorn, så historiken kan inte läsas; installera git och försök igen.',
  },
  {
    what: 'changes without git installed (English)',
    args: () => ['changes', '--since', 'HEAD~1', '--lang', 'en'],
    cwd: () => join(fx.repo.dir, WS),
    path: () => join(noGit, 'bin'),
    stderr: () => 'The git program is not installed on this computer, so the history cannot be read; install git and try again.',
  },
  {
    what: 'changes since a revision that does not exist',
    args: () => ['changes', '--since', 'v9.9'],
    cwd: () => join(fx.repo.dir, WS),
    stderr: () => 'Versionen v9.9 finns inte i git-arkivet; ge en gren, en tagg eller en incheckning som finns (till exempel HEAD~1 eller origin/main).',
  },
  {
    what: 'changes until a revision that does not exist (English)',
    args: () => ['changes', '--since', 'HEAD~1', '--until', 'main~99', '--lang', 'en'],
    cwd: () => join(fx.repo.dir, WS),
    stderr: () => 'The revision main~99 does not exist in the git repository; give a branch, a tag or a commit that exists (for example HEAD~1 or origin/main).',
  },
  {
    what: 'changes since a commit a shallow clone lacks',
    args: () => ['changes', '--since', fx.commits[0]],
    cwd: () => join(shallow, WS),
    stderr: () => `Versionen ${fx.commits[0]} finns inte i den här grunda klonen (git clone --depth); hämta mer historik med "git fetch --unshallow" och försök igen.`,
  },
  {
    what: 'history in a damaged repository',
    args: () => ['history', 'p/x'],
    cwd: () => damaged.dir,
    stderr: () => 'Git kunde inte läsa arkivet (log); kontrollera att arkivet är helt med "git fsck".',
  },
];

describe('git errors are one sentence with exit 2', () => {
  it.each(rows.map((row) => [row.what, row] as const))('%s', async (_what, row) => {
    if (row.path) vi.stubEnv('PATH', row.path());
    try {
      // No SAMVERKAN_LANG: the workspace's language (sv) speaks unless the row gives --lang en.
      const r = await runInProcess(row.args(), { cwd: row.cwd(), env: { SAMVERKAN_LANG: '' } });
      expect(r).toEqual({ code: 2, stdout: '', stderr: `samverkan: ${row.stderr()}\n` });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('the PATH without git really has none', async () => {
    expect(await readdir(join(noGit, 'bin'))).toEqual([]);
  });

  it('history in a shallow clone is no error: it tells what the clone holds and says so', async () => {
    const r = await runInProcess(['history', 'plan/a1', '--lang', 'en'], { cwd: join(shallow, WS) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('This is a shallow clone (git clone --depth), so the history starts where the clone was cut off; fetch the rest with "git fetch --unshallow".\n');
    expect(r.stdout).toContain('  - New action: Ta fram gemensamma rutiner (a1), due 30 September 2024.\n');
  });
});
