/** How a report names a file: for people, relative to the current folder; for CI, to the repository. */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ReportInput } from './types.js';

/**
 * `file` relative to `cwd`, with forward slashes on every platform, as CI systems and editors
 * expect. (On Windows a file on another drive has no relative path and keeps its absolute one.)
 */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  // relative() is empty when a file was given as the folder itself; its name still says more.
  return (rel === '' ? basename(file) : rel).split(sep).join('/');
}

/** The environment variables that name the checked-out repository, in the order they are trusted. */
const CI_ROOT_VARIABLES = ['GITHUB_WORKSPACE', 'CI_PROJECT_DIR'] as const;

/**
 * The folder that CI systems resolve report paths against: `GITHUB_WORKSPACE` (GitHub Actions),
 * else `CI_PROJECT_DIR` (GitLab CI), else the top level of the git repository holding `cwd`
 * (the nearest folder with a `.git` folder, or a `.git` file as in worktrees and submodules),
 * else `cwd` itself. Code scanning, annotations and Code Quality all look files up from there,
 * so a report made in a subfolder would otherwise point at files that do not exist.
 */
export function repositoryRoot(cwd: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  for (const name of CI_ROOT_VARIABLES) {
    const value = env[name];
    if (value) return resolve(cwd, value);
  }
  const start = resolve(cwd);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The folder the CI formats make paths relative to: the input's `repoRoot`, or repositoryRoot(cwd). */
export function reportRoot(input: Pick<ReportInput, 'cwd' | 'repoRoot'>): string {
  return input.repoRoot ?? repositoryRoot(input.cwd);
}
