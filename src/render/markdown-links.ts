/**
 * Links in user Markdown that is published as it is (on a GitLab or GitHub wiki, in a repository):
 * a link, image, autolink or reference definition whose address is not one `isSafeLink` allows is
 * turned into text, by escaping the brackets that make it a link, so the reader sees the link text
 * and the address but nothing to click. A real CommonMark parser (markdown-it) finds the links, so
 * every spelling the parsers accept is found: entities, percent-escapes, nested brackets, titles,
 * definitions used elsewhere, images inside links.
 */
import MarkdownIt from 'markdown-it';
import { isSafeLink } from './markdown.js';

type StateInline = MarkdownIt['inline']['State']['prototype'];
type StateBlock = MarkdownIt['block']['State']['prototype'];
type InlineRule = (state: StateInline, silent: boolean) => boolean;
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type Token = ReturnType<MarkdownIt['parse']>[number];

/** Where a link was found: an offset in the text the inline parser saw, or in the whole source. */
interface Found {
  /** The inline text it was found in; undefined for a reference definition (offsets in the source). */
  src?: string;
  /** The inline token whose text was being parsed when it was found. */
  inline?: Token;
  /** Offsets of the characters to escape: the `[` and `]` of a link's text, the `<` of an autolink. */
  escape: number[];
  /** Undefined if the parser's link token was not found: judged unsafe. */
  href: string | undefined;
}

interface ScanEnv {
  references?: Record<string, { href: string }>;
  found: Found[];
  /** The inline token being parsed: links inside an image's alt text (another text) are not links. */
  inline?: Token;
}

