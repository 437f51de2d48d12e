/**
 * The result of a check, kept in the user's cache folder so that a run on an unchanged workspace
 * answers at once (an editor checks on every save, CI on every push). The entry is kept per
 * workspace folder and holds everything its findings depend on; a run uses it only if all of it
 * is the same now:
 *
 * - the tool itself (its version and the files it runs from, so a rebuilt tool checks afresh),
 *   the language of the messages, and the day checked for (--as-of, or today: overdue depends on it);
 * - samverkan.yaml, the listing of the workspace (every file, and every one left out and why),
 *   and the content of every file, byte for byte;
 * - the files that meetings attach (missing, a file, a folder, a link out), and the commit the
 *   repository is at, which the rule on adjusted minutes reads the history from.
 *
 * A missing, truncated, foreign or hand-edited entry is ignored (cache-dir.ts checks its hash),
 * and one that fails any of the checks above is replaced by the next check's. The check that
 * runs on a miss reads the files once, through the same source the key is made from.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../model/dates.js';
import type { MeetingDoc } from '../model/index.js';
import type { Finding } from '../rules/types.js';
import { cacheDir, hashOf, readCacheFile, writeCacheFile } from './cache-dir.js';
import { CONFIG_FILE } from './discover.js';
import type { ListedFile } from './files.js';
import { diskSource, readFileBytes, type FileSource } from './source.js';
import type { Workspace } from './types.js';

/** What a check tells validate: the same whether it ran or came from the cache. */
export interface CheckOutcome {
  findings: Finding[];
  /** Every file read, with the kind of its first document. */
  files: Array<{ path: string; kind?: string }>;
  /** The text of a file as checked, without a byte-order mark (for reports that quote it). */
  text(path: string): string | undefined;
}

interface Entry {
  root: string;
  /** Tool, language and the day checked for. */
  setting: string;
  asOf: string;
  /** Whether the day was given (--as-of) or was today in the workspace's time zone. */
  asOfGiven: boolean;
  timezone: string;
  config: string;
  listOptions: { output?: string; ignore?: readonly string[] };
  /** Hash of the listing: every file's path, and every one left out and why. */
  listing: string;
  /** When the check began to read the files (ms since 1970). */
  readAt: number;
  /**
   * Every document file (samverkan.yaml apart) in listing order: hash of its bytes, and its stat
   * then. Its path is the listing's, which is the same when the listing's hash is.
   */
  documents: Array<[hash: string, size: number, mtimeMs: number, ctimeMs: number, ino: number]>;
  head: string;
  attachments: Array<[string, string]>;
  /** The findings, and every file read (its path as keptPath writes it) with the kind of its first document. */
  outcome: { findings: Finding[]; files: Array<[path: string, kind?: string]> };
}

let stamp: string | undefined;

/**
 * The tool as it runs: its version and every file of the folder it runs from (dist/ or src/) and
 * of the schemas, by size and time of change, so a rebuild or an edit of a rule checks afresh.
 */
function toolStamp(): string {
  if (stamp) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const code = dirname(here);
  const parts: string[] = [readFileSync(join(code, '..', 'package.json'), 'utf8')];
  for (const folder of [code, join(code, '..', 'src', 'schema')]) {
    // The code and the schemas; not type declarations or source maps, which change nothing that runs.
    for (const rel of codeFiles(folder).sort()) {
      const info = statSync(join(folder, rel), { throwIfNoEntry: false });
      if (info?.isFile()) parts.push(`${rel} ${info.size} ${info.mtimeMs}`);
    }
  }
  stamp = hashOf(parts);
  return stamp;
}

/**
 * The .js, .ts and .json files below `folder` but type declarations, relative to it. Walked by
 * hand: readdir's recursive mode normalises and stats every path it finds, 12 ms of CPU for the
 * 340 files of dist/, which every run answered from the cache paid. Links are not followed.
 */
