/**
 * Rendering one document: document → view model → Liquid template → Markdown, and for HTML
 * → markdown-it → the layout. A render environment is made once per workspace and settings and
 * serves every document of a site.
 */
import type MarkdownIt from 'markdown-it';
import { didYouMean, NotFoundError, UsageError, WorkspaceError } from '../errors.js';
import { kindWords } from '../edit/edit-workspace-file.js';
import { messages } from '../i18n/messages.js';
import { formatDate, isLang, labelsFor, type Lang } from '../i18n/index.js';
import type { Disclosure } from '../model/confidentiality.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../model/index.js';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';
import { closest } from '../rules/words.js';
import { disclosureOf, type CheckedWorkspace } from '../workspace/checked.js';
import type { Workspace } from '../workspace/types.js';
import { agreementView } from './agreement-view.js';
import { assessmentView } from './assessment-view.js';
import { groupView } from './group-view.js';
import { loadStylesheet, renderHtmlPage } from './html-layout.js';
import { indexView } from './index-view.js';
import { createLiquid, workspaceTemplateDir, type LiquidEnvironment } from './liquid.js';
import { createMarkdownIt } from './markdown.js';
import { tidyMarkdown } from './markdown-text.js';
import { meetingView } from './meeting-view.js';
import { keepTogether, minutesState, secrecyView } from './minutes-parts.js';
import { planView, type PlanView } from './plan-view.js';
import { pageFileName, RenderContext, type AttachmentLinks, type OutputFormat } from './render-context.js';

const say = messages('render/render-document', {
  notLang: { sv: '"{lang}" är inget språk som samverkan skriver. Använd sv eller en.', en: '"{lang}" is not a language samverkan writes. Use sv or en.' },
  notKind: {
    sv: '"{kind}" är inget som samverkan renderar. Använd någon av {kinds}, eller site.',
    en: '"{kind}" is not something samverkan renders. Use one of {kinds}, or site.',
  },
  notFound: { sv: 'Det finns {none} med id "{id}" i arbetsytan.{guess}', en: 'There is {none} with id "{id}" in the workspace.{guess}' },
  idsAre: { sv: ' Id som går att ge till render {kind}: {ids}.', en: ' The {kind} ids are: {ids}.' },
  invalid: {
    sv: '{file} följer inte formatet för {a}, så dokumentet kan inte renderas. Kör "samverkan validate" för att se vad som är fel, rätta det och rendera igen.',
    en: '{file} does not match the format of {a}, so it cannot be rendered. Run "samverkan validate" to see what is wrong, fix it, and render again.',
  },
  templateFailed: { sv: 'Mallen {template} gick inte att rendera: {reason}.{own}', en: 'The template {template} could not be rendered: {reason}.{own}' },
  ownTemplate: {
    sv: ' Om det är arbetsytans egen templates/{template}, rätta den där, eller ta bort den för att använda den inbyggda.',
    en: " If it is the workspace's own templates/{template}, fix it there, or delete it to use the built-in one.",
  },
  confidential: {
    sv: '{id} hör till {group}, en grupp med sekretess, så det finns ingen offentlig version. Rendera utan --public för gruppens eget bruk.',
    en: "{id} belongs to {group}, a confidential group, so it has no public version. Render it without --public for the group's own use.",
  },
});

export interface RenderOptions {
  /** Language of the output; the workspace's `language` unless given. */
  lang?: Lang;
  /** Leave confidential items and confidential groups' documents out. */
  public?: boolean;
}

