/**
 * Rendering a page from its job: Liquid template → tidied Markdown, and for HTML → markdown-it →
 * the layout → charts, and no identity number in what comes out. The job (view model and all)
 * is built from the workspace in the main thread (render-document.ts); this part needs only the
 * job and the settings, plain data both, so worker threads run it too (render-worker.ts) and a
 * page is the same whichever thread made it. This module therefore imports nothing that reads or
 * checks a workspace.
 */
import type MarkdownIt from 'markdown-it';
import { WorkspaceError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { labelsFor, type Lang } from '../i18n/index.js';
import type { DocumentKind } from '../model/index.js';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';
import { renderHtmlPage } from './html-layout.js';
import { createLiquid, renderLiquidFile, type LiquidEnvironment } from './liquid.js';
import { createMarkdownIt } from './markdown.js';
import { tidyMarkdown } from './markdown-text.js';
import type { ChartView } from './plan-view.js';
import type { OutputFormat } from './render-context.js';

const say = messages('render/render-page', {
  templateFailed: { sv: 'Mallen {template} gick inte att rendera: {reason}.{own}', en: 'The template {template} could not be rendered: {reason}.{own}' },
  ownTemplate: {
    sv: ' Om det är arbetsytans egen templates/{template}, rätta den där, eller ta bort den för att använda den inbyggda.',
    en: " If it is the workspace's own templates/{template}, fix it there, or delete it to use the built-in one.",
  },
});

/**
 * The line the minutes template writes before the signature page. It cannot come from a
 * document's text (text is escaped, so "<" never reaches the Markdown as is); it is taken out of
 * Markdown output, and in HTML the signature page becomes `<section class="signatures">`, which
 * print styles put on a page of its own.
 */
export const SIGNATURES_MARK = '<!-- samverkan:signatures -->';

/** What every page of one render shares. Plain data: a worker thread is sent it as it is. */
export interface PageSettings {
  lang: Lang;
  public: boolean;
  /** The day the status is told for, YYYY-MM-DD. */
  asOf: string;
  /** `asOf` as the documents write a date. */
  asOfText: string;
  /** The same, kept on one line, for the footer of a page that is not a record. */
  asOfFooter: string;
  /** True when the workspace has errors and is rendered anyway (--force): every page says it is a draft. */
  draft: boolean;
  /** The workspace says its data is invented (`example: true`): every page says so. */
  example: boolean;
  workspaceName: string;
  /** The workspace's templates/ folder, already checked for links out of the workspace; undefined for none. */
  workspaceTemplates: string | undefined;
  css: string;
}

/** The templates, markdown-it and the settings: made once per thread, used for every page. */
export interface PageRenderer {
  settings: PageSettings;
  liquid: LiquidEnvironment;
  markdownIt: MarkdownIt;
}

/** The renderer of `settings`; `liquid` when the caller has made the Liquid environment already. */
export function createPageRenderer(settings: PageSettings, liquid = createLiquid({ lang: settings.lang, workspaceTemplates: settings.workspaceTemplates })): PageRenderer {
  return {
    settings,
    liquid,
    markdownIt: createMarkdownIt({ tableName: labelsFor(settings.lang).t.table }),
  };
}

/**
 * One page as the main thread builds it from the workspace: its view model and everything else
 * that depends on the documents. Plain data only (objects, arrays, strings, numbers, booleans,
 * null), so it can be sent to a worker thread and read there as here; no function, Map or class
 * instance, which structured cloning would refuse or change.
 */
export interface PageJob {
  kind: DocumentKind | 'index';
  id: string;
  format: OutputFormat;
  fileName: string;
  /** The Markdown template, e.g. plan.md.liquid. */
  template: string;
  /** The template's own data (the view model, title, index_href); renderPage adds what every page has. */
  data: Record<string, unknown>;
  /** The document's title, plain text, unmasked. */
  title: string;
  /** Markdown lines under the title, where no template can leave them out. */
  banners: string[];
  /** The site's index page from this page's HTML layout; null outside a site. */
  indexHref: string | null;
  /** A record (a meeting's notice or minutes) names no "status as of" date in its footer. */
  record: boolean;
  /** The charts the HTML page gets in place of their keys. */
  charts: ChartView[];
  pageBanner: string | null;
  /** The secrecy marking, plain text, unmasked; null for none. */
  secrecyMarking: string | null;
}

export interface RenderedDocument {
  kind: DocumentKind | 'index';
  id: string;
  /** The document's title, plain text. */
  title: string;
  /** File name in a site, e.g. plan-handlingsplan-2006.html. */
  fileName: string;
  format: OutputFormat;
  /** The Markdown or the complete HTML page. */
  content: string;
  /** Plain text every printed page must carry in its header: "Utkast – ej justerat" on draft minutes; else null. */
  pageBanner: string | null;
  /** The secrecy marking of a confidential group's document, plain text; else null. */
  secrecyMarking: string | null;
}

/**
 * Puts banners (Markdown lines) under the page's first heading (or at the top), where no template
 * can leave them out: a page of a workspace with errors, draft minutes and a confidential group's
 * document must say so wherever they end up.
 */
function withBanners(markdown: string, banners: readonly string[]): string {
  if (banners.length === 0) return markdown;
  const lines = markdown.replace(/^\s+/, '').split('\n');
  const heading = lines.findIndex((line) => /^#\s/.test(line));
  const at = heading === 0 ? 1 : 0;
  // One quotation block, a paragraph per banner: separate blocks next to each other read as one anyway.
  lines.splice(at, 0, '', ...banners.flatMap((banner, i) => [...(i > 0 ? ['>'] : []), `> ${banner}`]), '');
  return lines.join('\n');
}

/** Runs a template, turning Liquid's errors into one sentence that names the template. */
async function renderTemplate(renderer: PageRenderer, run: () => Promise<string>, template: string): Promise<string> {
  try {
    return await run();
  } catch (error) {
    const own = renderer.liquid.roots.length > 1 ? say('ownTemplate', { template }) : '';
    const reason = (error as Error).message.split('\n')[0].replace(/\.$/, '');
    throw new WorkspaceError(say('templateFailed', { template, reason, own }));
  }
}

/** Renders a Markdown template and tidies the result; a draft gets its banner, and `banners` go under the title. */
async function renderMarkdownTemplate(renderer: PageRenderer, template: string, data: Record<string, unknown>, banners: readonly string[]): Promise<string> {
  const { settings } = renderer;
  // Synchronous, as the layout: nothing in a template waits for anything.
  const markdown = await renderTemplate(renderer, async () => renderLiquidFile(renderer.liquid.markdown, template, data), template);
  const t = labelsFor(settings.lang).t;
  // Example data says so on every page, so invented ratings and figures are never taken for real ones.
  const example = settings.example ? [t.example_banner] : [];
  return tidyMarkdown(withBanners(markdown, [...(settings.draft ? [t.draft_banner] : []), ...example, ...banners]));
}

/** Markdown as HTML; the part after the signatures mark becomes a section of its own. */
function markdownBody(renderer: PageRenderer, markdown: string): string {
  const at = markdown.indexOf(`\n${SIGNATURES_MARK}\n`);
  if (at < 0) return renderer.markdownIt.render(markdown);
  const signatures = markdown.slice(at + SIGNATURES_MARK.length + 2);
  return `${renderer.markdownIt.render(markdown.slice(0, at + 1))}<section class="signatures">\n${renderer.markdownIt.render(signatures)}</section>\n`;
}

/** Markdown output without the signatures mark. */
function withoutMarks(markdown: string): string {
  return markdown.split(`\n${SIGNATURES_MARK}\n`).join('');
}

/**
 * Wraps Markdown in the HTML layout. A record (a meeting's notice or minutes) is `record`: it says
 * what it said when written, so its footer names no "status as of" date that changes with the day.
 */
function markdownPage(renderer: PageRenderer, title: string, markdown: string, indexHref: string | null, record: boolean): Promise<string> {
  const { settings } = renderer;
  return renderTemplate(renderer, async () => renderHtmlPage(renderer.liquid, settings.css, {
    title: title === settings.workspaceName ? title : `${title} – ${settings.workspaceName}`,
    body: markdownBody(renderer, markdown),
    labels: labelsFor(settings.lang),
    workspaceName: settings.workspaceName,
    indexHref,
    public: settings.public,
    asOfText: record ? null : settings.asOfFooter,
  }), 'layout.html.liquid');
}

/** Renders the page of a job as Markdown or as a complete HTML page. */
export async function renderPage(renderer: PageRenderer, job: PageJob): Promise<RenderedDocument> {
  const { settings } = renderer;
  const data = {
    l: labelsFor(settings.lang),
    lang: settings.lang,
    workspace: { name: settings.workspaceName },
    as_of: settings.asOf,
    as_of_text: settings.asOfText,
    public: settings.public,
    signatures_mark: SIGNATURES_MARK,
    ...job.data,
  };
  const markdown = await renderMarkdownTemplate(renderer, job.template, data, job.banners);
  let page: string;
  // The index page has no signatures, and its Markdown is written as its template made it.
  if (job.format === 'md') page = job.kind === 'index' ? markdown : withoutMarks(markdown);
  else page = await markdownPage(renderer, job.title, markdown, job.indexHref, job.record);
  // d3 is loaded only for an HTML (or PDF) page that has charts.
  const content = job.format !== 'md' && job.charts.length > 0 ? await (await import('./chart.js')).insertCharts(page, job.charts, settings.lang) : page;
  // No page ever carries an identity number, whatever the files or the templates hold.
  return {
    kind: job.kind,
    id: job.id,
    title: maskIdentityNumbers(job.title),
    fileName: job.fileName,
    format: job.format,
    content: maskIdentityNumbers(content),
    pageBanner: job.pageBanner,
    secrecyMarking: job.secrecyMarking === null ? null : maskIdentityNumbers(job.secrecyMarking),
  };
}
