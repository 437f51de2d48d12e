import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UsageError, WorkspaceError } from '../../src/errors.js';
import { createRenderEnvironment, renderDocument } from '../../src/render/render-document.js';
import { renderSite, sitePages } from '../../src/render/render-site.js';
import { loadWorkspace } from '../../src/workspace/load.js';
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
      for (const lang of ['sv', 'en'] as const) {
        for (const pub of [false, true]) {
          for (const page of await renderAll(dir, { format: 'md', lang, public: pub })) {
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
      for (const lang of ['sv', 'en'] as const) {
        const env = await createRenderEnvironment(await loadWorkspace({ dir }), { lang, asOf: AS_OF });
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
  it('derives overdue days, traffic lights, roll-ups and indicator trends', async () => {
    const md = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md' })).content;
    expect(md).toMatch(/\| a2: Utbilda kvinnofridsinstruktörer\s*\| Beta\s*\| 30 april 2009\s*\| 32\s*\| ▲ Pågår\s*\|/);
    expect(md).toContain('▲ Försenade åtgärder. 5 åtgärder: 1 klar, 2 pågår, 1 planerad och 1 avbruten. 1 är försenad. Genomfört i genomsnitt: 53\u00a0%.');
    expect(md).toMatch(/\| Ärenden med samordnad insats \(antal\)\s*\| 10 \(2007\)\s*\| 19 \(2009\)\s*\| 30 \(2010\)\s*\| ● Går åt rätt håll\s*\|/);
    expect(md).toMatch(/\| Anmälda fall av misshandel mot kvinna \(antal\)\s*\| 161 \(2007\)\s*\| 170 \(2008\)\s*\| 120 \(2010\)\s*\| ▲ Går åt fel håll\s*\|/);
    expect(md).toMatch(/a3: Informationskampanj i skolorna\s*\| Alfa\s*\| 30 juni 2009\s*\| Planerad\s*\| –\s*\| ◐ Risk för försening/);
    expect(md).toContain('▲ Försenade åtgärder. 70\u00a0% genomfört, 1 av 3 åtgärder klara.');
  });

  it('tells the status as of --as-of', async () => {
    const later = (await renderOne(renderFixture, 'plan', 'handlingsplan', { format: 'md', asOf: '2010-01-15' })).content;
    expect(later).toContain('## Läget 15 januari 2010');
    expect(later).toMatch(/a1: Ta fram gemensamma rutiner\s*\| Socialförvaltningen i Alfa|a1: Ta fram gemensamma rutiner\s*\| Alfa soc\s*\| 31 december 2009\s*\| 15\s*\|/);
  });
});

describe('render: meetings', () => {
  it('numbers the notice in the Swedish order with start times from the durations', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md' })).content;
    const headings = [...md.matchAll(/^### (\d+)\. (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.map((h) => h.replace(/^\d+ /, ''))).toEqual([
      'Mötets öppnande',
      'Val av justerare',
      'Godkännande av dagordningen',
      'Föregående protokoll och öppna uppgifter',
      'Uppföljning av handlingsplanen',
      'Rapport från samordnaren',
      'Rapport från tillsynsanalysen',
      '\\<script\\>alert(1)\\</script\\> Revidering av handlingsplanen',
      'PLANTED-SEKRETESS-TITEL-2',
      'Övriga frågor',
      'Nästa möte',
      'Mötets avslutande',
    ]);
    expect(md).toMatch(/\| 6\s*\| kl\. 13\.00\s*\| Rapport från samordnaren/);
    expect(md).toMatch(/\| 7\s*\| kl\. 13\.15\s*\| Rapport från tillsynsanalysen/);
    expect(md).toMatch(/\| 9\s*\| kl\. 14\.00\s*\| PLANTED-SEKRETESS-TITEL-2/);
    expect(md).toMatch(/\| 12\s*\| kl\. 14\.15\s*\| Mötets avslutande/);
    expect(md).toContain('- Tid: torsdag 11 juni 2009 kl. 13.00–15.00');
    // Open tasks from the previous minutes, and plan actions overdue or due before the next meeting.
    expect(md).toMatch(/Skicka rutinerna på remiss till regionen\s*\| Sara Samordnare\s*\| ▲ Försenad: 31 maj 2009/);
    expect(md).not.toContain('Skicka ut protokollet');
    expect(md).toMatch(/a2: Utbilda kvinnofridsinstruktörer\s*\| Beta\s*\| 30 april 2009\s*\| ▲ Försenad \(42 dagar\)/);
    expect(md).toMatch(/a3: Informationskampanj i skolorna\s*\| Alfa\s*\| 30 juni 2009\s*\| ◐ Risk för försening/);
    expect(md).not.toMatch(/a1: Ta fram gemensamma rutiner/);
    expect(md).toContain('Enligt mötesplanen: torsdag 23 juli 2009 kl. 13.00–15.00, Kommunhuset i Alfa.');
  });

  it('renders a meeting with minutes as minutes: attendance, substitutes, decisions, tasks, signatures', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-04-30', { format: 'md' })).content;
    expect(md.split('\n')[0]).toBe('# Protokoll – Styrgrupp Kvinnofrid Testbygden – 30 april 2009');
    expect(md).toContain('- David Dahl, ersättare för Cecilia Carlsson');
    expect(md).toContain('Anmält förhinder:\n\n- Eva Ek, Ledamot, Polisen');
    expect(md).toContain('## § 7 Budget 2010\n\nBeslut:\n\nStyrgruppen föreslår oförändrad budget för 2010.');
    expect(md).toMatch(/\| Boka lokal för utbildningen\s*\| David Dahl\s*\| 31 augusti 2009\s*\| Öppen\s*\|/);
    expect(md).toMatch(/\| Justerare\s*\| David Dahl\s*\| …+\s*\| …+\s*\|/);
    expect(md).toMatch(/\| Vid protokollet\s*\| Sara Samordnare/);
    expect(md).toMatch(/\| Ordförande\s*\| Anna Andersson/);
  });

  it('writes the notice in English with English dates and times', async () => {
    const md = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md', lang: 'en' })).content;
    expect(md.split('\n')[0]).toBe('# Notice of meeting – Styrgrupp Kvinnofrid Testbygden – 11 June 2009');
    expect(md).toContain('- Time: Thursday 11 June 2009 1pm to 3pm');
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

  it('shows the cost sharing in percent and money, and the term', async () => {
    const md = (await renderOne(renderFixture, 'agreement', 'avtal-testbygden', { format: 'md' })).content;
    expect(md.replace(/\u00a0/g, ' ')).toMatch(/\| Alfa\s*\| 60 %\s*\| 540 000 kr per år\s*\|/);
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
    const sv = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-06-11', { format: 'md', public: true })).content;
    expect(sv).toContain('### 9. Ärendet redovisas inte med hänvisning till sekretess\n\n### 10. Övriga frågor');
    expect(sv).toMatch(/\| 9\s*\| kl\. 14\.00\s*\| Ärendet redovisas inte med hänvisning till sekretess\.\s*\| –\s*\|/);
    const en = (await renderOne(renderFixture, 'meeting', 'styrgrupp-2009-04-30', { format: 'md', public: true, lang: 'en' })).content;
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
    const env = await createRenderEnvironment(await loadWorkspace({ dir: copy.dir }), { asOf: AS_OF });
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
