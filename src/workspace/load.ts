/**
 * Loading a workspace: find its files, read and parse every YAML document with its source
 * positions, and build the id index. Problems with files (unreadable, binary, too large, not
 * valid YAML) become findings; nothing here throws for a bad file.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import type { Document, LineCounter } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import { isKind } from '../model/index.js';
import { normaliseAliases } from '../schema/aliases.js';
import { isTimeZone } from '../schema/index.js';
import { CONFIG_FILE, findWorkspaceRoot } from './discover.js';
import { toPosix, type ListedFile } from './files.js';
import { diskSource, MAX_FILE_BYTES, type FileSource } from './source.js';
import { buildIdIndex } from './id-index.js';
import { locate, markFastRead, spanOfOffsets, type Span } from './locate.js';
import type { LoadProblem, SourceDocument, SourceFile, Workspace } from './types.js';
import type { Params } from '../i18n/messages.js';
import { loadProblem, type LoadWords } from './load-messages.js';
import { problemsFromYamlErrors } from './yaml-errors.js';
import { claim, fastParse, HERE, SLOW, type ParseAnswer, type ParseJob } from './fast-parse.js';

/** Aliases (*name) allowed per document; a "billion laughs" file needs far more. */
export const MAX_ALIAS_COUNT = 100;

export interface LoadOptions {
  /** Folder to start from; the workspace is found by walking up. */
  cwd?: string;
  /** The -C option: this folder (relative to `cwd` if given) must be the workspace root. */
  dir?: string;
  /** Threads to parse in (see loadWorkspaceFrom); 'auto' unless given. */
  workers?: number | 'auto';
}

const FIRST: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function looksBinary(bytes: Buffer): boolean {
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return true;
  return !isUtf8(bytes);
}


const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq']);

/** True for the tags of plain values: !!str … !!seq, also written out as !<tag:yaml.org,2002:str>. */
function isCoreTag(source: string): boolean {
  const name = source.startsWith('!!') ? source.slice(2) : /^!<tag:yaml\.org,2002:([a-z]+)>$/.exec(source)?.[1];
  return name !== undefined && CORE_TAGS.has(name);
}

interface Marker {
  type: 'tag' | 'directive';
  offset: number;
  source: string;
}

/** Every tag and directive in the text, read from the parser's concrete syntax tree. */
function tagsAndDirectives(text: string): Marker[] {
  const found: Marker[] = [];
  const walk = (token: unknown, depth: number): void => {
    // The tree nests one level per collection; the parser itself limits how deep a file can go.
    if (depth > 10_000) return;
    if (Array.isArray(token)) {
      for (const t of token) walk(t, depth + 1);
      return;
    }
    if (typeof token !== 'object' || token === null) return;
    const t = token as { type?: unknown; offset?: unknown; source?: unknown };
    if ((t.type === 'tag' || t.type === 'directive') && typeof t.offset === 'number' && typeof t.source === 'string') {
      found.push({ type: t.type, offset: t.offset, source: t.source });
    }
    for (const value of Object.values(token)) if (typeof value === 'object') walk(value, depth + 1);
  };
  for (const token of new (yamlPackage().Parser)().parse(text)) walk(token, 0);
  return found.filter((m) => m.type === 'directive' || !isCoreTag(m.source));
}

function problemFromMarker(file: SourceFile, marker: Marker): LoadProblem {
  const span = spanOfOffsets(file.lineCounter, marker.offset, marker.offset + marker.source.length);
  const shown = marker.source.length > 60 ? `${marker.source.slice(0, 60)}…` : marker.source;
  return marker.type === 'tag'
    ? loadProblem('yaml/unsupported-tag', file.path, span, 'tag', { tag: shown })
    : loadProblem('yaml/unsupported-tag', file.path, span, 'directive', { directive: shown });
}

