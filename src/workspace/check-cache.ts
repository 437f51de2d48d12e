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
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayIn } from '../model/dates.js';
import { fileAttachments, locateAttachment } from '../model/attachments.js';
import type { MeetingDoc } from '../model/index.js';
import type { Finding } from '../rules/types.js';
import { cacheDir, hashOf, readCacheFile, writeCacheFile } from './cache-dir.js';
import { CONFIG_FILE } from './discover.js';
import type { ListedFile } from './files.js';
import { diskSource, type FileSource } from './load.js';
import type { Workspace } from './types.js';

/** What a check tells validate: the same whether it ran or came from the cache. */
export interface CheckOutcome {
  findings: Finding[];
  /** Every file read, with the kind of its first document. */
  files: Array<{ path: string; kind?: string }>;
  /** The text of each file as checked, without a byte-order mark. */
  texts: Map<string, string>;
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
  listing: string;
  contents: string;
  head: string;
  attachments: Array<[string, string]>;
  outcome: { findings: Finding[]; files: Array<{ path: string; kind?: string }> };
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
    for (const rel of readdirSync(folder, { recursive: true }).map(String).sort()) {
      const info = statSync(join(folder, rel), { throwIfNoEntry: false });
      if (info?.isFile()) parts.push(`${rel} ${info.size} ${info.mtimeMs}`);
    }
  }
  stamp = hashOf(parts);
  return stamp;
}

/** The commit the repository holding `root` is at, read from its files; 'none' outside one. */
function gitHead(root: string): string {
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
  const states: Array<[string, string]> = [];
  for (const doc of workspace.documents) {
    if (doc.kind !== 'meeting' || !doc.valid) continue;
    for (const a of fileAttachments(doc.data as MeetingDoc, doc.file.rel)) states.push([a.rel, JSON.stringify(await locateAttachment(workspace.root, a.rel))]);
  }
  return states;
}

function listingText(files: readonly ListedFile[], skipped: readonly unknown[]): string {
  return JSON.stringify([files.map((f) => f.rel), skipped]);
}

/** What reading a file gave: its bytes, its size when too large to read, or why it could not be read. */
type Read = { bytes?: Buffer; size: number } | string;

async function readOf(source: FileSource, listed: ListedFile): Promise<Read> {
  try {
    return await source.read(listed);
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code ?? error);
  }
}

/** A read as hashed: the bytes, or the size of a file too large to read, or the error. */
function partOf(read: Read | undefined): string | Buffer {
  return read === undefined ? 'none' : typeof read === 'string' ? `error ${read}` : (read.bytes ?? `size ${read.size}`);
}

/** The hash of the documents' contents, in the listing's order (samverkan.yaml apart). */
function contentsHash(files: readonly ListedFile[], reads: ReadonlyMap<string, Read>): string {
  return hashOf(files.filter((f) => f.rel !== CONFIG_FILE).flatMap((f) => [f.rel, partOf(reads.get(f.rel))]));
}

/** A source that remembers what the loader asked and got, to make the entry from. */
function recordingSource(root: string): { source: FileSource; seen: { listOptions?: Entry['listOptions']; files?: ListedFile[]; skipped?: unknown[]; reads: Map<string, Read> } } {
  const disk = diskSource(root);
  const seen: ReturnType<typeof recordingSource>['seen'] = { reads: new Map() };
  const source: FileSource = {
    root,
    config: disk.config,
    list: async (options) => {
      const listed = await disk.list(options);
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

function entryName(root: string): string {
  return `check-${hashOf([root]).slice(0, 32)}.json`;
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
async function lookup(root: string, setting: string, asOf: string | undefined, dir: string): Promise<CheckOutcome | undefined> {
  const name = entryName(root);
  const body = readCacheFile(dir, name, 'check');
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
  const config = configListed ? await readOf(disk, configListed) : undefined;
  if (entry.config !== hashOf(['config', partOf(config)])) return undefined;
  const listed = await disk.list(entry.listOptions);
  if (entry.listing !== listingText(listed.files, listed.skipped)) return undefined;
  const documents = listed.files.filter((f) => f.rel !== CONFIG_FILE);
  const reads = new Map(await Promise.all(documents.map(async (f): Promise<[string, Read]> => [f.rel, await readOf(disk, f)])));
  if (entry.contents !== contentsHash(documents, reads)) return undefined;
  if (entry.head !== gitHead(root)) return undefined;
  for (const [rel, state] of entry.attachments) if (JSON.stringify(await locateAttachment(root, rel)) !== state) return undefined;
  const bytes = new Map(documents.map((f) => [f.path, reads.get(f.rel)]));
  if (configListed) bytes.set(configListed.path, config);
  const texts = new Map<string, string>();
  for (const file of entry.outcome.files) {
    const read = bytes.get(file.path);
    if (read !== undefined && typeof read !== 'string' && read.bytes) texts.set(file.path, textOf(read.bytes));
  }
  return { findings: entry.outcome.findings, files: entry.outcome.files, texts };
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
  if (options.useCache) {
    const kept = await lookup(root, setting, options.asOf, dir);
    if (kept) return kept;
  }
  const { source, seen } = recordingSource(root);
  const day = (workspace: Workspace) => options.asOf ?? todayIn(workspace.config.timezone);
  const { workspace, findings } = await check(source, day);
  const files = workspace.files.map((f) => ({ path: f.path, kind: f.documents.find((d) => d.kind)?.kind }));
  const texts = new Map(workspace.files.map((f) => [f.path, f.text]));
  if (options.useCache && seen.files && seen.listOptions) {
    const entry: Entry = {
      root,
      setting,
      asOf: day(workspace),
      asOfGiven: options.asOf !== undefined,
      timezone: workspace.config.timezone,
      config: hashOf(['config', partOf(seen.reads.get(CONFIG_FILE))]),
      listOptions: seen.listOptions,
      listing: listingText(seen.files, seen.skipped ?? []),
      contents: contentsHash(seen.files, seen.reads),
      head: gitHead(root),
      attachments: await attachmentStates(workspace),
      outcome: { findings, files },
    };
    writeCacheFile(dir, entryName(root), 'check', JSON.stringify(entry));
  }
  return { findings, files, texts };
}
