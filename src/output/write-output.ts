/**
 * Writing what a command produces (a report, a rendered page, a calendar, a schema) to a file.
 * The text goes to a temporary file beside the target and is then renamed over it, so a browser,
 * a calendar app or a CI step never reads half a file; a failed write leaves no temporary behind.
 * A place that cannot be written becomes one plain sentence, not an error code.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';

const REASONS: Record<string, string> = {
  EACCES: 'you may not write there',
  EPERM: 'you may not write there',
  EROFS: 'the disk there is read-only',
  ENOENT: 'the folder cannot be made there',
  ENOTDIR: 'part of the path is a file, not a folder',
  EEXIST: 'part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'your disk quota is used up',
};

/** The file system's refusal to write `path` as a sentence that names it; other errors as they are. */
export function explainWriteFailure(path: string, error: unknown): unknown {
  const reason = REASONS[(error as NodeJS.ErrnoException)?.code ?? ''];
  return reason ? new UsageError(`Could not write ${path}: ${reason}. Give another place to write to, or ask whoever manages that folder.`) : error;
}

/** Runs `write`, turning the file system's refusals into a sentence that names the path. */
async function explained<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw explainWriteFailure(path, error);
  }
}

/** Makes the folder `path` (and those above it) for output. */
export function makeOutputFolder(path: string): Promise<void> {
  return explained(path, async () => {
    await mkdir(path, { recursive: true });
  });
}

/** Writes `data` to `path` through a temporary file beside it, creating the folders on the way. */
async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await makeOutputFolder(dirname(path));
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await explained(path, async () => {
    try {
      await writeFile(temporary, data, typeof data === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  });
}

/**
 * Writes `text` to `path` atomically, creating the folders on the way. Whatever command made the
 * text, no identity number in it reaches the file.
 */
export async function writeOutputFile(path: string, raw: string): Promise<void> {
  await writeAtomically(path, maskIdentityNumbers(raw));
}

/**
 * Writes a binary file (a PDF) atomically. Its bytes cannot be searched for identity numbers, so
 * they must be made from text that was masked already, as rendered pages are.
 */
export async function writeOutputBytes(path: string, bytes: Uint8Array): Promise<void> {
  await writeAtomically(path, bytes);
}
