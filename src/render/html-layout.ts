/**
 * The one HTML layout every page is wrapped in: a single self-contained file with its CSS
 * inline, no script and nothing fetched from elsewhere. A Content-Security-Policy in the page
 * says so to the browser too: only the page's own stylesheet (by its hash) may apply.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Labels } from '../i18n/index.js';
import { renderLiquidFile, type LiquidEnvironment } from './liquid.js';

export interface HtmlPage {
  /** The page's title, plain text. */
  title: string;
  /** The document as an HTML fragment (from markdown-it). */
  body: string;
  labels: Labels;
  workspaceName: string;
  /** The site's index page, when the page is part of a site. */
  indexHref: string | null;
  public: boolean;
  /** The day the status shown is as of; null on a record, which is as it was written. */
  asOfText: string | null;
}

/** The stylesheet: the workspace's templates/style.css if it has one, else the built-in one. */
export async function loadStylesheet(roots: readonly string[]): Promise<string> {
  for (const root of roots) {
    const css = await readFile(join(root, 'style.css'), 'utf8').catch(() => undefined);
    if (css !== undefined) return css;
  }
  return '';
}

/** The policy for a page whose only resource is an inline stylesheet with this text. */
export function contentSecurityPolicy(css: string): string {
  const hash = createHash('sha256').update(css, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/** The stylesheet as it goes into a page, and its policy: one stylesheet serves every page of a site. */
let lastStyle: { css: string; safeCss: string; csp: string } | undefined;

function pageStyle(css: string): { safeCss: string; csp: string } {
  if (lastStyle?.css !== css) {
    // The stylesheet goes in as written; "</style" inside it would end the element early.
    const safeCss = css.replace(/<\/style/gi, '<\\/style');
    lastStyle = { css, safeCss, csp: contentSecurityPolicy(safeCss) };
  }
  return lastStyle;
}

/** Wraps a rendered document in the HTML layout. */
export async function renderHtmlPage(liquid: LiquidEnvironment, css: string, page: HtmlPage): Promise<string> {
  const { safeCss, csp } = pageStyle(css);
  // Synchronous: the filters and the (cached) templates need no waiting, and liquidjs's promise
  // machinery costs more than the rendering itself on a site of thousands of pages.
  return renderLiquidFile(liquid.html, 'layout.html.liquid', {
    lang: page.labels.lang,
    l: page.labels,
    title: page.title,
    workspace: { name: page.workspaceName },
    body: page.body,
    css: safeCss,
    csp,
    index_href: page.indexHref,
    public: page.public,
    as_of_text: page.asOfText,
  });
}
