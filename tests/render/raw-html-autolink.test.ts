/**
 * A long text field keeps an e-mail autolink (<anna@exempel.se>) as written, but only one that
 * CommonMark reads as an autolink: "<!--@-->" looked like one to a looser pattern, kept its `<`,
 * and reached the Markdown as raw HTML (a comment), which a wiki would hide or run.
 * Found by the property test in user-text.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { markdownBlock } from '../../src/render/markdown-text.js';
import { createMarkdownIt } from '../../src/render/markdown.js';

describe('a long text field with what looks like an e-mail autolink', () => {
  it.each([
    ['<!--@-->', '\\<!--@-->'],
    ['före <!--@--> efter', 'före \\<!--@--> efter'],
    ['<!--a@b-->', '\\<!--a@b-->'],
  ])('escapes the < of %s, which is no autolink', (text, markdown) => {
    expect(markdownBlock(text)).toBe(markdown);
    expect(createMarkdownIt().render(markdownBlock(text))).not.toContain('<!--');
  });

  it('keeps a real one as an autolink', () => {
    expect(markdownBlock('Skriv till <samordnare@exempel.se>.')).toBe('Skriv till <samordnare@exempel.se>.');
    expect(createMarkdownIt().render(markdownBlock('Skriv till <samordnare@exempel.se>.'))).toContain('<a href="mailto:samordnare@exempel.se">');
  });
});
