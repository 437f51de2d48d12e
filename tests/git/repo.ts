/**
 * Real git repositories in temporary folders for tests: fixed authors and dates, so hashes and
 * summaries come out the same on every run. Shared by the tests of changes and history.
 */
import { mkdtemp, mkdir, rm, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

export interface TestRepo {
  /** The repository's top level. */
  dir: string;
  /** Runs git in the repository; returns stdout, trimmed. */
  git(args: string[], env?: Record<string, string>): Promise<string>;
  /** Writes files (path relative to the repository → text); a null text deletes the file. */
  write(files: Record<string, string | null>): Promise<void>;
  /** Moves a file inside the repository. */
  move(from: string, to: string): Promise<void>;
  /** Stages everything and commits on `date` (YYYY-MM-DD, noon UTC) as `author`; returns the hash. */
  commit(message: string, date: string, author?: string): Promise<string>;
  remove(): Promise<void>;
}

/** The environment that fixes who and when for a commit. */
export function commitEnv(date: string, author = 'Samordnare Test'): Record<string, string> {
  const when = `${date}T12:00:00Z`;
  return {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'samordnare@example.org',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'samordnare@example.org',
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_DATE: when,
  };
}

/** A new, empty repository (branch main) in a temporary folder. */
export async function createRepo(): Promise<TestRepo> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-git-'));
  const git = async (args: string[], env: Record<string, string> = {}) =>
    (await execa('git', args, { cwd: dir, env: { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env } })).stdout.trim();
  await git(['init', '-q', '-b', 'main']);
  await git(['config', 'core.autocrlf', 'false']);
  return {
    dir,
    git,
    async write(files) {
      for (const [path, text] of Object.entries(files)) {
        const full = join(dir, path);
        if (text === null) await rm(full, { force: true });
        else {
          await mkdir(dirname(full), { recursive: true });
          await writeFile(full, text);
        }
      }
    },
    async move(from, to) {
      await mkdir(dirname(join(dir, to)), { recursive: true });
      await rename(join(dir, from), join(dir, to));
    },
    async commit(message, date, author) {
      await git(['add', '-A']);
      await git(['commit', '-q', '--allow-empty', '-m', message], commitEnv(date, author));
      return git(['rev-parse', 'HEAD']);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
