/**
 * group/secretary and group/quorum-unreachable as a table of group files put into the small valid
 * base workspace, checked on 2009-06-01: which rosters have lost their secretary or can no longer
 * reach their quorum, and where the finding points, in Swedish and English.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage, type Lang } from '../../src/i18n/messages.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const FILE = 'groups/exempel.yaml';
const head = 'kind: group\nid: exempel\nname: Exempelgruppen\ntype: working\n';
const RULES = ['group/secretary', 'group/quorum-unreachable'];

async function roleFindings(text: string, lang: Lang = 'en', extra: Record<string, string> = {}) {
  const dir = copyForTest(base);
  const path = join(dir, FILE);
  writeFileSync(path, head + text);
  for (const [rel, content] of Object.entries(extra)) writeFileSync(join(dir, rel), content);
  setLanguage(lang);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01', lang } as never);
  expect(findings.filter((f) => f.file === path && f.ruleId.startsWith('schema/'))).toEqual([]);
  return findings
    .filter((f) => RULES.includes(f.ruleId) && f.file === path)
    .map((f) => ({ at: `${f.ruleId} ${relative(dir, f.file)}:${f.line}`, severity: f.severity, message: f.message }));
}

const chair = '  - {person: socchef-alfa, role: chair}\n';
const member = (person: string, extra = '') => `  - {person: ${person}, role: member${extra}}\n`;

describe('group/secretary and group/quorum-unreachable', () => {
  afterAll(() => setLanguage('en'));

  it.each([
    ['a group whose secretary is still there', `meetings: {cadence: every 6 weeks}\nmembers:\n${chair}  - {person: samordnare, role: secretary}\n`],
    ['a secretary who handed over to another', `meetings: {cadence: every 6 weeks}\nmembers:\n${chair}  - {person: samordnare, role: secretary, until: 2009-01-31}\n  - {person: handlaggare-alfa, role: secretary, from: 2009-02-01}\n`],
    ['a secretary who leaves later this year', `meetings: {cadence: every 6 weeks}\nmembers:\n${chair}  - {person: samordnare, role: secretary, until: 2009-12-31}\n`],
    ['a group that never had a secretary', `meetings: {cadence: every 6 weeks}\nmembers:\n${chair}${member('samordnare')}`],
    ['a group without meetings whose secretary left', `members:\n${chair}  - {person: samordnare, role: secretary, until: 2009-01-31}\n`],
    ['a quorum the roster reaches', `quorum: 2\nmembers:\n${chair}${member('socchef-beta')}  - {person: region-rep, role: co-opted}\n`],
    ['a majority quorum', `quorum: majority\nmembers:\n${chair}`],
    ['no quorum at all, one member', `members:\n${chair}`],
  ])('valid: %s', async (_name, text) => {
    expect(await roleFindings(text)).toEqual([]);
  });

  it.each([
    [
      'a secretary who left, in a group that meets',
      `meetings: {cadence: every 6 weeks}\nmembers:\n${chair}  - {person: samordnare, role: secretary, until: 2009-01-31}\n`,
      'group/secretary groups/exempel.yaml:8',
      /^Exempelgruppen has had no secretary since Sara Samordnare \(samordnare\) left on 2009-01-31, but the group still meets\. Give a current member role: secretary \(samverkan member add exempel --person PERSON --role secretary\)/,
      /^Exempelgruppen har ingen sekreterare sedan Sara Samordnare \(samordnare\) slutade 2009-01-31, men gruppen sammanträder\. Ge en nuvarande ledamot role: secretary/,
    ],
    [
      'a quorum of three with two voting members (the co-opted one has no vote)',
      `quorum: 3\nmembers:\n${chair}${member('socchef-beta')}  - {person: region-rep, role: co-opted}\n  - {person: ers-beta, role: substitute}\n`,
      'group/quorum-unreachable groups/exempel.yaml:5',
      /^Exempelgruppen needs 3 present to be quorate, but has only 2 voting members today, so it can never take a decision\. Lower quorum:, write quorum: majority, or add members\.$/,
      /^Exempelgruppen är beslutför med 3 närvarande, men har bara 2 röstberättigade ledamöter i dag, så gruppen kan aldrig fatta beslut\./,
    ],
    [
      'a quorum that members leaving made unreachable',
      `quorum: 2\nmembers:\n${chair}${member('socchef-beta', ', until: 2009-05-31')}`,
      'group/quorum-unreachable groups/exempel.yaml:5',
      /needs 2 present to be quorate, but has only 1 voting member today/,
      /är beslutför med 2 närvarande, men har bara 1 röstberättigad ledamot i dag/,
    ],
    [
      'a majority quorum with nobody left who votes',
      `quorum: majority\nmembers:\n  - {person: socchef-alfa, role: chair, until: 2009-03-31}\n  - {person: region-rep, role: co-opted}\n`,
      'group/quorum-unreachable groups/exempel.yaml:6',
      /^Exempelgruppen has no voting member today, so it can never be quorate\./,
      /^Exempelgruppen har ingen röstberättigad ledamot i dag, så gruppen kan inte bli beslutför\./,
    ],
  ])('invalid: %s', async (_name, text, at, en, sv) => {
    const english = await roleFindings(text, 'en');
    expect(english.map((f) => f.at)).toEqual([at]);
    expect(english[0].severity).toBe('warning');
    expect(english[0].message).toMatch(en);
    const swedish = await roleFindings(text, 'sv');
    expect(swedish.map((f) => f.at)).toEqual([at]);
    expect(swedish[0].message).toMatch(sv);
  });

  it('is quiet about a lost secretary when every meeting since names who took the minutes', async () => {
    const text = `members:\n${chair}  - {person: samordnare, role: secretary, until: 2009-01-31}\n`;
    const meeting = (secretary: string) =>
      `kind: meeting\nid: exempel-2009-03-12\ngroup: exempel\ndate: 2009-03-12\n${secretary}items:\n  - {title: Lägesrapport}\n`;
    expect(await roleFindings(text, 'en', { 'meetings/exempel-2009-03-12.yaml': meeting('secretary: handlaggare-alfa\n') })).toEqual([]);
    expect((await roleFindings(text, 'en', { 'meetings/exempel-2009-03-12.yaml': meeting('') })).map((f) => f.at)).toEqual(['group/secretary groups/exempel.yaml:7']);
  });

  it('group/chair says who left the chair and when, at that until:, in both languages', async () => {
    const text = `members:\n  - {person: socchef-alfa, role: chair, until: 2009-04-30}\n${member('socchef-beta')}`;
    for (const [lang, words] of [
      ['en', /^Exempelgruppen has had no chair since Anna Andersson \(socchef-alfa\) left on 2009-04-30\. Appoint one: samverkan member add exempel --person PERSON --role chair/],
      ['sv', /^Exempelgruppen har ingen ordförande sedan Anna Andersson \(socchef-alfa\) slutade 2009-04-30\. Utse en ny: samverkan member add exempel/],
    ] as const) {
      const dir = copyForTest(base);
      writeFileSync(join(dir, FILE), head + text);
      setLanguage(lang);
      const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01', lang } as never);
      const chair = findings.filter((f) => f.ruleId === 'group/chair' && f.file.endsWith(FILE));
      expect(chair.map((f) => f.line)).toEqual([6]);
      expect(chair[0].message).toMatch(words);
    }
  });
});
