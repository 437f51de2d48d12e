/**
 * `samverkan render KIND ID | site`: render one document or the whole workspace, and write it
 * where the user asked. Returns what to print and what was written; prints nothing itself.
 *
 * A workspace with errors is not rendered: what could not be checked could be confidential, or
 * wrong. `force` renders it anyway as a draft, every page saying so; what is withheld stays
 * withheld and no identity number is ever written.
 */
import { lstat, readFile, realpath, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SamverkanError, UsageError, WorkspaceError } from '../errors.js';
import { kindWords } from '../edit/edit-workspace-file.js';
import { messages } from '../i18n/messages.js';
import type { Lang } from '../i18n/index.js';
import { DOCUMENT_KINDS } from '../model/index.js';
import type { Finding } from '../rules/types.js';
import { pageFileName, type OutputFormat } from '../render/render-context.js';
import { createRenderEnvironment, findDocument, notRenderableKind, renderableIds, renderDocument } from '../render/render-document.js';
import { renderSite, type SiteAttachment, type SkippedDocument } from '../render/render-site.js';
import { startRenderWorkers, type StartedWorkers, type ThreadCount } from '../render/render-workers.js';
import { makeOutputFolder, writeOutputBytes, writeOutputFile, writePageFiles } from '../output/write-output.js';
import { findBrowser } from '../render/browser.js';
import { openPdfPrinter, pdfDocumentOf, type PdfPrinter } from '../render/pdf.js';
import { loadCheckedWorkspace, type CheckedWorkspace } from '../workspace/checked.js';

const say = messages('commands/render', {
  refused: {
    sv: {
      one: 'Inget renderades: arbetsytan har {n} fel (se ovan). Rätta det och rendera igen, eller rendera ett utkast med --force: varje sida säger då att den innehåller fel, och det som inte kunde kontrolleras utelämnas.',
      other: 'Inget renderades: arbetsytan har {n} fel (se ovan). Rätta dem och rendera igen, eller rendera ett utkast med --force: varje sida säger då att den innehåller fel, och det som inte kunde kontrolleras utelämnas.',
    },
    en: {
      one: 'Nothing was rendered: the workspace has {n} error (listed above). Fix them and render again, or render a draft with --force: every page then says it contains errors, and what could not be checked is left out.',
      other: 'Nothing was rendered: the workspace has {n} errors (listed above). Fix them and render again, or render a draft with --force: every page then says it contains errors, and what could not be checked is left out.',
    },
  },
  outputOutside: {
    sv: 'output: {output} i samverkan.yaml leder utanför arbetsytan (eller är arbetsytan själv), så inget skrevs. Ange en mapp i arbetsytan, till exempel output: ut, eller ge platsen att skriva till med --out på kommandoraden.',
    en: 'output: {output} in samverkan.yaml leads outside the workspace (or is the workspace itself), so nothing was written. Name a folder inside the workspace, such as output: out, or give the place to write to with --out on the command line.',
  },
  attachmentLink: {
    sv: '{path} leder ut ur {folder} genom en symbolisk länk, så bilagan kopierades inte dit. Ta bort länken (eller rendera webbplatsen till en annan mapp) och rendera igen.',
    en: '{path} leads outside {folder} through a symbolic link, so the attachment was not copied there. Remove the link (or render the site into another folder) and render again.',
  },
  siteId: {
    sv: '"render site" renderar alla dokument, så det tar inget id; ta bort "{id}", eller rendera ett dokument med "render SLAG {id}".',
    en: '"render site" renders every document, so it takes no id; drop "{id}", or render one document with "render KIND {id}".',
  },
  whichId: { sv: 'Ange vilken {word} som ska renderas: samverkan render {kind} ID.', en: 'Say which {word} to render: samverkan render {kind} ID.' },
  noneYet: { sv: ' Arbetsytan har inga {words} än.', en: ' The workspace has no {words} yet.' },
  pdfToTerminal: {
    sv: 'En PDF är en fil, så den skrivs inte till terminalen. Ge en fil med --out FIL.pdf, eller utelämna --out för att skriva till arbetsytans utdatamapp.',
    en: "A PDF is a file, so it does not go to the terminal. Give a file with --out FILE.pdf, or leave --out out to write to the workspace's output folder.",
  },
  siteToStdout: {
    sv: 'En webbplats är en mapp med sidor, så den kan inte skrivas till standardutdata. Ge en mapp med --out MAPP.',
    en: 'A site is a folder of pages, so it cannot go to standard output. Give a folder with --out DIR.',
  },
  siteIntoFile: {
    sv: '{path} är en fil, men en webbplats behöver en mapp. Ge en annan sökväg med --out MAPP.',
    en: '{path} is a file, but a site needs a folder. Give another path with --out DIR.',
  },
});

