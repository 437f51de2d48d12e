/**
 * Which files of a workspace are documents: every *.yaml / *.yml below the root, except the
 * folders and files of tools (NEVER_DOCUMENTS), the output folder and the paths listed in `ignore:`.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
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

/** True if a folder or file with this name is never a document (see NEVER_DOCUMENTS). */
export function isNeverDocument(name: string): boolean {
  return NEVER_DOCUMENTS.some((n) => (n.endsWith('*') ? name.startsWith(n.slice(0, -1)) : name === n));
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

/** The matcher of the paths (relative, with forward slashes) that `ignore:` and the output folder leave out. */
function ignoredBy(options: { output?: string; ignore?: readonly string[] }): (rel: string) => boolean {
  return picomatch([...(options.ignore ?? []), ...(options.output ? [`${options.output.replace(/\/+$/, '')}/**`] : [])], { dot: true });
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
  const output = options.output ? picomatch(`${options.output.replace(/\/+$/, '')}/**`, { dot: true }) : () => false;
  if (output(rel)) return say('inOutput', { folder: options.output });
  const ignored = ignoredBy(options);
  // listDocumentFiles leaves out a folder that matches, and everything in it.
  const left = parts.some((_, i) => {
    const prefix = parts.slice(0, i + 1).join('/');
    return ignored(prefix) || ignored(`${prefix}/`);
  });
  return left ? say('ignored', { file: CONFIG_FILE }) : undefined;
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

  // Synchronous on purpose: thousands of small directory reads through the thread pool cost more
  // in waiting than they gain, and a command has nothing else to do meanwhile.
  function visit(dir: string): void {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      // As bytes: a name that is not UTF-8 would otherwise come back mangled and could not be opened.
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      skipped.push({ path: dir, rel: toPosix(relative(root, dir)), reason: 'unreadable', detail: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const name = decodeName(entry.name);
      if (name === undefined) {
        const shown = escapedName(entry.name);
        const isYaml = /\.ya?ml$/i.test(entry.name.toString('latin1'));
        if (entry.isDirectory() || isYaml) {
          const path = join(dir, shown);
          skipped.push({ path, rel: toPosix(relative(root, path)), reason: 'name-encoding', detail: entry.isDirectory() ? 'folder' : 'file' });
        }
        continue;
      }
      if (isNeverDocument(name)) continue;
      const path = join(dir, name);
      const rel = toPosix(relative(root, path));
      if (ignored(rel) || ignored(`${rel}/`)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
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
        isDir = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDir) visit(path);
      else if (isFile && /\.ya?ml$/i.test(name)) files.push({ path, rel });
    }
  }

  visit(root);
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
