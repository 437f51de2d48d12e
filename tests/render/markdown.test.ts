import { describe, expect, it } from 'vitest';
import { createMarkdownIt, isSafeLink, markdownToHtml } from '../../src/render/markdown.js';
import { escapeInline, headingText, markdownBlock, tidyMarkdown } from '../../src/render/markdown-text.js';

/** What must never appear in HTML made from user text. */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
    expect(href).toMatch(/^(https?:|mailto:|tel:|#|[a-z0-9][a-z0-9._/-]*$)/i);
  }
}

describe('escapeInline', () => {
  it('shows markup characters as text', () => {
    expect(escapeInline('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeInline('a | b')).toBe('a \\| b');
    expect(escapeInline('*viktigt* _och_ `kod` [x](y) ~~z~~')).toBe('\\*viktigt\\* \\_och\\_ \\`kod\\` \\[x\\](y) \\~\\~z\\~\\~');
    expect(escapeInline('&amp; &#60;')).toBe('\\&amp; \\&#60;');
    expect(escapeInline('rad ett\nrad två')).toBe('rad ett rad två');
  });

  it('turns web and e-mail addresses into autolinks and leaves other schemes as text', () => {
    expect(escapeInline('Se https://www.alfa.example/a_b.')).toBe('Se <https://www.alfa.example/a_b>.');
    expect(escapeInline('Mejla kvinnofrid@alfa.example')).toBe('Mejla <kvinnofrid@alfa.example>');
    expect(escapeInline('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(escapeInline('www.alfa.example')).toBe('www\\.alfa.example');
  });

  it('renders values that are not text', () => {
    expect(escapeInline(42)).toBe('42');
    expect(escapeInline(undefined)).toBe('');
    expect(escapeInline(['a', 'b*'])).toBe('a, b\\*');
  });

  it('keeps headings free of closing punctuation', () => {
    expect(headingText('Budget 2010.')).toBe('Budget 2010');
    expect(headingText('Vad gör vi?')).toBe('Vad gör vi?');
  });
});

describe('markdownBlock', () => {
  it('keeps the user\'s Markdown and puts their headings below the one it sits under', () => {
    const text = '# Bakgrund\n\nText med **fetstil**.\n\n## Mer\n\nSlut.';
    expect(markdownBlock(text, 2)).toBe('### Bakgrund\n\nText med **fetstil**.\n\n#### Mer\n\nSlut.');
    expect(markdownBlock('## Bara nivå två\n\n### Och tre', 3)).toBe('#### Bara nivå två\n\n##### Och tre');
  });

  it('shows raw HTML as text and keeps autolinks', () => {
    expect(markdownBlock('<img src=x onerror=alert(1)> och <https://a.example>')).toBe('\\<img src=x onerror=alert(1)> och <https://a.example>');
  });

  it('escapes a tag after backslashes of the user\'s own, and right after a bare address', () => {
    // Already escaped: left alone. After an escaped backslash: escaped once more.
    expect(markdownBlock('a \\<div> b \\\\<div>')).toBe('a \\<div> b \\\\\\<div>');
    // A parser that links the address would take the backslash into it; an entity it cannot take.
    expect(markdownBlock('[https://a.example/</script>')).toBe('[https://a.example/&lt;/script>');
    expect(markdownBlock('se //a.example/<b> och mailto:a@b.example<b>')).toBe('se //a.example/&lt;b> och mailto:<a@b.example>&lt;b>');
    expect(markdownBlock('x:<b> och <b>')).toBe('x:\\<b> och \\<b>');
  });

  it('makes lists markdownlint accepts: one bullet style, a blank line before', () => {
    expect(markdownBlock('Punkter:\n* ett\n+ två')).toBe('Punkter:\n\n- ett\n- två');
  });

  it('wraps bare addresses but not those already in a link', () => {
    expect(markdownBlock('Se https://a.example och [b](https://b.example).')).toBe('Se <https://a.example> och [b](https://b.example).');
    expect(markdownBlock('[mejl](mailto:kvinnofrid@alfa.example) och [w](https://a.example/?u=https://b.example)')).toBe(
      '[mejl](mailto:kvinnofrid@alfa.example) och [w](https://a.example/?u=https://b.example)',
    );
  });

  it('leaves fenced code alone', () => {
    expect(markdownBlock('```\n<b> # x\n```')).toBe('```\n<b> # x\n```');
  });
});

describe('tidyMarkdown', () => {
  it('aligns tables, separates blocks with one blank line and ends with one newline', () => {
    const messy = '# T\nText\n| a | bb |\n| --- | --- |\n| ccc | d |\n\n\n\n## H  \n- x\nefter\n';
    expect(tidyMarkdown(messy)).toBe(
      '# T\n\nText\n\n| a   | bb  |\n| --- | --- |\n| ccc | d   |\n\n## H\n\n- x\n\nefter\n',
    );
  });

  it('keeps escaped pipes inside a cell', () => {
    expect(tidyMarkdown('| a \\| b | c |\n| --- | --- |\n| 1 | 2 |\n')).toBe('| a \\| b | c   |\n| ------ | --- |\n| 1      | 2   |\n');
  });
});

describe('markdown-it', () => {
  it('refuses links that could run code, however they are written', () => {
    const bad = [
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'vbscript:msgbox',
      'data:text/html;base64,PHNjcmlwdD4=', 'file:///etc/passwd', '//evil.example/x', '\\\\evil.example/x', '/\\evil.example', '\\/evil.example',
      // Percent-escapes, upper and lower case, in the scheme and for the colon.
      'java%09script:alert(1)', '%6Aavascript:alert(1)', '%4Aavascript:alert(1)', 'javascript%3Aalert(1)', 'javascript%3aalert(1)', '%2F%2Fevil.example',
      // Every kind of invisible character a browser skips: controls, DEL, C1, soft hyphen, zero-width, separators, BOM.
      '\u0000javascript:x', 'java\u0008script:x', 'java\u001fscript:x', 'java\u007fscript:x', 'java\u0085script:x', 'java\u009fscript:x',
      'java\u00adscript:x', 'java\u200bscript:x', 'java\u200fscript:x', 'java\u2028script:x', 'java\u2029script:x', '\ufeffjavascript:x',
      // Scheme characters: digits, plus, dot and hyphen after the first letter.
      'web+app:x', 'x-y:z', 'a.b:c', 'h2:x', 'ftp://a.example', 'https2://a.example', 'shttp://a.example', 'C:\\Windows',
    ];
    for (const url of bad) expect(isSafeLink(url), JSON.stringify(url)).toBe(false);
    const good = [
      'https://a.example', 'http://a.example', 'HTTPS://A.EXAMPLE', 'mailto:a@b.example', 'tel:+4652212345', 'plan-x.html', '#top', '',
      '/plan.html', './a/b.html', '../bilagor/a.pdf', '?q=javascript:x', 'a/b:c', 'a//b.html', '1a:b', '%zz', 'https://a.example/%3A%2F', 'h%74tp://a.example',
    ];
    for (const url of good) expect(isSafeLink(url), JSON.stringify(url)).toBe(true);
  });

  it('leaves user text inert: no tags, no event handlers, no unsafe links', () => {
    const block = markdownBlock(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(2)>',
        '[a](javascript:alert(3)) [b](JAVASCRIPT:alert(4)) [c](&#106;avascript:alert(5)) [d](data:text/html,x)',
        '<javascript:alert(6)> ![bild](javascript:alert(7))',
        '<a href="javascript:alert(8)">länk</a> <iframe src="https://evil.example"></iframe>',
        '[ok](https://ok.example)',
      ].join('\n\n'),
    );
    const html = markdownToHtml(`${escapeInline('<script>alert(9)</script>')}\n\n${block}`);
    expectInert(html);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="https://ok.example">ok</a>');
  });

  it('gives traffic-light signs a colour class, hidden from screen readers, and colours a table cell that starts with one', () => {
    const html = createMarkdownIt().render('| a |\n| --- |\n| ▲ Försenad |\n\n● Klar');
    expect(html).toContain('<td class="cell-red"><span class="light light-red" aria-hidden="true">▲</span> Försenad</td>');
    expect(html).toContain('<p><span class="light light-green" aria-hidden="true">●</span> Klar</p>');
  });

  it('puts every table in its own keyboard-reachable scroll region, named after what introduces it', () => {
    const md = createMarkdownIt({ tableName: 'Tabell' });
    const table = (cols: number) => `| ${Array.from({ length: cols }, (_, i) => `k${i}`).join(' | ')} |\n|${' --- |'.repeat(cols)}\n|${' x |'.repeat(cols)}\n`;
    // Named after the heading it sits under, as plain text, escaped for the attribute.
    const underHeading = md.render(`## Styrning & *ledning* <b>\n\n${table(3)}`);
    expect(underHeading).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Styrning &amp; ledning &lt;b&gt;">\n<table>');
    expect(underHeading).toMatch(/<\/table>\n<\/div>\n$/);
    // … or after the paragraph that introduces it.
    expect(md.render(`## Mål\n\nIndikatorer för m1:\n\n${table(2)}`)).toContain('aria-label="Indikatorer för m1"');
    expect(md.render(`## Mål\n\nText.\n\n${table(2)}`)).toContain('aria-label="Mål"');
    // With nothing before it, the fallback name.
    expect(md.render(table(2))).toContain('aria-label="Tabell"');
    // More than six columns: printed in smaller type.
    expect(md.render(`# T\n\n${table(7)}`)).toContain('<div class="table-scroll table-wide" role="region"');
    expect(md.render(`# T\n\n${table(6)}`)).toContain('<div class="table-scroll" role="region"');
  });
});