/** A rule of a markdown-it ruler, by name, to be wrapped. */
function ruleOf<T>(ruler: { at(name: string, fn: T, options?: { alt?: string[] }): void }, name: string): T {
  const rules = (ruler as unknown as { __rules__: Array<{ name: string; fn: T }> }).__rules__;
  const rule = rules.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no rule "${name}": the link filter needs updating for this version of markdown-it.`);
  return rule.fn;
}

/**
 * A parser that reads Markdown as a wiki would (raw HTML on, every address accepted) and notes
 * where each link starts and ends: the inline rules link, image and autolink and the block rule
 * reference are wrapped to see the parser's position before and after.
 */
function createScanner(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false });
  // Every link must be seen, whatever its address, to be judged here rather than dropped quietly.
  md.validateLink = () => true;
  const inline = md.inline.ruler as unknown as { at(name: string, fn: InlineRule): void };
  for (const name of ['link', 'image', 'autolink'] as const) {
    const original = ruleOf<InlineRule>(inline, name);
    inline.at(name, (state, silent) => {
      const start = state.pos;
      const first = state.tokens.length;
      // The end of the link text, worked out as the rule itself does, before it moves on.
      const bracket = name === 'image' ? start + 1 : start;
      const labelEnd = silent || name === 'autolink' || state.src[bracket] !== '[' ? -1 : state.md.helpers.parseLinkLabel(state, bracket, name === 'link');
      const matched = original(state, silent);
      if (!matched || silent) return matched;
      const env = state.env as ScanEnv;
      env.found.push({
        src: state.src,
        inline: env.inline,
        escape: name === 'autolink' ? [start] : [bracket, labelEnd],
        // Text waiting before the link is pushed first, so the link is the first token of its kind.
        href: state.tokens.slice(first).find((t) => t.type === 'link_open' || t.type === 'image')?.attrGet(name === 'image' ? 'src' : 'href') ?? undefined,
      });
      return matched;
    });
  }
  const block = md.block.ruler as unknown as { at(name: string, fn: BlockRule, options?: { alt?: string[] }): void };
  const reference = ruleOf<BlockRule>(block, 'reference');
  block.at('reference', (state, startLine, endLine, silent) => {
    const env = state.env as ScanEnv;
    const known = new Set(Object.keys(env.references ?? {}));
    const matched = reference(state, startLine, endLine, silent);
    if (!matched || silent) return matched;
    // A label defined twice keeps its first address; the second definition links nothing.
    for (const [label, ref] of Object.entries(env.references ?? {})) {
      if (!known.has(label)) env.found.push({ escape: [state.bMarks[startLine] + state.tShift[startLine]], href: ref.href });
    }
    return matched;
  });
  md.core.ruler.at('inline', (state) => {
    const env = state.env as ScanEnv;
    for (const token of state.tokens) {
      if (token.type !== 'inline') continue;
      env.inline = token;
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? (token.children = []));
    }
  });
  return md;
}

let scanner: MarkdownIt | undefined;

/** The offset in `source` of each line's start. */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Maps an offset in an inline token's text to an offset in the source. The parser builds that
 * text from the token's lines, each cut from its source line (after list markers, `>` and
 * indentation, around a table cell's pipes), so each line of it is found in its source line,
 * searching on from where the previous token on that line ended. Undefined if it cannot be.
 */
function inlineMapper(source: string, starts: number[], token: Token, paragraph: boolean, cursor: Map<number, number>): ((offset: number) => number | undefined) | undefined {
  if (!token.map) return undefined;
  const lines = token.content.split('\n');
  const bases: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = token.map[0] + k;
    if (line >= starts.length) return undefined;
    const lineEnd = line + 1 < starts.length ? starts[line + 1] - 1 : source.length;
    const from = Math.max(starts[line], cursor.get(line) ?? 0);
    // A paragraph's line runs to the end of its source line; a heading's or cell's may not.
    const text = source.slice(from, lineEnd);
    const trimmed = text.replace(/[ \t]+$/, '');
    const at = paragraph && trimmed.endsWith(lines[k]) ? trimmed.length - lines[k].length : text.indexOf(lines[k]);
    if (at < 0) return undefined;
    bases.push(from + at);
    cursor.set(line, from + at + lines[k].length);
  }
  const lineOffsets = lineStarts(token.content);
  return (offset) => {
    let k = lineOffsets.length - 1;
    while (lineOffsets[k] > offset) k--;
    return bases[k] + offset - lineOffsets[k];
  };
}

/**
 * The offsets in `source` where a backslash makes each unsafe link text, or undefined when a
 * link was found that cannot be placed in the source (the caller then escapes everything).
 */
export function unsafeLinkOffsets(source: string): number[] | undefined {
  scanner ??= createScanner();
  const env: ScanEnv = { found: [] };
  const tokens = scanner.parse(source, env);
  const starts = lineStarts(source);
  const cursor = new Map<number, number>();
  const mappers = new Map<Token, ((offset: number) => number | undefined) | undefined>();
  tokens.forEach((token, i) => {
    if (token.type === 'inline') mappers.set(token, inlineMapper(source, starts, token, tokens[i - 1]?.type === 'paragraph_open', cursor));
  });
  const offsets: number[] = [];
  for (const item of env.found) {
    if (item.href !== undefined && isSafeLink(item.href)) continue;
    if (item.src === undefined) {
      offsets.push(...item.escape);
      continue;
    }
    const token = item.inline;
    // A link inside an image's description is only ever shown as the image's plain alt text.
    if (!token || item.src !== token.content) continue;
    const map = mappers.get(token);
    if (!map) return undefined;
    for (const offset of item.escape) {
      const at = map(offset);
      if (at === undefined || source[at] !== item.src[offset]) return undefined;
      offsets.push(at);
    }
  }
  return [...new Set(offsets)].sort((a, b) => a - b);
}

/** `text` with a backslash before each of `offsets`. */
function insertBackslashes(text: string, offsets: readonly number[]): string {
  let out = '';
  let last = 0;
  for (const offset of offsets) {
    out += `${text.slice(last, offset)}\\`;
    last = offset;
  }
  return out + text.slice(last);
}

/** Every character that could start or end a link or raw HTML, escaped: the last resort. */
function escapeAllLinks(text: string): string {
  return text.replace(/(?<!\\)((?:\\\\)*)([[\]<>])/g, '$1\\$2');
}

/**
 * `markdown` with every link, image, autolink and reference definition whose address `isSafeLink`
 * refuses shown as text instead. Escaping one can make another (the text of a link held a link,
 * a definition's title becomes text), so it repeats until nothing unsafe is left; in the unlikely
 * case that it cannot tell where a link is, every bracket is escaped: no link beats a bad one.
 */
export function neutralizeUnsafeLinks(markdown: string): string {
  let text = markdown.replace(/\r\n?/g, '\n');
  for (let pass = 0; pass < 10; pass++) {
    const offsets = unsafeLinkOffsets(text.replace(/\0/g, '\uFFFD'));
    if (offsets === undefined) break;
    if (offsets.length === 0) return text;
    text = insertBackslashes(text, offsets);
  }
  return escapeAllLinks(text);
}
