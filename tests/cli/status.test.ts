import ICAL from 'ical.js';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { status } from '../../src/commands/status.js';
import { workspace, runSamverkan } from '../fixtures/commands-b/helpers.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, example, repoRoot } from '../helpers/workspaces.js';

const AS_OF = ['--as-of', '2009-06-01'];

describe('samverkan status', () => {
  it('prints the whole overview in the workspace language, plain when piped', () => {
    const dir = workspace();
    const r = runSamverkan(['status', ...AS_OF], { cwd: join(dir, 'meetings') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toBe(
      [
        'Kvinnofrid Testkommunerna – läget den 2009-06-01',
        '',
        'Kontrollen hittar 0 fel och 2 varningar. Kör samverkan validate för att se dem.',
        '',
        'Åtgärder som är försenade eller ska vara klara inom 30 dagar',
        '  Beta kommun',
        '    försenad sedan 2009-05-20  uppfoljning/sen  Utbilda personalen (senast 2009-05-20, pågår 50 %)  plans/uppfoljning.yaml:14',
        '  Socialförvaltningen i Alfa',
        '    ska vara klar i dag        uppfoljning/idag  Skicka enkäten (senast 2009-06-01, pågår)  plans/uppfoljning.yaml:16',
        '    ska vara klar om 19 dagar  uppfoljning/snart  Skriv rutin för polisanmälan (senast 2009-06-20, planerad)  plans/uppfoljning.yaml:15',
        '',
        'Öppna uppgifter från mötena',
        '  senast 2009-05-25, försenad 7 dagar  Boka lokal för utbildningen – Socialchef Beta (Arbetsgruppen 2009-05-05)  meetings/arbetsgrupp/2009-05-05.yaml:9',
        '  senast 2009-08-31                    Skicka rutinerna på remiss – Samordnare Alfa–Beta (Styrgruppen 2009-05-14)  meetings/styrgrupp/2009-05-14.yaml:19',
        '  inget datum                          Fråga polisen om statistik – Samordnare Alfa–Beta (Arbetsgruppen 2009-05-05)  meetings/arbetsgrupp/2009-05-05.yaml:11',
        '',
        'Nästa möte per grupp',
        '  Arbetsgruppen  tis 2009-06-16 09:30, Socialkontoret, Beta  meetings/arbetsgrupp/2009-06-16.yaml',
        '  Nätverket      tis 2009-09-01, Biblioteket i Alfa  meetings/natverk/2009-09-01.yaml',
        '  Styrgruppen    tors 2009-06-25 13:00, Kommunhuset i Alfa  (enligt mötesrytmen, var sjätte vecka; ingen mötesfil än)',
        '',
        'Avtal som löper ut inom 6 månader',
        '  Överenskommelse om jourverksamhet: löper ut 2009-08-31, om 91 dagar · förlängs ett år i taget om det inte sägs upp · säg upp senast 2009-06-30 om det ska upphöra  agreements/overenskommelse.yaml:17',
        '  Samverkansavtal Alfa och Beta: löper ut 2009-10-31, om 152 dagar · besluta om det ska förlängas  agreements/avtal.yaml:24',
        '',
        'Luckor i grupperna',
        '  • Arbetsgruppen har ingen sekreterare. Ge en ledamot role: secretary i groups/arbetsgrupp.yaml.',
        '  • Kommunpolis (Polisen) slutade i Arbetsgruppen 2009-03-31 och ingen har tagit platsen. Lägg till en ny ledamot i groups/arbetsgrupp.yaml.',
        '  • Polisen är part i Samverkansavtal Alfa och Beta men har ingen ledamot i Styrgruppen. Lägg till en ledamot som företräder dem i groups/styrgrupp.yaml.',
        '',
      ].join('\n'),
    );
  });

  it('prints English with --lang en, and colour only when forced and NO_COLOR is unset', async () => {
    const dir = workspace();
    const en = await runInProcess(['status', '-C', dir, ...AS_OF, '--lang', 'en']);
    expect(en.stdout).toMatch(/^Kvinnofrid Testkommunerna – status on 2009-06-01\n/);
    expect(en.stdout).toContain('overdue since 20 May 2009');
    expect((await runInProcess(['status', '-C', dir, ...AS_OF], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[31mförsenad sedan 2009-05-20/);
    expect((await runInProcess(['status', '-C', dir, ...AS_OF], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('prints with --json the same object the command returns', async () => {
    const dir = workspace();
    const r = await runInProcess(['status', '-C', dir, ...AS_OF, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(await status({ cwd: dir, asOf: '2009-06-01' }))));
  });

  it('follows the workspace language: English documents, English status', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'samverkan.yaml'), 'kind: workspace\nname: Kvinnofrid Testkommunerna\nlanguage: en\n');
    // A Swedish locale and no SAMVERKAN_LANG: the workspace's language: decides.
    expect((await runInProcess(['status', '-C', dir, ...AS_OF], { env: { LANG: 'sv_SE.UTF-8' } })).stdout).toContain('Gaps in the groups');
  });

  it('says what is wrong with a date that is not one, or a folder without a workspace (exit 2)', async () => {
    const dir = workspace();
    const bad = await runInProcess(['status', '-C', dir, '--as-of', '2009-13-01']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2009-13-01" is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.');
    const none = await runInProcess(['status', '-C', join(dir, 'plans')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^samverkan: No samverkan\.yaml in .*plans\. Give the folder that holds samverkan\.yaml/);
  });

  it('has help with an example', async () => {
    const r = await runInProcess(['status', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ samverkan status -C plans/norra-bohuslan --as-of 2009-06-01');
    expect(r.stdout).toMatch(/-C, --dir <DIR>/);
    expect(r.stdout).toMatch(/--lang <LANG>/);
  });
});

describe('samverkan status and calendar on the example workspaces', () => {
  const examples = existsSync(join(repoRoot, 'plans'))
    ? readdirSync(join(repoRoot, 'plans')).filter((name) => existsSync(join(repoRoot, 'plans', name, 'samverkan.yaml')))
    : [];

  it.skipIf(examples.length === 0)('run on a copy of each, with every section of the JSON present and a calendar a parser reads', async () => {
    for (const name of examples) {
      const copy = { dir: copyForTest(example(name)) };
      const r = await runInProcess(['status', '-C', copy.dir, '--json']);
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      expect(Object.keys(JSON.parse(r.stdout))).toEqual(['workspace', 'asOf', 'soonDays', 'agreementMonths', 'checks', 'actions', 'tasks', 'meetings', 'agreements', 'gaps']);
      expect((await runInProcess(['status', '-C', copy.dir])).code, name).toBe(0);
      const cal = await runInProcess(['calendar', '-C', copy.dir, '--all']);
      expect(cal.code, name).toBe(0);
      expect(() => ICAL.parse(cal.stdout), name).not.toThrow();
    }
  });
});
