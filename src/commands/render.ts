/**
 * `samverkan render KIND ID | site`: render one document or the whole workspace, and write it
 * where the user asked. Returns what to print and what was written; prints nothing itself.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { DOCUMENT_KINDS } from '../model/index.js';
import type { OutputFormat } from '../render/render-context.js';
import { createRenderEnvironment, renderDocument } from '../render/render-document.js';
import { renderSite, type SkippedDocument } from '../render/render-site.js';
import { makeOutputFolder, writeOutputFile } from '../output/write-output.js';
import { loadWorkspace } from '../workspace/load.js';

export interface RenderCommandOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** plan, agreement, group, meeting, assessment, or site. */
  kind: string;
  id?: string;
  /** md or html; md for one document and html for a site unless given. */
  format?: OutputFormat;
  /** A file (one document; "-" for standard output) or a folder (a site). */
  out?: string;
  lang?: Lang;
  public?: boolean;
  asOf?: string;
}

export interface RenderCommandResult {
  /** The document, when it goes to standard output. */
  stdout?: string;
  /** Absolute paths of the files written. */
  written: string[];
  /** Pages of an earlier render that the site no longer has, removed from its folder. */
  removed: string[];
  /** Documents left out of a site because they don't match their schema. */
  skipped: SkippedDocument[];
  /** The file or folder written to, absolute. */
  target?: string;
}

/** Names of the files a site consists of; only such files are ever removed from a site's folder. */
const PAGE_FILE = new RegExp(`^(?:index|(?:${DOCUMENT_KINDS.join('|')})-[a-z0-9][a-z0-9-]{0,63})\\.(?:html|md)$`);

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Renders what the options ask for and writes it (or returns it for standard output). */
export async function render(options: RenderCommandOptions): Promise<RenderCommandResult> {
  const kinds = [...DOCUMENT_KINDS, 'site'];
  if (!kinds.includes(options.kind)) {
    throw new UsageError(`"${options.kind}" is not something samverkan renders. Use one of ${kinds.join(', ')}.`);
  }
  const isSite = options.kind === 'site';
  if (isSite && options.id !== undefined) {
    throw new UsageError(`"render site" renders every document, so it takes no id; drop "${options.id}", or render one document with "render KIND ${options.id}".`);
  }
  const workspace = await loadWorkspace({ cwd: options.cwd, dir: options.dir });
  if (!isSite && options.id === undefined) {
    const ids = [...workspace.index.of(options.kind as (typeof DOCUMENT_KINDS)[number]).keys()].sort();
    throw new UsageError(
      `Say which ${options.kind} to render: samverkan render ${options.kind} ID.` +
        (ids.length > 0 ? ` The ${options.kind} ids are: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}.` : ` The workspace has no ${options.kind} yet.`),
    );
  }
  const format: OutputFormat = options.format ?? (isSite ? 'html' : 'md');
  const env = await createRenderEnvironment(workspace, { lang: options.lang, public: options.public, asOf: options.asOf });
  const defaultFolder = resolve(workspace.root, workspace.config.output);

  if (!isSite) {
    const doc = await renderDocument(env, options.kind, options.id!, format);
    if (options.out === '-' || (options.out === undefined && format === 'md')) {
      return { stdout: doc.content, written: [], removed: [], skipped: [] };
    }
    let target = options.out === undefined ? join(defaultFolder, doc.fileName) : resolve(options.cwd, options.out);
    if (options.out !== undefined && (/[\\/]$/.test(options.out) || (await isDirectory(target)))) target = join(target, doc.fileName);
    await writeOutputFile(target, doc.content);
    return { written: [target], removed: [], skipped: [], target };
  }

  if (options.out === '-') {
    throw new UsageError('A site is a folder of pages, so it cannot go to standard output. Give a folder with --out DIR.');
  }
  const folder = options.out === undefined ? defaultFolder : resolve(options.cwd, options.out);
  const existing = await stat(folder).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new UsageError(`${options.out ?? folder} is a file, but a site needs a folder. Give another path with --out DIR.`);
  }
  const site = await renderSite(env, format);
  await makeOutputFolder(folder);
  const written: string[] = [];
  for (const page of site.pages) {
    const path = join(folder, page.fileName);
    await writeOutputFile(path, page.content);
    written.push(path);
  }
  // A page left from an earlier render (a document since removed, or an internal page in a
  // folder now holding the public site) must not stay next to the new ones.
  const keep = new Set(site.pages.map((p) => p.fileName));
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    // Only pages of the same format: a Markdown and an HTML site may share a folder.
    if (PAGE_FILE.test(name) && name.endsWith(`.${format}`) && !keep.has(name)) {
      await rm(join(folder, name), { force: true });
      removed.push(join(folder, name));
    }
  }
  return { written, removed, skipped: site.skipped, target: folder };
}