export interface RenderCommandOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** plan, agreement, group, meeting, assessment, or site. */
  kind: string;
  id?: string;
  /** md, html or pdf; md for one document and html for a site unless given. */
  format?: OutputFormat;
  /** The environment, for the browser that prints PDFs (SAMVERKAN_CHROMIUM, PATH). */
  env?: Readonly<Record<string, string | undefined>>;
  /** A file (one document; "-" for standard output) or a folder (a site). */
  out?: string;
  lang?: Lang;
  public?: boolean;
  asOf?: string;
  /** Render a workspace that has errors, as a draft. */
  force?: boolean;
  /** Threads that render a site's pages, this one included: a number or 'auto' (the default). */
  workers?: ThreadCount;
}

export interface RenderCommandResult {
  /** The document, when it goes to standard output. */
  stdout?: string;
  /** Absolute paths of the files written. */
  written: string[];
  /** Pages of an earlier render that the site no longer has, removed from its folder. */
  removed: string[];
  /** A site's copies of the meetings' attached files: those written, and earlier ones removed. */
  attachments: { copied: string[]; removed: string[] };
  /** Documents left out of a site because they don't match their schema. */
  skipped: SkippedDocument[];
  /** The file or folder written to, absolute. */
  target?: string;
  /** True when the workspace has errors and was rendered as a draft (--force). */
  draft: boolean;
  /** The workspace's errors, when it was rendered as a draft. */
  errors: Finding[];
}

/** The workspace has errors, so nothing was rendered; the findings say what to fix. */
export class RenderRefusedError extends SamverkanError {
  override readonly exitCode: number = 1;
  constructor(
    readonly findings: Finding[],
    /** Number of files checked, for the summary under the findings. */
    readonly fileCount: number,
  ) {
    const errors = findings.filter((f) => f.severity === 'error').length;
    super(say('refused', { n: errors }));
  }
}

/** Names of the files a site consists of; only such files are ever removed from a site's folder. */
const PAGE_FILE = new RegExp(`^(?:index|(?:${DOCUMENT_KINDS.join('|')})-[a-z0-9][a-z0-9-]{0,63})\\.(?:html|md|pdf)$`);
/** The list of pages a site render wrote, kept in the site's folder so the next render removes only those. */
export const SITE_MANIFEST = '.samverkan-site.json';
/**
 * Names of the attachment copies a site holds (bilagor/<meeting-id>/<file>, as the meeting schema
 * allows a file: to be written); only such files are ever removed as stale copies.
 */
