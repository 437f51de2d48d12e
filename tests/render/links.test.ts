/**
 * Links from user text in Markdown output, which wikis publish as it is: every spelling of an
 * unsafe address, put through markdownBlock (long text) and escapeInline (short values), must
 * come out as text that no Markdown parser turns into a link, while safe links stay links.
 */
import { describe, expect, it } from 'vitest';
import { MAX_PASSES, neutralizeUnsafeLinks } from '../../src/render/markdown-links.js';
import { createMarkdownIt, isSafeLink } from '../../src/render/markdown.js';
import { escapeInline, markdownBlock } from '../../src/render/markdown-text.js';
import { ALLOWED_SCHEMES, browserScheme, wikiView } from './wiki-parser.js';

/** Hostile spellings, each with a word of its visible text that must still be shown. */
const HOSTILE: Array<[name: string, text: string, shown: string]> = [
  ['plain', '[Klicka](javascript:alert(1))', 'Klicka'],
  ['upper case', '[Klicka](JAVASCRIPT:alert(1))', 'Klicka'],
  ['mixed case', '[Klicka](JaVaScRiPt:alert(1))', 'Klicka'],
  ['hex entity for a tab', '[Klicka](jav&#x09;ascript:alert(1))', 'Klicka'],
  ['decimal entity for a letter', '[Klicka](&#106;avascript:alert(1))', 'Klicka'],
  ['named entity for the colon', '[Klicka](javascript&colon;alert(1))', 'Klicka'],
  ['tab inside the scheme', '[Klicka](<java\tscript:alert(1)>)', 'Klicka'],
  ['percent-escaped letter', '[Klicka](%6Aavascript:alert(1))', 'Klicka'],
  ['percent-escaped tab', '[Klicka](java%09script:alert(1))', 'Klicka'],
  ['leading space in brackets', '[Klicka](< javascript:alert(1)>)', 'Klicka'],
  ['line break before the address', '[Klicka](\njavascript:alert(1))', 'Klicka'],
  ['vbscript', '[Klicka](vbscript:msgbox(1))', 'Klicka'],
  ['data', '[Klicka](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'Klicka'],
  ['file', '[Klicka](file:///etc/passwd)', 'Klicka'],
  ['with a title', '[Klicka](javascript:alert(1) "Öppna")', 'Klicka'],
  ['pointy brackets and a title', "[Klicka](<javascript:alert(1)> 'Öppna')", 'Klicka'],
  ['reference', 'Se [Klicka].\n\n[Klicka]: javascript:alert(1)', 'Klicka'],
  ['full reference', 'Se [Klicka][r].\n\n[r]: <javascript:alert(1)> "Öppna"', 'Klicka'],
  ['collapsed reference', 'Se [Klicka][].\n\n[klicka]: JAVASCRIPT:alert(1)', 'Klicka'],
  ['reference whose title holds a link', 'Se [Klicka].\n\n[Klicka]: javascript:alert(1) "[inre](javascript:alert(2))"', 'Klicka'],
  ['reference over two lines', 'Se [Klicka].\n\n[Klicka]:\n  data:text/html,x', 'Klicka'],
  ['image', '![Bild](javascript:alert(1))', 'Bild'],
  ['image by reference', '![Bild][b]\n\n[b]: data:image/svg+xml,<svg/onload=alert(1)>', 'Bild'],
  ['image inside a link', '[![Bild](https://a.example/b.png)](javascript:alert(1))', 'Bild'],
  ['unsafe image inside a safe link', '[![Bild](javascript:alert(1))](https://a.example)', 'Bild'],
  ['autolink', '<javascript:alert(1)>', 'alert'],
  ['autolink in capitals', '<JAVASCRIPT:alert(1)>', 'alert'],
  ['autolink that looks like an e-mail address', '<javascript:alert(1)//@a.example>', 'alert'],
  ['data autolink', '<data:text/html,hej>', 'hej'],
  ['nested brackets', '[[Klicka](javascript:alert(1))](javascript:alert(2))', 'Klicka'],
  ['brackets inside the text', '[Klicka [här] nu](javascript:alert(1))', 'Klicka'],
  ['two in a row', '[Klicka](javascript:alert(1))[här](vbscript:x)', 'här'],
  ['escaped bracket before', '[Klicka \\[här](javascript:alert(1))', 'Klicka'],
  ['escaped backslash before', '\\\\[Klicka](javascript:alert(1))', 'Klicka'],
  ['in a list', '- [Klicka](javascript:alert(1))\n- två', 'Klicka'],
  ['in a quote in a list', '- ett\n\n  > [Klicka](javascript:alert(1))', 'Klicka'],
  ['in a table, twice', '| a | b |\n| --- | --- |\n| [Klicka](javascript:1) | [Klicka](javascript:1) |', 'Klicka'],
  ['in a heading', '## Rubrik [Klicka](javascript:alert(1)) ##', 'Klicka'],
  ['raw HTML link', '<a href="javascript:alert(1)">Klicka</a>', 'Klicka'],
  ['protocol-relative', '[Klicka](//evil.example/x)', 'Klicka'],
];

/** Every address a wiki would link in `markdown` has an allowed scheme, and there is no raw HTML. */
function expectNoUnsafeLink(markdown: string): void {
  const view = wikiView(markdown);
  for (const href of view.hrefs) expect(ALLOWED_SCHEMES, `${href} in ${JSON.stringify(markdown)}`).toContain(browserScheme(href));
  for (const href of view.hrefs) expect(isSafeLink(decodeURIComponent(href)), href).toBe(true);
  expect(view.html, markdown).toEqual([]);
  const html = createMarkdownIt().render(markdown);
  for (const [, href] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(ALLOWED_SCHEMES).toContain(browserScheme(href.replaceAll('&amp;', '&')));
}

describe('unsafe links in user text', () => {
  it.each(HOSTILE)('%s: shown as text in long text', (_name, text, shown) => {
    const block = markdownBlock(text);
    expectNoUnsafeLink(block);
    // The reader still sees what was written.
    expect(createMarkdownIt().render(block)).toContain(shown);
  });

  it.each(HOSTILE)('%s: shown as text in a short value', (_name, text, shown) => {
    const line = `- Titel: ${escapeInline(text)}`;
    expectNoUnsafeLink(line);
    expect(createMarkdownIt().render(line)).toContain(shown);
  });

  it('shows the address of an unsafe link as text, not as a link', () => {
    expect(markdownBlock('Se [Klicka](javascript:alert(1)) nu.')).toBe('Se \\[Klicka\\](javascript:alert(1)) nu.');
    expect(markdownBlock('![Bild](data:x)')).toBe('!\\[Bild\\](data:x)');
    expect(markdownBlock('<javascript:alert(1)//@a.example>')).toBe('\\<javascript:alert(1)//@a.example>');
    expect(markdownBlock('Se [x].\n\n[x]: file:///etc/passwd')).toBe('Se \\[x\\].\n\n\\[x]: file:///etc/passwd');
    expect(createMarkdownIt().render(markdownBlock('[Klicka](javascript:alert(1))'))).toBe('<p>[Klicka](javascript:alert(1))</p>\n');
  });

  it('keeps safe links, images and autolinks exactly as written', () => {
    const safe = [
      '[Kommunen](https://www.alfa.example/kvinnofrid "Alfa") och [mejl](mailto:a@alfa.example) och [ring](tel:+46522123456).',
      '[Planen](plan-handlingsplan.html#m1) och [upp](#top) och [bilaga](../bilagor/a.pdf)',
      '![Karta](bilder/karta.png) och [![Logga](https://a.example/l.png)](https://a.example)',
      'Se [Alfa][a] och [b].\n\n[a]: https://alfa.example\n[b]: <https://b.example> "B"',
      '<https://a.example/x> <kontakt@alfa.example> https://bare.example',
      '`[kod](javascript:x)`\n\n```\n[kod](javascript:x)\n```',
    ];
    for (const text of safe) expect(neutralizeUnsafeLinks(text)).toBe(text);
  });

  it('escapes exactly the brackets of each unsafe link, wherever it stands', () => {
    const cases: Array<[string, string]> = [
      // Lines after the first of a paragraph, a list and a quote in it.
      ['a [x](javascript:1)\nb [y](javascript:2)\nc', 'a \\[x\\](javascript:1)\nb \\[y\\](javascript:2)\nc'],
      ['- ett\n  två [x](javascript:1)\n\n  > tre\n  > [y](data:x)', '- ett\n  två \\[x\\](javascript:1)\n\n  > tre\n  > \\[y\\](data:x)'],
      // Cells with the same text, in the header and the body of a table, and a heading.
      [
        '| [x](javascript:1) | [x](javascript:1) |\n| --- | --- |\n| [x](javascript:1) | [x](javascript:1) |',
        '| \\[x\\](javascript:1) | \\[x\\](javascript:1) |\n| --- | --- |\n| \\[x\\](javascript:1) | \\[x\\](javascript:1) |',
      ],
      ['## [x](javascript:1) och [x](javascript:1) ##', '## \\[x\\](javascript:1) och \\[x\\](javascript:1) ##'],
      // Reference definitions: indented, the first of two, a label defined twice (the second is never used).
      ['Se [a].\n\n  [a]: javascript:1', 'Se \\[a\\].\n\n  \\[a]: javascript:1'],
      ['[a]: javascript:1\n[b]: https://ok.example', '\\[a]: javascript:1\n[b]: https://ok.example'],
      ['Se [a].\n\n[a]: https://ok.example\n\n[a]: javascript:1', 'Se [a].\n\n[a]: https://ok.example\n\n[a]: javascript:1'],
      // An unsafe link in an image's description (alt text to most readers, but not surely to all)
      // cannot be placed in the source: every bracket is escaped. An unsafe image in a safe link can.
      ['![a [b](javascript:1) c](https://a.example/i.png)', '!\\[a \\[b\\](javascript:1) c\\](https://a.example/i.png)'],
      ['x [![a](javascript:1)](https://a.example)', 'x [!\\[a\\](javascript:1)](https://a.example)'],
      ['x <javascript:1> y', 'x \\<javascript:1> y'],
      // A cell whose text is not as written (its \| is | to the parser) cannot be placed: every bracket is escaped.
      ['| a |\n| --- |\n| b \\| [x](javascript:1) <https://ok.example> |', '| a |\n| --- |\n| b \\| \\[x\\](javascript:1) \\<https://ok.example\\> |'],
    ];
    for (const [text, shown] of cases) {
      expect(neutralizeUnsafeLinks(text), text).toBe(shown);
      expectNoUnsafeLink(shown);
    }
  });

  it(`tries ${MAX_PASSES} rounds for links inside links, then escapes every bracket`, () => {
    const nested = (depth: number) => `${'['.repeat(depth)}x${'](javascript:a)'.repeat(depth)}`;
    const deepest = neutralizeUnsafeLinks(nested(MAX_PASSES - 1));
    expect(deepest).toBe(`${'\\['.repeat(MAX_PASSES - 1)}x${'\\](javascript:a)'.repeat(MAX_PASSES - 1)}`);
    expect(neutralizeUnsafeLinks(`${nested(MAX_PASSES)} <https://a.example> \\[y\\]`)).toBe(
      `${'\\['.repeat(MAX_PASSES)}x${'\\](javascript:a)'.repeat(MAX_PASSES)} \\<https://a.example\\> \\[y\\]`,
    );
    expectNoUnsafeLink(deepest);
  });
});
