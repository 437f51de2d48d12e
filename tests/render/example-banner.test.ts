/**
 * example: true in samverkan.yaml puts "Exempeldata – fiktiva uppgifter" on every rendered page:
 * Markdown and HTML, sites (index included) and single documents, internal and public. A workspace
 * without the setting has no such line.
 */
import { describe, expect, it } from 'vitest';
import { example } from '../helpers/workspaces.js';
import { renderAll, renderFixture, renderOne } from './helpers.js';

const SV = 'Exempeldata – fiktiva uppgifter';
const EN = 'Example data – fictitious details';
/** A day on which the examples have no errors (an earlier day can make a meeting's minutes premature). */
const AS_OF = '2026-12-03';

describe('example data banner', () => {
  it.each(['md', 'html'] as const)('is on every page of an example site (%s), in Swedish and English, internal and public', async (format) => {
    for (const [lang, banner] of [['sv', SV], ['en', EN]] as const) {
      for (const isPublic of [false, true]) {
        const pages = await renderAll(example('soderhamn'), { format, lang, public: isPublic, asOf: AS_OF });
        expect(pages.map((p) => p.kind)).toEqual(expect.arrayContaining(['index', 'plan', 'agreement', 'group']));
        for (const page of pages) expect(page.content, `${lang} ${isPublic ? 'public' : 'internal'} ${page.fileName}`).toContain(banner);
      }
    }
  });

  it('is right under the title of a single document, as a quote that no template can leave out', async () => {
    const md = await renderOne(example('dalarna'), 'assessment', 'kartlaggning-2019', { format: 'md', asOf: AS_OF });
    const lines = md.content.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toMatch(/^# /);
    expect(lines[1]).toBe(`> **${SV}.**`);
    const html = await renderOne(example('dalarna'), 'assessment', 'kartlaggning-2019', { format: 'html', asOf: AS_OF });
    expect(html.content).toMatch(new RegExp(`<blockquote>\\s*<p><strong>${SV}\\.</strong></p>\\s*</blockquote>`));
  });

  it('is on every page of all five examples, which all set example: true', async () => {
    for (const name of ['dalarna', 'fyrbodal', 'norra-bohuslan', 'soderhamn', 'trollhattan']) {
      const pages = await renderAll(example(name), { format: 'md', asOf: AS_OF });
      for (const page of pages) expect(page.content, `${name} ${page.fileName}`).toContain(SV);
    }
  });

  it('is not on the pages of a workspace without example: true', async () => {
    const pages = await renderAll(renderFixture, { format: 'md' });
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page.content).not.toContain(SV);
  });
});
