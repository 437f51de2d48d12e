/**
 * Property: whatever a user writes, put into a document the way the templates put it (short
 * values through escapeInline, long text through markdownBlock, then tidyMarkdown), yields no
 * element, attribute or address that did not come from plain Markdown, read (a) as Markdown by a
 * wiki with raw HTML allowed and (b) as our HTML. Images are allowed (with safe addresses): they
 * are plain Markdown, and the HTML pages' Content-Security-Policy loads none from elsewhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownIt } from '../../src/render/markdown.js';
import { escapeInline, markdownBlock, tidyMarkdown } from '../../src/render/markdown-text.js';
import { ALLOWED_SCHEMES, browserScheme, wikiParser, wikiView } from './wiki-parser.js';

const FRAGMENTS = [
  '[', ']', '(', ')', '<', '>', '&', '"', "'", '`', '```', '\n', '\n\n', '#', '## ', '|', '*', '_', '~~', '!', '\\', ' ', ':', '/', '//', '@',
  '- ', '1. ', '> ', '    ', '---', '=', '\t', '%', '%0a', '%6A', '&#106;', '&#x09;', '&colon;', '&amp;', '&lt;', '&quot;', '&#x3C;',
  'javascript:', 'JAVASCRIPT:', 'java\tscript:', 'jav&#x09;ascript:', 'javascript&colon;', 'data:', 'data:text/html,', 'vbscript:', 'file:///',
  'https://a.example/', 'http://', 'mailto:', 'tel:', 'www.', 'a@b.example', 'alert(1)', 'x', 'Klicka', 'ö',
  '<script>', '</script>', '<a href="', '<img src=x onerror=', '<!--', '-->', '<?', '<![CDATA[', '<div>', '<x:y>', 'onclick=',
  '[x]: ', '[x]', '][', '](', '![', '"t"', '| --- |', '\u0000', '\u001b[31m', '\u0085', '\u2028',
];

/** Text built from the pieces Markdown and HTML are made of, or any text at all. */
const userText = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** The user's texts where the templates put them: headings, list items, table cells, long text. */
function document(title: string, value: string, cell: string, long: string): string {
  return tidyMarkdown(
    [
      `# ${escapeInline(title)}`,
      '',
      `- Ansvarig: ${escapeInline(value)}`,
      '',
      '| Åtgärd | Status |',
      '| --- | --- |',
      `| ${escapeInline(cell)} | ● Klar |`,
      '',
      '## Bakgrund',
      '',
      markdownBlock(long),
      '',
      '## Slut',
    ].join('\n'),
  );
}

const WIKI = wikiParser();
const HTML = createMarkdownIt();

// The tags plain Markdown makes, and the attributes each may carry (our renderer's own table
// region and traffic-light spans included); every value is checked below where it matters.
const ALLOWED_TAGS: Record<string, readonly string[]> = {
  p: [], em: [], strong: [], s: [], code: ['class'], pre: [], ul: [], ol: ['start'], li: [], blockquote: [], hr: [], br: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], a: ['href', 'title'], img: ['src', 'alt', 'title'],
  table: [], thead: [], tbody: [], tr: [], th: ['style', 'class'], td: ['style', 'class'],
  div: ['class', 'role', 'tabindex', 'aria-label'], span: ['class', 'aria-hidden'],
};

const ATTRIBUTE_VALUES: Record<string, RegExp> = {
  style: /^text-align:(left|center|right)$/,
  class: /^(language-\S*|table-scroll( table-wide)?|light light-(green|yellow|red|grey)|cell-(green|yellow|red|grey))$/,
  role: /^region$/,
  tabindex: /^0$/,
  'aria-hidden': /^true$/,
  start: /^\d+$/,
};

const unescapeHtml = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

function expectOnlyPlainMarkdown(html: string): void {
  for (const [, name, attributes] of html.matchAll(/<([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const allowed = ALLOWED_TAGS[name.toLowerCase()];
    expect(allowed, `<${name}> in ${html}`).toBeDefined();
    // markdown-it writes attributes as name="value" with the value escaped: nothing else may be left.
    const rest = attributes.replace(/\s+([a-z-]+)="([^"]*)"/g, (_, attribute: string, value: string) => {
      expect(allowed, `${attribute} on <${name}> in ${html}`).toContain(attribute);
      const text = unescapeHtml(value);
      if (attribute === 'href' || attribute === 'src') expect(ALLOWED_SCHEMES, `${text} in ${html}`).toContain(browserScheme(text));
      const pattern = ATTRIBUTE_VALUES[attribute];
      if (pattern) expect(text, `${attribute} on <${name}>`).toMatch(pattern);
      return '';
    });
    expect(rest.replace(/\s*\/?$/, ''), `attributes of <${name}> in ${html}`).toBe('');
  }
}

describe('any user text in a rendered document', () => {
  it('gives a wiki no raw HTML and no link outside http, https, mailto, tel and relative', () => {
    fc.assert(
      fc.property(userText, userText, userText, userText, (title, value, cell, long) => {
        const view = wikiView(document(title, value, cell, long), WIKI);
        expect(view.html).toEqual([]);
        for (const href of view.hrefs) expect(ALLOWED_SCHEMES, href).toContain(browserScheme(href));
      }),
      { numRuns: 400 },
    );
  });

  it('gives HTML with no element, attribute or address that plain Markdown does not make', () => {
    fc.assert(
      fc.property(userText, userText, userText, userText, (title, value, cell, long) => {
        expectOnlyPlainMarkdown(HTML.render(document(title, value, cell, long)));
      }),
      { numRuns: 400 },
    );
  });

  it('checks what it claims to: a raw link or tag from the text would be caught', () => {
    expect(wikiView('[x](javascript:alert(1)) <b>x</b>', WIKI)).toEqual({ hrefs: ['javascript:alert(1)'], html: ['<b>', '</b>'] });
    expect(() => expectOnlyPlainMarkdown('<p onclick="x">')).toThrow();
    expect(() => expectOnlyPlainMarkdown('<a href="data:x">')).toThrow();
    expect(() => expectOnlyPlainMarkdown('<script>')).toThrow();
    expect(() => expectOnlyPlainMarkdown('<td style="color:red">')).toThrow();
    expectOnlyPlainMarkdown('<p><a href="https://a.example" title="t">a</a> <img src="b.png" alt="b"></p>');
  });
});