/** The options of the position-keeping parse; the lazy parse of a fast-read file uses the same. */
const POSITION_PARSE = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** Where each line of `text` starts, as the yaml parser's LineCounter would have recorded it. */
function countLines(text: string): LineCounter {
  const lineCounter = new (yamlPackage().LineCounter)();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

/**
 * A file the fast parse read: its one document's data now, its line starts and syntax tree when
 * first asked for (a finding's position, an edit, a render), from the same parse the slow path
 * runs, so positions are the same as if the file had been read that way.
 */
function fastReadFile(path: string, rel: string, text: string, hadBom: boolean, data: Record<string, unknown>): SourceFile {
  const file = { path, rel, text, hadBom, documents: [] } as unknown as SourceFile;
  let lineCounter: LineCounter | undefined;
  Object.defineProperty(file, 'lineCounter', {
    enumerable: true,
    configurable: true,
    get: () => (lineCounter ??= countLines(text)),
    set: (value: LineCounter) => (lineCounter = value),
  });
  const doc = { file, index: 0, data, valid: false } as unknown as SourceDocument;
  let tree: Document.Parsed | undefined;
  Object.defineProperty(doc, 'yaml', {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= yamlPackage().parseAllDocuments(text, POSITION_PARSE)[0] as Document.Parsed),
    set: (value: Document.Parsed) => (tree = value),
  });
  if (isKind(data.kind)) {
    doc.kind = data.kind;
    normaliseAliases(data.kind, data);
  }
  file.documents.push(doc);
  markFastRead(doc, text);
  return file;
}

/** Parses one file's text into its documents. Exported for the editing commands and tests. */
export function parseSource(path: string, rel: string, rawText: string): { file: SourceFile; problems: LoadProblem[] } {
  const hadBom = rawText.charCodeAt(0) === 0xfeff;
  const text = hadBom ? rawText.slice(1) : rawText;
  // Most files are plain data with no finding: read them fast, and keep positions for later.
  return parsedSource(path, rel, text, hadBom, fastParse(text));
}

/** parseSource with the fast parse's answer given (from a worker thread): its data, or undefined for the slow path. */
function parsedSource(path: string, rel: string, text: string, hadBom: boolean, fast: Record<string, unknown> | undefined): { file: SourceFile; problems: LoadProblem[] } {
  if (fast !== undefined) return { file: fastReadFile(path, rel, text, hadBom, fast), problems: [] };
  return slowParse(path, rel, text, hadBom);
}

/** From this many files `workers: 'auto'` parses in worker threads. */
const AUTO_WORKERS_FROM = 400;

/**
 * The worker threads for `requested` (a count, or 'auto') and this many files, started at once so
 * that they load while the files are read. 'auto' takes one thread per core, this one included, up
 * to four, from AUTO_WORKERS_FROM files on. The machine's load is not asked: the threads share the
 * files as they go (readAndParse), so a worker that gets little time on a busy machine parses little
 * and this thread the rest, while on an idle one each takes its share. From the sources (tests)
 * there is no worker script, and there are no workers.
 */
function startWorkers(requested: number | 'auto', files: number): Worker[] {
  const threads = requested === 'auto' ? (files >= AUTO_WORKERS_FROM ? Math.min(availableParallelism(), 4) : 1) : requested;
  const script = new URL('./parse-worker.js', import.meta.url);
  if (threads <= 1 || !existsSync(fileURLToPath(script))) return [];
  const pool: Worker[] = [];
  for (let w = 1; w < threads; w++) {
    try {
      const worker = new Worker(script);
      // A worker never keeps the process alive, and one that failed to start is simply not used.
      worker.unref();
      worker.on('error', () => {});
      pool.push(worker);
    } catch {
      break;
    }
  }
  return pool;
}

/** A share of the bytes of `reads` for the workers: end to end in shared memory, and where each ends. */
function jobOf(reads: readonly Buffer[], threads: number, offset: number): ParseJob {
  const ends = new Int32Array(new SharedArrayBuffer(4 * reads.length));
  let total = 0;
  reads.forEach((bytes, k) => (ends[k] = total += bytes.length));
  const bytes = new SharedArrayBuffer(total);
  const view = new Uint8Array(bytes);
  reads.forEach((b, k) => view.set(b, k === 0 ? 0 : ends[k - 1]));
  return { bytes, ends, next: new Int32Array(new SharedArrayBuffer(4)), threads, offset };
}