/** Everything needed to render the documents of one workspace with one set of options. */
export interface RenderEnvironment {
  workspace: Workspace;
  lang: Lang;
  public: boolean;
  /** The day the status is told for: the day the workspace was checked for. */
  asOf: string;
  /** True when the workspace has errors and is rendered anyway (--force): every page says it is a draft. */
  draft: boolean;
  /** What this output may show. */
  disclosure: Disclosure;
  liquid: LiquidEnvironment;
  markdownIt: MarkdownIt;
  css: string;
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
 * The line the minutes template writes before the signature page. It cannot come from a
 * document's text (text is escaped, so "<" never reaches the Markdown as is); it is taken out of
 * Markdown output, and in HTML the signature page becomes `<section class="signatures">`, which
 * print styles put on a page of its own.
 */
export const SIGNATURES_MARK = '<!-- samverkan:signatures -->';

/**
 * Prepares rendering a checked workspace (only documents that match their schema can be
 * rendered): the templates, markdown-it and the stylesheet. A workspace with errors renders
 * only as a draft, which the caller must have asked for.
 */
export async function createRenderEnvironment(checked: CheckedWorkspace, options: RenderOptions = {}): Promise<RenderEnvironment> {
  if (options.lang !== undefined && !isLang(options.lang)) {
    throw new UsageError(say('notLang', { lang: String(options.lang) }));
  }
  const { workspace } = checked;
  const lang = options.lang ?? workspace.config.language;
  const liquid = createLiquid({ lang, workspaceTemplates: await workspaceTemplateDir(workspace.root) });
  const isPublic = options.public ?? false;
  return {
    workspace,
    lang,
    public: isPublic,
    asOf: checked.asOf,
    draft: checked.errors > 0,
    disclosure: disclosureOf(checked, isPublic),
    liquid,
    markdownIt: createMarkdownIt({ tableName: labelsFor(lang).t.table }),
    css: await loadStylesheet(liquid.roots),
  };
}

/**
 * The context view models are built in; `site` when the document is a page of a site, and
 * `attachments` for where its attachments' links lead.
 */
export function renderContext(env: RenderEnvironment, site?: { ext: OutputFormat; pages: ReadonlySet<string> }, attachments?: AttachmentLinks): RenderContext {
  return new RenderContext(env.workspace, { lang: env.lang, public: env.public, asOf: env.asOf, site, attachments }, env.disclosure);
}

/** The refusal of a kind samverkan does not render, naming the kinds it does (and site). */
export function notRenderableKind(kind: string): UsageError {
  return new UsageError(say('notKind', { kind, kinds: DOCUMENT_KINDS.join(', ') }));
}

/** " The plan ids are: a, b." — the ids `render KIND` takes, the first ten of them. */
export function renderableIds(kind: string, ids: readonly string[]): string {
  return say('idsAre', { kind, ids: `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''}` });
}

/** Finds a document that can be rendered, or says in words why it can't. */
export function findDocument(env: RenderEnvironment, kind: string, id: string) {
  if (!isDocumentKind(kind)) throw notRenderableKind(kind);
  const map = env.workspace.index.of(kind);
  const entry = map.get(id);
  if (!entry) {
    const guess = closest(id, map.keys());
    const known = [...map.keys()].sort();
    throw new NotFoundError(
      say('notFound', { none: kindWords(kind).none, id, guess: didYouMean(guess) }) +
        (known.length > 0 && !guess ? renderableIds(kind, known) : ''),
    );
  }
  if (!entry.doc.valid) {
    throw new WorkspaceError(say('invalid', { file: entry.doc.file.rel, a: kindWords(kind).a }));
  }
  return { kind, id, value: entry.value, rel: entry.doc.file.rel };
}

/** The template of a kind; a meeting with minutes renders as minutes. */
function templateOf(kind: DocumentKind, value: unknown): string {
  if (kind === 'meeting') return (value as { minutes?: unknown }).minutes !== undefined ? 'meeting-minutes.md.liquid' : 'meeting-notice.md.liquid';
  return `${kind}.md.liquid`;
}

function scope(env: RenderEnvironment, ctx: RenderContext, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    l: ctx.l,
    lang: env.lang,
    workspace: { name: env.workspace.config.name },
    as_of: env.asOf,
    as_of_text: formatDate(env.asOf, env.lang),
    public: env.public,
    signatures_mark: SIGNATURES_MARK,
    ...extra,
  };
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

/** Renders a Markdown template and tidies the result; a draft gets its banner, and `banners` go under the title. */
async function renderMarkdownTemplate(env: RenderEnvironment, template: string, data: Record<string, unknown>, banners: readonly string[] = []): Promise<string> {
  // Synchronous, as the layout: nothing in a template waits for anything.
  const markdown = await renderTemplate(env, async () => env.liquid.markdown.renderFileSync(template, data), template);
  const t = labelsFor(env.lang).t;
  // Example data says so on every page, so invented ratings and figures are never taken for real ones.
  const example = env.workspace.config.example === true ? [t.example_banner] : [];
  return tidyMarkdown(withBanners(markdown, [...(env.draft ? [t.draft_banner] : []), ...example, ...banners]));
}

/** Markdown as HTML; the part after the signatures mark becomes a section of its own. */
function markdownBody(env: RenderEnvironment, markdown: string): string {
  const at = markdown.indexOf(`\n${SIGNATURES_MARK}\n`);
  if (at < 0) return env.markdownIt.render(markdown);
  const signatures = markdown.slice(at + SIGNATURES_MARK.length + 2);
  return `${env.markdownIt.render(markdown.slice(0, at + 1))}<section class="signatures">\n${env.markdownIt.render(signatures)}</section>\n`;
}

/** Markdown output without the signatures mark. */
function withoutMarks(markdown: string): string {
  return markdown.split(`\n${SIGNATURES_MARK}\n`).join('');
}

/** Runs a template, turning Liquid's errors into one sentence that names the template. */
async function renderTemplate(env: RenderEnvironment, run: () => Promise<string>, template: string): Promise<string> {
  try {
    return await run();
  } catch (error) {
    const own = env.liquid.roots.length > 1 ? say('ownTemplate', { template }) : '';
    const reason = (error as Error).message.split('\n')[0].replace(/\.$/, '');
    throw new WorkspaceError(say('templateFailed', { template, reason, own }));
  }
}

/**
 * Wraps Markdown in the HTML layout. A record (a meeting's notice or minutes) is `record`: it says
 * what it said when written, so its footer names no "status as of" date that changes with the day.
 */
export async function markdownPage(env: RenderEnvironment, ctx: RenderContext, title: string, markdown: string, indexHref: string | null, record = false): Promise<string> {
  return renderTemplate(env, () => renderHtmlPage(env.liquid, env.css, {
    title: title === env.workspace.config.name ? title : `${title} – ${env.workspace.config.name}`,
    body: markdownBody(env, markdown),
    labels: ctx.l,
    workspaceName: env.workspace.config.name,
    indexHref,
    public: env.public,
    asOfText: record ? null : keepTogether(formatDate(env.asOf, env.lang)),
  }), 'layout.html.liquid');
}

/**
 * Renders one document as Markdown or as a complete HTML page. `site` makes it a page of a
 * site, with links to the site's other pages; `attachments` says where attachments' links lead.
 */
export async function renderDocument(
  env: RenderEnvironment,
  kind: string,
  id: string,
  format: OutputFormat,
  site?: { pages: ReadonlySet<string> },
  attachments?: AttachmentLinks,
): Promise<RenderedDocument> {
  const found = findDocument(env, kind, id);
  const ctx = renderContext(env, site ? { ext: format, pages: site.pages } : undefined, attachments);
  if (env.public && !ctx.isShown(found.kind, id)) {
    const group = found.kind === 'group' ? ctx.group(id) : ctx.group(ctx.meeting(id)?.group);
    throw new UsageError(say('confidential', { id, group: group?.name ?? kindWords('group').a }));
  }
  let view: { title: string } & Record<string, unknown>;
  let title: string;
  let charts: PlanView['charts'] = [];
  // The secrecy marking of a confidential group, and the state of minutes, head every page.
  let secrecy: ReturnType<typeof secrecyView> = null;
  let pageBanner: string | null = null;
  const banners: string[] = [];
  switch (found.kind) {
    case 'plan': {
      const v = planView(ctx, ctx.plan(id)!);
      // The template puts each chart's key where its chart goes in HTML, and a values table in Markdown.
      view = { plan: v, title: v.title, format };
      title = v.title;
      charts = v.charts;
      break;
    }
    case 'agreement': {
      const v = agreementView(ctx, ctx.agreement(id)!);
      view = { agreement: v, title: v.title };
      title = v.title;
      break;
    }
    case 'group': {
      const v = groupView(ctx, ctx.group(id)!);
      view = { group: v, title: v.name };
      title = v.name;
      secrecy = secrecyView(ctx, ctx.group(id));
      break;
    }
    case 'meeting': {
      const meeting = ctx.meeting(id)!;
      const v = meetingView(ctx, meeting);
      view = { meeting: v, title: v.title };
      title = v.title;
      secrecy = secrecyView(ctx, ctx.group(meeting.group));
      const state = minutesState(ctx, meeting, ctx.group(meeting.group));
      pageBanner = state.draft_banner;
      if (state.draft_banner) banners.push(`**${state.draft_banner}**`);
      if (state.adjusted_text) banners.push(state.adjusted_text);
      break;
    }
    case 'assessment': {
      const v = assessmentView(ctx, ctx.assessment(id)!);
      view = { assessment: v, title: v.title };
      title = v.title;
      break;
    }
  }
  if (secrecy) banners.unshift(secrecy.markdown);
  const markdown = await renderMarkdownTemplate(env, templateOf(found.kind, found.value), scope(env, ctx, { ...view, index_href: site ? `index.${format}` : null }), banners);
  const page = format === 'md' ? withoutMarks(markdown) : await markdownPage(env, ctx, title, markdown, site ? 'index.html' : null, found.kind === 'meeting');
  // d3 is loaded only for an HTML (or PDF) page that has charts.
  const content = format !== 'md' && charts.length > 0 ? await (await import('./chart.js')).insertCharts(page, charts, env.lang) : page;
  // No page ever carries an identity number, whatever the files or the templates hold.
  return {
    kind: found.kind,
    id,
    title: maskIdentityNumbers(title),
    fileName: pageFileName(found.kind, id, format),
    format,
    content: maskIdentityNumbers(content),
    pageBanner,
    secrecyMarking: secrecy ? maskIdentityNumbers(secrecy.plain) : null,
  };
}

/** Renders the index page of a site whose pages are `pages`. */
export async function renderIndex(
  env: RenderEnvironment,
  pages: ReadonlyArray<{ kind: DocumentKind; id: string }>,
  format: OutputFormat,
): Promise<RenderedDocument> {
  const ctx = renderContext(env, { ext: format, pages: new Set(pages.map((p) => `${p.kind}:${p.id}`)) });
  const view = indexView(ctx, pages);
  const markdown = await renderMarkdownTemplate(env, 'index.md.liquid', scope(env, ctx, { index: view, title: view.title, index_href: null }));
  const content = format === 'md' ? markdown : await markdownPage(env, ctx, view.title, markdown, null);
  return { kind: 'index', id: 'index', title: maskIdentityNumbers(view.title), fileName: `index.${format}`, format, content: maskIdentityNumbers(content), pageBanner: null, secrecyMarking: null };
}

