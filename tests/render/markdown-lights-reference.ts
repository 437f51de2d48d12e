/**
 * createMarkdownIt as it was before the traffic-light signs were wrapped as text is written: the
 * reference that markdown-lights-equivalence.test.ts holds it to. The module's own instance with
 * its rule for the signs put back as it was, splitting the text tokens around each sign, and
 * markdown-it's own rule for text.
 */
import type MarkdownIt from 'markdown-it';
import { createMarkdownIt, LIGHT_MARKERS, type MarkdownItOptions } from '../../src/render/markdown.js';

type Token = ReturnType<MarkdownIt['parse']>[number];
type StateCore = Parameters<Parameters<MarkdownIt['core']['ruler']['push']>[1]>[0];

const COLOR_OF_MARKER = new Map(Object.entries(LIGHT_MARKERS).map(([color, marker]) => [marker, color]));
const MARKER = /[●◐▲○]/g;

/** The rule as it was. */
function splitAroundSigns(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const block = tokens[i];
    if (block.type !== 'inline' || !block.children || !/[●◐▲○]/.test(block.content)) continue;
    // A table cell that starts with a sign gets the colour as a background too (the matrix).
    const cellOpen = tokens[i - 1];
    const leading = /^\s*([●◐▲○])/.exec(block.content);
    if (leading && cellOpen && (cellOpen.type === 'td_open' || cellOpen.type === 'th_open')) {
      cellOpen.attrJoin('class', `cell-${COLOR_OF_MARKER.get(leading[1])}`);
    }
    const children: Token[] = [];
    for (const child of block.children) {
      if (child.type !== 'text' || !/[●◐▲○]/.test(child.content)) {
        children.push(child);
        continue;
      }
      let last = 0;
      for (const match of child.content.matchAll(MARKER)) {
        if (match.index > last) {
          const text = new state.Token('text', '', 0);
          text.content = child.content.slice(last, match.index);
          children.push(text);
        }
        const open = new state.Token('html_inline', '', 0);
        // Hidden from screen readers: the text label next to it says the same in words.
        open.content = `<span class="light light-${COLOR_OF_MARKER.get(match[0])}" aria-hidden="true">${match[0]}</span>`;
        children.push(open);
        last = match.index + match[0].length;
      }
      if (last < child.content.length) {
        const text = new state.Token('text', '', 0);
        text.content = child.content.slice(last);
        children.push(text);
      }
    }
    block.children = children;
  }
}

/** A markdown-it instance for rendered documents, as createMarkdownIt made it before. */
export function createReferenceMarkdownIt(options: MarkdownItOptions = {}): MarkdownIt {
  const md = createMarkdownIt(options);
  md.core.ruler.at('traffic_lights', splitAroundSigns);
  md.renderer.rules.text = (tokens, idx) => md.utils.escapeHtml(tokens[idx].content);
  return md;
}
