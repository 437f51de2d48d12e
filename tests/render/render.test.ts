import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UsageError, WorkspaceError } from '../../src/errors.js';
import { createRenderEnvironment, renderDocument } from '../../src/render/render-document.js';
import { renderSite, sitePages } from '../../src/render/render-site.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { copyWorkspace } from '../helpers/workspaces.js';
import { AS_OF, renderAll, renderFixture, renderOne, workspacesToRender } from './helpers.js';

/**
 * markdownlint with its default rules, except MD013 (line length): a Markdown table row cannot
 * be wrapped without breaking the table, and user text and link text run as long as they are
 * written. Mail clients wrap long lines themselves.
 */
const LINT_CONFIG = { default: true, MD013: false };

async function lintAll(documents: Record<string, string>): Promise<string[]> {
  const results = await lint({ strings: documents, config: LINT_CONFIG });
  return Object.entries(results).flatMap(([name, errors]) =>
    errors.map((e) => `${name}:${e.lineNumber} ${e.ruleNames.join('/')} ${e.ruleDescription}${e.errorDetail ? ` (${e.errorDetail})` : ''}: ${e.errorContext ?? ''}`),
  );
}

describe('render: every kind, both formats, both languages', () => {
  for (const { name, dir } of workspacesToRender()) {
    it(`renders ${name} as Markdown that passes markdownlint, in sv and en`, async () => {
      const documents: Record<string, string> = {};
      // Checked once: the four sites are four renderings of the same checked workspace.
      const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF });
      for (const lang of ['sv', 'en'] as const) {
        for (const pub of [false, true]) {
          for (const page of (await renderSite(await createRenderEnvironment(checked, { lang, public: pub }), 'md')).pages) {
            documents[`${name}/${lang}${pub ? '-public' : ''}/${page.fileName}`] = page.content;
          }
        }
      }
      // Every kind the workspace has is among them.
      const kinds = new Set(Object.keys(documents).map((k) => k.split('/')[2].split('-')[0].replace('.md', '')));
      expect(kinds.has('index')).toBe(true);
      expect(await lintAll(documents)).toEqual([]);
    });

    it(`renders every document of ${name} as a self-contained HTML page in sv and en`, async () => {
      const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF });
      for (const lang of ['sv', 'en'] as const) {
        const env = await createRenderEnvironment(checked, { lang });
        for (const page of sitePages(env)) {
          const html = (await renderDocument(env, page.kind, page.id, 'html')).content;
          expect(html.startsWith('<!DOCTYPE html>\n<html lang="' + lang + '">')).toBe(true);
          expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
          expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
          expect(html).not.toMatch(/(src|href)="(https?:)?\/\/[^"]*"[^>]*>\s*<\/?(script|link|img)/i);
          expect((html.match(/<h1>/g) ?? []).length).toBe(1);
        }
      }
    });
  }
});

describe('render: the plan', () => {
  it('derives overdue dates, traffic lights, roll-ups and indicator states', async () => {
    const md = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md' })).content;
    expect(md).toMatch(/\| 1\.2\.1\s*\| Utbilda kvinnofridsinstruktörer\s*\| Beta\s*\| 30 april 2009\s*\| ▲ Försenad sedan 2009-04-30\s*\| a2\s*\|/);
    expect(md).toContain('▲ Försenade åtgärder. 5 åtgärder: 1 klar, 2 pågår, 1 planerad och 1 avbruten. 1 är försenad. Genomfört i genomsnitt, utan den avbrutna: 53\u00a0%.');
    expect(md).toMatch(/\| Ärenden med samordnad insats \(antal\)\s*\| 10 \(2007\)\s*\| 19 \(2009\)\s*\| 30 \(2010\)\s*\| ◐ Risk: går för långsamt\s*\|/);
    expect(md).toMatch(/\| Anmälda fall av misshandel mot kvinna \(antal\)\s*\| 161 \(2007\)\s*\| 170 \(2008\)\s*\| 120 \(2010\)\s*\| ◐ Risk: går åt fel håll\s*\|/);
    expect(md).toMatch(/\| 2\.1\s*\| Informationskampanj i skolorna\s*\| Alfa\s*\| 30 juni 2009\s*\| –\s*\| ◐ Risk för försening/);
    // m1's cancelled action is counted apart and left out of the average.
    expect(md).toContain('▲ Försenade åtgärder. 1 av 4 åtgärder klara och 1 avbruten. Genomfört i genomsnitt, utan den avbrutna: 70\u00a0%.');
    expect(md).toContain('▲ Försenade åtgärder. 25\u00a0% genomfört, 0 av 2 åtgärder klara.');
  });

  it('tells the status as of --as-of', async () => {
    const later = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md', asOf: '2010-01-15' })).content;
    expect(later).toContain('## Läget 15 januari 2010');
    expect(later).toMatch(/\| 1\.1\.1\s*\| Ta fram gemensamma rutiner\s*\| Alfa soc\s*\| 31 december 2009\s*\| ▲ Försenad sedan 2009-12-31\s*\| a1\s*\|/);
  });
});

