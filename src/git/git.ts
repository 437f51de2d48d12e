/**
 * The one way samverkan runs git: through execa, with fixed arguments, reading bytes. Every
 * failure the user can cause (no repository, no git, an unknown revision, a shallow clone that
 * lacks a commit) becomes a GitError of one sentence; no git output reaches the user.
 */
import { relative, resolve } from 'node:path';
import type { ExecaError } from 'execa';
import { SamverkanError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';

/** What went wrong when running git. */
export type GitErrorCode = 'not-a-repository' | 'git-missing' | 'unknown-revision' | 'shallow-missing' | 'failed';

/** A git failure, as one sentence in the user's language. */
export class GitError extends SamverkanError {
  readonly code: GitErrorCode;
  constructor(code: GitErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

// Keyed by the GitErrorCode each phrase says.
const say = messages('git/git', {
  'not-a-repository': {
    sv: '{dir} ligger inte i något git-arkiv, så det finns ingen historik att jämföra med; kör "git init" och checka in filerna först.',
    en: '{dir} is not inside a git repository, so there is no history to compare with; run "git init" and commit the files first.',
  },
  'git-missing': {
    sv: 'Programmet git finns inte på den här datorn, så historiken kan inte läsas; installera git och försök igen.',
    en: 'The git program is not installed on this computer, so the history cannot be read; install git and try again.',
  },
  'unknown-revision': {
    sv: 'Versionen {rev} finns inte i git-arkivet; ge en gren, en tagg eller en incheckning som finns (till exempel HEAD~1 eller origin/main).',
    en: 'The revision {rev} does not exist in the git repository; give a branch, a tag or a commit that exists (for example HEAD~1 or origin/main).',
  },
  'shallow-missing': {
    sv: 'Versionen {rev} finns inte i den här grunda klonen (git clone --depth); hämta mer historik med "git fetch --unshallow" och försök igen.',
    en: 'The revision {rev} is not in this shallow clone (git clone --depth); fetch more history with "git fetch --unshallow" and try again.',
  },
  failed: {
    sv: 'Git kunde inte läsa arkivet ({what}); kontrollera att arkivet är helt med "git fsck".',
    en: 'Git could not read the repository ({what}); check that it is whole with "git fsck".',
  },
} satisfies Record<GitErrorCode, unknown>);

/** A GitError of `code`, worded in `lang` (the language messages are said in unless given) with `params` filled in. */
export function gitError(code: GitErrorCode, lang: Lang = language(), params: Record<string, string> = {}): GitError {
  return new GitError(code, say.in(lang, code, params));
}

/** A repository, and where a workspace is inside it. */
export interface Repo {
  /** Absolute path of the repository's top level (the working tree). */
  top: string;
  /** The workspace folder relative to `top`, forward slashes, '' at the top itself. */
  prefix: string;
  /** True if the repository is a shallow clone (its history is cut off). */
  shallow: boolean;
  /** The language its errors are told in. */
  lang: Lang;
}

/** How to run one git command. */
export interface RunOptions {
  input?: string;
  /** Read stdout as bytes. */
  binary?: boolean;
  /** More environment for this command (e.g. a commit's author), over the process's own. */
  env?: Record<string, string>;
}

/**
 * Runs git in `cwd`; a failure throws the ExecaError for the caller to turn into a GitError
 * (see toGitError). Exported as runGit for commands that need git for more than reading.
 */
async function run(cwd: string, args: string[], options: RunOptions = {}): Promise<{ stdout: string | Uint8Array }> {
  // execa is loaded on first use: the rules import this module, and most checks never run git.
  const { execa } = await import('execa');
  const result = await execa('git', args, {
    cwd,
    input: options.input,
    encoding: options.binary ? 'buffer' : 'utf8',
    stripFinalNewline: false,
    maxBuffer: 512 * 1024 * 1024,
    // A user's pager, editor or prompt must never take over.
    env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C' },
  });
  return { stdout: result.stdout as string | Uint8Array };
}

export { run as runGit };

/** True if the error says the git program could not be started at all. */
export function isMissingGit(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT' && (error as ExecaError)?.exitCode === undefined;
}

/** The failure of a git command, as a GitError (git missing, or `fallback`). */
export function toGitError(error: unknown, lang: Lang, fallback: () => GitError): GitError {
  return failure(error, lang, fallback);
}

function failure(error: unknown, lang: Lang, fallback: () => GitError): GitError {
  if (error instanceof GitError) return error;
  if (isMissingGit(error)) return gitError('git-missing', lang);
  return fallback();
}

/**
 * The repository that holds the folder `dir` (a workspace root), with the workspace's place
 * inside it. Throws GitError if git is missing or the folder is not inside a repository.
 */
export async function openRepo(dir: string, lang: Lang = language()): Promise<Repo> {
  let out: string;
  try {
    out = (await run(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])).stdout as string;
  } catch (error) {
    throw failure(error, lang, () => gitError('not-a-repository', lang, { dir }));
  }
  const [top, shallow] = out.split('\n');
  // The top level comes back with links resolved; the workspace folder may have come through one.
  const { realpath } = await import('node:fs/promises');
  const prefix = relative(await realpath(top), await realpath(resolve(dir))).split('\\').join('/');
  return { top, prefix, shallow: shallow === 'true', lang };
}

/**
 * The commit a revision names (a branch, tag, hash, HEAD~2, origin/main). Throws GitError
 * `shallow-missing` in a shallow clone, `unknown-revision` otherwise, if there is no such commit.
 */
export async function resolveRevision(repo: Repo, rev: string): Promise<string> {
  try {
    const out = (await run(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).stdout as string;
    return out.trim();
  } catch (error) {
    throw failure(error, repo.lang, () => gitError(repo.shallow ? 'shallow-missing' : 'unknown-revision', repo.lang, { rev }));
  }
}

/** A commit's hash, date (ISO 8601 with offset), author and subject line. */
export interface CommitInfo {
  hash: string;
  date: string;
  author: string;
  subject: string;
}

/** Details of one commit. */
export async function commitInfo(repo: Repo, commit: string): Promise<CommitInfo> {
  try {
    const out = (await run(repo.top, ['show', '-s', '--format=%H%x00%cI%x00%an%x00%s', commit, '--'])).stdout as string;
    const [hash, date, author, subject] = out.replace(/\n$/, '').split('\0');
    return { hash, date, author, subject };
  } catch (error) {
    throw failure(error, repo.lang, () => gitError('unknown-revision', repo.lang, { rev: commit }));
  }
}

/**
 * The last commit reachable from `rev` (HEAD by default) made on or before `date` (YYYY-MM-DD,
 * the whole day counted, in `timeZone` if given, else the machine's); undefined if there is none
 * (or a shallow clone does not hold it).
 */
export async function commitOnOrBefore(repo: Repo, date: string, rev = 'HEAD', timeZone?: string): Promise<string | undefined> {
  try {
    // The day ends at midnight where the workspace is (TZ), not where the machine running git is.
    const out = (await run(repo.top, ['rev-list', '-1', `--before=${date} 23:59:59`, rev, '--'], timeZone ? { env: { TZ: timeZone } } : {})).stdout as string;
    const hash = out.trim();
    return hash === '' ? undefined : hash;
  } catch (error) {
    throw failure(error, repo.lang, () => gitError(repo.shallow ? 'shallow-missing' : 'unknown-revision', repo.lang, { rev }));
  }
}

/** One file of a tree: its path relative to the workspace (forward slashes) and its blob. */
export interface TreeEntry {
  rel: string;
  blob: string;
  /** Git's mode: 100644, 100755, 120000 (a link) … */
  mode: string;
}

/** The files under the workspace's folder in the tree of `commit`, paths relative to the workspace. */
export async function listTree(repo: Repo, commit: string): Promise<TreeEntry[]> {
  let out: Uint8Array;
  try {
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit, '--'];
    if (repo.prefix !== '') args.push(`${repo.prefix}/`);
    out = (await run(repo.top, args, { binary: true })).stdout as Uint8Array;
  } catch (error) {
    throw failure(error, repo.lang, () => gitError(repo.shallow ? 'shallow-missing' : 'unknown-revision', repo.lang, { rev: commit }));
  }
  const entries: TreeEntry[] = [];
  const cut = repo.prefix === '' ? 0 : repo.prefix.length + 1;
  for (const record of Buffer.from(out).toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode, type, blob] = record.slice(0, tab).split(' ');
    if (type !== 'blob') continue;
    entries.push({ rel: record.slice(tab + 1).slice(cut), blob, mode });
  }
  return entries;
}

/**
 * The contents of many blobs at once (one `git cat-file --batch`), by blob hash. A blob the
 * repository does not hold (a shallow or partial clone) is left out.
 */
export async function readBlobs(repo: Repo, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>();
  const wanted = [...new Set(blobs)];
  if (wanted.length === 0) return result;
  let out: Buffer;
  try {
    out = Buffer.from((await run(repo.top, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n`, binary: true })).stdout as Uint8Array);
  } catch (error) {
    throw failure(error, repo.lang, () => gitError('failed', repo.lang, { what: 'cat-file' }));
  }
  let at = 0;
  for (const blob of wanted) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<hash> missing"
    const size = Number(m[3]);
    result.set(blob, out.subarray(at, at + size));
    at += size + 1;
  }
  return result;
}

/** The files of the workspace at `commit`: path relative to the workspace → bytes. */
export async function readTree(repo: Repo, commit: string): Promise<Map<string, Buffer>> {
  // Links are left out: what they point to is not a file of this commit.
  const entries = (await listTree(repo, commit)).filter((e) => e.mode !== '120000' && e.mode !== '160000');
  const blobs = await readBlobs(repo, entries.map((e) => e.blob));
  const files = new Map<string, Buffer>();
  for (const entry of entries) {
    const bytes = blobs.get(entry.blob);
    if (bytes) files.set(entry.rel, bytes);
  }
  return files;
}

/** A path of the workspace that differs from HEAD in the working tree or the index. */
export interface WorkingChange {
  /** Path relative to the workspace, forward slashes. */
  rel: string;
  /** 'modified', 'added', 'deleted', 'renamed' or 'untracked'. */
  state: 'modified' | 'added' | 'deleted' | 'renamed' | 'untracked';
  /** For a rename: where it came from (relative to the workspace). */
  from?: string;
}

/** The uncommitted changes under the workspace's folder (`git status --porcelain=v2 -z`). */
export async function workingChanges(repo: Repo): Promise<WorkingChange[]> {
  let out: string;
  try {
    const args = ['status', '--porcelain=v2', '-z', '--untracked-files=all', '--'];
    args.push(repo.prefix === '' ? '.' : `${repo.prefix}/`);
    out = (await run(repo.top, args)).stdout as string;
  } catch (error) {
    throw failure(error, repo.lang, () => gitError('failed', repo.lang, { what: 'status' }));
  }
  const cut = repo.prefix === '' ? 0 : repo.prefix.length + 1;
  const changes: WorkingChange[] = [];
  const records = out.split('\0');
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record === '') continue;
    const kind = record[0];
    if (kind === '?') changes.push({ rel: record.slice(2).slice(cut), state: 'untracked' });
    else if (kind === '1') {
      const parts = record.split(' ');
      const xy = parts[1];
      const path = parts.slice(8).join(' ');
      changes.push({ rel: path.slice(cut), state: xy.includes('D') ? 'deleted' : xy.includes('A') ? 'added' : 'modified' });
    } else if (kind === '2') {
      const parts = record.split(' ');
      const path = parts.slice(9).join(' ');
      const from = records[++i] ?? '';
      changes.push({ rel: path.slice(cut), state: 'renamed', from: from.slice(cut) });
    } else if (kind === 'u') {
      const parts = record.split(' ');
      changes.push({ rel: parts.slice(10).join(' ').slice(cut), state: 'modified' });
    }
  }
  return changes;
}

/** True if the git program can be run. */
export async function gitAvailable(): Promise<boolean> {
  try {
    await run(process.cwd(), ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** The top level of the repository that holds `dir`; undefined if it is in none (or git is missing). */
export async function gitTopLevel(dir: string): Promise<string | undefined> {
  try {
    return ((await run(dir, ['rev-parse', '--show-toplevel'])).stdout as string).trim();
  } catch {
    return undefined;
  }
}

/**
 * Commits exactly `paths` (relative to the repository's top level) as they are in the working
 * tree, whatever else is staged, and returns the new commit's hash. Throws GitError `failed`
 * (git's words are not shown) if git refuses, e.g. when no author is configured or a hook says no.
 */
export async function commitFiles(repo: Repo, paths: readonly string[], message: string, options: { env?: Record<string, string> } = {}): Promise<string> {
  try {
    await run(repo.top, ['add', '--', ...paths], options);
    // --only commits the paths' working-tree state and leaves the rest of the index as it was.
    // The repository's own hooks run: a check the organisation put there is not skipped.
    await run(repo.top, ['commit', '--quiet', '--only', '-m', message, '--', ...paths], options);
    return ((await run(repo.top, ['rev-parse', 'HEAD'], options)).stdout as string).trim();
  } catch (error) {
    throw failure(error, repo.lang, () => gitError('failed', repo.lang, { what: 'commit' }));
  }
}
