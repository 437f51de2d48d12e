/**
 * The commits that changed a workspace, with the files each one touched and their blobs before
 * and after, from one `git log`: enough to follow an item through the history while reading only
 * the blobs that hold it (readBlobs), never checking a commit out.
 */
import { gitError, runGit, toGitError, type Repo } from './git.js';

/** One file a commit changed, relative to the workspace. */
export interface FileChange {
  rel: string;
  /** The blob before the commit; undefined if the commit added the file. */
  before?: string;
  /** The blob after the commit; undefined if the commit deleted the file. */
  after?: string;
}

/** A commit of the workspace's history. */
export interface LogCommit {
  hash: string;
  /** The commit date, ISO 8601 with the committer's offset. */
  date: string;
  author: string;
  /** The first line of the message. */
  subject: string;
  files: FileChange[];
}

const NO_BLOB = /^0+$/;

/**
 * The commits reachable from `rev` that changed anything under the workspace's folder, oldest
 * first, along the first-parent line: a merge counts as one change against the line it was
 * merged into, so each commit's "before" is the previous commit's "after". Renames are told as a
 * deletion and an addition: items are followed by id, not by path. Empty when the repository has
 * no commit yet.
 */
export async function workspaceLog(repo: Repo, rev = 'HEAD'): Promise<LogCommit[]> {
  const args = [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--no-renames',
    '--raw',
    '-z',
    '--no-abbrev',
    '--format=%x01%H%x00%cI%x00%an%x00%s',
    '--end-of-options',
    rev,
    '--',
    repo.prefix === '' ? '.' : `${repo.prefix}/`,
  ];
  let out: string;
  try {
    out = String((await runGit(repo.top, args)).stdout);
  } catch (error) {
    // A repository without commits has no history yet rather than a broken one.
    if (rev === 'HEAD' && !(await hasCommits(repo))) return [];
    // HEAD exists, so git could not read what it holds (a damaged repository); another revision may not exist.
    throw toGitError(error, repo.lang, () =>
      rev === 'HEAD' ? gitError('failed', repo.lang, { what: 'log' }) : gitError(repo.shallow ? 'shallow-missing' : 'unknown-revision', repo.lang, { rev }),
    );
  }
  return parseLog(out, repo.prefix);
}

async function hasCommits(repo: Repo): Promise<boolean> {
  try {
    await runGit(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return true;
  } catch (error) {
    const gitErrorOf = toGitError(error, repo.lang, () => gitError('failed', repo.lang, { what: 'rev-parse' }));
    if (gitErrorOf.code === 'git-missing') throw gitErrorOf;
    return false;
  }
}

/** Parses `git log --raw -z` in the format workspaceLog asks for; paths made relative to `prefix`. */
export function parseLog(out: string, prefix: string): LogCommit[] {
  const cut = prefix === '' ? 0 : prefix.length + 1;
  const commits: LogCommit[] = [];
  for (const record of out.split('\x01')) {
    if (record === '') continue;
    const fields = record.split('\0');
    const [hash, date, author, subject] = fields;
    const files: FileChange[] = [];
    // After the header: ":old-mode new-mode old-blob new-blob status", then the path, repeated.
    for (let i = 4; i + 1 < fields.length; i += 2) {
      const meta = fields[i].replace(/^\n/, '');
      if (!meta.startsWith(':')) break;
      const [, , before, after] = meta.slice(1).split(' ');
      files.push({
        rel: fields[i + 1].slice(cut),
        ...(NO_BLOB.test(before) ? {} : { before }),
        ...(NO_BLOB.test(after) ? {} : { after }),
      });
    }
    commits.push({ hash, date, author, subject, files });
  }
  return commits;
}
