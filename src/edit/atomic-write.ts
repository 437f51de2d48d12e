/**
 * Writing a file so that it is never half-written and never overwrites someone else's change:
 * the new text goes to a temporary file beside it, which is then renamed over the original,
 * but only if the original still has the bytes the edit was based on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EditConflictError } from '../errors.js';
import { messages } from '../i18n/messages.js';

const say = messages('edit/atomic-write', {
  changedBefore: {
    sv: '{file} ändrades på disken efter att samverkan läst den (kanske sparade en redigerare den, eller så körde ett annat kommando), så inget skrevs. Kör kommandot igen.',
    en: '{file} changed on disk after samverkan read it (perhaps an editor saved it, or another command ran), so nothing was written. Run the command again.',
  },
  changedWhile: {
    sv: '{file} ändrades på disken medan samverkan skrev den, så inget skrevs. Kör kommandot igen.',
    en: '{file} changed on disk while samverkan was writing it, so nothing was written. Run the command again.',
  },
  exists: {
    sv: '{file} finns redan, så den skrevs inte över. Välj ett annat namn eller ändra i den befintliga filen.',
    en: '{file} already exists, so it was not overwritten. Choose another name or edit the existing file.',
  },
});

/** A fingerprint of a file's bytes, taken when it was read. */
export function fingerprint(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A temporary older than this is left from an edit that was interrupted: no write takes a minute. */
export const STALE_TEMPORARY_MS = 60_000;

/**
 * The temporary file beside `path` that an edit writes first. The process id in the name tells
 * a later edit whether the writer is still running.
 */
export function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporaries of `path` that an interrupted edit (killed, or the machine stopped)
 * left behind: those whose process is gone, and any older than a minute. Temporaries of
 * other files, and those of an edit still running, are left alone. Best effort: a temporary
 * that cannot be removed does not stop the edit.
 */
export async function removeStaleTemporaries(path: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(path);
  // Names written before the process id was part of them have none.
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(?:(\\d+)\\.)?[0-9a-f]{12}\\.tmp$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const temp = join(dir, name);
    const info = await lstat(temp).catch(() => undefined);
    if (!info?.isFile()) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    const orphaned = pid !== undefined && pid !== process.pid && !isRunning(pid);
    if (!orphaned && now - info.mtimeMs < STALE_TEMPORARY_MS) continue;
    try {
      await rm(temp, { force: true });
      removed.push(temp);
    } catch {
      // Left for the next edit; this one can go ahead without it.
    }
  }
  return removed;
}

/**
 * Writes `text` to `path` atomically. Refuses, leaving the file untouched, if the file's current
 * bytes no longer match `expected` (the fingerprint of what the edit was based on).
 */
export async function writeFileAtomic(path: string, text: string, expected: string): Promise<void> {
  const current = await readFile(path).catch(() => undefined);
  if (current === undefined || fingerprint(current) !== expected) {
    throw new EditConflictError(say('changedBefore', { file: basename(path) }));
  }
  const mode = (await stat(path)).mode;
  await removeStaleTemporaries(path);
  const temp = temporaryPath(path);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    // Check once more right before the rename, to narrow the window for a concurrent writer.
    const again = await readFile(path);
    if (fingerprint(again) !== expected) {
      throw new EditConflictError(say('changedWhile', { file: basename(path) }));
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Creates a new file atomically; refuses if it already exists. */
export async function createFileAtomic(path: string, text: string): Promise<void> {
  await removeStaleTemporaries(path);
  const temp = temporaryPath(path);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // link() fails if the target exists, unlike rename(), so an existing file is never replaced.
    const { link } = await import('node:fs/promises');
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new EditConflictError(say('exists', { file: basename(path) }));
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}
