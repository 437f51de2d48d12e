/**
 * `samverkan changes` against a real git repository (tests/changes/fixture.ts): the workspace in
 * a subfolder, every kind of change in both languages and all three formats, renames, a file
 * that does not parse, uncommitted changes, --group, --public, and the errors.
 */
import { mkdtemp, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { buildChangesRepo, WS, type ChangesRepo } from './fixture.js';

let fx: ChangesRepo;
let cwd: string;
// No SAMVERKAN_LANG: the workspace's language (sv) speaks, in the report and the messages alike.
const run = (args: string[], at = cwd) => runInProcess(['changes', ...args, '--as-of', '2009-06-05'], { cwd: at, env: { SAMVERKAN_LANG: '' } });

beforeAll(async () => {
  fx = await buildChangesRepo();
  cwd = join(fx.repo.dir, WS);
});
afterAll(() => fx.repo.remove());

/** The documents and sentences of C1 → C2, in order. */
const SV: Array<[string, string, string[]]> = [
  ['Samverkansavtal: Samverkansavtal Alfa och Beta', 'agreements/avtal.yaml', [
    'Ny part: Polisen.',
    'Avtalstiden, slutdag: 31 december 2011 (förut ingen).',
    'Kostnadsfördelningen: Alfa kommun står nu för 55\u00a0% (förut 60\u00a0%).',
    'Kostnadsfördelningen: Beta kommun står nu för 45\u00a0% (förut 40\u00a0%).',
  ]],
  ['Grupp: Ärendegruppen', 'groups/arende.yaml', ['Kommunpolis har gått med i gruppen som ledamot.']],
  ['Grupp: Styrgruppen', 'groups/styrgrupp.yaml', [
    'Socialchef Alfa är nu vice ordförande (förut ordförande).',
    'Enhetschef Beta har gått med i gruppen som ordförande.',
    'Kommunpolis har gått med i gruppen som adjungerad.',
    'Socialchef Beta (ledamot) har lämnat gruppen.',
    'Ny ordförande: Enhetschef Beta.',
  ]],
  ['Handlingsplan: Handlingsplan Alfa–Beta', 'handlingsplaner/plan.yaml', [
    'Målet m1 heter nu Fler våldsutsatta ska få stöd i tid (förut Fler våldsutsatta ska få stöd).',
    'Nytt mål: Barn som bevittnat våld får stöd (m2).',
    'Målvärdet för indikatorn Antal ärenden (i1) är nu 35 till 2010 (förut 30).',
    'Ny mätning av Antal ärenden (i1): 15 för 2008.',
    'Ny indikator: Barn i stödgrupp (i2).',
    'Åtgärden Ta fram gemensamma rutiner (a1) har kommit till 60\u00a0% (förut 40\u00a0%).',
    'Ny uppföljning av åtgärden Ta fram gemensamma rutiner (a1) 14 maj 2009: Rutinerna är på remiss.',
    'Åtgärden Utbilda socialtjänsten (a2) är klar.',
    'Åtgärden Informationskampanj (a3) avbröts.',
    'Åtgärden Stödgrupp för barn (a4) har ny status: pågår (förut planerad).',
    'Åtgärden Stödgrupp för barn (a4) ska vara klar 30 oktober 2009 i stället för 30 september 2009, 30 dagar senare.',
    'Ny åtgärd: Samråd med polisen (a5), klar senast 31 augusti 2009.',
    'Åtgärden Gemensam webbsida (a6) togs bort.',
  ]],
  ['Möte: Styrgruppen 14 maj 2009', 'meetings/2009/styrgrupp-05-14.yaml', [
    'Mötet 14 maj 2009 hölls.',
    'Beslut (§ 2): Styrgruppen föreslår oförändrad budget.',
    'Beslut (§ 3): Ärendet lämnas till ärendegruppen.',
    'Ny uppgift: Skicka budgeten till kommunerna (Samordnare Alfa–Beta, senast 15 juni 2009).',
    'Ny uppgift: Kalla ärendegruppen (Samordnare Alfa–Beta, senast 31 maj 2009).',
  ]],
];

const EN: Array<[string, string, string[]]> = [
  ['Collaboration agreement: Samverkansavtal Alfa och Beta', 'agreements/avtal.yaml', [
    'New party: Polisen.',
    'Term, end: 31 December 2011 (was none).',
    'Cost sharing: Alfa kommun now pays 55% (was 60%).',
    'Cost sharing: Beta kommun now pays 45% (was 40%).',
  ]],
  ['Group: Ärendegruppen', 'groups/arende.yaml', ['Kommunpolis joined the group as member.']],
  ['Group: Styrgruppen', 'groups/styrgrupp.yaml', [
    'Socialchef Alfa is now vice chair (was chair).',
    'Enhetschef Beta joined the group as chair.',
    'Kommunpolis joined the group as co-opted.',
    'Socialchef Beta (member) left the group.',
    'New chair: Enhetschef Beta.',
  ]],
  ['Action plan: Handlingsplan Alfa–Beta', 'handlingsplaner/plan.yaml', [
    'The goal m1 is now called Fler våldsutsatta ska få stöd i tid (was Fler våldsutsatta ska få stöd).',
    'New goal: Barn som bevittnat våld får stöd (m2).',
    'The target of the indicator Antal ärenden (i1) is now 35 by 2010 (was 30).',
    'New measurement of Antal ärenden (i1): 15 for 2008.',
    'New indicator: Barn i stödgrupp (i2).',
    'The action Ta fram gemensamma rutiner (a1) is now 60% done (was 40%).',
    'New follow-up note on the action Ta fram gemensamma rutiner (a1), 14 May 2009: Rutinerna är på remiss.',
    'The action Utbilda socialtjänsten (a2) is done.',
    'The action Informationskampanj (a3) was cancelled.',
    'The action Stödgrupp för barn (a4) has a new status: ongoing (was planned).',
    'The action Stödgrupp för barn (a4) is now due 30 October 2009 instead of 30 September 2009, 30 days later.',
    'New action: Samråd med polisen (a5), due 31 August 2009.',
    'The action Gemensam webbsida (a6) was removed.',
  ]],
  ['Meeting: Styrgruppen 14 May 2009', 'meetings/2009/styrgrupp-05-14.yaml', [
    'The meeting on 14 May 2009 was held.',
    'Decision (§ 2): Styrgruppen föreslår oförändrad budget.',
    'Decision (§ 3): Ärendet lämnas till ärendegruppen.',
    'New task: Skicka budgeten till kommunerna (Samordnare Alfa–Beta, due 15 June 2009).',
    'New task: Kalla ärendegruppen (Samordnare Alfa–Beta, due 31 May 2009).',
  ]],
];

const TYPES = [
  ['party-added', 'term-changed', 'cost-share', 'cost-share'],
  ['member-joined'],
  ['member-role', 'member-joined', 'member-joined', 'member-left', 'chair-new'],
  ['goal-edited', 'goal-added', 'indicator-target', 'measurement-added', 'indicator-added', 'action-progress', 'action-follow-up', 'action-done', 'action-cancelled', 'action-status', 'action-due', 'action-added', 'action-removed'],
  ['meeting-held', 'decision', 'decision', 'task', 'task'],
];

const text = (title: string, docs: typeof SV) => `${title}\n\n${docs.map(([h, f, lines]) => `${h} (${f})\n${lines.map((l) => `  - ${l}\n`).join('')}`).join('\n')}`;
const md = (title: string, docs: typeof SV) => `## ${title}\n\n${docs.map(([h, , lines]) => `### ${h}\n\n${lines.map((l) => `- ${l}\n`).join('')}`).join('\n')}`;

describe('samverkan changes between two commits', () => {
  it('tells every kind of change in Swedish and English, as text', async () => {
    const [c1, c2] = [fx.c1.slice(0, 7), fx.c2.slice(0, 7)];
    const sv = await run(['--since', fx.c1, '--until', fx.c2]);
    expect(sv).toMatchObject({ code: 0, stderr: '' });
    expect(sv.stdout).toBe(text(`Förändringar från ${c1} (1 maj 2009) till ${c2} (20 maj 2009)`, SV));
    const en = await run(['--since', fx.c1, '--until', fx.c2, '--lang', 'en']);
    expect(en.stdout).toBe(text(`Changes from ${c1} (1 May 2009) to ${c2} (20 May 2009)`, EN));
  });

  it('writes the same as Markdown, with the revisions named as given (a ~ escaped)', async () => {
    const [c1, c2] = [fx.c1.slice(0, 7), fx.c2.slice(0, 7)];
    const sv = await run(['--since', 'HEAD~2', '--until', 'HEAD~1', '--format', 'md']);
    expect(sv.stdout).toBe(md(`Förändringar från HEAD\\~2 (${c1}, 1 maj 2009) till HEAD\\~1 (${c2}, 20 maj 2009)`, SV));
    const en = await run(['--since', 'HEAD~2', '--until', 'HEAD~1', '--format', 'md', '--lang', 'en']);
    expect(en.stdout).toBe(md(`Changes from HEAD\\~2 (${c1}, 1 May 2009) to HEAD\\~1 (${c2}, 20 May 2009)`, EN));
  });

  it('gives the same changes as JSON, with their types and sentences', async () => {
    for (const [lang, docs] of [['sv', SV], ['en', EN]] as const) {
      const { stdout } = await run(['--since', fx.c1, '--until', fx.c2, '--format', 'json', '--lang', lang]);
      const json = JSON.parse(stdout);
      expect(json).toMatchObject({ lang, since: { commit: fx.c1, date: '2009-05-01', subject: 'Arbetsytan' }, until: { commit: fx.c2 }, working_tree: false, unreadable: [] });
      expect(json.documents.map((d: { title: string; file: string }) => [d.title, d.file])).toEqual(docs.map(([h, f]) => [h, f]));
      expect(json.documents.map((d: { changes: Array<{ text: string }> }) => d.changes.map((c) => c.text))).toEqual(docs.map(([, , lines]) => lines));
      expect(json.documents.map((d: { changes: Array<{ type: string }> }) => d.changes.map((c) => c.type))).toEqual(TYPES);
    }
    const { stdout } = await run(['--since', fx.c1, '--until', fx.c2, '--format', 'json']);
    const meeting = JSON.parse(stdout).documents[4];
    expect(meeting.changes.map((c: { confidential: boolean }) => c.confidential)).toEqual([false, false, true, false, true]);
    expect(meeting.changes[0].params).toMatchObject({ date: '2009-05-14', decisions: 2, tasks: 2 });
  });

  it('leaves out what is confidential with --public: the case group, and what came from a confidential item', async () => {
    const { stdout } = await run(['--since', fx.c1, '--until', fx.c2, '--public', '--format', 'md']);
    const [c1, c2] = [fx.c1.slice(0, 7), fx.c2.slice(0, 7)];
    const shown: typeof SV = [
      SV[0],
      SV[2],
      SV[3],
      [SV[4][0], SV[4][1], ['Mötet 14 maj 2009 hölls.', SV[4][2][1], SV[4][2][3]]],
    ];
    expect(stdout).toBe(md(`Förändringar från ${c1} (1 maj 2009) till ${c2} (20 maj 2009)`, shown));
    expect(stdout).not.toMatch(/Ärende|Kalla/);
  });

  it('reports a file that does not parse in a revision, and still compares the rest; a renamed file is no change', async () => {
    const { stdout } = await run(['--since', 'HEAD~1', '--until', 'HEAD']);
    const [c2, c3] = [fx.c2.slice(0, 7), fx.c3.slice(0, 7)];
    expect(stdout).toBe(
      `Förändringar från HEAD~1 (${c2}, 20 maj 2009) till HEAD (${c3}, 1 juni 2009)\n\n` +
        'Handlingsplan: Handlingsplan Alfa–Beta (handlingsplaner/plan.yaml)\n' +
        '  - Åtgärden Samråd med polisen (a5) är klar.\n\n' +
        'Filer som inte kunde läsas\n' +
        `  - agreements/avtal.yaml, rad 18, kunde inte läsas i HEAD (${c3}, 1 juni 2009), så det som står i den jämfördes inte: Filen är inte giltig YAML: rad 18 är indragen med tabb. Dra in med mellanslag, inte tabbar: byt tabben i början av rad 18 mot mellanslag.\n`,
    );
  });

  it('compares with the working tree by default and marks what is not committed yet', async () => {
    const c2 = fx.c2.slice(0, 7);
    const en = await run(['--since', 'HEAD~1', '--lang', 'en']);
    expect(en.stdout).toBe(
      `Changes since HEAD~1 (${c2}, 20 May 2009), including changes not yet committed\n\n` +
        'Collaboration agreement: Samverkansavtal Alfa och Beta (agreements/avtal.yaml)\n' +
        '  - Beta kommun signed on 2 June 2009. (not yet committed)\n\n' +
        'Action plan: Handlingsplan Alfa–Beta (handlingsplaner/plan.yaml)\n' +
        '  - New follow-up note on the action Stödgrupp för barn (a4), 3 June 2009: Gruppledarna är utbildade. (not yet committed)\n' +
        '  - The action Samråd med polisen (a5) is done.\n',
    );
    const sv = await run(['--since', 'HEAD~1', '--format', 'md']);
    expect(sv.stdout).toContain('- Beta kommun skrev under 2 juni 2009. (ej incheckat)\n');
    const json = JSON.parse((await run(['--since', 'HEAD~1', '--format', 'json'])).stdout);
    expect(json.working_tree).toBe(true);
    expect(json.documents[1].changes.map((c: { uncommitted: boolean }) => c.uncommitted)).toEqual([true, false]);
  });

  it('with --group and no --since, counts from the last commit on or before the group\'s last meeting', async () => {
    const { stdout } = await run(['--group', 'styrgrupp', '--format', 'json']);
    const json = JSON.parse(stdout);
    expect(json.group).toEqual({ id: 'styrgrupp', meeting: { id: 'styrgrupp-2009-05-14', date: '2009-05-14' } });
    expect(json.since.commit).toBe(fx.c1);
    // The case group is not the steering group's concern.
    expect(json.documents.map((d: { id: string }) => d.id)).toEqual(['avtal', 'styrgrupp', 'plan', 'styrgrupp-2009-05-14']);
  });

  it('with --group, says so when the group has had no meeting, or there is no such group', async () => {
    expect(await run(['--group', 'arende'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'samverkan: arende har inget möte före 2009-06-05, så det finns inget "förra mötet" att jämföra med; ge en version med --since.\n',
    });
    expect((await run(['--group', 'arende', '--since', 'HEAD~2', '--lang', 'en'])).stdout).toContain('Group: Ärendegruppen (groups/arende.yaml)\n  - Kommunpolis joined the group as member.\n');
    const unknown = await run(['--group', 'nobody']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('samverkan: Det finns ingen grupp nobody i arbetsytan. Grupper: arende, styrgrupp.\n');
  });

  it('says in one sentence, exit 2, when the revision does not exist or there is no repository', async () => {
    expect(await run(['--since', 'nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'samverkan: Versionen nope finns inte i git-arkivet; ge en gren, en tagg eller en incheckning som finns (till exempel HEAD~1 eller origin/main).\n',
    });
    const plain = await mkdtemp(join(tmpdir(), 'samverkan-nogit-'));
    try {
      await cp(cwd, plain, { recursive: true });
      const r = await run(['--lang', 'en'], plain);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `samverkan: ${plain} is not inside a git repository, so there is no history to compare with; run "git init" and commit the files first.\n` });
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });

  it('in a shallow clone without the commit says so, exit 2', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'samverkan-shallow-'));
    try {
      await execa('git', ['clone', '-q', '--depth', '1', `file://${fx.repo.dir}`, clone]);
      const r = await run(['--since', fx.c1, '--lang', 'en'], join(clone, WS));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`samverkan: The revision ${fx.c1} is not in this shallow clone (git clone --depth); fetch more history with "git fetch --unshallow" and try again.\n`);
    } finally {
      await rm(clone, { recursive: true, force: true });
    }
  });
});
