/**
 * The rendered mapping: a cell that does not apply says "– Ej tillämpligt" (a sign and words, no
 * colour, not taken for unknown), counted apart; and the mapping lists the plan goals and actions
 * that say they answer its cells (from_assessment), linked to the plan in a site.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { example } from '../helpers/workspaces.js';
import { renderAll, renderOne } from './helpers.js';

const AS_OF = '2026-12-03';

/** Every table of a Markdown page, as rows of cell texts. */
function tables(markdown: string): string[][][] {
  const out: string[][][] = [];
  let rows: string[][] | null = null;
  let row: string[] | null = null;
  for (const t of new MarkdownIt().parse(markdown, {})) {
    if (t.type === 'table_open') rows = [];
    if (t.type === 'tr_open') row = [];
    if (t.type === 'inline' && row) row.push(t.content);
    if (t.type === 'tr_close' && row && rows) rows.push(row), (row = null);
    if (t.type === 'table_close' && rows) out.push(rows), (rows = null);
  }
  return out;
}

describe('mapping: not applicable', () => {
  it('shows the cell as "– Ej tillämpligt" in the turned matrix, and counts it apart from unknown (Dalarna)', async () => {
    const { content } = await renderOne(example('dalarna'), 'assessment', 'kartlaggning-2019', { format: 'md', asOf: AS_OF });
    const matrix = tables(content).find((t) => t[0].includes('k9'));
    expect(matrix, 'the collaboration area table with k9').toBeDefined();
    const k9 = matrix![0].indexOf('k9');
    const lst = matrix!.find((r) => r[0] === 'Länsstyrelsen')!;
    expect(lst[k9]).toBe('– Ej tillämpligt');
    expect(content).toContain('– ej tillämpligt: kriteriet gäller inte organisationen.');
    const summary = tables(content).find((t) => t[0][0] === 'Organisation' && t[0].includes('Ej tillämpligt'))!;
    const col = summary[0].indexOf('Ej tillämpligt');
    expect(summary.find((r) => r[0] === 'Länsstyrelsen')![col]).toBe('1');
    expect(summary.find((r) => r[0] === 'Länsstyrelsen')![summary[0].indexOf('Okänt')]).toBe('0');
    expect(content).not.toMatch(/Okänt\.\s*Ej tillämpligt/);
  });

  it('has no colour in HTML: the cell gets no cell class and the dash is no traffic-light sign', async () => {
    const { content } = await renderOne(example('dalarna'), 'assessment', 'kartlaggning-2019', { format: 'html', asOf: AS_OF });
    const cells = [...content.matchAll(/<td([^>]*)>([^<]*Ej tillämpligt)<\/td>/g)];
    expect(cells.length).toBeGreaterThan(0);
    for (const [, attrs, text] of cells) {
      expect(attrs).not.toMatch(/cell-/);
      expect(text.trim()).toBe('– Ej tillämpligt');
    }
  });

  it('reads "Not applicable" in English', async () => {
    const { content } = await renderOne(example('dalarna'), 'assessment', 'kartlaggning-2019', { format: 'md', asOf: AS_OF, lang: 'en' });
    expect(content).toContain('| – Not applicable');
    expect(content).toContain('– not applicable: the criterion does not apply to the organisation.');
  });
});

describe('mapping ↔ plan: from_assessment', () => {
  it('lists the goals and actions that answer each criterion, for which organisations, linked to the plan (Norra Bohuslän site)', async () => {
    const pages = await renderAll(example('norra-bohuslan'), { format: 'md', asOf: AS_OF });
    const mapping = pages.find((p) => p.kind === 'assessment')!.content;
    const section = mapping.slice(mapping.indexOf('## Svar i handlingsplaner'), mapping.indexOf('## Utvecklingsområden'));
    expect(section).toContain('- k2: Ansvaret för målgruppen är tydligt fördelat mellan enheterna');
    expect(section).toContain(
      '[Rutin för samråd mellan vuxen- och barnenheterna när barn bevittnat våld](plan-projektplan-nb.md) (Projektplan Kvinnofrid Norra Bohuslän 2008–2010): Munkedal, Sotenäs, Tanum och Strömstad',
    );
    expect(section).toMatch(/- k8: .*\n {2}- \[Modell för stöd och behandling till våldsutsatta kvinnor med missbruksproblematik\]\(plan-projektplan-nb\.md\) .*: alla organisationer/);
  });

  it('shows "from the mapping" under each action that names cells, linked to the mapping in a site, in Swedish and English', async () => {
    const sv = (await renderAll(example('norra-bohuslan'), { format: 'md', asOf: AS_OF })).find((p) => p.kind === 'plan')!.content;
    expect(sv).toContain('- Utifrån kartläggningen: [Tillsynsanalys Kvinnofrid Norra Bohuslän 2009](assessment-tillsynsanalys-nb.md): k8');
    expect(sv).toContain('- Utifrån kartläggningen: [Tillsynsanalys Kvinnofrid Norra Bohuslän 2009](assessment-tillsynsanalys-nb.md): k2 (Munkedal, Sotenäs, Tanum och Strömstad)');
    const en = (await renderAll(example('dalarna'), { format: 'html', asOf: AS_OF, lang: 'en' })).find((p) => p.kind === 'plan')!.content;
    expect(en).toContain('From the mapping: <a href="assessment-kartlaggning-2019.html">Kartläggning av kvinnofridsarbetet i Dalarna 2019</a>: k9');
  });

  it('leaves the section out of a mapping no plan answers', async () => {
    const { content } = await renderOne(example('fyrbodal'), 'assessment', 'kartlaggning-2016', { format: 'md', asOf: AS_OF });
    expect(content).not.toContain('Svar i handlingsplaner');
  });
});
