/**
 * The user's cache folder for samverkan: $XDG_CACHE_HOME/samverkan, else ~/.cache/samverkan. What
 * is kept there (compiled schema validators, the results of checks) can always be made again, so
 * every read is checked and anything that does not check out is ignored; nothing is ever kept in
 * the workspace.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The cache folder for `env` (process.env unless given). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // The XDG rule: a relative path is not a valid setting and is ignored.
  const base = xdg && xdg.startsWith('/') ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'samverkan');
}

/** A hex SHA-256 of the parts, each length-prefixed so that no two lists of parts hash alike. */
export function hashOf(parts: ReadonlyArray<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

const HEADER = 'samverkan-cache v1 ';

/**
 * Writes `body` to the cache file `name`, with a header naming its key and its own hash, by
 * writing a temporary file and renaming it, so that a reader sees the whole file or none.
 * A cache that cannot be written is no error: the next run does the work again.
 */
export function writeCacheFile(dir: string, name: string, key: string, body: string): void {
  const target = join(dir, name);
  const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, `${HEADER}${key} ${hashOf([body])}\n${body}`, { mode: 0o600 });
    renameSync(temporary, target);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // The folder could not be made, so there is nothing to remove.
    }
  }
}

/**
 * True if `path` belongs to this user and nobody else may write to it. A cache holds compiled
 * validator code that is run, and check results that CI trusts, so a file another user could have
 * planted (a shared XDG_CACHE_HOME, a folder in /tmp) is passed over. Where there are no user ids
 * (Windows), the folder's place in the user's profile is what protects it.
 */
function ownPrivate(path: string): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) return true;
  const info = statSync(path);
  return info.uid === uid && (info.mode & 0o022) === 0;
}

/**
 * The body of the cache file `name` if it was written for `key` and is whole and unchanged since
 * (its hash holds); undefined for a missing, truncated, foreign or hand-edited file.
 */
export function readCacheFile(dir: string, name: string, key: string): string | undefined {
  let text: string;
  try {
    if (!ownPrivate(dir) || !ownPrivate(join(dir, name))) return undefined;
    text = readFileSync(join(dir, name), 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0 || !text.startsWith(HEADER)) return undefined;
  const [fileKey, bodyHash] = text.slice(HEADER.length, newline).split(' ');
  const body = text.slice(newline + 1);
  if (fileKey !== key || bodyHash !== hashOf([body])) return undefined;
  return body;
}
