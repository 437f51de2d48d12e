/**
 * person add, organization add and group new by flags, as a script runs them (no terminal): one
 * line saying what was written and what to do next, in the workspace's language or --lang's; a
 * missing answer is exit 2 naming the flag, a wrong one exit 2 naming the flag, and nothing is
 * written then; what is written passes validate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess as runWith } from '../helpers/cli.js';
import { AS_OF, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

/**
 * The command run as a user runs it: in the workspace's language (Swedish in the clean workspace),
 * unless --lang says otherwise, so no test language is set.
 */
function runInProcess(argv: string[], options: { cwd?: string } = {}) {
  return runWith(argv, { ...options, env: { SAMVERKAN_LANG: '' } });
}

describe('person add by flags', () => {
  it('adds a person and says so in the workspace\'s language (Swedish), with the next step', async () => {
    const { dir } = await cleanWorkspace();
    const r = await runInProcess(['person', 'add', '-C', dir, '--as-of', AS_OF, '--name', 'Kommunpolis Beta', '--organization', 'polisen', '--title', 'Kommunpolis']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Lade till Kommunpolis Beta \(kommunpolis-beta\) i .*people\.yaml\. Nästa steg: lägg till hen som ledamot i en grupp med samverkan member add GRUPP --person kommunpolis-beta\n$/);
    expect(parse(readFileSync(join(dir, 'people.yaml'), 'utf8')).people.at(-1)).toEqual({ id: 'kommunpolis-beta', name: 'Kommunpolis Beta', title: 'Kommunpolis', organization: 'polisen' });
    expect((await validate(dir)).code).toBe(0);
  });

  it('without a terminal, a missing name is exit 2 with a sentence naming --name, in English with --lang en; nothing is written', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const r = await runInProcess(['person', 'add', '-C', dir, '--lang', 'en', '--organization', 'alfa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^samverkan: --name is missing, and input is not a terminal, so samverkan cannot ask\. Give --name, for example: samverkan person add --name "Socialchef Tanum" --organization tanum\n$/);
    const sv = await runInProcess(['person', 'add', '-C', dir, '--name', 'Anna']);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toMatch(/^samverkan: --organization saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga\. Ange --organization/);
    expect(filesOf(dir)).toEqual(before);
  });

  it('refuses an identity number in --name with exit 2, never printing the number', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const r = await runInProcess(['person', 'add', '-C', dir, '--name', 'Anna 330121-9618', '--organization', 'alfa']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Det här ser ut som ett personnummer (330121-****)');
    expect(r.stderr).not.toContain('9618');
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('organization add by flags', () => {
  it('adds an organisation with the type its name shows, and a unit of it', async () => {
    const { dir } = await cleanWorkspace();
    const r = await runInProcess(['organization', 'add', '-C', dir, '--as-of', AS_OF, '--lang', 'en', '--name', 'Polisen i Gamma']);
    expect(r.stdout).toMatch(/^Added Polisen i Gamma \(polisen-i-gamma\) as police to .*organizations\.yaml\. Next: add people from it with samverkan person add --organization polisen-i-gamma\n$/);
    const unit = await runInProcess(['organisation', 'add', '-C', dir, '--as-of', AS_OF, '--name', 'Lokalpolisen', '--type', 'police', '--part-of', 'polisen-i-gamma']);
    expect(unit.code).toBe(0);
    expect(unit.stdout).toMatch(/^Lade till Lokalpolisen \(lokalpolisen\) som polis i /);
    expect(parse(readFileSync(join(dir, 'organizations.yaml'), 'utf8')).organizations.slice(-2)).toEqual([
      { id: 'polisen-i-gamma', name: 'Polisen i Gamma', type: 'police' },
      { id: 'lokalpolisen', name: 'Lokalpolisen', type: 'police', part_of: 'polisen-i-gamma' },
    ]);
    expect((await validate(dir)).code).toBe(0);
  });

  it('names --type when the name does not show it, and lists the values when it is not one', async () => {
    const { dir } = await cleanWorkspace();
    const missing = await runInProcess(['organization', 'add', '-C', dir, '--lang', 'en', '--name', 'Gamma']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--type is missing/);
    const wrong = await runInProcess(['organization', 'add', '-C', dir, '--name', 'Gamma', '--type', 'förening']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^samverkan: --type "förening": Skriv ett av värdena municipality, region, police/);
  });
});

describe('group new by flags', () => {
  it('writes a working group with its meetings and roster; the workspace validates', async () => {
    const { dir } = await cleanWorkspace();
    const r = await runInProcess([
      'group', 'new', '-C', dir, '--as-of', AS_OF,
      '--type', 'working', '--name', 'Arbetsgrupp Alfa', '--chair', 'samordnare', '--member', 'socchef-beta', '--member', 'polis',
      '--cadence', 'monthly', '--weekday', 'tuesday', '--time', '09:00', '--duration', '90', '--location', 'Socialkontoret',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Skrev .*groups\/arbetsgrupp-alfa\.yaml: arbetsgrupp Arbetsgrupp Alfa \(arbetsgrupp-alfa\) med 3 ledamöter\. Nästa steg: förbered första mötet med samverkan meeting new arbetsgrupp-alfa\n$/);
    const group = parse(readFileSync(join(dir, 'groups/arbetsgrupp-alfa.yaml'), 'utf8'));
    expect(group).toMatchObject({
      reports_to: 'styrgrupp',
      decides: false,
      confidentiality: 'internal',
      meetings: { cadence: 'monthly', weekday: 'tuesday', time: '09:00', duration_minutes: 90, location: 'Socialkontoret' },
    });
    expect((await validate(dir)).code).toBe(0);
    // The group is one the other commands take at once: its first meeting can be prepared.
    const meeting = await runInProcess(['meeting', 'new', 'arbetsgrupp-alfa', '-C', dir, '--as-of', AS_OF, '--lang', 'en']);
    expect(meeting.code).toBe(0);
  });

  it('a steering group decides with a majority quorum and reports to no one; --no-reports-to leaves reports_to out', async () => {
    const { dir } = await cleanWorkspace();
    await runInProcess(['group', 'new', '-C', dir, '--as-of', AS_OF, '--type', 'steering', '--name', 'Ny styrgrupp', '--chair', 'polis']);
    expect(parse(readFileSync(join(dir, 'groups/ny-styrgrupp.yaml'), 'utf8'))).toMatchObject({ type: 'steering', decides: true, quorum: 'majority', confidentiality: 'open' });
    expect(readFileSync(join(dir, 'groups/ny-styrgrupp.yaml'), 'utf8')).not.toMatch(/reports_to/);
    await runInProcess(['group', 'new', '-C', dir, '--as-of', AS_OF, '--type', 'reference', '--name', 'Referensgrupp', '--chair', 'polis', '--no-reports-to']);
    expect(readFileSync(join(dir, 'groups/referensgrupp.yaml'), 'utf8')).not.toMatch(/reports_to/);
  });

  it('without a terminal, a missing chair is exit 2 naming --chair; an unknown one names it too; nothing is written', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const missing = await runInProcess(['group', 'new', '-C', dir, '--lang', 'en', '--type', 'working', '--name', 'A']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^samverkan: --chair is missing, and input is not a terminal, so samverkan cannot ask\. Give --chair, for example: samverkan group new --type working/);
    const unknown = await runInProcess(['group', 'new', '-C', dir, '--type', 'working', '--name', 'A', '--chair', 'samordnar']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^samverkan: --chair "samordnar": Det finns ingen person med id:t "samordnar" i arbetsytan\. Menade du "samordnare"\?/);
    expect(filesOf(dir)).toEqual(before);
  });

  it('prints what it wrote as JSON with --json', async () => {
    const { dir } = await cleanWorkspace();
    const r = await runInProcess(['group', 'new', '-C', dir, '--as-of', AS_OF, '--json', '--type', 'steering', '--name', 'Styrgrupp Beta', '--chair', 'socchef-beta']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.file).toMatch(/groups\/styrgrupp-beta\.yaml$/);
    expect(out.group).toMatchObject({ id: 'styrgrupp-beta', type: 'steering', decides: true, quorum: 'majority', members: [{ person: 'socchef-beta', role: 'chair', from: AS_OF }] });
    expect(Array.isArray(out.warnings)).toBe(true);
  });

  it('shows its help in Swedish by default and in English with --lang en', async () => {
    const { dir } = await cleanWorkspace();
    const sv = await runInProcess(['group', 'new', '--help'], { cwd: dir });
    expect(sv.stdout).toContain('ordförandens id, som i people.yaml (krävs)');
    const en = await runInProcess(['--lang', 'en', 'group', 'new', '--help'], { cwd: dir });
    expect(en.stdout).toContain('the chair\'s id, as in people.yaml (required)');
  });
});

describe('after init, in an English workspace', () => {
  it('writes English comments and the schema modeline, and every step leaves a workspace that validates', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const root = mkdtempSync(join(tmpdir(), 'samverkan-create-people-'));
    try {
      const dir = join(root, 'ws');
      const steps = [
        ['init', dir, '--yes', '--no-git', '--language', 'en', '--name', 'Kvinnofrid Testbygden', '--org', 'Testbygdens kommun', '--chair', 'Head of social services'],
        ['organization', 'add', '-C', dir, '--name', 'Polisen Testbygden'],
        ['person', 'add', '-C', dir, '--name', 'Community police officer', '--organization', 'Polisen Testbygden'],
        ['group', 'new', '-C', dir, '--type', 'arbetsgrupp', '--name', 'Working group', '--chair', 'community-police-officer', '--cadence', 'monthly', '--weekday', 'torsdag'],
      ];
      for (const argv of steps) {
        const r = await runInProcess(argv);
        expect(r.code, `${argv.slice(0, 2).join(' ')}: ${r.stderr}`).toBe(0);
      }
      const group = readFileSync(join(dir, 'groups/working-group.yaml'), 'utf8');
      expect(group).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.schemas\/group\.schema\.json\n# Working group: who sits in the group, what it is for and when it meets\./);
      expect(group).toContain('reports_to: steering-group-kvinnofrid-testbygden # the group this group reports to');
      expect(parse(group).meetings).toEqual({ cadence: 'monthly', weekday: 'thursday' });
      expect((await runInProcess(['validate', '-C', dir])).code).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
