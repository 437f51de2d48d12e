/**
 * Writing what a command produces (a report, a rendered page, a calendar, a schema) to a file.
 * The text goes to a temporary file beside the target and is then renamed over it, so a browser,
 * a calendar app or a CI step never reads half a file; a failed write leaves no temporary behind.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `path` atomically, creating the folders on the way. */
export async function writeOutputFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
