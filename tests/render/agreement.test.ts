/**
 * The rendered agreement of the examples: the budget with the external funding apart and the
 * parties' shares of what is left, with totals that add up; percentages as written; the term in one
 * sentence that agrees with the status and the day it is told for. Tables are read back with
 * markdown-it, so what is checked is what a reader's Markdown viewer shows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { copyForTest, example } from '../helpers/workspaces.js';
import { renderOne as renderPage } from './helpers.js';

/** Renders a page with no-break spaces (in "900 000 kr" and "3,6 %") as plain spaces, to compare with text. */
async function renderOne(...args: Parameters<typeof renderPage>) {
  const page = await renderPage(...args);
  return { ...page, content: page.content.replace(/[\u00a0\u202f]/g, ' ') };
}

/** The tables of a Markdown page after the heading `heading`, as rows of cell texts. */
function tableAfter(markdown: string, heading: string): string[][] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const start = tokens.findIndex((t, i) => t.type === 'heading_open' && tokens[i + 1]?.content === heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  let row: string[] | null = null;
  for (let i = start + 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') break;
    if (t.type === 'table_close') return rows;
    if (t.type === 'tr_open') row = [];
    if (t.type === 'inline' && row) row.push(t.content);
    if (t.type === 'tr_close' && row) rows.push(row);
  }
  return rows;
}

