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
  /**
   * For a link found in inline text (not a reference definition, whose offsets are in the source):
   * the inline token and the text the parser was reading, the token's or an image's description
   * inside it. A link there is only alt text to most readers, but not surely to all: its offsets
   * then point elsewhere in the token, the characters differ, and everything is escaped.
   */
  inline?: { token: Token; src: string };
  /** Offsets of the characters to escape: the `[` and `]` of a link's text, the `<` of an autolink. */
  escape: number[];
  /** Null if the parser gave the link no address: judged unsafe. */
  href: string | null;
}

interface ScanEnv {
  references?: Record<string, { href: string }>;
  found: Found[];
  /** The inline token being parsed. */
  inline?: Token;
}

/** A rule of a markdown-it ruler, by name, to be wrapped. */
function ruleOf<T>(ruler: unknown, name: string): T {
  const rules = (ruler as { __rules__: Array<{ name: string; fn: T }> }).__rules__;
  const rule = rules.find((r) => r.name === name);
  // Stryker disable next-line all: markdown-it has these rules; the message names the cause if a new version drops one.
  if (!rule) throw new Error(`markdown-it has no rule "${name}": the link filter needs updating for this version of markdown-it.`);
  return rule.fn;
}

/**
 * A parser that finds every link, whatever its address, and notes where it starts and ends: the
 * inline rules link, image and autolink and the block rule reference are wrapped to see the
 * parser's position before and after. Raw HTML is off, so a link is found even where a wiki that
 * allows HTML would see a tag around it: escaping one more link than needed costs nothing.
 */
function createScanner(): MarkdownIt {
  const md = new MarkdownIt();
  // Every link must be seen, whatever its address, to be judged here rather than dropped quietly.
  md.validateLink = () => true;
  const inline = md.inline.ruler as unknown as { at(name: string, fn: InlineRule): void };
  for (const name of ['link', 'image', 'autolink'] as const) {
    const original = ruleOf<InlineRule>(inline, name);
    inline.at(name, (state, silent) => {
      const start = state.pos;
      // Text waiting before the link becomes a token now, so the link's own token comes first.
      if (!silent && state.pending) state.pushPending();
      const first = state.tokens.length;
      const matched = original(state, silent);
      if (!matched || silent) return matched;
      const env = state.env as ScanEnv;
      let escape = [start];
      if (name !== 'autolink') {
        // The end of the link text, found again from its opening bracket as the rule found it.
        const end = state.pos;
        const bracket = name === 'image' ? start + 1 : start;
        escape = [bracket, state.md.helpers.parseLinkLabel(state, bracket, false)];
        state.pos = end;
      }
      env.found.push({ inline: { token: env.inline as Token, src: state.src }, escape, href: state.tokens[first].attrGet(name === 'image' ? 'src' : 'href') });
      return matched;
    });
  }
  const block = md.block.ruler as unknown as { at(name: string, fn: BlockRule): void };
  const reference = ruleOf<BlockRule>(block, 'reference');
  block.at('reference', (state, startLine, endLine, silent) => {
    const env = state.env as ScanEnv;
    const known = new Set(Object.keys(env.references ?? {}));
    const matched = reference(state, startLine, endLine, silent);
    // Only a definition of a new label adds one; a label defined twice keeps its first address.
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
      state.md.inline.parse(token.content, state.md, state.env, token.children as Token[]);
    }
  });
  return md;
}

let scanner: MarkdownIt | undefined;

/**
 * Maps an offset in an inline token's text to an offset in the source. The parser builds that
 * text from the token's lines, each cut from its source line (after list markers, `>` and
 * indentation, around a table cell's pipes), so each line of it is found in the source, searching
 * on from the start of its line or from where the previous token on that line ended. Where that
 * goes wrong (a table cell's `\|` is `|` in its text), the caller sees the character differ.
 */
function inlineMapper(source: string, lineStarts: readonly number[], token: Token, firstLine: number, cursor: Map<number, number>): (offset: number) => number {
  const lines = token.content.split('\n');
  const bases: number[] = [];
  const offsets: number[] = [];
  let offset = 0;
  lines.forEach((text, k) => {
    const line = firstLine + k;
    const at = source.indexOf(text, cursor.get(line) ?? lineStarts[line]);
    cursor.set(line, at + text.length);
    bases.push(at);
    offsets.push(offset);
    offset += text.length + 1;
  });
  return (at) => {
    let k = offsets.length - 1;
    while (offsets[k] > at) k--;
    return bases[k] + at - offsets[k];
  };
}

/**
 * The offsets in `source` where a backslash makes each unsafe link text, or undefined when a
 * link was found that cannot be placed in the source (the caller then escapes everything).
 */
function unsafeLinkOffsets(source: string): number[] | undefined {
  scanner ??= createScanner();
  const env: ScanEnv = { found: [] };
  const tokens = scanner.parse(source, env);
  const lineStarts = [0, ...[...source.matchAll(/\n/g)].map((m) => m.index + 1)];
  const cursor = new Map<number, number>();
  const mappers = new Map<Token, (offset: number) => number>();
  // A table cell's text has no line of its own: it is on the line of the row around it.
  let line = 0;
  for (const token of tokens) {
    line = token.map?.[0] ?? line;
    if (token.type === 'inline') mappers.set(token, inlineMapper(source, lineStarts, token, line, cursor));
  }
  const offsets: number[] = [];
  for (const item of env.found) {
    if (item.href !== null && isSafeLink(item.href)) continue;
    if (!item.inline) {
      offsets.push(...item.escape);
      continue;
    }
    const map = mappers.get(item.inline.token) as (offset: number) => number;
    for (const offset of item.escape) {
      const at = map(offset);
      if (source[at] !== item.inline.src[offset]) return undefined;
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

/** How many rounds of escaping are tried before every bracket is escaped instead. */
export const MAX_PASSES = 10;

/**
 * `markdown` (with \n line endings) with every link, image, autolink and reference definition
 * whose address `isSafeLink` refuses shown as text instead. Escaping one can make another (the
 * text of a link held a link, a definition's title becomes text), so it repeats until nothing
 * unsafe is left; when it cannot tell where a link is, or it takes more than MAX_PASSES rounds,
 * every bracket is escaped: no link beats a bad one.
 */
export function neutralizeUnsafeLinks(markdown: string): string {
  let text = markdown;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const offsets = unsafeLinkOffsets(text);
    if (offsets === undefined) break;
    if (offsets.length === 0) return text;
    text = insertBackslashes(text, offsets);
  }
  return escapeAllLinks(text);
}
