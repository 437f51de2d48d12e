/**
 * The rendered plan tells the truth and has the shape of an adopted Swedish plan: overdue since a
 * date, indicators judged by their target and target period, each action counted once, ids only
 * in the internal reference column; numbered goals, sub-goals and actions, the header of an
 * adopted plan and a follow-up per period; a chart per indicator with two or more measurements
 * (inline SVG with a text alternative and its values table) in HTML, the table in Markdown.
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyWorkspace, repoRoot } from '../helpers/workspaces.js';
import { renderFixture, renderOne } from './helpers.js';

const trollhattan = join(repoRoot, 'plans/trollhattan');
const plan = (settings: Parameters<typeof renderOne>[3]) => renderOne(renderFixture, 'plan', 'handlingsplan', settings).then((d) => d.content);
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('follow-up that tells the truth', () => {
  it('says since when an action is overdue, as a date, however long ago', async () => {
    const md = await plan({ format: 'md', asOf: '2026-01-15' });
    expect(md).toMatch(/\| 1\.1\.1\s*\| Ta fram gemensamma rutiner\s*\| Alfa soc\s*\| 31 december 2009\s*\| 60.%\s*\| ▲ Försenad sedan 2009-12-31\s*\|/);
    expect(md).toContain('▲ Försenad sedan 2009-04-30');
    expect(md).not.toMatch(/\d+ dagar/);
    const en = await plan({ format: 'md', asOf: '2026-01-15', lang: 'en' });
    expect(en).toContain('▲ Overdue since 31 December 2009');
    expect(en).not.toMatch(/\d+ days/);
  });

  it('calls a target missed once its period has passed, never green', async () => {
    const md = await plan({ format: 'md', asOf: '2011-03-01' });
    expect(md).toMatch(/\| Ärenden med samordnad insats \(antal\)\s*\| 10 \(2007\)\s*\| 19 \(2009\)\s*\| 30 \(2010\)\s*\| ▲ Målvärdet nåddes inte \(2010\)\s*\|/);
    expect(md).toMatch(/\| Anmälda fall av misshandel mot kvinna \(antal\)\s*\| 161 \(2007\)\s*\| 170 \(2008\)\s*\| 120 \(2010\)\s*\| ▲ Målvärdet nåddes inte \(2010\)\s*\|/);
    // Before the target period ends, the same values are judged against the straight line to the target.
    const before = await plan({ format: 'md' });
    expect(before).toMatch(/30 \(2010\)\s*\| ◐ Risk: går för långsamt/);
  });

  it('counts an action that serves two goals once in the plan\'s total', async () => {
    const md = await plan({ format: 'md' });
    // a2 serves sub-goal 1.2 and goal 2: listed under both with its one number, counted once.
    expect(md.match(/^\| 1\.2\.1 /gm)).toHaveLength(3);
    expect(md).toContain('5 åtgärder: 1 klar, 2 pågår, 1 planerad och 1 avbruten. 1 är försenad.');
  });

  it('shows a traffic light as a sign and a word, and the colour only as well', async () => {
    const html = await plan({ format: 'html' });
    expect(html).toContain('<span class="light light-red" aria-hidden="true">▲</span> Försenad sedan 2009-04-30');
    expect(html).toContain('<span class="light light-yellow" aria-hidden="true">◐</span> Risk: går åt fel håll');
  });

  it('keeps ids out of the text: a small Id column in internal output, none in public output', async () => {
    const md = await plan({ format: 'md' });
    const prose = md.split('\n').filter((l) => !l.startsWith('|') && !l.startsWith('- Id:'));
    expect(prose.filter((l) => /\b(a[1-5]|m[12]|d[12]|i[12]|steg-[12])\b/.test(l))).toEqual([]);
    expect(md).toMatch(/^\| Nr\s*\| Åtgärd\s*\| Ansvarig\s*\| Klart senast\s*\| Genomfört\s*\| Läge\s*\| Id\s*\|$/m);
    const pub = await plan({ format: 'md', public: true });
    expect(pub).not.toMatch(/\| Id\s*\|/);
    expect(pub).not.toMatch(/\b(a[1-5]|m[12]|d[12])\b/);
  });
});

describe('a plan\'s shape', () => {
  it('numbers goals, sub-goals and actions 1, 1.1, 1.1.1 in Markdown and HTML', async () => {
    const md = await plan({ format: 'md' });
    const headings = [...md.matchAll(/^(#{3,4}) (\d+(?:\.\d+)*) (.*)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(headings.slice(0, 4)).toEqual([
      '### 1 Fler våldsutsatta ska få stöd i tid',
      '#### 1.1 Gemensamma rutiner finns i båda kommunerna',
      '#### 1.2 Personalen vet vart de ska hänvisa',
      '### 2 Antalet anmälda misshandelsfall ska minska',
    ]);
    expect(md).toMatch(/^\| 1\.3\s*\| Samverkansöverenskommelse med regionen/m);
    expect(md).toContain('### 2.1 Informationskampanj i skolorna');
    const html = await plan({ format: 'html' });
    expect(html).toContain('<h3>1 Fler våldsutsatta ska få stöd i tid</h3>');
    expect(html).toContain('<h4>1.1 Gemensamma rutiner finns i båda kommunerna</h4>');
    expect(html).toMatch(/<td>1\.1\.1<\/td>\s*<td>Ta fram gemensamma rutiner<\/td>/);
  });

  it('states what an adopted plan states in its header', async () => {
    const md = nbsp(await plan({ format: 'md' }));
    expect(md).toContain(
      [
        '- Ägare: Alfa kommun',
        '- Diarienummer: KS 2008/112',
        '- Antagen: Kommunfullmäktige i Alfa, 24 april 2008, § 61',
        '- Period: 1 januari 2008 – 31 december 2010',
        '- Giltighetstid: 1 maj 2008 – 31 december 2010. Revideras när samverkansavtalet förnyas.',
        '- Uppföljning: Samordnaren sammanställer aktiviteterna och indikatorerna. Planen följs upp varje halvår. Uppföljningen redovisas för Styrgrupp Kvinnofrid Testbygden.',
        '- Dokumentansvarig: Sara Samordnare',
        '- Version: 2.0',
      ].join('\n'),
    );
    const en = nbsp(await plan({ format: 'md', lang: 'en' }));
    expect(en).toContain('- Diary number: KS 2008/112');
    expect(en).toContain('- Valid: 1 May 2008 – 31 December 2010.');
    expect(en).toContain('The plan is followed up every six months.');
  });

  it('has a follow-up per period: what was done, what slipped, what the indicators show', async () => {
    const md = await plan({ format: 'md' });
    const section = md.slice(md.indexOf('## Uppföljning per period'), md.indexOf('## Åtgärderna i detalj'));
    expect([...section.matchAll(/^### (.*)$/gm)].map((m) => m[1])).toEqual([
      '2008, första halvåret',
      '2008, andra halvåret',
      '2009, första halvåret (till och med 1 juni 2009)',
    ]);
    const h2 = section.slice(section.indexOf('### 2008, andra'), section.indexOf('### 2009'));
    expect(h2).toContain('Klart:\n\n- 1.3 Samverkansöverenskommelse med regionen (Alfa soc)');
    expect(h2).toContain('Indikatorerna:\n\n- Ärenden med samordnad insats (antal): 14 (2008), ◐ Risk: går för långsamt\n- Anmälda fall av misshandel mot kvinna (antal): 170 (2008), ◐ Risk: går åt fel håll');
    const h2009 = section.slice(section.indexOf('### 2009'));
    expect(h2009).toContain('Försenat eller avbrutet:\n\n- 1.2.1 Utbilda kvinnofridsinstruktörer (Beta): ▲ Försenad sedan 2009-04-30');
  });

  it('says which cells of a mapping a goal or action answers (from_assessment)', async () => {
    const md = (await renderOne(join(repoRoot, 'plans/norra-bohuslan'), 'plan', 'projektplan-nb', { format: 'md', asOf: '2009-06-01' })).content;
    expect(md).toMatch(/^### 4\.2\.2 Gruppverksamhet för barn som bevittnat våld[^\n]*\n[\s\S]*?- Utifrån kartläggningen: Tillsynsanalys Kvinnofrid Norra Bohuslän 2009: k7\n/m);
    expect(md).toContain('- Utifrån kartläggningen: Tillsynsanalys Kvinnofrid Norra Bohuslän 2009: k2 (Munkedal, Sotenäs, Tanum och Strömstad)');
  });

  it('tells only the latest periods of a plan that claims to run for a century', async () => {
    const copy = copyWorkspace(renderFixture);
    try {
      const file = join(copy.dir, 'plans/handlingsplan.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('period: {start: 2008-01-01,', 'period: {start: 1900-01-01,'));
      const md = (await renderOne(copy.dir, 'plan', 'handlingsplan', { format: 'md' })).content;
      expect(md).toContain('för de senaste 60 perioderna fram till 1 juni 2009.');
      expect(md.match(/^### (19|20)\d\d, (första|andra) halvåret/gm)).toHaveLength(60);
    } finally {
      copy.cleanup();
    }
  });

  it('gives the Trollhättan example its header and yearly follow-up', async () => {
    const md = nbsp((await renderOne(trollhattan, 'plan', 'handlingsplan-trollhattan', { format: 'md', asOf: '2009-06-01' })).content);
    expect(md).toContain('- Giltighetstid: från 24 april 2006, tills vidare. Gäller tills kommunfullmäktige antar en ny handlingsplan.');
    expect(md).toContain('- Uppföljning: Kvinnofridsgruppen sammanställer varje år');
    expect(md).toMatch(/^### 2008$/m);
    expect(md).toMatch(/^### 2009 \(till och med 1 juni 2009\)$/m);
  });
});

describe('charts', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['tr', 'circle', 'path', 'rect', 'text', 'line'].includes(name) });
  const figures = (html: string) => [...html.matchAll(/<figure class="indicator-chart">[\s\S]*?<\/figure>/g)].map((m) => m[0]);

  it('draws an indicator with two or more measurements as inline SVG with a text alternative and its table beside it', async () => {
    const html = await plan({ format: 'html' });
    // i1 has two measurements; i2 only one, so it has no chart.
    const found = figures(html);
    expect(found).toHaveLength(1);
    const figure = parser.parse(found[0]).figure;
    expect(figure.figcaption).toBe('Ärenden med samordnad insats (antal)');
    const svg = figure.div.svg;
    expect(svg.role).toBe('img');
    const [titleId, descId] = svg['aria-labelledby'].split(' ');
    expect(svg.title).toMatchObject({ id: titleId, '#text': 'Ärenden med samordnad insats (antal): utgångsläge, mätningar och målvärde' });
    expect(svg.desc).toMatchObject({ id: descId, '#text': 'Utgångsläge 10 (2007). Mätningar: 14 (2008) och 19 (2009). Målvärde 30 till 2010. Risk: går för långsamt.' });
    // Baseline a square, two measurements dots, the target a diamond, the way to it dashed.
    expect(svg.circle.filter((c: { r: string }) => c.r === '4.5')).toHaveLength(3); // two measurements and the legend's dot
    expect(svg.path.some((p: { 'stroke-dasharray'?: string }) => p['stroke-dasharray'] === '6 4')).toBe(true);
    // The measured line goes up: each later value sits higher (a smaller y).
    const measured = svg.path.find((p: { 'stroke-width': string }) => p['stroke-width'] === '2.5').d as string;
    const ys = [...measured.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    expect(ys[0]).toBeGreaterThan(ys[1]);
    expect(ys[1]).toBeGreaterThan(ys[2]);
    // Period labels on the axis, and the target period in the legend.
    expect(svg.text.map((t: { '#text': string | number }) => String(t['#text']))).toEqual(expect.arrayContaining(['2007', '2008', '2009', '2010', 'Målvärde 2010']));
    const rows = figure.div.div.table.tbody.tr.map((r: { td: Array<string | { '#text': string | number }> }) => r.td.map((c) => (typeof c === 'object' ? String(c['#text']) : String(c))));
    expect(rows).toEqual([
      ['2007', 'Utgångsläge', '10'],
      ['2008', 'Mätning', '14'],
      ['2009', 'Mätning', '19'],
      ['2010', 'Målvärde', '30'],
    ]);
    // Only where the template asked: no key is left over, and none was put in the Markdown.
    expect(html).not.toContain('samverkan-chart-');
  });

  it('puts the charts in the page a PDF is printed from', async () => {
    const printed = await plan({ format: 'pdf' });
    expect(figures(printed)).toHaveLength(1);
    expect(printed).toContain('<svg class="chart" role="img"');
  });

  it('keeps the table, and no SVG, in Markdown', async () => {
    const md = await plan({ format: 'md' });
    expect(md).not.toContain('<svg');
    expect(md).not.toContain('samverkan-chart-');
    expect(md).toContain('Mätvärden: Ärenden med samordnad insats (antal):\n\n| Period | Slag        | Värde |');
  });

  it('draws every indicator of the Trollhättan example that has two or more measurements, in English too', async () => {
    const html = (await renderOne(trollhattan, 'plan', 'handlingsplan-trollhattan', { format: 'html', lang: 'en' })).content;
    const found = figures(html);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const f of found) {
      const svg = parser.parse(f).figure.div.svg;
      expect(svg.role).toBe('img');
      expect(svg.desc['#text']).toMatch(/^(Baseline .*\. )?Measurements: .+\./);
    }
  });

  it('cannot be imitated by a plan\'s own text', async () => {
    const copy = copyWorkspace(renderFixture);
    try {
      const file = join(copy.dir, 'plans/handlingsplan.yaml');
      const fake = 'samverkan-chart-0123456789abcdef0123456789abcdef-1';
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^vision: .*$/m, `vision: ${fake}`));
      const html = (await renderOne(copy.dir, 'plan', 'handlingsplan', { format: 'html' })).content;
      // The key is new on every render: a guessed one stays text, and only the real chart is drawn.
      expect(html).toContain(`<p>${fake}</p>`);
      expect(figures(html)).toHaveLength(1);
    } finally {
      copy.cleanup();
    }
  });
});