function codeFiles(folder: string, below = '', found: string[] = []): string[] {
  for (const entry of readdirSync(below ? join(folder, below) : folder, { withFileTypes: true })) {
    const rel = below ? `${below}${sep}${entry.name}` : entry.name;
    if (entry.isDirectory()) codeFiles(folder, rel, found);
    else if (/\.(?:js|ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(rel);
  }
  return found;
}

/**
 * The commit the repository holding `root` is at, read from its files; 'none' outside one. A
 * .git that cannot be read as a repository is named as such: the rule reading history finds none.
 */
function gitHead(root: string): string {
  try {
    return readGitHead(root);
  } catch (error) {
    return `unreadable ${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

function readGitHead(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    const info = statSync(dotGit, { throwIfNoEntry: false });
    if (info) {
      let gitDir = dotGit;
      if (info.isFile()) {
        const pointer = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
        if (!pointer) return 'unknown';
        gitDir = isAbsolute(pointer) ? pointer : resolve(dir, pointer);
      }
      const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
      const ref = /^ref: (.+)$/.exec(head)?.[1];
      if (!ref) return head;
      // A linked worktree keeps its branches in the common folder.
      const common = statSync(join(gitDir, 'commondir'), { throwIfNoEntry: false }) ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim()) : gitDir;
      for (const base of [gitDir, common]) {
        const loose = statSync(join(base, ref), { throwIfNoEntry: false });
        if (loose?.isFile()) return `${ref} ${readFileSync(join(base, ref), 'utf8').trim()}`;
      }
      const packed = statSync(join(common, 'packed-refs'), { throwIfNoEntry: false }) ? readFileSync(join(common, 'packed-refs'), 'utf8') : '';
      const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
      // A branch without commits yet: its name is what there is to compare.
      return `${ref} ${line?.split(' ')[0] ?? 'unborn'}`;
    }
    if (dirname(dir) === dir) return 'none';
  }
}

/** The state of every file the valid meetings attach, by path relative to the workspace. */
async function attachmentStates(workspace: Workspace): Promise<Array<[string, string]>> {
  const { fileAttachments, locateAttachment } = await import('../model/attachments.js');
  const states: Array<[string, string]> = [];
  for (const doc of workspace.documents) {
    if (doc.kind !== 'meeting' || !doc.valid) continue;
    for (const a of fileAttachments(doc.data as MeetingDoc, doc.file.rel)) states.push([a.rel, JSON.stringify(await locateAttachment(workspace.root, a.rel))]);
  }
  return states;
}

/** The listing as the entry keeps it: a hash, since only whether it is the same matters. */
function listingHash(files: readonly ListedFile[], skipped: readonly unknown[]): string {
  return hashOf([JSON.stringify([files.map((f) => f.rel), skipped])]);
}

/** What reading a file gave: its bytes, its size when too large to read, or why it could not be read. */
type Read = { bytes?: Buffer; size: number; stat?: Stats } | string;

/** What reading a file gives now: its bytes (or size), or the code of the error. */
function readNow(listed: ListedFile): Read {
  try {
    return readFileBytes(listed.path);
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code ?? error);
  }
}

/** A read as hashed: the bytes, or the size of a file too large to read, or the error. */
function partOf(read: Read | undefined): string | Buffer {
  return read === undefined ? 'none' : typeof read === 'string' ? `error ${read}` : (read.bytes ?? `size ${read.size}`);
}

/**
 * How long before the check began to read a file must have last changed for its stat to vouch for
 * its content: a file changed while or after it was read, or within a coarse file system's
 * timestamp step of that, is always read and hashed again.
 */
const RACY_MS = 2000;

/**
 * True if every document file has the content the entry was made from. A file whose size, times
 * and inode are those it had when the entry was made, and that had not changed for a while before
 * the check read it, has not been written since (its ctime would have moved, and nobody can set
 * that); any other file is read and its bytes hashed. This is git's index check, and spares a
 * re-run reading thousands of files.
 */
function sameDocuments(entry: Entry, documents: readonly ListedFile[]): boolean {
  if (entry.documents.length !== documents.length) return false;
  const options = { throwIfNoEntry: false } as const;
  const before = entry.readAt - RACY_MS;
  for (let i = 0; i < documents.length; i++) {
    const file = documents[i];
    // Read by index, not destructured: this runs once per file, mostly before the code is optimised.
    const kept = entry.documents[i];
    const info = statSync(file.path, options);
    const vouched = info !== undefined && info.isFile() && info.size === kept[1] && info.mtimeMs === kept[2] && info.ctimeMs === kept[3] && info.ino === kept[4] && kept[3] < before;
    if (!vouched && hashOf([partOf(readNow(file))]) !== kept[0]) return false;
  }
  return true;
}

/** A listing the lookup made, with the options it was made with. */
interface Listing {
  options: Entry['listOptions'];
  result: Awaited<ReturnType<FileSource['list']>>;
}

const sameListOptions = (a: Entry['listOptions'], b: Entry['listOptions']): boolean =>
  a.output === b.output && (a.ignore ?? []).length === (b.ignore ?? []).length && (a.ignore ?? []).every((g, i) => g === b.ignore?.[i]);

/**
 * A source that remembers what the loader asked and got, to make the entry from. `listing`, the
 * lookup's own listing of a moment ago, is given to the loader when it asks with the same options
 * (the entry records that listing, so a file added since is seen by the next run).
 */
function recordingSource(root: string, listing?: Listing): { source: FileSource; seen: { listOptions?: Entry['listOptions']; files?: ListedFile[]; skipped?: unknown[]; reads: Map<string, Read> } } {
  const disk = diskSource(root);
  const seen: ReturnType<typeof recordingSource>['seen'] = { reads: new Map() };
  const source: FileSource = {
    root,
    config: disk.config,
    list: async (options) => {
      const listed = listing && sameListOptions(listing.options, options) ? listing.result : await disk.list(options);
      seen.listOptions = { output: options.output, ignore: options.ignore };
      seen.files = listed.files;
      seen.skipped = listed.skipped;
      return listed;
    },
    read: async (listed) => {
      try {
        const read = await disk.read(listed);
        seen.reads.set(listed.rel, read);
        return read;
      } catch (error) {
        // The loader words the error itself; the entry keeps only what kind it was.
        seen.reads.set(listed.rel, String((error as NodeJS.ErrnoException).code ?? error));
        throw error;
      }
    },
  };
  return { source, seen };
}

/**
 * What a cache file holds, checked when it is read: a file another version of the format wrote is
 * passed over, never misread.
 */
const ENTRY_KEY = 'check-v2';

/** Entries kept at most: one per workspace folder, the least recently written removed first. */
const MAX_ENTRIES = 64;

/** Keeps the cache folder from growing without end when many workspaces (or test folders) are checked. */
function pruneEntries(dir: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((f) => f.startsWith('check-') && f.endsWith('.json'))
      .map((f) => ({ f, at: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
      .sort((a, b) => b.at - a.at);
    for (const { f } of entries.slice(MAX_ENTRIES)) rmSync(join(dir, f), { force: true });
  } catch {
    // Another run may be pruning too; what is left is pruned next time.
  }
}

function entryName(root: string): string {
  return `check-${hashOf([root]).slice(0, 32)}.json`;
}

/**
 * A checked file's path as the entry keeps it: without the workspace's folder, which every one
 * but a file reached through a link out begins with (a third of the entry's size otherwise).
 * NUL, which no path holds, marks a path kept whole; pathOf undoes this exactly.
 */
function keptPath(root: string, path: string): string {
  const folder = root.endsWith(sep) ? root : `${root}${sep}`;
  return path.startsWith(folder) ? path.slice(folder.length) : `\0${path}`;
}

function pathOf(root: string, kept: string): string {
  return kept.startsWith('\0') ? kept.slice(1) : `${root.endsWith(sep) ? root : `${root}${sep}`}${kept}`;
}

/** Text of a file's bytes as the loader makes it: UTF-8, without a byte-order mark. */
function textOf(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The kept outcome for the workspace at `root`, if everything it depends on is the same now;
 * undefined otherwise. Reads samverkan.yaml, the listing and every file, but parses nothing.
 */
async function lookup(root: string, setting: string, asOf: string | undefined, dir: string, probe: { listing?: Listing }): Promise<CheckOutcome | undefined> {
  const name = entryName(root);
  const body = readCacheFile(dir, name, ENTRY_KEY);
  if (body === undefined) return undefined;
  let entry: Entry;
  try {
    entry = JSON.parse(body) as Entry;
  } catch {
    return undefined;
  }
  if (entry.root !== root || entry.setting !== setting) return undefined;
  if (entry.asOf !== (asOf ?? todayIn(entry.timezone)) || entry.asOfGiven !== (asOf !== undefined)) return undefined;
  const disk = diskSource(root);
  const configListed = await disk.config();
  const config = configListed ? readNow(configListed) : undefined;
  if (entry.config !== hashOf(['config', partOf(config)])) return undefined;
  const listed = await disk.list(entry.listOptions);
  probe.listing = { options: entry.listOptions, result: listed };
  if (entry.listing !== listingHash(listed.files, listed.skipped)) return undefined;
  const documents = listed.files.filter((f) => f.rel !== CONFIG_FILE);
  if (!sameDocuments(entry, documents)) return undefined;
  if (entry.head !== gitHead(root)) return undefined;
  if (entry.attachments.length > 0) {
    // Loaded only when there are attachments to look at: with it come the schemas it reads agendas from.
    const { locateAttachment } = await import('../model/attachments.js');
    for (const [rel, state] of entry.attachments) if (JSON.stringify(await locateAttachment(root, rel)) !== state) return undefined;
  }
  const files = entry.outcome.files.map(([kept, kind]): CheckOutcome['files'][number] => (kind === undefined ? { path: pathOf(root, kept) } : { path: pathOf(root, kept), kind }));
  // The texts, which only some reports quote, are read when asked for: they are the ones checked.
  // The tables to find them by are made then too (the stylish report asks for none).
  let byPath: Map<string, ListedFile> | undefined;
  const text = (path: string): string | undefined => {
    if (!byPath) {
      const checked = new Set(files.map((f) => f.path));
      byPath = new Map(listed.files.filter((f) => checked.has(f.path)).map((f) => [f.path, f]));
    }
    const listedFile = byPath.get(path);
    const read = listedFile ? (listedFile.rel === CONFIG_FILE ? config : readNow(listedFile)) : undefined;
    return read !== undefined && typeof read !== 'string' && read.bytes ? textOf(read.bytes) : undefined;
  };
  return { findings: entry.outcome.findings, files, text };
}

/**
 * Checks the workspace at `root` with `check`, or answers from the cache when nothing the answer
 * depends on has changed. `setting` names what else the findings depend on (the language); with
 * `useCache` false the cache is neither read nor written.
 */
export async function checkWithCache(
  root: string,
  options: { asOf?: string; setting: string; useCache: boolean; env?: NodeJS.ProcessEnv },
  check: (source: FileSource, asOf: (workspace: Workspace) => string) => Promise<{ workspace: Workspace; findings: Finding[] }>,
): Promise<CheckOutcome> {
  const dir = cacheDir(options.env);
  const setting = options.useCache ? hashOf([toolStamp(), options.setting]) : '';
  const probe: { listing?: Listing } = {};
  if (options.useCache) {
    const kept = await lookup(root, setting, options.asOf, dir, probe);
    if (kept) return kept;
  }
  const { source, seen } = recordingSource(root, probe.listing);
  const readAt = Date.now();
  const day = (workspace: Workspace) => options.asOf ?? todayIn(workspace.config.timezone);
  const { workspace, findings } = await check(source, day);
  const files = workspace.files.map((f) => ({ path: f.path, kind: f.documents.find((d) => d.kind)?.kind }));
  const texts = new Map(workspace.files.map((f) => [f.path, f.text]));
  const text = (path: string) => texts.get(path);
  if (options.useCache && seen.files && seen.listOptions) {
    const entry: Entry = {
      root,
      setting,
      asOf: day(workspace),
      asOfGiven: options.asOf !== undefined,
      timezone: workspace.config.timezone,
      config: hashOf(['config', partOf(seen.reads.get(CONFIG_FILE))]),
      listOptions: seen.listOptions,
      listing: listingHash(seen.files, seen.skipped ?? []),
      readAt,
      documents: seen.files
        .filter((f) => f.rel !== CONFIG_FILE)
        .map((f) => {
          const read = seen.reads.get(f.rel);
          // The status taken when the file was opened to be read goes with the bytes read: a file
          // written after that has another ctime by the next run, so it is read and hashed again.
          const info = (typeof read === 'object' ? read.stat : undefined) ?? statSync(f.path, { throwIfNoEntry: false });
          return [hashOf([partOf(read)]), info?.size ?? -1, info?.mtimeMs ?? -1, info?.ctimeMs ?? -1, info?.ino ?? -1];
        }),
      head: gitHead(root),
      attachments: await attachmentStates(workspace),
      outcome: { findings, files: files.map((f) => (f.kind === undefined ? [keptPath(root, f.path)] : [keptPath(root, f.path), f.kind])) },
    };
    const name = entryName(root);
    const isNew = !existsSync(join(dir, name));
    writeCacheFile(dir, name, ENTRY_KEY, JSON.stringify(entry));
    if (isNew) pruneEntries(dir);
  }
  return { findings, files, text };
}
