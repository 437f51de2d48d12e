/**
 * The conventions of a Swedish municipal protokoll and of minnesanteckningar, each checked on
 * rendered output (Markdown, and HTML where print needs it): meetings written into a copy of the
 * render fixture, the fixture's own minutes, and the Söderhamn example's case group.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupDecides, recordKindOf } from '../../src/model/group-record.js';
import { decisionSentence, keepTogether } from '../../src/render/minutes-parts.js';
import { copyWorkspace, repoRoot } from '../helpers/workspaces.js';
import { renderFixture, renderOne } from './helpers.js';

const NB = '\u00a0';
let dir: string;
let cleanup: () => void;

const ADJUSTED = `kind: meeting
id: styrgrupp-2009-08-20
group: styrgrupp
date: 2009-08-20
start: "13:00"
end: "15:00"
secretary: samordnare
adjusters: [polis]
first_number: 12
items:
  - {title: Mötets öppnande, role: opening}
  - {title: Val av justerare, role: adjusters}
  - {title: Rapport från samordnaren, type: information, presenter: samordnare}
  - {title: Budget 2010, id: budget, type: decision, description: Samordnarens förslag till budget för 2010.}
  - {title: Övriga frågor, role: other}
  - {title: Nästa möte, role: next}
  - {title: Mötets avslutande, role: closing}
minutes:
  status: adjusted
  adjusted: {date: 2009-08-27, by: [polis]}
  adjustment: {place: Kommunhuset i Alfa, date: 2009-08-27}
  attendance:
    - {person: socchef-alfa, status: present}
    - {person: ers-beta, status: present, substitute_for: socchef-beta}
    - {person: polis, status: present}
    - {person: region-rep, status: present}
    - {person: samordnare, status: present}
  decisions:
    - {item: budget, text: att anta budgeten för 2010 enligt förslaget.}
`;

const WORKING_GROUP = `kind: group
id: arbetsgrupp
name: Arbetsgrupp Testbygden
type: working
agreement: avtal-testbygden
reports_to: styrgrupp
members:
  - {person: samordnare, role: chair, represents: alfa}
  - {person: handlaggare-beta, role: member}
`;

const WORKING_MEETING = `kind: meeting
id: arbetsgrupp-2009-09-01
group: arbetsgrupp
date: 2009-09-01
adjusters: [handlaggare-beta]
items:
  - {title: Rutin för riskbedömning, type: decision}
  - {title: Nytt från kommunerna, type: information}
minutes:
  attendance:
    - {person: samordnare, status: present}
    - {person: handlaggare-beta, status: present}
  decisions:
    - {item: 1, text: att föreslå styrgruppen rutinen för riskbedömning.}
`;

beforeAll(() => {
  ({ dir, cleanup } = copyWorkspace(renderFixture));
  mkdirSync(join(dir, 'meetings/arbetsgrupp'));
  writeFileSync(join(dir, 'meetings/styrgrupp/2009-08-20.yaml'), ADJUSTED);
  writeFileSync(join(dir, 'groups/arbetsgrupp.yaml'), WORKING_GROUP);
  writeFileSync(join(dir, 'meetings/arbetsgrupp/2009-09-01.yaml'), WORKING_MEETING);
  writeFileSync(join(dir, 'meetings/arendegrupp/2009-06-17.yaml'), 'kind: meeting\nid: arendegrupp-2009-06-17\ngroup: arendegrupp\ndate: 2009-06-17\nitems:\n  - {title: Ärende Ä-2009-004, case: Ä-2009-004, confidential: true}\n');
  // The case group's advice, recorded as a decision under its item.
  const caseMeeting = join(dir, 'meetings/arendegrupp/2009-05-20.yaml');
  writeFileSync(caseMeeting, readFileSync(caseMeeting, 'utf8').replace('  tasks:\n', '  decisions:\n    - {item: 1, text: att socialtjänsten erbjuder ett skyddat boende.}\n  tasks:\n'));
});
afterAll(() => cleanup());

const md = async (id: string, lang?: 'sv' | 'en') => (await renderOne(dir, 'meeting', id, { format: 'md', lang })).content;

describe('a protokoll (a group that decides)', () => {
  it('has the header: plats och tid, beslutande with whom they represent, övriga deltagande, utses att justera, justeringens plats och tid, paragrafer', async () => {
    const out = await md('styrgrupp-2009-08-20');
    expect(out.split('\n')[0]).toBe(`# Protokoll – Styrgrupp Kvinnofrid Testbygden – 20${NB}augusti${NB}2009`);
    expect(out).toContain(`**Plats och tid:** Kommunhuset i Alfa, torsdag 20${NB}augusti${NB}2009 kl.${NB}13.00–15.00\n`);
    expect(out).toContain(
      '**Beslutande:**\n\n- Anna Andersson, Alfa, ordförande\n- David Dahl, Beta, ersättare för Cecilia Carlsson\n- Eva Ek, Polisen\n- Sara Samordnare, Alfa, sekreterare\n',
    );
    expect(out).toContain('**Övriga deltagande:**\n\n- Fredrik Fors, Regionen, adjungerad\n');
    expect(out).toContain('**Utses att justera:** Eva Ek\n');
    expect(out).toContain(`**Justeringens plats och tid:** Kommunhuset i Alfa, 27${NB}augusti${NB}2009\n`);
    expect(out).toContain(`**Paragrafer:** §§${NB}12–18\n`);
  });

  it('gives each § its heading, the matter in short and a bold decision in the group\'s sentence', async () => {
    const out = await md('styrgrupp-2009-08-20');
    expect(out).toContain(`## §${NB}15 Budget 2010\n\nSamordnarens förslag till budget för 2010.\n\n**Beslut:** Styrgruppen beslutar att anta budgeten för 2010 enligt förslaget.\n`);
    const en = await md('styrgrupp-2009-08-20', 'en');
    // The sentence is in the language of the decision's text, whatever the output's language.
    expect(en).toContain('**Decision:** Styrgruppen beslutar att anta budgeten för 2010 enligt förslaget.');
  });

  it('leaves no § empty: an information item with nothing recorded reads "Informationen antecknas"', async () => {
    expect(await md('styrgrupp-2009-08-20')).toContain(`## §${NB}14 Rapport från samordnaren\n\nFöredragande: Sara Samordnare\n\nInformationen antecknas.\n`);
    expect(await md('styrgrupp-2009-08-20', 'en')).toContain(`## §${NB}14 Rapport från samordnaren\n\nPresenter: Sara Samordnare\n\nThe information was noted.\n`);
    // The formal items with nothing recorded say so too.
    expect(await md('styrgrupp-2009-08-20')).toContain(`## §${NB}16 Övriga frågor\n\nInga övriga frågor anmäldes.\n\n## §${NB}17 Nästa möte\n\nTid för nästa möte är inte bestämd.\n`);
  });

  it('ends with a signature page: Sekreterare, Ordförande, Justerare, each a line with the printed name under it, on a page of its own in print', async () => {
    const out = await md('styrgrupp-2009-08-20');
    const page = out.slice(out.indexOf('## Underskrifter'));
    expect(page).toBe(
      '## Underskrifter\n\nSekreterare\\\n……………………………\\\nSara Samordnare\n\nOrdförande\\\n……………………………\\\nAnna Andersson\n\nJusterare\\\n……………………………\\\nEva Ek\n',
    );
    const html = (await renderOne(dir, 'meeting', 'styrgrupp-2009-08-20', { format: 'html' })).content;
    const section = html.slice(html.indexOf('<section class="signatures">'));
    expect(section).toMatch(/^<section class="signatures">\n<h2>Underskrifter<\/h2>\n<p>Sekreterare<br>\n…+<br>\nSara Samordnare<\/p>/);
    expect(section).toContain('</section>');
    expect(html.indexOf('<section class="signatures">')).toBeGreaterThan(html.indexOf('Budget 2010'));
  });

  it('says "Justerat <date> av …" once adjusted, and no draft banner', async () => {
    const doc = await renderOne(dir, 'meeting', 'styrgrupp-2009-08-20', { format: 'md' });
    expect(doc.content.split('\n').slice(0, 3)).toEqual([`# Protokoll – Styrgrupp Kvinnofrid Testbygden – 20${NB}augusti${NB}2009`, '', `> Justerat 27${NB}augusti${NB}2009 av Eva Ek.`]);
    expect(doc.content).not.toContain('Utkast');
    expect(doc.pageBanner).toBeNull();
  });

  it('marks draft minutes "Utkast – ej justerat" at the top, and on every printed page', async () => {
    const sv = await renderOne(dir, 'meeting', 'styrgrupp-2009-04-30', { format: 'md' });
    expect(sv.content.split('\n').slice(0, 3)).toEqual([`# Protokoll – Styrgrupp Kvinnofrid Testbygden – 30${NB}april${NB}2009`, '', '> **Utkast – ej justerat**']);
    expect(sv.pageBanner).toBe('Utkast – ej justerat');
    const en = await renderOne(dir, 'meeting', 'styrgrupp-2009-04-30', { format: 'html', lang: 'en' });
    expect(en.content).toContain('<blockquote>\n<p><strong>Draft – not adjusted</strong></p>\n</blockquote>');
    expect(en.pageBanner).toBe('Draft – not adjusted');
  });
});

describe('minnesanteckningar (a group that does not decide)', () => {
  it('keeps Minnesanteckningar: those present, the group\'s conclusions, no decisions, §§ or signature page', async () => {
    const out = await md('arbetsgrupp-2009-09-01');
    expect(out.split('\n')[0]).toBe(`# Minnesanteckningar – Arbetsgrupp Testbygden – 1${NB}september${NB}2009`);
    expect(out).toContain('**Närvarande:**\n\n- Sara Samordnare, Alfa, ordförande\n- Jan Jansson, Beta\n');
    expect(out).toContain('**Slutsats:** att föreslå styrgruppen rutinen för riskbedömning.');
    expect(out).toContain(`## §${NB}2 Nytt från kommunerna\n\nInformationen antecknas.\n`);
    for (const word of ['Beslut', 'beslutar', 'Beslutande', 'Paragrafer', 'Underskrifter', 'samverkan:signatures']) expect(out).not.toContain(word);
  });

  it('asks the model whether a group decides: its decides:, else only a steering group; a case group never', () => {
    expect(
      [
        { type: 'steering' as const },
        { type: 'steering' as const, decides: false },
        { type: 'working' as const },
        { type: 'network' as const, decides: true },
        { type: 'reference' as const },
        { type: 'case' as const, decides: true },
      ].map((g) => [groupDecides(g), recordKindOf(g)]),
    ).toEqual([
      [true, 'decisions'],
      [false, 'notes'],
      [false, 'notes'],
      [true, 'decisions'],
      [false, 'notes'],
      [false, 'advice'],
    ]);
  });
});

describe('a case group', () => {
  it('gives the case group\'s advice, never "beslutar"', async () => {
    const sv = await md('arendegrupp-2009-05-20');
    expect(sv).toContain('**Ärendegruppens råd:** att socialtjänsten erbjuder ett skyddat boende.');
    expect(sv).not.toMatch(/beslut/i);
    const en = await md('arendegrupp-2009-05-20', 'en');
    expect(en).toContain("**The case group's advice:** att socialtjänsten erbjuder ett skyddat boende.");
    expect(en).not.toMatch(/decides|decision/i);
  });

  it('marks every document with the default text when the group names no provision', async () => {
    const marking = '> **Sekretess** enligt offentlighets- och sekretesslagen (2009:400); vilken bestämmelse som gäller prövas innan handlingen lämnas ut.';
    const minutes = await renderOne(dir, 'meeting', 'arendegrupp-2009-05-20', { format: 'md' });
    expect(minutes.content.split('\n').slice(0, 3)).toEqual([`# Minnesanteckningar – Ärendegruppen Testbygden – 20${NB}maj${NB}2009`, '', marking]);
    expect(minutes.secrecyMarking).toBe('Sekretess enligt offentlighets- och sekretesslagen (2009:400); vilken bestämmelse som gäller prövas innan handlingen lämnas ut.');
    const page = await renderOne(dir, 'group', 'arendegrupp', { format: 'md' });
    expect(page.content.split('\n').slice(0, 3)).toEqual(['# Ärendegruppen Testbygden', '', marking]);
    const notice = await renderOne(dir, 'meeting', 'arendegrupp-2009-06-17', { format: 'md' });
    expect(notice.content.split('\n').slice(0, 3)).toEqual([`# Kallelse – Ärendegruppen Testbygden – 17${NB}juni${NB}2009`, '', marking]);
    // An open group's documents carry no marking.
    expect((await md('styrgrupp-2009-08-20'))).not.toContain('Sekretess**');
  });

  it('marks the notice, the minutes and the group page of the Söderhamn case group with its provision, date and who marked it', async () => {
    const soderhamn = join(repoRoot, 'plans/soderhamn');
    const marking = `> **Sekretess** enligt 26 kap. 1${NB}§, 23 kap. 2${NB}§ och 18 kap. 1${NB}§ offentlighets- och sekretesslagen (2009:400). Markerad 1${NB}mars${NB}2010 av HRV-strateg Söderhamn.`;
    const meetings = readFileSync(join(soderhamn, 'groups/arendegrupp-hrv.yaml'), 'utf8');
    expect(meetings).toContain('secrecy:');
    for (const [kind, id] of [['group', 'arendegrupp-hrv'], ['meeting', 'arendegrupp-hrv-2010-11-18']] as const) {
      const out = (await renderOne(soderhamn, kind, id, { format: 'md', asOf: '2011-01-01' })).content;
      expect(out.split('\n').slice(0, 12), `${kind} ${id}`).toContain(marking);
    }
    const en = (await renderOne(soderhamn, 'meeting', 'arendegrupp-hrv-2010-11-18', { format: 'html', lang: 'en', asOf: '2011-01-01' })).content;
    expect(en).toContain(`<strong>Confidential</strong> under 26 kap. 1${NB}§`);
    expect(en).toContain(`Marked on 1${NB}March${NB}2010 by HRV-strateg Söderhamn.`);
  });
});

describe('the words of a decision and where lines may not break', () => {
  it.each([
    ['att anta budgeten.', 'decisions', 'steering', 'Styrgruppen beslutar att anta budgeten.'],
    ['Att anta budgeten.', 'decisions', 'network', 'Nätverket beslutar att anta budgeten.'],
    ['to adopt the budget.', 'decisions', 'steering', 'The steering group decides to adopt the budget.'],
    ['Budgeten antas.', 'decisions', 'steering', 'Budgeten antas.'],
    ['att socialtjänsten erbjuder skydd.', 'advice', 'case', 'att socialtjänsten erbjuder skydd.'],
    ['att föreslå styrgruppen rutinen.', 'notes', 'working', 'att föreslå styrgruppen rutinen.'],
  ] as const)('%s (%s, %s)', (text, kind, type, expected) => {
    expect(decisionSentence(text, kind, type)).toBe(expected);
  });

  it('keeps "kl. 13.00", "§ 5", "§§ 1–3", "1 § OSL" and dates in both languages on one line', () => {
    expect(keepTogether('kl. 13.00, § 5, §§ 1–3, 26 kap. 1 § OSL, 14 maj 2009, 14 May 2009, klockan 5')).toBe(
      `kl.${NB}13.00, §${NB}5, §§${NB}1–3, 26 kap. 1${NB}§ OSL, 14${NB}maj${NB}2009, 14${NB}May${NB}2009, klockan 5`,
    );
  });
});

describe('the five examples\' minutes', () => {
  const examples = ['dalarna', 'fyrbodal', 'norra-bohuslan', 'soderhamn', 'trollhattan'];
  it.each(examples)('%s: every set of minutes is a protokoll or minnesanteckningar by its group, with no § left empty', async (name) => {
    const root = join(repoRoot, 'plans', name);
    const { loadCheckedWorkspace } = await import('../../src/workspace/checked.js');
    const checked = await loadCheckedWorkspace({ dir: root, asOf: '2027-06-01' });
    const meetings = [...checked.workspace.index.meetings.values()].map((e) => e.value).filter((m) => m.minutes !== undefined);
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings) {
      const group = checked.workspace.index.groups.get(meeting.group)?.value;
      const kind = recordKindOf(group);
      const out = (await renderOne(root, 'meeting', meeting.id, { format: 'md', asOf: '2027-06-01' })).content;
      const where = `${name}: ${meeting.id}`;
      expect(out.startsWith(kind === 'decisions' ? '# Protokoll – ' : '# Minnesanteckningar – '), where).toBe(true);
      expect(out, where).toContain('**Plats och tid:**');
      if (kind === 'decisions') {
        for (const part of ['**Beslutande:**', '**Paragrafer:** §', '## Underskrifter']) expect(out, where).toContain(part);
      } else {
        for (const part of ['**Beslutande:**', 'Underskrifter', 'beslutar']) expect(out, where).not.toContain(part);
      }
      if (group?.type === 'case') expect(out, where).toContain('> **Sekretess** enligt');
      // Minutes to be adjusted (a protokoll, or notes that name adjusters) are a draft until they are.
      const toAdjust = kind === 'decisions' || (meeting.adjusters ?? []).length > 0;
      expect(out.includes('**Utkast – ej justerat**'), where).toBe(toAdjust && meeting.minutes?.status !== 'adjusted');
      // Every paragraph says something under its heading.
      for (const section of out.split('\n## ').filter((s) => s.startsWith('§'))) {
        expect(section.split('\n').slice(1).join('\n').trim(), `${where}: ${section.split('\n')[0]}`).not.toBe('');
      }
    }
  });
});
