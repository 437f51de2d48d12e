/**
 * `samverkan minutes new` and `minutes adjust` on copies of the render fixture, in-process, with
 * one run through the built CLI: the skeleton from the roster on the meeting's date, refusals in
 * Swedish and English, and edits that keep every byte they do not change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { runCli, runInProcess } from '../helpers/cli.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const fixture = join(repoRoot, 'tests/fixtures/render/ws');
// Without SAMVERKAN_LANG the workspace's language (sv) is the language of the messages.
const SWEDISH = { env: { SAMVERKAN_LANG: '' } };
const NOTICE = 'meetings/styrgrupp/2009-06-11.yaml';
const MINUTES = 'meetings/styrgrupp/2009-04-30.yaml';

function minutesOf(dir: string, rel: string): Record<string, unknown> {
  return (parse(readFileSync(join(dir, rel), 'utf8')) as { minutes: Record<string, unknown> }).minutes;
}

/** The text with one inserted run of characters taken out again: what an insertion-only edit must give back. */
function withoutInsertion(before: string, after: string): string {
  let start = 0;
  while (start < before.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return after.slice(0, start) + after.slice(after.length - end);
}

describe('minutes new', () => {
  it('writes the skeleton: the roster on the day, substitutes commented out under their member, a line per item that does not write itself, decision lines under decision items', async () => {
    const dir = copyForTest(fixture);
    const before = readFileSync(join(dir, NOTICE), 'utf8');
    const run = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12'], SWEDISH);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Skrev protokollets underlag för styrgrupp-2009-06-11 i ${relative(repoRoot, join(dir, NOTICE))} (närvarande: 5, punkter: 7, beslutsrader att fylla i: 1).\n`);
    const after = readFileSync(join(dir, NOTICE), 'utf8');
    // Every byte of the file is kept; the minutes come after it.
    expect(after.startsWith(before)).toBe(true);
    const added = after.slice(before.length);
    // The chair's substitute, and the standing substitute for socchef-beta, are offered as comments.
    expect(added).toContain('    - {person: socchef-alfa, status: present}\n    # - {person: ers-alfa, status: present, substitute_for: socchef-alfa}\n');
    expect(added).toContain('    - {person: socchef-beta, status: present}\n    # - {person: ers-beta, status: present, substitute_for: socchef-beta}\n');
    // A member who left in 2008 is not called; the standing substitute is not listed as a member.
    expect(added).not.toContain('f-d-polis');
    const minutes = minutesOf(dir, NOTICE);
    expect(minutes.status).toBe('draft');
    expect(minutes.attendance).toEqual([
      { person: 'socchef-alfa', status: 'present' },
      { person: 'socchef-beta', status: 'present' },
      { person: 'polis', status: 'present' },
      { person: 'region-rep', status: 'present' },
      { person: 'samordnare', status: 'present' },
    ]);
    // Opening, adjusters, agenda, next meeting and closing write themselves; every other item gets a line.
    expect(minutes.notes).toEqual([{ item: 4 }, { item: 5 }, { item: 6 }, { item: 7 }, { item: 9 }, { item: 10 }]);
    expect(minutes.decisions).toEqual([{ item: 8 }]);
    // The result is a valid workspace: the edit was checked before it was written.
    const checked = await loadCheckedWorkspace({ dir, asOf: '2009-06-12' });
    expect(checked.errors).toBe(0);
  });

  it('refuses a meeting that has minutes already, and leaves the file as it was (Swedish and English)', async () => {
    const dir = copyForTest(fixture);
    const before = readFileSync(join(dir, MINUTES), 'utf8');
    const sv = await runInProcess(['minutes', 'new', 'styrgrupp-2009-04-30', '-C', dir], SWEDISH);
    expect(sv.code).toBe(2);
    expect(sv.stderr).toContain('styrgrupp-2009-04-30 har redan ett protokoll (minutes: i meetings/styrgrupp/2009-04-30.yaml), så inget skrevs.');
    const en = await runInProcess(['minutes', 'new', 'styrgrupp-2009-04-30', '-C', dir, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('styrgrupp-2009-04-30 already has minutes (minutes: in meetings/styrgrupp/2009-04-30.yaml), so nothing was written.');
    expect(en.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toBe(before);
  });

  it('keeps a file written on Windows in its CRLF line endings, and its comments', async () => {
    const dir = copyForTest(fixture);
    const path = join(dir, NOTICE);
    const before = `# Kallelsen skickad 2009-05-28.\r\n${readFileSync(path, 'utf8').replace(/\n/g, '\r\n')}`;
    writeFileSync(path, before);
    const run = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12', '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('(present: 5, items: 7, decision lines to fill in: 1)');
    const after = readFileSync(path, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).not.toMatch(/[^\r]\n/);
    expect(after.slice(before.length)).toContain('  # A substitute is commented out under their member');
  });

  it('appoints the adjusters named with --adjuster, among those present, so that the minutes can be adjusted without an editor', async () => {
    const dir = copyForTest(fixture);
    // A notice that appoints nobody yet: the meeting chooses its adjusters at § 2.
    writeFileSync(join(dir, NOTICE), readFileSync(join(dir, NOTICE), 'utf8').replace('adjusters: [polis]\n', ''));
    const before = readFileSync(join(dir, NOTICE), 'utf8');
    const absent = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12', '--adjuster', 'f-d-polis', '--lang', 'sv']);
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('f-d-polis kan inte utses att justera styrgrupp-2009-06-11: hen är inte med bland de närvarande');
    expect(readFileSync(join(dir, NOTICE), 'utf8')).toBe(before);

    const run = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12', '--adjuster', 'polis', 'region-rep'], SWEDISH);
    expect(run.code, run.stderr).toBe(0);
    const after = readFileSync(join(dir, NOTICE), 'utf8');
    expect(after.slice(before.length)).toMatch(/^adjusters: \[polis, region-rep\]\nminutes:\n/);
    const meeting = parse(after) as { adjusters: string[] };
    expect(meeting.adjusters).toEqual(['polis', 'region-rep']);
    const checked = await loadCheckedWorkspace({ dir, asOf: '2009-06-12' });
    expect(checked.errors).toBe(0);
  });

  it('refuses --adjuster when the meeting names other adjusters already', async () => {
    const dir = copyForTest(fixture);
    const file = join(dir, NOTICE);
    expect(readFileSync(file, 'utf8')).toContain('adjusters: [polis]\n');
    const before = readFileSync(file, 'utf8');
    const run = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12', '--adjuster', 'region-rep', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('styrgrupp-2009-06-11 already has appointed adjusters (polis)');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('names a meeting that does not exist, with a guess', async () => {
    const dir = copyForTest(fixture);
    // The workspace's language (sv) is the language of the messages, unless --lang says otherwise.
    const run = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-12', '-C', dir], SWEDISH);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Det finns inget möte "styrgrupp-2009-06-12" i arbetsytan. Menade du "styrgrupp-2009-06-11"?');
    const english = await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-12', '-C', dir, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toContain('There is no meeting "styrgrupp-2009-06-12" in the workspace. Did you mean "styrgrupp-2009-06-11"?');
  });
});

describe('minutes adjust', () => {
  it('records status adjusted and who adjusted it when, keeping every other byte', async () => {
    const dir = copyForTest(fixture);
    const before = readFileSync(join(dir, MINUTES), 'utf8');
    const run = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '--date', '2009-05-05', '-C', dir, '--as-of', '2009-05-06', '--no-commit'], SWEDISH);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`Protokollet från styrgrupp-2009-04-30 är justerat 5 maj 2009 av David Dahl i ${relative(repoRoot, join(dir, MINUTES))}.\n`);
    const after = readFileSync(join(dir, MINUTES), 'utf8');
    expect(withoutInsertion(before, after)).toBe(before);
    expect(after.slice(before.length)).toBe('  status: adjusted\n  adjusted: {date: 2009-05-05, by: [ers-beta]}\n');
    expect(minutesOf(dir, MINUTES)).toMatchObject({ status: 'adjusted', adjusted: { date: '2009-05-05', by: ['ers-beta'] } });

    // A second time changes nothing.
    const again = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '-C', dir, '--lang', 'en', '--no-commit']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('The minutes of styrgrupp-2009-04-30 were already adjusted on 5 May 2009 by David Dahl; nothing was changed.\n');
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toBe(after);
  });

  it('takes several adjusters after one --by', async () => {
    const dir = copyForTest(fixture);
    const path = join(dir, MINUTES);
    writeFileSync(path, readFileSync(path, 'utf8').replace('adjusters: [ers-beta]', 'adjusters: [ers-beta, socchef-alfa]'));
    const run = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', 'socchef-alfa', '--date', '2009-05-05', '-C', dir], SWEDISH);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('är justerat 5 maj 2009 av David Dahl, Anna Andersson i');
    expect(readFileSync(path, 'utf8')).toContain('  adjusted: {date: 2009-05-05, by: [ers-beta, socchef-alfa]}\n');
  });

  it('replaces status: draft in place', async () => {
    const dir = copyForTest(fixture);
    const path = join(dir, MINUTES);
    writeFileSync(path, readFileSync(path, 'utf8').replace('minutes:\n', 'minutes:\n  status: draft # until signed\n'));
    const before = readFileSync(path, 'utf8');
    const run = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '--date', '2009-05-05', '-C', dir], SWEDISH);
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      before.replace('  status: draft # until signed\n', '  status: adjusted # until signed\n  adjusted: {date: 2009-05-05, by: [ers-beta]}\n'),
    );
  });

  it.each([
    ['someone not appointed to adjust', ['--by', 'socchef-alfa'], 'Anna Andersson (socchef-alfa) är inte utsedd att justera protokollet från styrgrupp-2009-04-30. Utsedda justerare: David Dahl (ers-beta).'],
    ['no --by', [], 'Säg vem som justerar med --by PERSON (en eller flera). Utsedda justerare: David Dahl (ers-beta).'],
    ['a date before the meeting', ['--by', 'ers-beta', '--date', '2009-04-01'], 'Justeringsdagen 2009-04-01 är före mötet 2009-04-30.'],
  ])('refuses %s, and writes nothing', async (_name, args, message) => {
    const dir = copyForTest(fixture);
    const before = readFileSync(join(dir, MINUTES), 'utf8');
    const run = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', ...args, '-C', dir], SWEDISH);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toBe(before);
  });

  it('refuses an appointed adjuster who was not present', async () => {
    const dir = copyForTest(fixture);
    const path = join(dir, MINUTES);
    writeFileSync(path, readFileSync(path, 'utf8').replace('{person: ers-beta, status: present, substitute_for: socchef-beta}', '{person: ers-beta, status: excused}'));
    const before = readFileSync(path, 'utf8');
    const run = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '-C', dir, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('David Dahl (ers-beta) was not present at styrgrupp-2009-04-30 by its attendance list, and only members present can adjust.');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('refuses minutes whose decision lines are not filled in yet, and adjusts them once they are', async () => {
    const dir = copyForTest(fixture);
    expect((await runInProcess(['minutes', 'new', 'styrgrupp-2009-06-11', '-C', dir, '--as-of', '2009-06-12'], SWEDISH)).code).toBe(0);
    const path = join(dir, NOTICE);
    const refused = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-06-11', '--by', 'polis', '-C', dir, '--as-of', '2009-06-12'], SWEDISH);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Beslutsraderna under §\u00a08 i styrgrupp-2009-06-11 är inte ifyllda');
    writeFileSync(path, readFileSync(path, 'utf8').replace('    - {item: 8}\n', '    - {item: 8, text: att anta den reviderade handlingsplanen.}\n'));
    const before = readFileSync(path, 'utf8');
    const done = await runInProcess(['minutes', 'adjust', 'styrgrupp-2009-06-11', '--by', 'polis', '-C', dir, '--as-of', '2009-06-15'], SWEDISH);
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before.replace('  status: draft\n', '  status: adjusted\n  adjusted: {date: 2009-06-15, by: [polis]}\n'));
  });
});

describe('minutes through the built CLI', () => {
  it('minutes adjust --json', () => {
    const dir = copyForTest(fixture);
    const run = runCli(['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '--date', '2009-05-05', '--json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ file: MINUTES, meeting: 'styrgrupp-2009-04-30', date: '2009-05-05', by: ['ers-beta'], changed: true, commit: null, warnings: [] });
  });
});
