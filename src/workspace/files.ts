/**
 * Which files of a workspace are documents: every *.yaml / *.yml below the root, except the
 * folders and files of tools (NEVER_DOCUMENTS), the output folder and the paths listed in `ignore:`.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type Picomatch from 'picomatch';
import { messages } from '../i18n/messages.js';
import { CONFIG_FILE } from './discover.js';

// The end of a sentence that begins with the file's path ("plans/x.md is not a .yaml or .yml file").
const say = messages('workspace/files', {
  isNever: { sv: 'är {name}, som aldrig läses som ett dokument', en: 'is {name}, which is never read as a document' },
  insideNever: { sv: 'ligger i {name}, som aldrig läses som ett dokument', en: 'is inside {name}, which is never read as a document' },
  notYaml: { sv: 'är ingen .yaml- eller .yml-fil', en: 'is not a .yaml or .yml file' },
  inOutput: { sv: 'ligger i utdatamappen {folder}', en: 'is inside the output folder {folder}' },
  ignored: { sv: 'utesluts av ignore: i {file}', en: 'is left out by ignore: in {file}' },
  // Why a file could not be read, said inside the loader's finding ("… (the link points to nothing) …").
  danglingLink: { sv: 'länken pekar inte på något', en: 'the link points to nothing' },
});

export interface ListedFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the workspace root, with forward slashes. */
  rel: string;
}

export interface SkippedFile extends ListedFile {
  reason: 'outside-workspace' | 'unreadable' | 'name-encoding';
  detail: string;
}

/**
 * Names of folders and files that are never documents, wherever they are in the workspace: a
 * workspace kept at the top of its repository holds its CI configuration and installed packages
 * next to the plans, and their YAML has no `kind:`. A name ending in `*` matches every name that
 * starts with what comes before it (`.woodpecker.yml` and the `.woodpecker/` folder).
 */
export const NEVER_DOCUMENTS: readonly string[] = [
  '.git',
  'node_modules',
  '.github',
  '.gitlab',
  '.gitlab-ci.yml',
  '.circleci',
  '.forgejo',
  '.woodpecker*',
];

// NEVER_DOCUMENTS as a set of names and a list of beginnings: every name in a workspace is looked up.
const NEVER_NAMES: ReadonlySet<string> = new Set(NEVER_DOCUMENTS.filter((n) => !n.endsWith('*')));
const NEVER_STARTS: readonly string[] = NEVER_DOCUMENTS.filter((n) => n.endsWith('*')).map((n) => n.slice(0, -1));

/** True if a folder or file with this name is never a document (see NEVER_DOCUMENTS). */
export function isNeverDocument(name: string): boolean {
  if (NEVER_NAMES.has(name)) return true;
  for (const start of NEVER_STARTS) if (name.startsWith(start)) return true;
  return false;
}

