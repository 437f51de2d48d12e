/**
 * Rendering a site: every document that can be rendered, one file each in one folder
 * (`<kind>-<id>.html` or `.md`, linked to each other relatively), plus `index.html` listing them
 * by kind. Public sites leave out the documents of confidential groups. Documents that don't
 * match their schema are left out and reported, so one broken file doesn't stop the rest.
 */
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../model/index.js';
import { renderContext, renderDocument, renderIndex, type RenderEnvironment, type RenderedDocument } from './render-document.js';
import type { OutputFormat } from './render-context.js';

export interface SkippedDocument {
  kind: DocumentKind;
  /** Path of the file, relative to the workspace. */
  file: string;
  reason: 'invalid';
}

export interface RenderedSite {
  /** The index page first, then the documents by kind. */
  pages: RenderedDocument[];
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

/** Renders every page of the site in `format`. */
export async function renderSite(env: RenderEnvironment, format: OutputFormat): Promise<RenderedSite> {
  const pages = sitePages(env);
  const site = { pages: new Set(pages.map((p) => `${p.kind}:${p.id}`)) };
  const rendered: RenderedDocument[] = [await renderIndex(env, pages, format)];
  for (const page of pages) rendered.push(await renderDocument(env, page.kind, page.id, format, site));
  const skipped: SkippedDocument[] = env.workspace.documents
    .filter((d) => isDocumentKind(d.kind) && !d.valid)
    .map((d) => ({ kind: d.kind as DocumentKind, file: d.file.rel, reason: 'invalid' as const }));
  return { pages: rendered, skipped };
}
