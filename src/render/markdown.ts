/**
 * Markdown to HTML with markdown-it: raw HTML in the text is shown as text (`html: false`),
 * links other than http(s), mailto, tel and relative ones are refused, and the traffic-light
 * signs (● ◐ ▲ ○) get a class so the layout can colour them. The sign's shape and its text label
 * carry the meaning, so nothing depends on the colour.
 */
import MarkdownIt from 'markdown-it';
import type { LightColor } from '../i18n/index.js';

/** The sign of each traffic-light colour: distinct in shape, so legible in black and white. */
export const LIGHT_MARKERS: Record<LightColor, string> = { green: '●', yellow: '◐', red: '▲', grey: '○' };
const COLOR_OF_MARKER = new Map<string, LightColor>(Object.entries(LIGHT_MARKERS).map(([color, marker]) => [marker, color as LightColor]));
const MARKER = /[●◐▲○]/g;

/**
 * True if a link target may be followed: web, e-mail and phone links, fragments and relative
 * paths. Refuses javascript:, vbscript:, data:, file: and every other scheme, also when
 * disguised with case, whitespace, control characters or percent-escapes, and addresses that
 * lead to another host without a scheme (//host). Entities must already be decoded (markdown-it
 * decodes them before asking). The one check for links in both Markdown and HTML output.
 */
export function isSafeLink(url: string): boolean {
  // A parser or browser that undoes percent-escapes would read "java%09script:" as a scheme.
  const decoded = url.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  // Browsers ignore control characters and whitespace inside a scheme: "java\tscript:" runs.
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  // A browser reads a backslash as a slash, so "\\host" is "//host" too.
  if (!scheme) return !/^[/\\]{2}/.test(compact);
  return ['http', 'https', 'mailto', 'tel'].includes(scheme[1]);
}

type Token = ReturnType<MarkdownIt['parse']>[number];

/** A sign anywhere, and one that starts a text: made once, as a literal in the loop over tokens makes a new object each time. */
const HAS_MARKER = /[●◐▲○]/;
const LEADING_MARKER = /^\s*([●◐▲○])/;

/** The children of the inline blocks whose source holds a traffic-light sign: their text gets the spans. */
const withSigns = new WeakSet<Token[]>();

/** A traffic-light sign in a span with its colour class, hidden from screen readers: the text label next to it says the same in words. */
const signSpan = (sign: string): string => `<span class="light light-${COLOR_OF_MARKER.get(sign)}" aria-hidden="true">${sign}</span>`;

/**
 * Wraps each traffic-light sign in a span with its colour class, as the text around it is
 * written, in the paragraphs, headings and cells whose source holds one (a sign written as an
 * entity is left as it is). Splitting the text into tokens around each sign instead cost more
 * than all the rest of this module on a large site.
 */
function colourMarkers(md: MarkdownIt): void {
  md.core.ruler.push('traffic_lights', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const block = tokens[i];
      if (block.type !== 'inline' || !block.children || !HAS_MARKER.test(block.content)) continue;
      // A table cell that starts with a sign gets the colour as a background too (the matrix).
      const cellOpen = tokens[i - 1];
      const leading = LEADING_MARKER.exec(block.content);
      if (leading && cellOpen && (cellOpen.type === 'td_open' || cellOpen.type === 'th_open')) {
        cellOpen.attrJoin('class', `cell-${COLOR_OF_MARKER.get(leading[1])}`);
      }
      withSigns.add(block.children);
    }
  });
  const text = md.renderer.rules.text as NonNullable<typeof md.renderer.rules.text>;
  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const html = text(tokens, idx, options, env, self);
    return withSigns.has(tokens) ? html.replace(MARKER, signSpan) : html;
  };
}

/** The plain text of an inline token: its text, without markup or the traffic-light signs. */
function plainText(inline: Token | undefined): string {
  if (!inline?.children) return '';
  const signs = withSigns.has(inline.children);
  return inline.children
    .map((c) =>
      c.type === 'text' ? (signs ? c.content.replace(MARKER, '') : c.content) : c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : '',
    )
    .join('')
    .trim();
}

/**
 * What a table is about, to name the region around it: the paragraph that introduces it
 * ("Indikatorer för m1:"), else the heading it sits under, else `fallback`.
 */
function tableName(tokens: readonly Token[], idx: number, fallback: string): string {
  if (tokens[idx - 1]?.type === 'paragraph_close') {
    const intro = plainText(tokens[idx - 2]);
    if (intro.endsWith(':')) return intro.slice(0, -1).trim();
  }
  for (let i = idx - 1; i >= 0; i--) {
    if (tokens[i].type === 'heading_open') return plainText(tokens[i + 1]) || fallback;
  }
  return fallback;
}

/** Tables with more columns than this are printed in a smaller type (class table-wide) to fit A4. */
const WIDE_TABLE_COLUMNS = 6;

/** The number of cells in the first row of the table that opens at `idx`. */
function columnCount(tokens: readonly Token[], idx: number): number {
  let count = 0;
  for (let i = idx + 1; i < tokens.length && tokens[i].type !== 'tr_close'; i++) {
    if (tokens[i].type === 'th_open' || tokens[i].type === 'td_open') count++;
  }
  return count;
}

/**
 * Puts every table in a box that scrolls sideways on its own, so a wide table never makes the
 * whole page scroll. The box can be reached and scrolled with the keyboard (tabindex 0) and is a
 * named region, so a screen reader says what the stop is (WCAG 2.1.1; axe scrollable-region-focusable).
 */
function scrollableTables(md: MarkdownIt, fallbackName: string): void {
  md.renderer.rules.table_open = (tokens, idx, options, _env, self) => {
    const name = md.utils.escapeHtml(tableName(tokens, idx, fallbackName));
    const wide = columnCount(tokens, idx) > WIDE_TABLE_COLUMNS ? ' table-wide' : '';
    return `<div class="table-scroll${wide}" role="region" tabindex="0" aria-label="${name}">\n${self.renderToken(tokens, idx, options)}`;
  };
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) => `${self.renderToken(tokens, idx, options)}</div>\n`;
}

export interface MarkdownItOptions {
  /** The name of a table's scroll region when nothing before it says what it is ("Tabell"). */
  tableName?: string;
}

/** A markdown-it instance for rendered documents. */
export function createMarkdownIt(options: MarkdownItOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.validateLink = isSafeLink;
  colourMarkers(md);
  scrollableTables(md, options.tableName ?? 'Table');
  return md;
}

/** Renders generated Markdown to an HTML fragment. */
export function markdownToHtml(markdown: string, md: MarkdownIt = createMarkdownIt()): string {
  return md.render(markdown);
}