/**
 * Reads and parses the document files. With workers, the files are read in batches and each batch
 * is sent to the workers as soon as it is read, so they parse while this thread reads on; then
 * this thread and the workers take the next few files off each batch's shared counter until none
 * are left. A worker sends back each file's data as JSON, or that the file takes the slow path.
 * Everything else (the slow path, the problems, the files' objects) happens here, so the result is
 * the same with any number of workers, and a file a worker took but never answered for (it
 * failed) is parsed here.
 */
async function readAndParse(
  files: readonly ListedFile[],
  readOne: (listed: ListedFile) => Promise<{ text: string; bytes: Buffer } | { problems: LoadProblem[] }>,
  pool: readonly Worker[],
): Promise<Array<{ file?: SourceFile; problems: LoadProblem[] }>> {
  const results: Array<{ file?: SourceFile; problems: LoadProblem[] } | undefined> = new Array(files.length).fill(undefined);
  // The files that have a text, in order: the k-th is files[indices[k]].
  const indices: number[] = [];
  const texts: string[] = [];
  const here = (k: number) => {
    const i = indices[k];
    results[i] = parseSource(files[i].path, files[i].rel, texts[k]);
  };
  const answered: Array<string | typeof SLOW | typeof HERE | undefined> = [];
  /** The k-th file from a worker's answer; a file it did not answer for (it failed) is parsed here. */
  const fromAnswer = (k: number) => {
    const i = indices[k];
    if (results[i] !== undefined) return;
    const answer = answered[k];
    const raw = texts[k];
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (typeof answer === 'string') results[i] = parsedSource(files[i].path, files[i].rel, text, text !== raw, JSON.parse(answer) as Record<string, unknown>);
    else if (answer === SLOW) results[i] = slowParse(files[i].path, files[i].rel, text, text !== raw);
    else here(k);
  };
  let answers = 0;
  let parsedHere = 0;
  let running = pool.length;
  let allRead = false;
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const check = () => {
    if (allRead && (answers + parsedHere === indices.length || running === 0)) settle();
  };
  for (const worker of pool) {
    let ended = false;
    const end = () => {
      if (!ended) running--;
      ended = true;
      check();
    };
    worker.on('message', (answer: ParseAnswer) => {
      answer.answers.forEach((a, j) => {
        answered[answer.start + j] = a;
        // Made into the file's object at once, while the workers still parse: left to the end,
        // this is work for this thread alone while they wait.
        fromAnswer(answer.start + j);
      });
      answers += answer.answers.length;
      check();
    });
    worker.once('error', end);
    worker.once('exit', end);
  }
  const jobs: ParseJob[] = [];
  // Eight batches: the first reaches the workers after an eighth of the reading.
  const batch = pool.length > 0 ? Math.max(64, Math.ceil(files.length / 8)) : Math.max(1, files.length);
  for (let from = 0; from < files.length; from += batch) {
    const reads = await Promise.all(files.slice(from, from + batch).map(readOne));
    const offset = indices.length;
    const bytes: Buffer[] = [];
    reads.forEach((read, j) => {
      if (!('text' in read)) {
        results[from + j] = read;
        return;
      }
      indices.push(from + j);
      texts.push(read.text);
      bytes.push(read.bytes);
    });
    if (pool.length === 0 || bytes.length === 0) continue;
    const job = jobOf(bytes, pool.length + 1, offset);
    jobs.push(job);
    for (const worker of pool) {
      try {
        worker.postMessage(job);
      } catch {
        // A worker that cannot take the job takes none: this thread parses what it leaves.
      }
    }
  }
  if (pool.length === 0) {
    for (let k = 0; k < indices.length; k++) here(k);
    return results as Array<{ file?: SourceFile; problems: LoadProblem[] }>;
  }
  for (const job of jobs) {
    for (let share = claim(job); share !== undefined; share = claim(job)) {
      const [start, stop] = share;
      for (let k = job.offset + start; k < job.offset + stop; k++) here(k);
      parsedHere += stop - start;
      // Lets the workers' answers in between shares (see the message handler above).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  allRead = true;
  check();
  await settled;
  for (const worker of pool) void worker.terminate();
  for (let k = 0; k < indices.length; k++) fromAnswer(k);
  return results as Array<{ file?: SourceFile; problems: LoadProblem[] }>;
}

/**
 * parseSource without the fast parse: every document read with its positions, as every file was
 * before the fast parse. Exported so tests can hold the fast parse to it.
 */
export function parseSourceSlowly(path: string, rel: string, rawText: string): { file: SourceFile; problems: LoadProblem[] } {
  const hadBom = rawText.charCodeAt(0) === 0xfeff;
  return slowParse(path, rel, hadBom ? rawText.slice(1) : rawText, hadBom);
}

/** The position-keeping parse of every document, with every problem the file has. */
function slowParse(path: string, rel: string, text: string, hadBom: boolean): { file: SourceFile; problems: LoadProblem[] } {
  const lineCounter = new (yamlPackage().LineCounter)();
  const file: SourceFile = { path, rel, text, hadBom, lineCounter, documents: [] };
  const problems: LoadProblem[] = [];
  const parsed = yamlPackage().parseAllDocuments(text, { lineCounter, ...POSITION_PARSE });
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length === 0) {
    problems.push(loadProblem('file/empty', path, FIRST, 'empty'));
  }
  // Tags and directives can turn a value into something other than plain data (a Buffer, a
  // Set, another YAML version's booleans), so a document that has one is not read at all.
  // Only a text that could hold one is parsed a second time: a tag follows a space or a flow
  // indicator, a directive starts a line.
  const markers = /(?:^|[\s[{,:-])!|^%/m.test(text) ? tagsAndDirectives(text) : [];
  docs.forEach((yaml, index) => {
    problems.push(...problemsFromYamlErrors(file, yaml.errors));
    const doc: SourceDocument = { file, index, yaml: yaml as Document.Parsed, data: undefined, valid: false };
    file.documents.push(doc);
    const end = yaml.range?.[2] ?? text.length;
    const previousEnd = index === 0 ? 0 : (docs[index - 1].range?.[2] ?? 0);
    const own = markers.filter((m) => m.offset >= previousEnd && (m.offset < end || index === docs.length - 1));
    for (const marker of own) problems.push(problemFromMarker(file, marker));
    if (yaml.errors.length > 0 || own.length > 0) return;
    try {
      doc.data = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // An alias that names no anchor (*x without &x above) is a slip in the text, not a bomb.
      const alias = /^Unresolved alias.*: (.+)$/.exec((error as Error).message)?.[1];
      const at = alias === undefined ? -1 : text.indexOf(`*${alias}`, yaml.range?.[0] ?? 0);
      problems.push(
        at >= 0
          ? loadProblem('yaml/syntax', path, spanOfOffsets(lineCounter, at, at + alias!.length + 1), 'unknownAlias', { alias, line: lineCounter.linePos(at).line })
          : loadProblem('yaml/too-many-aliases', path, locate(yaml, lineCounter, []), 'tooManyAliases', { limit: MAX_ALIAS_COUNT }),
      );
      return;
    }
    if (doc.data === null || doc.data === undefined) {
      if (docs.length === 1) {
        problems.push(loadProblem('file/empty', path, locate(yaml, lineCounter, []), 'onlyComments'));
      }
      return;
    }
    const kind = (doc.data as Record<string, unknown> | undefined)?.kind;
    if (isKind(kind)) {
      doc.kind = kind;
      // Swedish spellings (status: pågående) become the values every rule and render knows.
      normaliseAliases(kind, doc.data);
    }
  });
  return { file, problems };
}

/** A file's text, or the problems that keep it from being parsed (unreadable, too large, binary). */
async function readText(listed: ListedFile, source: FileSource): Promise<{ text: string; bytes: Buffer } | { problems: LoadProblem[] }> {
  const fail = (ruleId: string, key: LoadWords, params: Params = {}) => ({
    problems: [loadProblem(ruleId, listed.path, FIRST, key, params)],
  });
  let read;
  try {
    read = await source.read(listed);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return fail('file/unreadable', 'unreadableDenied');
    if (code === 'EISDIR') return fail('file/unreadable', 'unreadableFolder');
    return fail('file/unreadable', 'unreadable', { why: (error as Error).message });
  }
  if (!read.bytes) {
    const mb = (read.size / 1024 / 1024).toFixed(1);
    return fail('file/too-large', 'tooLarge', { mb, limit: MAX_FILE_BYTES / 1024 / 1024 });
  }
  if (looksBinary(read.bytes)) {
    return fail('file/binary', 'binary');
  }
  return { text: read.bytes.toString('utf8'), bytes: read.bytes };
}

async function loadFile(listed: ListedFile, source: FileSource): Promise<{ file?: SourceFile; problems: LoadProblem[] }> {
  const read = await readText(listed, source);
  return 'text' in read ? parseSource(listed.path, listed.rel, read.text) : read;
}

/** Loads the workspace: every document file, parsed, with the id index built. */
export async function loadWorkspace(options: LoadOptions = {}): Promise<Workspace> {
  const cwd = options.cwd ?? process.cwd();
  const root = await findWorkspaceRoot(options.dir !== undefined ? resolve(cwd, options.dir) : cwd, options.dir !== undefined);
  return loadWorkspaceFrom(diskSource(root), { workers: options.workers ?? 'auto' });
}

/** Loads a workspace from its files wherever they come from (the working tree, a git revision). */
export async function loadWorkspaceFrom(source: FileSource, options: { workers?: number | 'auto' } = {}): Promise<Workspace> {
  const { root } = source;
  const problems: LoadProblem[] = [];

  const configListed = await source.config();
  const configLoad: { file?: SourceFile; problems: LoadProblem[] } = configListed ? await loadFile(configListed, source) : { problems: [] };
  problems.push(...configLoad.problems);
  const configDoc = configLoad.file?.documents[0]?.data;
  const raw = (configDoc && typeof configDoc === 'object' && !Array.isArray(configDoc) ? configDoc : {}) as Record<string, unknown>;
  const str = (v: unknown, fallback: string) => (typeof v === 'string' && v.length > 0 ? v : fallback);
  const config: Workspace['config'] = {
    ...(raw as object),
    kind: 'workspace',
    name: str(raw.name, 'samverkan'),
    language: raw.language === 'en' ? 'en' : 'sv',
    // An unknown zone stops the check (checkConfig); until then, loading gets a zone that works.
    timezone: typeof raw.timezone === 'string' && isTimeZone(raw.timezone) ? raw.timezone : 'Europe/Stockholm',
    output: str(raw.output, 'out'),
    ignore: Array.isArray(raw.ignore) ? raw.ignore.filter((p): p is string => typeof p === 'string') : [],
  } as Workspace['config'];

  const listing = await source.list({ output: config.output, ignore: config.ignore });
  for (const skipped of listing.skipped) {
    problems.push(
      skipped.reason === 'name-encoding'
        ? loadProblem('file/name-encoding', skipped.path, FIRST, skipped.detail === 'folder' ? 'folderNameEncoding' : 'fileNameEncoding')
        : skipped.reason === 'outside-workspace'
          ? loadProblem('file/outside-workspace', skipped.path, FIRST, 'outsideWorkspace', { target: skipped.detail })
          : loadProblem('file/unreadable', skipped.path, FIRST, 'skippedUnreadable', { why: skipped.detail }),
    );
  }

  const files: SourceFile[] = [];
  if (configLoad.file) files.push(configLoad.file);
  const documentFiles = listing.files.filter((f) => f.rel !== CONFIG_FILE);
  const pool = startWorkers(options.workers ?? 1, documentFiles.length);
  const loaded = await readAndParse(documentFiles, (f) => readText(f, source), pool);
  for (const result of loaded) {
    problems.push(...result.problems);
    if (result.file) files.push(result.file);
  }
  const documents = files.flatMap((f) => f.documents);
  return {
    root,
    config,
    configFile: configLoad.file,
    files,
    documents,
    problems,
    index: buildIdIndex(documents),
  };
}

export { toPosix };
export { diskSource, memorySource, MAX_FILE_BYTES, type FileSource } from './source.js';