describe('render: meetings', () => {
  it('numbers the notice in the Swedish order with start times from the durations, all from the meeting file', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md' })).content.replace(/\u00a0/g, ' ');
    const headings = [...md.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      '1 Mötets öppnande',
      '2 Val av justerare',
      '3 Godkännande av dagordningen',
      '4 Föregående protokoll och öppna uppgifter',
      '5 Uppföljning av handlingsplanen',
      '6 Rapport från samordnaren',
      '7 Rapport från tillsynsanalysen',
      '8 \\<script\\>alert(1)\\</script\\> Revidering av handlingsplanen',
      '9 PLANTED-SEKRETESS-TITEL-2',
      '10 Övriga frågor',
      '11 Nästa möte',
      '12 Mötets avslutande',
    ]);
    expect(md).toMatch(/\| 6\s*\| kl\. 13\.00\s*\| Rapport från samordnaren/);
    expect(md).toMatch(/\| 7\s*\| kl\. 13\.15\s*\| Rapport från tillsynsanalysen/);
    expect(md).toMatch(/\| 9\s*\| kl\. 14\.00\s*\| PLANTED-SEKRETESS-TITEL-2/);
    expect(md).toMatch(/\| 12\s*\| kl\. 14\.15\s*\| Mötets avslutande/);
    expect(md).toContain('- Tid: torsdag 11 juni 2009 kl. 13.00–15.00');
    // The follow-ups are the file's record of the open tasks and plan actions, under their items.
    expect(md).toMatch(/### 4\. Föregående protokoll[\s\S]*Skicka rutinerna på remiss till regionen\s*\| Sara Samordnare\s*\| 31 maj 2009[\s\S]*### 5\./);
    expect(md).not.toContain('Skicka ut protokollet');
    expect(md).toMatch(/### 5\. Uppföljning av handlingsplanen[\s\S]*Utbilda kvinnofridsinstruktörer[\s\S]*Informationskampanj i skolorna[\s\S]*### 6\./);
    expect(md).not.toMatch(/Ta fram gemensamma rutiner/);
    // The notice names no next meeting the file does not name.
    expect(md).toContain('### 11. Nästa möte\n\nTid för nästa möte bestäms på mötet.\n');
  });

  it('renders a meeting with minutes as minutes: attendance, substitutes, decisions, tasks, signatures', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-04-30', { format: 'md' })).content;
    expect(md.split('\n')[0]).toBe('# Protokoll – Styrgrupp Kvinnofrid Testbygden – 30\u00a0april\u00a02009');
    expect(md).toContain('- David Dahl, Beta, ersättare för Cecilia Carlsson');
    expect(md).toContain('**Anmält förhinder:**\n\n- Eva Ek, Polisen');
    expect(md).toMatch(/## §\u00a0\d+ Budget 2010\n\n\*\*Beslut:\*\* Styrgruppen föreslår oförändrad budget för 2010\./);
    expect(md).toMatch(/\| Boka lokal för utbildningen\s*\| David Dahl\s*\| 31 augusti 2009\s*\| §\u00a0\d+\s*\|/);
    expect(md).toContain('Justerare\\\n……………………………\\\nDavid Dahl');
    expect(md).toContain('Sekreterare\\\n……………………………\\\nSara Samordnare');
    expect(md).toContain('Ordförande\\\n……………………………\\\nAnna Andersson');
  });

  it('writes the notice in English with English dates and times', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md', lang: 'en' })).content;
    expect(md.split('\n')[0]).toBe('# Notice of meeting – Styrgrupp Kvinnofrid Testbygden – 11\u00a0June\u00a02009');
    expect(md).toContain('- Time: Thursday 11\u00a0June\u00a02009 1pm to 3pm');
    // The formal items' default titles are the output's language; the items' own titles are as written.
    expect(md).toContain('### 10. Any other business');
    expect(md).toMatch(/\| 7\s*\| 1:15pm\s*\| Rapport från tillsynsanalysen/);
  });
});