/** A whole amount written "54 000 kr per år" or "SEK 54,000 per year", as a number. */
function kronor(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

describe('agreement: cost sharing after external funding', () => {
  it("shares the parties' part, not the budget, and the amounts add up to it (Norra Bohuslän)", async () => {
    const { content } = await renderOne(example('norra-bohuslan'), 'agreement', 'samverkansavtal-nb', { format: 'md', asOf: '2009-06-01' });
    expect(content).toContain('Budgeten är 900 000 kr per år, varav extern finansiering 600 000 kr per år och parternas del 300 000 kr per år.');
    const funding = tableAfter(content, 'Extern finansiering');
    expect(funding[1].slice(0, 2)).toEqual(['Länsstyrelsen i Västra Götalands län', '600 000 kr per år']);
    const sharing = tableAfter(content, 'Kostnadsfördelning');
    expect(sharing[0]).toEqual(['Part', 'Andel av parternas del', 'Belopp']);
    const parties = sharing.slice(1, -1);
    const total = sharing[sharing.length - 1];
    expect(parties.map((r) => r[0])).toEqual(['Munkedal', 'Sotenäs', 'Lysekil', 'Tanum', 'Strömstad']);
    expect(parties[0].slice(1)).toEqual(['18 %', '54 000 kr per år']);
    expect(total).toEqual(['Summa', '100 %', '300 000 kr per år']);
    expect(parties.reduce((sum, r) => sum + kronor(r[2]), 0)).toBe(300000);
    // What the parties pay and what the county board pays make the budget.
    expect(kronor(total[2]) + kronor(funding[1][1])).toBe(900000);
  });

  it('keeps shares as written, one decimal, and makes the amounts add up to the krona (Fyrbodal, sv and en)', async () => {
    const sv = await renderOne(example('fyrbodal'), 'agreement', 'projekttjanst-enheten-mot-vald', { format: 'md', asOf: '2019-01-10' });
    const rows = tableAfter(sv.content, 'Kostnadsfördelning');
    expect(rows.find((r) => r[0] === 'Bengtsfors')?.slice(1)).toEqual(['3,6 %', '7 560 kr per år']);
    expect(rows.find((r) => r[0] === 'Trollhättan')?.[1]).toBe('21,4 %');
    expect(rows.slice(1, -1).reduce((sum, r) => sum + kronor(r[2]), 0)).toBe(210000);
    expect(rows[rows.length - 1]).toEqual(['Summa', '100 %', '210 000 kr per år']);
    expect(sv.content).not.toMatch(/\| 4 %/);

    const en = await renderOne(example('fyrbodal'), 'agreement', 'projekttjanst-enheten-mot-vald', { format: 'md', asOf: '2019-01-10', lang: 'en' });
    const enRows = tableAfter(en.content, 'Cost sharing');
    expect(enRows.find((r) => r[0] === 'Bengtsfors')?.[1]).toBe('3.6%');
    expect(enRows[enRows.length - 1].slice(0, 2)).toEqual(['Total', '100%']);
  });

  it('shows a project paid wholly by the county board as funding, with nothing left for the parties (Fyrbodal)', async () => {
    const { content } = await renderOne(example('fyrbodal'), 'agreement', 'projekt-vinr-fyrbodal', { format: 'md', asOf: '2019-01-10' });
    expect(content).toContain('varav extern finansiering 1 200 000 kr för projektet och parternas del 0 kr för projektet');
    expect(content).not.toContain('## Kostnadsfördelning');
    expect(content).not.toContain('30-procentig projekttjänst vid Enheten mot våld |');
  });
});

describe('agreement: the term in one sentence, consistent with the status', () => {
  it('says when notice must be given for a yearly renewed agreement in its first period', async () => {
    const { content } = await renderOne(example('norra-bohuslan'), 'agreement', 'samverkansavtal-nb', { format: 'md', asOf: '2009-06-01' });
    expect(content).toContain(
      '- Giltighetstid och uppsägning: Gäller 1 april 2008 – 31 mars 2010, förlängs med ett år i taget om ingen part säger upp avtalet senast 30 september 2009.',
    );
    expect(content).toContain('- Status: Gäller');
    expect(content).toContain('- Läge: ● Gäller');
  });

  it('tells the running period of an agreement renewed since, instead of calling it expired', async () => {
    const { content } = await renderOne(example('norra-bohuslan'), 'agreement', 'samverkansavtal-nb', { format: 'md', asOf: '2027-01-01' });
    expect(content).toContain('Gällde först 1 april 2008 – 31 mars 2010 och har förlängts med ett år i taget; gäller nu 1 april 2026 – 31 mars 2027');
    expect(content).not.toContain('Har upphört');
    const en = await renderOne(example('norra-bohuslan'), 'agreement', 'samverkansavtal-nb', { format: 'md', asOf: '2027-01-01', lang: 'en' });
    expect(en.content).toContain('now runs 1 April 2026 – 31 March 2027, renewed a year at a time unless a party gives notice by 30 September 2026.');
  });

  it('shows an ended agreement as history: past tense, status and a grey light, not an alarm', async () => {
    const { content } = await renderOne(example('trollhattan'), 'agreement', 'folkhalsoavtal-trestad', { format: 'md', asOf: '2026-12-03' });
    expect(content).toContain('- Status: Har upphört');
    expect(content).toContain('- Giltighetstid och uppsägning: Gällde 1 januari 2008 – 31 december 2011.');
    expect(content).toContain('- Läge: ○ Har upphört');
    const html = await renderOne(example('trollhattan'), 'agreement', 'folkhalsoavtal-trestad', { format: 'html', asOf: '2026-12-03' });
    expect(html.content).toContain('<span class="light light-grey" aria-hidden="true">○</span> Har upphört');
  });

  it('writes an agreement until further notice with its notice period', async () => {
    const { content } = await renderOne(example('soderhamn'), 'agreement', 'rutin-skola-socialtjanst', { format: 'md', asOf: '2011-01-10' });
    expect(content).toContain('Gäller från 1 september 2010 tills vidare. Uppsägningstiden är 6 månader.');
  });
});

describe('agreement: notice given', () => {
  it('says when notice was given and the last day, with a yellow light, in a copy of Söderhamn', async () => {
    const dir = copyForTest(example('soderhamn'));
    const file = join(dir, 'agreements/rutin-skola-socialtjanst.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('status: active', 'status: terminated').replace('  notice_months: 6\n', '  notice_months: 6\n  notice_given: 2026-02-15\n'),
    );
    const { content } = await renderOne(dir, 'agreement', 'rutin-skola-socialtjanst', { format: 'md', asOf: '2026-03-01' });
    expect(content).toContain('- Status: Uppsagt');
    expect(content).toContain('- Giltighetstid och uppsägning: Uppsagt 15 februari 2026; gäller till och med 15 augusti 2026.');
    expect(content).toContain('- Läge: ◐ Uppsagt');
  });
});
