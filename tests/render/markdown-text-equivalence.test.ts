/**
 * The fast paths of src/render/markdown-text.ts (escapeInline's, headingText's and wrapBareLinks'
 * checks for work, the table alignment's widths and cells, the trimming of lines) give exactly
 * what the implementation before them gave, kept in markdown-text-reference.ts, over seeded
 * generated strings made of the characters each path looks at. markdown-text-equivalence-workspaces.test.ts does the same over
 * the text of real workspaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeInline, headingText, markdownBlock, tidyMarkdown } from '../../src/render/markdown-text.js';
import * as reference from './markdown-text-reference.js';

/** The pieces each path looks at: line breaks, what escaping changes, addresses, table syntax, wide and zero-width code points. */
const PIECES = [
  ' ', '  ', '\t', '\n', '\r', '\r\n', '\n\n', '|', '\\', '\\|', '`', '```', '~~~', '*', '_', '[', ']', '<', '>', '~', '&', '&amp;', '&#1;', '@',
  '://', 'https://a.example/x_(y)', 'http://b.example.', 'a@b.example', 'www.', 'WWW.', 'Www.x', '#', '## ', '- ', '* ', '+ ', '1. ', '2) ',
  ':', '---', ':---', '---:', ':-:', 'x', 'Åtgärd', 'ö', '●', '◐', '▲', '○', '–', '\u00a0', '\u2028', '\u2029', '\u0085', '\u0301', 'e\u0301',
  '\u200b', '\u200d', '\ufe0f', '\u3000', '漢字', 'ｗｉｄｅ', '😀', '👩\u200d👩\u200d👧', '🇸🇪', '\ud83d', '\ude00', '\u02ff', '\u0300', '\u0000',
];
const piece = fc.constantFrom(...PIECES);
const text = fc.oneof(
  fc.array(piece, { maxLength: 16 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** A table row of cells made of the pieces, sometimes not closed or with a padded end. */
const row = fc
  .tuple(fc.array(text.map((t) => t.replace(/[\r\n]/g, '')), { minLength: 1, maxLength: 5 }), fc.constantFrom('|', '', ' |', '|  ', '|\t'))
  .map(([cells, end]) => `| ${cells.join(' | ')} ${end}`);
const delimiter = fc.array(fc.constantFrom('---', ':---', '---:', ':-:', ' --- ', '--', 'x'), { minLength: 1, maxLength: 5 }).map((d) => `|${d.join('|')}|`);
/** Markdown as templates make it: tables (aligned or not), headings, lists, fences, blank lines and stray whitespace. */
const markdown = fc
  .array(fc.oneof(text, row, delimiter, fc.tuple(row, delimiter, fc.array(row, { maxLength: 4 })).map(([h, d, rows]) => [h, d, ...rows].join('\n'))), { maxLength: 12 })
  .chain((blocks) => fc.constantFrom('\n', '\n\n', '\r\n', ' \n').map((sep) => blocks.join(sep)));

/** Each function the fast paths changed and its reference, on the same input. */
function sameAsReference(value: string): void {
  expect(escapeInline(value)).toBe(reference.escapeInline(value));
  expect(headingText(value)).toBe(reference.headingText(value));
  expect(markdownBlock(value)).toBe(reference.markdownBlock(value));
  expect(tidyMarkdown(value)).toBe(reference.tidyMarkdown(value));
}

describe('markdown-text: the fast paths give what the reference gives', () => {
  it('on generated strings of the characters the paths look at', () => {
    fc.assert(fc.property(text, (value) => sameAsReference(value)), { numRuns: 4000, seed: 13 });
  });

  it('on generated Markdown with tables, headings, lists and fences', () => {
    fc.assert(
      fc.property(markdown, (value) => {
        expect(tidyMarkdown(value)).toBe(reference.tidyMarkdown(value));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('on values that are not strings', () => {
    for (const value of [undefined, null, false, true, 0, -1.5, 12345678, NaN, ['a|b', 3, null], [], { toString: () => 'x*y' }]) {
      expect(escapeInline(value)).toBe(reference.escapeInline(value));
    }
  });
});