const ATTACHMENT_FILE = /^bilagor\/[a-z0-9][a-z0-9-]{0,63}(?:\/[^/\\:*?"<>|]+)+$/;
const FORMATS: readonly OutputFormat[] = ['md', 'html', 'pdf'];

function isAttachmentName(name: string): boolean {
  return ATTACHMENT_FILE.test(name) && !name.split('/').some((part) => part === '.' || part === '..');
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of `path`, or of the nearest folder above it that exists, with the rest appended. */
async function realPathOf(path: string): Promise<string> {
  let existing = path;
  const rest: string[] = [];
  for (;;) {
    try {
      return join(await realpath(existing), ...rest);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return path;
      rest.unshift(basename(existing));
      existing = parent;
    }
  }
}

/**
 * The workspace's output folder (`output:` in samverkan.yaml). Settings in a file must not make
 * samverkan write, or remove, anything outside the workspace: a path that leads out, also through
 * a symbolic link, is refused. A path given on the command line is the user's own choice.
 */
async function workspaceOutputFolder(checked: CheckedWorkspace): Promise<string> {
  const { root, config } = checked.workspace;
  const folder = resolve(root, config.output);
  const realRoot = await realPathOf(root);
  if (!isInside(root, folder) || folder === root || !isInside(realRoot, await realPathOf(folder))) {
    throw new WorkspaceError(say('outputOutside', { output: config.output }));
  }
  return folder;
}

interface Manifest {
  md?: string[];
  html?: string[];
  pdf?: string[];
  /** The attachment copies each format's site wrote. */
  attachments?: Partial<Record<OutputFormat, string[]>>;
}

/** The pages an earlier render wrote to `folder`, as far as its manifest can be trusted. */
async function readManifest(folder: string): Promise<Manifest> {
  const text = await readFile(join(folder, SITE_MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const names = (v: unknown, test: (n: string) => boolean = (n) => PAGE_FILE.test(n)) => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string' && test(n)) : []);
    const copies = (data.attachments ?? {}) as Record<string, unknown>;
    return {
      md: names(data.md),
      html: names(data.html),
      pdf: names(data.pdf),
      attachments: Object.fromEntries(FORMATS.map((f) => [f, names(copies[f], isAttachmentName)])),
    };
  } catch {
    return {};
  }
}

/**
 * Removes the pages and attachment copies an earlier render of this format wrote that the new site
 * no longer has (a copy another format's site still lists stays), and records what it now holds.
 */
async function removeStalePages(
  folder: string,
  format: OutputFormat,
  keep: ReadonlySet<string>,
  keepAttachments: ReadonlySet<string>,
): Promise<{ pages: string[]; attachments: string[] }> {
  const manifest = await readManifest(folder);
  const removeFile = async (path: string): Promise<boolean> => {
    // Only a plain file: a link or a folder of that name is not what samverkan wrote.
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile()) return false;
    await rm(path, { force: true });
    return true;
  };
  const pages: string[] = [];
  for (const name of manifest[format] ?? []) {
    if (keep.has(name)) continue;
    const path = join(folder, name);
    if (await removeFile(path)) pages.push(path);
  }
  const realFolder = await realPathOf(folder);
  const elsewhere = new Set(FORMATS.filter((f) => f !== format).flatMap((f) => manifest.attachments?.[f] ?? []));
  const attachments: string[] = [];
  for (const name of manifest.attachments?.[format] ?? []) {
    if (keepAttachments.has(name) || elsewhere.has(name)) continue;
    const path = join(folder, ...name.split('/'));
    // A folder on the way that is a link out of the site is not what samverkan wrote either.
    if (!isInside(realFolder, await realPathOf(dirname(path)))) continue;
    if (!(await removeFile(path))) continue;
    attachments.push(path);
    await removeEmptyFolders(folder, dirname(path));
  }
  const next: Manifest = {
    ...manifest,
    [format]: [...keep].sort(),
    attachments: { ...manifest.attachments, [format]: [...keepAttachments].sort() },
  };
  await writeOutputFile(join(folder, SITE_MANIFEST), `${JSON.stringify(next, null, 2)}\n`);
  return { pages, attachments };
}

/** Removes `dir` and the folders above it up to `folder`'s bilagor/ while they are empty. */
async function removeEmptyFolders(folder: string, dir: string): Promise<void> {
  const top = join(folder, 'bilagor');
  for (let at = dir; at !== folder && isInside(top, at); at = dirname(at)) {
    // rmdir removes only an empty folder, and never follows a link.
    if (!(await rmdir(at).then(() => true, () => false))) return;
  }
}

/**
 * Copies a site's attachments into its folder. A copy goes only inside the folder: a link there
 * (bilagor/ made a link to elsewhere) would make samverkan write outside it, so that is refused.
 */
async function copyAttachments(folder: string, attachments: readonly SiteAttachment[]): Promise<string[]> {
  const realFolder = await realPathOf(folder);
  const copied: string[] = [];
  for (const a of attachments) {
    const path = join(folder, ...a.path.split('/'));
    if (!isInside(realFolder, await realPathOf(path))) {
      throw new UsageError(say('attachmentLink', { path, folder }));
    }
    await writeOutputBytes(path, await readFile(a.source));
    copied.push(path);
  }
  return copied;
}

/** Runs `use` with a PDF printer on the browser at `executablePath`, and closes the browser however it ends. */
async function withPrinter<T>(executablePath: string, lang: Lang, use: (printer: PdfPrinter) => Promise<T>): Promise<T> {
  const printer = await openPdfPrinter({ executablePath, lang });
  try {
    return await use(printer);
  } finally {
    await printer.close();
  }
}

/** Renders what the options ask for and writes it (or returns it for standard output). */
export async function render(options: RenderCommandOptions): Promise<RenderCommandResult> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(options.kind) && options.kind !== 'site') throw notRenderableKind(options.kind);
  const isSite = options.kind === 'site';
  if (isSite && options.id !== undefined) {
    throw new UsageError(say('siteId', { id: options.id }));
  }
  // A site's worker threads start now, while this thread loads the workspace.
  const started = isSite && options.format !== 'pdf' && options.out !== '-' ? startRenderWorkers(options.workers ?? 'auto') : undefined;
  try {
    return await renderChecked(options, isSite, started);
  } finally {
    await started?.close();
  }
}

async function renderChecked(options: RenderCommandOptions, isSite: boolean, started: StartedWorkers | undefined): Promise<RenderCommandResult> {
  const checked = await loadCheckedWorkspace({ cwd: options.cwd, dir: options.dir, asOf: options.asOf });
  const { workspace } = checked;
  if (!isSite && options.id === undefined) {
    const kind = options.kind as (typeof DOCUMENT_KINDS)[number];
    const ids = [...workspace.index.of(kind).keys()].sort();
    const words = kindWords(kind);
    throw new UsageError(
      say('whichId', { word: words.one, kind }) +
        (ids.length > 0 ? renderableIds(kind, ids) : say('noneYet', { words: words.many })),
    );
  }
  const errors = checked.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0 && !options.force) throw new RenderRefusedError(errors, checked.fileCount);

  const format: OutputFormat = options.format ?? (isSite ? 'html' : 'md');
  if (format === 'pdf' && options.out === '-') {
    throw new UsageError(say('pdfToTerminal'));
  }
  const env = await createRenderEnvironment(checked, { lang: options.lang, public: options.public });
  // Looked for before anything is rendered: without a browser there will be no PDF.
  const browser = format === 'pdf' ? findBrowser({ env: options.env ?? {} }) : undefined;
  const base = { draft: env.draft, errors };

  const noAttachments = { copied: [], removed: [] };
  if (!isSite) {
    if (options.out === '-' || (options.out === undefined && format === 'md')) {
      const doc = await renderDocument(env, options.kind, options.id!, format);
      return { ...base, stdout: doc.content, written: [], removed: [], attachments: noAttachments, skipped: [] };
    }
    const found = findDocument(env, options.kind, options.id!);
    const fileName = pageFileName(found.kind, found.id, format);
    let target = options.out === undefined ? join(await workspaceOutputFolder(checked), fileName) : resolve(options.cwd, options.out);
    if (options.out !== undefined && (/[\\/]$/.test(options.out) || (await isDirectory(target)))) target = join(target, fileName);
    // Attachments are linked from where the file is written to where they are in the workspace,
    // so the document opens them on the machine that wrote it.
    const doc = await renderDocument(env, found.kind, found.id, format, undefined, { to: 'file', dir: dirname(target) });
    if (browser === undefined) await writeOutputFile(target, doc.content);
    else await withPrinter(browser, env.lang, async (printer) => writeOutputBytes(target, await printer.print(pdfDocumentOf(env, doc))));
    return { ...base, written: [target], removed: [], attachments: noAttachments, skipped: [], target };
  }

  if (options.out === '-') {
    throw new UsageError(say('siteToStdout'));
  }
  const folder = options.out === undefined ? await workspaceOutputFolder(checked) : resolve(options.cwd, options.out);
  const existing = await stat(folder).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new UsageError(say('siteIntoFile', { path: options.out ?? folder }));
  }
  const site = await renderSite(env, format, { threads: options.workers ?? 'auto', started });
  await makeOutputFolder(folder);
  const written: string[] = [];
  const writePages = async (printer?: PdfPrinter) => {
    for (const page of site.pages) {
      const path = join(folder, page.fileName);
      if (printer) await writeOutputBytes(path, await printer.print(pdfDocumentOf(env, page)));
      else await writeOutputFile(path, page.content);
      written.push(path);
    }
  };
  // One browser prints every page of the site: starting one takes longer than printing a page.
  if (browser === undefined) written.push(...writePageFiles(folder, site.pages));
  else await withPrinter(browser, env.lang, writePages);
  const copied = await copyAttachments(folder, site.attachments);
  // A page or attachment left from an earlier render (a document since removed, or an internal
  // page in a folder now holding the public site) must not stay next to the new ones.
  const removed = await removeStalePages(folder, format, new Set(site.pages.map((p) => p.fileName)), new Set(site.attachments.map((a) => a.path)));
  return { ...base, written, removed: removed.pages, attachments: { copied, removed: removed.attachments }, skipped: site.skipped, target: folder };
}
