/**
 * Writing a file so that it is never half-written and never overwrites someone else's change:
 * the new text goes to a temporary file beside it, which is then renamed over the original,
 * but only if the original still has the bytes the edit was based on.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { EditConflictError } from '../errors.js';

/** A fingerprint of a file's bytes, taken when it was read. */
export function fingerprint(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Writes `text` to `path` atomically. Refuses, leaving the file untouched, if the file's current
 * bytes no longer match `expected` (the fingerprint of what the edit was based on).
 */
export async function writeFileAtomic(path: string, text: string, expected: string): Promise<void> {
  const current = await readFile(path).catch(() => undefined);
  if (current === undefined || fingerprint(current) !== expected) {
    throw new EditConflictError(
      `${basename(path)} changed on disk after samverkan read it (perhaps an editor saved it, or another command ran), so nothing was written. Run the command again.`,
    );
  }
  const mode = (await stat(path)).mode;
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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
      throw new EditConflictError(`${basename(path)} changed on disk while samverkan was writing it, so nothing was written. Run the command again.`);
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Creates a new file atomically; refuses if it already exists. */
export async function createFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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
      throw new EditConflictError(`${basename(path)} already exists, so it was not overwritten. Choose another name or edit the existing file.`);
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}
