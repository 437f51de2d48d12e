/**
 * Rendering a site: every document that can be rendered, one file each in one folder
 * (`<kind>-<id>.html` or `.md`, linked to each other relatively), plus `index.html` listing them
 * by kind. Public sites leave out the documents of confidential groups. Documents that don't
 * match their schema are left out and reported, so one broken file doesn't stop the rest. An
 * internal site holds copies of the meetings' attached files under bilagor/<meeting-id>/.
 * Each page's job (its view model) is built here from the checked workspace; the pages are
 * rendered from the jobs in this thread and, when asked, in worker threads (render-workers.ts),
 * with the same result.
 */
import { fileAttachments, locateAttachment, siteAttachmentPath } from '../model/attachments.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../model/index.js';
import { documentJob, indexJob, renderContext, type RenderEnvironment, type RenderedDocument } from './render-document.js';
import type { OutputFormat } from './render-context.js';
import type { PageJob } from './render-page.js';
import { renderPages, type RenderPagesOptions } from './render-workers.js';

export interface SkippedDocument {
  kind: DocumentKind;
  /** Path of the file, relative to the workspace. */
  file: string;
  reason: 'invalid';
}

/** An attachment a site holds a copy of. */
export interface SiteAttachment {
  /** The real path of the file in the workspace. */
  source: string;
  /** Where the copy goes, relative to the site's folder: bilagor/<meeting-id>/<file>. */
  path: string;
}

export interface RenderedSite {
  /** The index page first, then the documents by kind. */
  pages: RenderedDocument[];
  /** The attachments to copy into the site, which its pages link to. */
  attachments: SiteAttachment[];
  skipped: SkippedDocument[];
}

/** The documents a site holds: the valid ones, without confidential groups' in public output. */
export function sitePages(env: RenderEnvironment): Array<{ kind: DocumentKind; id: string }> {
  const ctx = renderContext(env);
  const pages: Array<{ kind: DocumentKind; id: string }> = [];
  for (const kind of DOCUMENT_KINDS) {
    for (const [id, entry] of [...env.workspace.index.of(kind)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (entry.doc.valid && ctx.isShown(kind, id)) pages.push({ kind, id });
    }
  }
  return pages;
}

/**
 * The `file:` attachments of the items the site's meeting pages show, each a plain file inside the
 * workspace (meeting/attachment-missing reports the others). A public site holds none: samverkan
 * cannot see what an attached file holds, and an item the output withholds names none.
 */
export async function siteAttachments(env: RenderEnvironment, pages: ReadonlyArray<{ kind: DocumentKind; id: string }>): Promise<SiteAttachment[]> {
  if (env.public) return [];
  const ctx = renderContext(env);
  const out = new Map<string, SiteAttachment>();
  for (const page of pages) {
    if (page.kind !== 'meeting') continue;
    const meeting = ctx.meeting(page.id);
    const rel = env.workspace.index.meetings.get(page.id)?.doc.file.rel;
    if (!meeting || rel === undefined) continue;
    for (const a of fileAttachments(meeting, rel)) {
      if (!ctx.showsItem(a.item)) continue;
      const path = siteAttachmentPath(meeting.id, a.file);
      if (out.has(path)) continue;
      const where = await locateAttachment(env.workspace.root, a.rel);
      if (where.state === 'file') out.set(path, { source: where.path, path });
    }
  }
  return [...out.values()];
}

/** The jobs of a site's pages, the index first and then the documents by kind, and its attachments. */
export interface SiteJobs {
  count: number;
  /** Builds the job of page `i` (0 ≤ i < count): plain data, rendered in any thread. */
  jobOf: (i: number) => PageJob;
  attachments: SiteAttachment[];
}

/** The pages of the site in `format` as jobs to render, and the attachments it copies. */
export async function siteJobs(env: RenderEnvironment, format: OutputFormat): Promise<SiteJobs> {
  const pages = sitePages(env);
  const site = { pages: new Set(pages.map((p) => `${p.kind}:${p.id}`)) };
  const attachments = await siteAttachments(env, pages);
  const links = { to: 'site' as const, copied: new Set(attachments.map((a) => a.path)) };
  return {
    count: pages.length + 1,
    jobOf: (i) => (i === 0 ? indexJob(env, pages, format) : documentJob(env, pages[i - 1].kind, pages[i - 1].id, format, site, links)),
    attachments,
  };
}

/**
 * Renders every page of the site in `format`, and lists the attachments it copies. The pages are
 * the same, in the same order, with any number of threads (`options.threads`, 1 unless given).
 */
export async function renderSite(env: RenderEnvironment, format: OutputFormat, options: RenderPagesOptions = {}): Promise<RenderedSite> {
  const { count, jobOf, attachments } = await siteJobs(env, format);
  const rendered = await renderPages(env.renderer, count, jobOf, options);
  const skipped: SkippedDocument[] = env.workspace.documents
    .filter((d) => isDocumentKind(d.kind) && !d.valid)
    .map((d) => ({ kind: d.kind as DocumentKind, file: d.file.rel, reason: 'invalid' as const }));
  return { pages: rendered, attachments, skipped };
}