export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The name as text, or undefined if its bytes are not UTF-8 (a name made on another system). */
function decodeName(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The name with every byte that is not printable ASCII written as \xHH, so it can be shown safely. */
export function escapedName(bytes: Buffer): string {
  return [...bytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/**
 * Where `path` really leads if that is outside the workspace at `root` (through a link, of the
 * file or of a folder on the way); undefined if it stays inside or does not exist.
 */
export async function outsideTarget(root: string, path: string): Promise<string | undefined> {
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined) return undefined;
  return isInside(await realpath(root), target) ? undefined : target;
}

/**
 * `FOLDER/**` with FOLDER plain names (letters, digits, _ and -, dots inside a name): what the
 * output folder nearly always is (the default `out`). picomatch matches such a pattern exactly
 * when the path is FOLDER or lies below it, since no listed path has a `.` or `..` segment.
 */
const PLAIN_FOLDER_GLOB = /^((?:[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\/)*[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\/\*\*$/;

/**
 * A matcher of `globs` as picomatch makes it with `{ dot: true }`. The plain folder globs are
 * matched by comparing strings, so that a workspace without other globs never loads picomatch
 * (a few milliseconds of every start, a re-run answered from the cache among them).
 */
export function globMatcher(globs: readonly string[]): ((rel: string) => boolean) & { foldersOnly: boolean } {
  const folders: string[] = [];
  const others: string[] = [];
  for (const glob of globs) {
    const folder = PLAIN_FOLDER_GLOB.exec(glob)?.[1];
    if (folder === undefined) others.push(glob);
    else folders.push(folder);
  }
  const inFolder = (rel: string) => {
    for (const f of folders) if (rel.startsWith(f) && (rel.length === f.length || rel.charCodeAt(f.length) === 0x2f)) return true;
    return false;
  };
  if (others.length === 0) return Object.assign(inFolder, { foldersOnly: true });
  const picomatch = createRequire(import.meta.url)('picomatch') as typeof Picomatch;
  const matches = picomatch(others, { dot: true });
  return Object.assign((rel: string) => inFolder(rel) || matches(rel), { foldersOnly: false });
}

/** The glob of everything in the output folder. */
function outputGlob(output: string): string {
  return `${output.replace(/\/+$/, '')}/**`;
}

/** The matcher of the paths (relative, with forward slashes) that `ignore:` and the output folder leave out. */
function ignoredBy(options: { output?: string; ignore?: readonly string[] }): ReturnType<typeof globMatcher> {
  return globMatcher([...(options.ignore ?? []), ...(options.output ? [outputGlob(options.output)] : [])]);
}

/**
 * Why a file at `rel` (relative to the workspace root, forward slashes) would not be listed as a
 * document, as the end of a sentence in the current language; undefined if it would be.
 */
export function whyNotDocument(rel: string, options: { output?: string; ignore?: readonly string[] } = {}): string | undefined {
  const parts = rel.split('/');
  const never = parts.find(isNeverDocument);
  if (never !== undefined) return say(never === parts[parts.length - 1] ? 'isNever' : 'insideNever', { name: never });
  if (!/\.ya?ml$/i.test(parts[parts.length - 1])) return say('notYaml');
  const output = options.output ? globMatcher([outputGlob(options.output)]) : () => false;
  if (output(rel)) return say('inOutput', { folder: options.output });
  const ignored = ignoredBy(options);
  // listDocumentFiles leaves out a folder that matches, and everything in it.
  const left = parts.some((_, i) => {
    const prefix = parts.slice(0, i + 1).join('/');
    return ignored(prefix) || ignored(`${prefix}/`);
  });
  return left ? say('ignored', { file: CONFIG_FILE }) : undefined;
}

/**
 * A folder's entries, with `names` when they had to be decoded from bytes (undefined for a name
 * that is not UTF-8). Read as text first: a name that is not UTF-8 comes back holding U+FFFD, and
 * only then (or for a name that starts with a byte-order mark, which decoding the bytes drops) is
 * the folder read again as bytes, so that such names come out exactly as decoding their bytes makes them.
 */
function readEntries(dir: string): { entries: Array<Dirent | Dirent<Buffer>>; names?: Array<string | undefined> } {
  const entries = readdirSync(dir, { withFileTypes: true });
  let plain = true;
  for (const { name } of entries) if (name.includes('\uFFFD') || name.charCodeAt(0) === 0xfeff) plain = false;
  if (plain) return { entries };
  const bytes = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  return { entries: bytes, names: bytes.map((e) => decodeName(e.name)) };
}

/** Lists the document files of the workspace at `root`, sorted by path. */
export async function listDocumentFiles(
  root: string,
  options: { output?: string; ignore?: readonly string[] } = {},
): Promise<{ files: ListedFile[]; skipped: SkippedFile[] }> {
  const realRoot = realpathSync(root);
  const ignored = ignoredBy(options);
  const files: ListedFile[] = [];
  const skipped: SkippedFile[] = [];
  const seenDirs = new Set<string>();
  /** A path below `dir`, as join() makes it: join() for the root, which may be written any way; below it, appended. */
  const below = (dir: string, name: string) => (dir === root ? join(root, name) : `${dir}${sep}${name}`);

  // Synchronous on purpose: thousands of small directory reads through the thread pool cost more
  // in waiting than they gain, and a command has nothing else to do meanwhile. A folder's real path
  // is its parent's real path and its name unless a link leads there, so realpath() is asked only
  // for links; paths and relative paths are built by appending names, not by normalising paths.
  function visit(dir: string, dirRel: string, real: string): void {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let read;
    try {
      // A name that is not UTF-8 would come back mangled and could not be opened: see readEntries.
      read = readEntries(dir);
    } catch (error) {
      skipped.push({ path: dir, rel: toPosix(relative(root, dir)), reason: 'unreadable', detail: (error as Error).message });
      return;
    }
    const { entries, names } = read;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const name = names ? names[i] : (entry.name as string);
      if (name === undefined) {
        const bytes = entry.name as Buffer;
        const shown = escapedName(bytes);
        const isYaml = /\.ya?ml$/i.test(bytes.toString('latin1'));
        if (entry.isDirectory() || isYaml) {
          const path = join(dir, shown);
          skipped.push({ path, rel: toPosix(relative(root, path)), reason: 'name-encoding', detail: entry.isDirectory() ? 'folder' : 'file' });
        }
        continue;
      }
      if (isNeverDocument(name)) continue;
      const path = below(dir, name);
      const rel = dirRel === '' ? name : `${dirRel}/${name}`;
      // A folder glob leaves out the folder itself; other globs may match only with the slash.
      if (ignored(rel) || (!ignored.foldersOnly && ignored(`${rel}/`))) continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch (error) {
          if (/\.ya?ml$/i.test(name)) {
            skipped.push({ path, rel, reason: 'unreadable', detail: say('danglingLink') });
          }
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (/\.ya?ml$/i.test(name) || statSync(target).isDirectory()) {
            skipped.push({ path, rel, reason: 'outside-workspace', detail: target });
          }
          continue;
        }
        const info = statSync(target);
        if (info.isDirectory()) visit(path, rel, target);
        else if (info.isFile() && /\.ya?ml$/i.test(name)) files.push({ path, rel });
        continue;
      }
      if (entry.isDirectory()) visit(path, rel, real.endsWith(sep) ? `${real}${name}` : `${real}${sep}${name}`);
      else if (entry.isFile() && /\.ya?ml$/i.test(name)) files.push({ path, rel });
    }
  }

  visit(root, '', realRoot);
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped };
}

/** True if `path` is a file or folder (checked without following a final symbolic link). */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
