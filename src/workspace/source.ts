/**
 * Where a workspace's files come from, kept apart from the loader so that a check answered from
 * the cache (check-cache.ts) lists and reads the files without loading the YAML parsers.
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE } from './discover.js';
import { listDocumentFiles, outsideTarget, whyNotDocument, type ListedFile } from './files.js';

/** Files larger than this are not parsed: no plan needs 5 MB, and parsing one would take seconds. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads a file's bytes, refusing very large files before reading them whole. Synchronous: a
 * workspace is thousands of small files, and each read through the thread pool costs more than
 * the read itself (3,204 files: 60 ms of CPU this way, several hundred with promises). Throws
 * the file system's error (ENOENT, EACCES, EISDIR) for the loader to word.
 */
export function readFileBytes(path: string): { bytes?: Buffer; size: number; stat: Stats } {
  const fd = openSync(path, 'r');
  try {
    // Kept with the bytes: the result cache records it, so it need not stat every file again.
    const stat = fstatSync(fd);
    const { size } = stat;
    if (size > MAX_FILE_BYTES) return { size, stat };
    const bytes = Buffer.allocUnsafe(size);
    let at = 0;
    for (let n = -1; at < size && n !== 0; at += n) n = readSync(fd, bytes, at, size - at, at);
    // A file that grew while it was read is read to its end as it was when opened.
    return { bytes: at === size ? bytes : bytes.subarray(0, at), size: at, stat };
  } finally {
    closeSync(fd);
  }
}

/**
 * Where a workspace's files come from: the working tree, or the files of a git revision held
 * in memory. The loader reads through this, so a workspace at a revision is loaded by the same
 * code, with the same problems, as the one on disk.
 */
export interface FileSource {
  /** Absolute path of the workspace root (for a revision: where it is in the working tree). */
  root: string;
  /** The settings file, if there is one that may be read. */
  config(): Promise<ListedFile | undefined>;
  /** The document files, sorted by path, and what was left out and why. */
  list(options: { output?: string; ignore?: readonly string[] }): ReturnType<typeof listDocumentFiles>;
  /**
   * A file's bytes, or only its size if it is larger than MAX_FILE_BYTES; from the working tree
   * also the file's status as it was opened.
   */
  read(listed: ListedFile): Promise<{ bytes?: Buffer; size: number; stat?: Stats }>;
}

/** The files of the working tree below `root`. */
export function diskSource(root: string): FileSource {
  return {
    root,
    // A samverkan.yaml that links out of the workspace is not read: the listing reports it.
    config: async () => ((await outsideTarget(root, join(root, CONFIG_FILE))) ? undefined : { path: join(root, CONFIG_FILE), rel: CONFIG_FILE }),
    list: (options) => listDocumentFiles(root, options),
    read: async (listed) => readFileBytes(listed.path),
  };
}

/**
 * Files held in memory (path relative to the workspace, forward slashes → bytes), shown as if
 * they were below `root`: the workspace as it was at a git revision. The same files are left
 * out as on disk (tools' folders, the output folder, `ignore:`).
 */
export function memorySource(root: string, files: ReadonlyMap<string, Buffer>): FileSource {
  const listed = (rel: string): ListedFile => ({ path: join(root, ...rel.split('/')), rel });
  return {
    root,
    config: async () => (files.has(CONFIG_FILE) ? listed(CONFIG_FILE) : undefined),
    list: async (options) => ({
      files: [...files.keys()]
        .filter((rel) => whyNotDocument(rel, options) === undefined)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        .map(listed),
      skipped: [],
    }),
    read: async ({ rel }) => {
      const bytes = files.get(rel);
      if (!bytes) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return bytes.length > MAX_FILE_BYTES ? { size: bytes.length } : { bytes, size: bytes.length };
    },
  };
}
