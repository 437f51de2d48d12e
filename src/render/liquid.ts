/**
 * The Liquid environment the templates run in. Templates are looked up first in the
 * workspace's templates/ folder, then among the built-in ones, file by file, so a workspace can
 * override one template and keep the rest.
 *
 * Templates a workspace brings cannot run code: liquidjs has no way to call functions, reads
 * only the view model's own properties (`ownPropertyOnly`), loads partials only from the two
 * template folders, and is bounded in time and memory. No filter here evaluates anything.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { WorkspaceError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { outsideTarget, toPosix } from '../workspace/files.js';
import { Liquid, type FilterImplOptions } from 'liquidjs';
import { fill, formatDate, formatDateWithWeekday, formatNumber, formatTime, type Lang } from '../i18n/index.js';
import { templateDir } from '../paths.js';
import { isSafeLink } from './markdown.js';
import { escapeInline, headingText, markdownBlock } from './markdown-text.js';

/** The one way templates are run: compiled to plain functions where that is proven identical, else liquidjs. */
export { renderLiquidFile } from './liquid-fast.js';

export interface LiquidEnvironment {
  /** Renders a Markdown template: every `{{ value }}` is escaped as Markdown text unless it ends in `| raw`. */
  markdown: Liquid;
  /** Renders the HTML layout: every `{{ value }}` is HTML-escaped unless it ends in `| raw`. */
  html: Liquid;
  /** The folders templates are looked up in, the workspace's first. */
  roots: string[];
}

const LIMITS = {
  // Generous for any real document; stops a template with a runaway loop.
  parseLimit: 1_000_000,
  renderLimit: 10_000,
  memoryLimit: 64 * 1024 * 1024,
};

/** Turns liquidjs's keyword arguments ([key, value] pairs) into an object. */
function keywordArgs(args: unknown[]): Record<string, string | number | undefined> {
  const params: Record<string, string | number | undefined> = {};
  for (const arg of args) {
    if (Array.isArray(arg) && arg.length === 2 && typeof arg[0] === 'string') params[arg[0]] = arg[1] as string | number | undefined;
  }
  return params;
}

function registerFilters(engine: Liquid, lang: Lang): void {
  const filters: Record<string, FilterImplOptions> = {
    /** A long text field as Markdown blocks; the argument is the level of the heading it sits under. */
    md: { handler: (value: unknown, base?: number) => markdownBlock(value, typeof base === 'number' ? base : 2), raw: true },
    /** Text for a heading: no closing punctuation. */
    heading: (value: unknown) => headingText(value),
    /** A Markdown link to `href`, or the text alone when there is no (safe) href. */
    link: {
      handler: (value: unknown, href?: unknown) => {
        const text = escapeInline(value);
        return typeof href === 'string' && href !== '' && isSafeLink(href) ? `[${text}](${href.replace(/[\s()<>]/g, encodeURIComponent)})` : text;
      },
      raw: true,
    },
    /** A web address as an autolink (<https://…>); anything but http(s) and mailto stays plain text. */
    autolink: {
      handler: (value: unknown) => {
        const text = String(value ?? '').trim();
        return /^(?:https?:\/\/|mailto:)[^\s<>]+$/i.test(text) ? `<${text}>` : escapeInline(text);
      },
      raw: true,
    },
    /** Fills the {name} placeholders of a label: {{ l.t.goal_heading | fill: id: goal.id, title: goal.title }}. */
    fill: (value: unknown, ...args: unknown[]) => fill(String(value ?? ''), keywordArgs(args)),
    format_date: (value: unknown) => formatDate(typeof value === 'string' ? value : undefined, lang),
    format_date_weekday: (value: unknown) => formatDateWithWeekday(typeof value === 'string' ? value : undefined, lang),
    format_time: (value: unknown) => formatTime(typeof value === 'string' ? value : undefined, lang),
    format_number: (value: unknown) => (typeof value === 'number' ? formatNumber(value, lang) : String(value ?? '')),
  };
  for (const [name, filter] of Object.entries(filters)) engine.registerFilter(name, filter);
}

/** Entries of templates/ looked at for links; a real templates folder has a dozen. */
const MAX_TEMPLATE_ENTRIES = 10_000;

/**
 * The first entry of `dir` (or `dir` itself), at any depth, that is a link leading out of the
 * workspace: templates are inlined into every page, so one linked to /etc/passwd would publish it.
 */
async function linkOutOf(workspaceRoot: string, dir: string): Promise<{ path: string; target: string } | undefined> {
  const target = await outsideTarget(workspaceRoot, dir);
  if (target) return { path: dir, target };
  const pending = [dir];
  let seen = 0;
  while (pending.length > 0 && seen < MAX_TEMPLATE_ENTRIES) {
    const folder = pending.pop()!;
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      seen++;
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        const out = await outsideTarget(workspaceRoot, path);
        if (out) return { path, target: out };
      } else if (entry.isDirectory()) {
        pending.push(path);
      }
    }
  }
  return undefined;
}

const say = messages('render/liquid', {
  linkOut: {
    sv: '{file} är en länk till {target}, utanför arbetsytan, så inget renderades: mallar läses bara inifrån arbetsytan. Kopiera filen till templates/ i stället för att länka till den, eller ta bort länken.',
    en: '{file} is a link to {target}, outside the workspace, so nothing was rendered: templates are read only from inside the workspace. Copy the file into templates/ instead of linking to it, or remove the link.',
  },
});

/**
 * The workspace's templates/ folder if it has one. Refuses (WorkspaceError) if the folder, or
 * anything in it, is a link that leads out of the workspace: nothing outside is ever read.
 */
export async function workspaceTemplateDir(workspaceRoot: string): Promise<string | undefined> {
  const dir = join(workspaceRoot, 'templates');
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const link = await linkOutOf(workspaceRoot, dir);
  if (link) {
    const rel = toPosix(relative(workspaceRoot, link.path));
    throw new WorkspaceError(say('linkOut', { file: rel, target: link.target }));
  }
  return dir;
}

/** Creates the Liquid engines for Markdown templates and the HTML layout. */
export function createLiquid(options: { lang: Lang; workspaceTemplates?: string }): LiquidEnvironment {
  const roots = [...(options.workspaceTemplates ? [options.workspaceTemplates] : []), templateDir];
  const common = {
    root: roots,
    partials: roots,
    layouts: roots,
    extname: '',
    ownPropertyOnly: true,
    strictFilters: true,
    cache: true,
    // `-%}` removes only the line break after a tag, so a template can end a {% for -%} line
    // and emit table rows one per line, and still keep the blank lines it writes on purpose.
    greedy: false,
    ...LIMITS,
  };
  const markdown = new Liquid({ ...common, outputEscape: escapeInline });
  const html = new Liquid({ ...common, outputEscape: 'escape' });
  registerFilters(markdown, options.lang);
  registerFilters(html, options.lang);
  return { markdown, html, roots };
}
