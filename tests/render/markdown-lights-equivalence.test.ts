/**
 * createMarkdownIt wraps traffic-light signs as text is written instead of splitting the text
 * tokens around them; the HTML is what the previous rule gave (markdown-lights-reference.ts),
 * over seeded Markdown made of signs and everything around them: table cells that start with
 * one, the paragraph or heading that names a table, entities, code, images, links, emphasis.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkdownIt } from '../../src/render/markdown.js';
import { createReferenceMarkdownIt } from './markdown-lights-reference.js';

const PIECES = [
  '●', '◐', '▲', '○', '● Klar', ' ◐ Pågår', '▲', '&#9679;', '&#x25B2;', '`●`', '![● bild](a.png)', '[▲ länk](https://a.example/)', '*●*', '**○ x**',
  '<●>', '&', '"', 'Indikatorer för m1:', 'text', ' ', '  \n', '\n', '\\●', '<https://a.example/●>', 'ö',
];
const inline = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const cell = inline.map((t) => t.replace(/\n/g, ' ').replace(/\|/g, '\\|'));
const table = fc
  .tuple(fc.array(cell, { minLength: 1, maxLength: 8 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { maxLength: 4 }))
  .map(([head, rows]) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const block = fc.oneof(
  inline,
  inline.map((t) => `## ${t.replace(/\n/g, ' ')}`),
  inline.map((t) => `- ${t}`),
  table,
  fc.tuple(inline, table).map(([intro, t]) => `${intro.replace(/\n/g, ' ')}:\n\n${t}`),
);
const markdown = fc.array(block, { maxLength: 8 }).map((blocks) => blocks.join('\n\n'));

describe('traffic-light signs: the same HTML as the rule that split text tokens', () => {
  const fast = createMarkdownIt({ tableName: 'Tabell' });
  const slow = createReferenceMarkdownIt({ tableName: 'Tabell' });

  it('on seeded Markdown made of signs and what stands around them', () => {
    fc.assert(
      fc.property(markdown, (source) => {
        expect(fast.render(source)).toBe(slow.render(source));
      }),
      { numRuns: 600, seed: 13 },
    );
  });

  it('wraps a sign in text but not one written as an entity, and names a table without its signs', () => {
    const source = '● Klar `●`\n\n&#9679; as an entity\n\n## ▲ Mål ●:\n\n| ◐ a | b |\n|---|---|\n| ● c | d |\n';
    const html = fast.render(source);
    expect(html).toBe(slow.render(source));
    expect(html).toContain('<p><span class="light light-green" aria-hidden="true">●</span> Klar <code>●</code></p>');
    expect(html).toContain('<p>● as an entity</p>');
    expect(html).toContain('aria-label="Mål :"');
    expect(html).toContain('<td class="cell-green"><span class="light light-green" aria-hidden="true">●</span> c</td>');
  });
});
