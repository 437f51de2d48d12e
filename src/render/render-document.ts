/**
 * Rendering one document: document → view model → Liquid template → Markdown, and for HTML
 * → markdown-it → the layout. A render environment is made once per workspace and settings and
 * serves every document of a site. The view model and everything else read from the workspace
 * make a page's job here; render-page.ts turns the job into the page, in this thread or another.
 */
import { didYouMean, NotFoundError, UsageError, WorkspaceError } from '../errors.js';
import { kindWords } from '../edit/edit-workspace-file.js';
import { messages } from '../i18n/messages.js';
import { formatDate, isLang, type Lang } from '../i18n/index.js';
import type { Disclosure } from '../model/confidentiality.js';
import { DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../model/index.js';
import { closest } from '../rules/words.js';
import { disclosureOf, type CheckedWorkspace } from '../workspace/checked.js';
import type { Workspace } from '../workspace/types.js';
import { agreementView } from './agreement-view.js';
import { assessmentView } from './assessment-view.js';
import { groupView } from './group-view.js';
import { loadStylesheet } from './html-layout.js';
import { indexView } from './index-view.js';
import { createLiquid, workspaceTemplateDir } from './liquid.js';
import { meetingView } from './meeting-view.js';
import { keepTogether, minutesState, secrecyView } from './minutes-parts.js';
import { planView, type PlanView } from './plan-view.js';
import { pageFileName, RenderContext, type AttachmentLinks, type OutputFormat } from './render-context.js';
import { createPageRenderer, renderPage, type PageJob, type PageRenderer, type PageSettings, type RenderedDocument } from './render-page.js';

export type { RenderedDocument } from './render-page.js';

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
  /** Renders the pages from their jobs in this thread; its settings are what worker threads get. */
  renderer: PageRenderer;
}

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
  const workspaceTemplates = await workspaceTemplateDir(workspace.root);
  const liquid = createLiquid({ lang, workspaceTemplates });
  const isPublic = options.public ?? false;
  const asOfText = formatDate(checked.asOf, lang);
  const settings: PageSettings = {
    lang,
    public: isPublic,
    asOf: checked.asOf,
    asOfText,
    asOfFooter: keepTogether(asOfText),
    draft: checked.errors > 0,
    example: workspace.config.example === true,
    workspaceName: workspace.config.name,
    workspaceTemplates,
    css: await loadStylesheet(liquid.roots),
  };
  return {
    workspace,
    lang,
    public: isPublic,
    asOf: checked.asOf,
    draft: settings.draft,
    disclosure: disclosureOf(checked, isPublic),
    renderer: createPageRenderer(settings, liquid),
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

/** The pages of the site a document is rendered into, as `<kind>:<id>`: its links go to those that exist. */
export interface SitePages {
  pages: ReadonlySet<string>;
}

/**
 * The job of one document's page: its view model and all else read from the workspace, as plain
 * data (render-page.ts renders it, here or in a worker thread). `site` makes it a page of a site,
 * with links to the site's other pages; `attachments` says where attachments' links lead.
 */
export function documentJob(env: RenderEnvironment, kind: string, id: string, format: OutputFormat, site?: SitePages, attachments?: AttachmentLinks): PageJob {
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
  return {
    kind: found.kind,
    id,
    format,
    fileName: pageFileName(found.kind, id, format),
    template: templateOf(found.kind, found.value),
    data: { ...view, index_href: site ? `index.${format}` : null },
    title,
    banners,
    indexHref: site ? 'index.html' : null,
    record: found.kind === 'meeting',
    charts,
    pageBanner,
    secrecyMarking: secrecy ? secrecy.plain : null,
  };
}

/** The job of the index page of a site whose pages are `pages`. */
export function indexJob(env: RenderEnvironment, pages: ReadonlyArray<{ kind: DocumentKind; id: string }>, format: OutputFormat): PageJob {
  const ctx = renderContext(env, { ext: format, pages: new Set(pages.map((p) => `${p.kind}:${p.id}`)) });
  const view = indexView(ctx, pages);
  return {
    kind: 'index',
    id: 'index',
    format,
    fileName: `index.${format}`,
    template: 'index.md.liquid',
    data: { index: view, title: view.title, index_href: null },
    title: view.title,
    banners: [],
    indexHref: null,
    record: false,
    charts: [],
    pageBanner: null,
    secrecyMarking: null,
  };
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
  site?: SitePages,
  attachments?: AttachmentLinks,
): Promise<RenderedDocument> {
  return renderPage(env.renderer, documentJob(env, kind, id, format, site, attachments));
}

/** Renders the index page of a site whose pages are `pages`. */
export async function renderIndex(
  env: RenderEnvironment,
  pages: ReadonlyArray<{ kind: DocumentKind; id: string }>,
  format: OutputFormat,
): Promise<RenderedDocument> {
  return renderPage(env.renderer, indexJob(env, pages, format));
}