describe('render: rosters, agreements and mappings', () => {
  it('shows who substitutes whom', async () => {
    const md = (await renderOne(renderFixture, 'group', 'styrgrupp', { format: 'md' })).content;
    expect(md).toMatch(/\| Cecilia Carlsson, Socialchef\s*\| Ledamot\s*\| Beta\s*\| David Dahl\s*\|/);
    expect(md).toMatch(/\| David Dahl, Enhetschef\s*\| Ersättare\. Ersättare för Cecilia Carlsson\s*\|/);
    expect(md).toMatch(/## Tidigare ledamöter[\s\S]*Karin Kvist/);
    expect(md).toContain('Gruppen träffas var sjätte vecka på torsdagar kl. 13.00–15.00.');
  });

  it('shows the cost sharing in percent, without amounts when the grant is for another period than the budget, and the term', async () => {
    const md = (await renderOne(renderFixture, 'agreement', 'avtal-testbygden', { format: 'md' })).content;
    // The fixture's grant is 200 000 kr in total, the budget 900 000 kr a year: the parties' part per year cannot be told.
    expect(md).toContain('Den externa finansieringen gäller en annan period eller valuta än budgeten, så parternas del räknas inte ut här.');
    expect(md.replace(/\u00a0/g, ' ')).toMatch(/\| Alfa\s*\| 60 %\s*\|\n/);
    expect(md).toContain('- Uppsägningstid: 6 månader');
    expect(md).toContain('- Läge: ● Gäller (1 juni 2009)');
  });

  it('shows each rating of the matrix as words and a sign, coloured in HTML', async () => {
    const md = (await renderOne(renderFixture, 'assessment', 'kartlaggning-2008', { format: 'md' })).content;
    expect(md).toMatch(/\| k1: Nämnden har fastställt mål för arbetet\s*\| Styrning\s*\| ● Uppfyllt\s*\| ◐ Delvis uppfyllt\s*\|/);
    expect(md).toMatch(/\| k3: .*\| ◐ Delvis uppfyllt\s*\| ○ Okänt\s*\|/);
    const html = (await renderOne(renderFixture, 'assessment', 'kartlaggning-2008', { format: 'html' })).content;
    expect(html).toContain('<td class="cell-green"><span class="light light-green" aria-hidden="true">●</span> Uppfyllt</td>');
    expect(html).toContain('<td class="cell-red"><span class="light light-red" aria-hidden="true">▲</span> Ej uppfyllt</td>');
  });
});

describe('render: what reading the example workspaces showed', () => {
  let copy: { dir: string; cleanup: () => void };
  beforeAll(() => {
    copy = copyWorkspace(renderFixture);
    // Eight organisations assessed, more than fit across a page.
    const orgs = join(copy.dir, 'organizations.yaml');
    writeFileSync(
      orgs,
      readFileSync(orgs, 'utf8') +
        ['gamma', 'delta', 'epsilon'].map((id) => `  - {id: ${id}, name: ${id[0].toUpperCase()}${id.slice(1)} kommun, type: municipality}\n`).join(''),
    );
    const subjects = ['alfa', 'beta', 'gamma', 'delta', 'epsilon', 'polisen', 'regionen', 'lansstyrelsen'];
    const criteria = [1, 2, 3, 4, 5, 6, 7].map((n) => `  - {id: g${n}, area: governance, text: Styrkriterium ${n}}`);
    writeFileSync(
      join(copy.dir, 'assessments/bred.yaml'),
      [
        'kind: assessment',
        'id: bred',
        'title: Kartläggning av åtta organisationer',
        'date: 2009-03-01',
        `subjects: [${subjects.join(', ')}]`,
        'criteria:',
        ...criteria,
        '  - {id: c1, area: competence, text: Personalen har fått utbildning}',
        'results:',
        '  - {subject: gamma, criterion: g7, rating: not-met, note: Ingen uppföljning}',
        '  - {subject: epsilon, criterion: c1, rating: met}',
        '  - {subject: alfa, criterion: g1, rating: partly}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(copy.dir, 'assessments/en.yaml'),
      'kind: assessment\nid: en\ntitle: En organisation\ndate: 2009-03-01\nsubjects: [alfa]\ncriteria:\n  - {id: k1, area: governance, text: Mål finns}\n',
    );
    // A plan whose one sub-goal lost its only action, with a goal whose every action was cancelled.
    writeFileSync(
      join(copy.dir, 'plans/avbruten.yaml'),
      [
        'kind: plan',
        'id: avbruten',
        'title: Plan med en avbruten åtgärd',
        'owner: alfa',
        'period: {start: 2008-01-01, end: 2010-12-31}',
        'goals:',
        '  - id: m1',
        '    title: Rutiner och medel',
        '    indicators:',
        '      - id: i1',
        '        name: Kommuner med rutin',
        '        unit: antal',
        '        source: Samordnarens enkät',
        '        baseline: {period: "2007", value: 0, note: Ingen kommun hade en rutin}',
        '        target: {period: "2010", value: 2}',
        '        measurements:',
        '          - {period: "2008", value: 1}',
        '          - {period: "2009", value: 2, note: Beta antog sin rutin i mars}',
        '    subgoals:',
        '      - {id: d1, title: Rutiner finns}',
        '      - {id: d2, title: Långsiktiga medel finns}',
        '  - id: m2',
        '    title: En webbplats',
        'phases:',
        '  - {id: steg-1, title: Bygga, description: Rutinerna tas fram tillsammans med polisen., start: 2008-01-01, end: 2009-12-31}',
        'actions:',
        '  - {id: a1, title: Rutin i Alfa, goals: [d1], phase: steg-1, responsible: alfa, due: 2008-12-31, status: done}',
        '  - {id: a2, title: Rutin i Beta, goals: [d1], phase: steg-1, responsible: beta, due: 2009-03-31, status: done}',
        '  - {id: a3, title: Gemensam finansiering, goals: [d2], phase: steg-1, responsible: alfa, due: 2009-05-31, status: cancelled}',
        '  - {id: a4, title: Webbplats, goals: [m2], phase: steg-1, responsible: beta, due: 2009-05-31, status: cancelled}',
        '',
      ].join('\n'),
    );
    const group = join(copy.dir, 'groups/styrgrupp.yaml');
    writeFileSync(group, readFileSync(group, 'utf8').replace('decides: true', 'decides: false'));
  });
  afterAll(() => copy.cleanup());

  it('turns the matrix of a mapping with many organisations: a table per area, organisations as rows', async () => {
    const md = (await renderOne(copy.dir, 'assessment', 'bred', { format: 'md' })).content;
    expect(md).toContain('- Organisationer: Alfa kommun, Beta kommun, Gamma kommun,');
    expect(md).not.toContain('## Resultat per kriterium');
    // Seven governance criteria: six in one table, the seventh in the next; the criteria listed above them.
    expect(md).toContain('- g7: Styrkriterium 7\n');
    expect(md).toMatch(/^\| Organisation\s*\| g1\s*\| g2\s*\| g3\s*\| g4\s*\| g5\s*\| g6\s*\|$/m);
    expect(md).toMatch(/^\| Organisation\s*\| g7\s*\|$/m);
    expect(md).toMatch(/^\| Organisation\s*\| c1\s*\|$/m);
    expect(md).toMatch(/^\| Alfa\s*\| ◐ Delvis uppfyllt\s*\| ○ Okänt\s*\|/m);
    expect(md).toMatch(/^\| Gamma kommun\s*\| ▲ Ej uppfyllt\s*\|$/m);
    expect(md).toMatch(/^\| Epsilon kommun\s*\| ● Uppfyllt\s*\|$/m);
    expect(md).toContain('- Gamma kommun, g7: ▲ Ej uppfyllt. Ingen uppföljning');
    // No table is wider than the organisation and six criteria.
    const widest = Math.max(...md.split('\n').filter((l) => l.startsWith('|')).map((l) => l.split(/(?<!\\)\|/).length - 2));
    expect(widest).toBeLessThanOrEqual(7);
    expect(await lintAll({ 'bred.md': md })).toEqual([]);
    const html = (await renderOne(copy.dir, 'assessment', 'bred', { format: 'html' })).content;
    expect(html).toContain('<td class="cell-red"><span class="light light-red" aria-hidden="true">▲</span> Ej uppfyllt</td>');
    expect(html).toContain('<div class="table-scroll table-wide" role="region" tabindex="0" aria-label="Styrning">\n<table>');
    // A few organisations keep the matrix with criteria as rows.
    const narrow = (await renderOne(copy.dir, 'assessment', 'kartlaggning-2008', { format: 'md' })).content;
    expect(narrow).toContain('## Resultat per kriterium');
    expect(narrow).toContain('- Organisationer: Alfa kommun, Beta kommun');
    const one = (await renderOne(copy.dir, 'assessment', 'en', { format: 'md', lang: 'en' })).content;
    expect(one).toContain('- Organisation: Alfa kommun\n');
    const many = (await renderOne(copy.dir, 'assessment', 'bred', { format: 'md', lang: 'en' })).content;
    expect(many).toContain('- Organisations: Alfa kommun, Beta kommun');
  });

  it('counts cancelled actions apart instead of calling a goal with one all done', async () => {
    const md = (await renderOne(copy.dir, 'plan', 'avbruten', { format: 'md' })).content;
    expect(md).toContain('● Alla åtgärder klara eller avbrutna. 4 åtgärder: 2 klara och 2 avbrutna. Ingen är försenad. Genomfört i genomsnitt, utan de avbrutna: 100\u00a0%.');
    expect(md).toContain('● Alla åtgärder klara eller avbrutna. 2 av 3 åtgärder klara och 1 avbruten. Genomfört i genomsnitt, utan den avbrutna: 100\u00a0%.');
    expect(md).toContain('#### 1.2 Långsiktiga medel finns\n\n○ Den enda åtgärden är avbruten.');
    expect(md).toContain('○ Alla åtgärder avbrutna. Den enda åtgärden för målet är avbruten.');
    expect(md).not.toContain('Alla åtgärder klara.');
    expect(await lintAll({ 'avbruten.md': md })).toEqual([]);
    const en = (await renderOne(copy.dir, 'plan', 'avbruten', { format: 'md', lang: 'en' })).content;
    expect(en).toContain('● All actions done or cancelled. 2 of 3 actions done and 1 cancelled. Average progress, leaving out the cancelled one: 100%.');
    expect(en).toContain('#### 1.2 Långsiktiga medel finns\n\n○ Its only action was cancelled.');
  });

  it('shows an indicator\'s source, the notes on its values and what a phase is about', async () => {
    const md = (await renderOne(copy.dir, 'plan', 'avbruten', { format: 'md' })).content;
    expect(md).toContain(
      [
        'Källor och kommentarer till indikatorerna för mål 1:',
        '',
        '- Kommuner med rutin (antal)',
        '  - Källa: Samordnarens enkät',
        '  - Utgångsläge 0 (2007): Ingen kommun hade en rutin',
        '  - Mätning 2 (2009): Beta antog sin rutin i mars',
        '',
      ].join('\n'),
    );
    expect(md).toContain('### Steg 1: Bygga\n\nPeriod: 1 januari 2008 – 31 december 2009\n\nRutinerna tas fram tillsammans med polisen.\n\nÅtgärder: 1.1.1, 1.1.2, 1.2.1, 2.1\n');
    // A plan whose indicators have neither says nothing of them.
    const fixture = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md' })).content;
    expect(fixture).not.toContain('Källor och kommentarer');
  });

  it('tells the quorum only of a group that decides', async () => {
    const decides = (await renderOne(renderFixture, 'group', 'styrgrupp', { format: 'md' })).content;
    expect(decides).toContain('Gruppen fattar beslut. Gruppen är beslutför när mer än hälften av ledamöterna är närvarande.');
    const prepares = (await renderOne(copy.dir, 'group', 'styrgrupp', { format: 'md' })).content;
    expect(prepares).toContain('Gruppen bereder frågor; den fattar inte beslut.');
    expect(prepares).not.toMatch(/beslutför/);
  });

  it('separates the adopting body from the date', async () => {
    const sv = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md' })).content;
    expect(sv).toContain('- Antagen: Kommunfullmäktige i Alfa, 24 april 2008, § 61\n');
    const en = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md', lang: 'en' })).content;
    expect(en).toContain('Kommunfullmäktige i Alfa, 24 April 2008, § 61\n');
  });
});

describe('render --public', () => {
  it('lets nothing of a confidential item or a confidential group reach the output', async () => {
    const internal = [
      ...(await renderAll(renderFixture, { format: 'md' })),
      ...(await renderAll(renderFixture, { format: 'html' })),
    ];
    // The strings are there when rendered for the group itself, so the test below means something.
    expect(internal.map((p) => p.content).join('\n')).toMatch(/PLANTED-SEKRETESS-BESLUT-1/);
    expect(internal.map((p) => p.content).join('\n')).toMatch(/PLANTED-ARENDE-ANTECKNING/);
    for (const lang of ['sv', 'en'] as const) {
      for (const format of ['md', 'html'] as const) {
        const pages = await renderAll(renderFixture, { format, lang, public: true });
        const names = pages.map((p) => p.fileName);
        expect(names).not.toContain(`group-arendegrupp.${format}`);
        expect(names.some((n) => n.startsWith('meeting-arendegrupp'))).toBe(false);
        for (const page of pages) {
          expect(page.content, page.fileName).not.toMatch(/PLANTED|Ä-2009-00|arendegrupp-2009/);
        }
      }
    }
  });

  it('keeps the number of a withheld item and says why it is not shown', async () => {
    const sv = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md', public: true })).content.replace(/\u00a0/g, ' ');
    expect(sv).toContain('### 9. Ärendet redovisas inte med hänvisning till sekretess\n\n### 10. Övriga frågor');
    expect(sv).toMatch(/\| 9\s*\| kl\. 14\.00\s*\| Ärendet redovisas inte med hänvisning till sekretess\.\s*\| –\s*\|/);
    const en = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-04-30', { format: 'md', public: true, lang: 'en' })).content.replace(/\u00a0/g, ' ');
    expect(en).toContain('## § 8 Not shown: confidential\n\n## § 9 Any other business');
  });

  it('refuses a public version of a confidential group\'s own documents', async () => {
    await expect(renderOne(renderFixture, 'group', 'arendegrupp', { format: 'md', public: true })).rejects.toThrow(UsageError);
    await expect(renderOne(renderFixture, 'meeting', 'arendegrupp-2009-05-20', { format: 'html', public: true })).rejects.toThrow(/confidential group/);
  });
});

describe('render: what cannot be rendered', () => {
  let copy: { dir: string; cleanup: () => void };
  beforeAll(() => {
    copy = copyWorkspace(renderFixture);
    writeFileSync(join(copy.dir, 'plans/trasig.yaml'), 'kind: plan\nid: trasig\ntitle: Trasig plan\n');
  });
  afterAll(() => copy.cleanup());

  it('says to run validate when the document does not match its schema', async () => {
    await expect(renderOne(copy.dir, 'plan', 'trasig', { format: 'md' })).rejects.toThrow(WorkspaceError);
    await expect(renderOne(copy.dir, 'plan', 'trasig', { format: 'md' })).rejects.toThrow(/plans\/trasig\.yaml does not match the format of a plan.*samverkan validate/);
  });

  it('leaves such a document out of a site and reports it', async () => {
    const env = await createRenderEnvironment(await loadCheckedWorkspace({ dir: copy.dir, asOf: AS_OF }), {});
    const site = await renderSite(env, 'md');
    expect(site.skipped).toEqual([{ kind: 'plan', file: 'plans/trasig.yaml', reason: 'invalid' }]);
    expect(site.pages.map((p) => p.fileName)).not.toContain('plan-trasig.md');
  });

  it('suggests the id that was probably meant', async () => {
    await expect(renderOne(renderFixture, 'plan', 'handlingsplam', { format: 'md' })).rejects.toThrow(NotFoundError);
    await expect(renderOne(renderFixture, 'plan', 'handlingsplam', { format: 'md' })).rejects.toThrow(/Did you mean "handlingsplan"\?/);
    await expect(renderOne(renderFixture, 'people', 'x', { format: 'md' })).rejects.toThrow(UsageError);
  });
});

describe('render: templates from the workspace', () => {
  let copy: { dir: string; cleanup: () => void };
  beforeAll(() => {
    copy = copyWorkspace(renderFixture);
    mkdirSync(join(copy.dir, 'templates'));
  });
  afterAll(() => copy.cleanup());

  it('overrides a built-in template file by file', async () => {
    writeFileSync(join(copy.dir, 'templates/plan.md.liquid'), '# Egen mall: {{ plan.title }}\n\n{{ plan.summary_text }}\n');
    const plan = (await renderOne(copy.dir, 'plan', 'handlingsplan', { format: 'md' })).content;
    expect(plan).toBe('# Egen mall: Handlingsplan mot våld i nära relationer 2008–2010\n\n5 åtgärder: 1 klar, 2 pågår, 1 planerad och 1 avbruten. 1 är försenad.\n');
    const group = (await renderOne(copy.dir, 'group', 'styrgrupp', { format: 'md' })).content;
    expect(group).toContain('## Ledamöter 1 juni 2009');
  });

  it('cannot reach code, prototypes or files outside the template folders', async () => {
    writeFileSync(
      join(copy.dir, 'templates/agreement.md.liquid'),
      '# X\n\n[{{ agreement.constructor }}][{{ agreement.title.constructor }}][{{ agreement.__proto__ }}][{{ l.toString }}]\n',
    );
    const md = (await renderOne(copy.dir, 'agreement', 'avtal-testbygden', { format: 'md' })).content;
    expect(md).toBe('# X\n\n[][][][]\n');
    writeFileSync(join(copy.dir, 'templates/group.md.liquid'), "# X\n\n{% include '../../../../package.json' %}\n");
    await expect(renderOne(copy.dir, 'group', 'styrgrupp', { format: 'md' })).rejects.toThrow(/The template group\.md\.liquid could not be rendered/);
  });
});

describe('render: snapshots, read once as a steering group member would', () => {
  it('a notice, minutes and a plan in Swedish', async () => {
    const notice = await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md' });
    const minutes = await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-04-30', { format: 'md' });
    const plan = await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md' });
    await expect(notice.content).toMatchFileSnapshot('__snapshots__/kallelse-styrgrupp-2009-06-11.md');
    await expect(minutes.content).toMatchFileSnapshot('__snapshots__/protokoll-styrgrupp-2009-04-30.md');
    await expect(plan.content).toMatchFileSnapshot('__snapshots__/handlingsplan.md');
  });
});
