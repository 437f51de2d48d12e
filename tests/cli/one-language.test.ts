/**
 * Issue 12: every command says everything in one language. Runs the help of every command and
 * subcommand, a usage error of each, and a typical successful and failing run of each, in a copy
 * of an example workspace without `language:`: with LANG=sv_SE.UTF-8 no English word may show,
 * and with --lang en no Swedish one. Words quoted from the workspace's files do not count.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { runInProcess } from '../helpers/cli.js';
import { example, fixture } from '../helpers/workspaces.js';
import { foreignLines, foreignWords, workspaceTexts } from './one-language-words.js';

describe('the word lists that tell the languages apart', () => {
  it('find English in Swedish output and Swedish in English output, but not names, paths, flags or quotes', () => {
    expect(foreignWords('samverkan: There is no group "styrgrupp" in the workspace.', 'sv')).toEqual(['There', 'is', 'no', 'group', 'the', 'workspace']);
    expect(foreignWords('samverkan: Det finns ingen grupp "styrgrupp" i arbetsytan.', 'sv')).toEqual([]);
    expect(foreignWords('samverkan: Det finns ingen grupp "styrgrupp" i arbetsytan.', 'en')).toEqual(['Det', 'finns', 'ingen', 'grupp', 'i', 'arbetsytan']);
    expect(foreignWords('Wrote plans/handlingsplan.yaml and groups/styrgrupp-nb.yaml: --as-of <DATUM> {plan/overdue: info}', 'en')).toEqual([]);
    expect(foreignWords('  $ samverkan render plan x --out kallelse.html     Markdown in the terminal', 'sv')).toEqual(['the']);
    expect(foreignWords('Ett id skrivs med små bokstäver a–z. Se plans/plan.yaml, rad 3.', 'sv')).toEqual([]);
    expect(foreignWords('Sotenäs kommun is responsible', 'en', ['Sotenäs kommun'])).toEqual([]);
    expect(foreignWords('Sotenäs kommun is responsible', 'en')).toEqual(['Sotenäs']);
    expect(foreignWords('Attendance names someone', 'en', ['en'])).toEqual([]);
    expect(foreignWords('samverkan action add: för in en åtgärd', 'sv', [], new Set(['action', 'add']))).toEqual([]);
    expect(foreignWords('  title: Fler får stöd i tid', 'en', ['title'])).toEqual([]);
  });
});

/** Every command and subcommand as the words typed after `samverkan`, and whether it needs an argument. */
function commandPaths(command: Command, prefix: string[] = []): Array<{ path: string[]; needsArgument: boolean; group: boolean }> {
  return command.commands
    .filter((c) => c.name() !== 'help')
    .flatMap((c) => [
      { path: [...prefix, c.name()], needsArgument: c.registeredArguments.some((a) => a.required), group: c.commands.length > 0 },
      ...commandPaths(c, [...prefix, c.name()]),
    ]);
}

const SV = { LANG: 'sv_SE.UTF-8' };
/** What the test itself writes into the files and the history, quoted back by the commands. */
const COMMIT_MESSAGE = 'Arbetsytan';
const TYPED = [
  'Utbilda personalen', 'Kvinnofrid Test', 'Tanums kommun', 'Samordnare', COMMIT_MESSAGE, 'Kommunpolis Tanum', 'Kommunpolis', 'Polisen Fyrbodal',
  'Arbetsgrupp Test', 'Handlingsplan Test', 'Fler får stöd i tid', 'Antal utbildade', 'Avtal Test', 'Samverkan mot våld', 'torsdag',
];
const AS_OF = ['--as-of', '2009-06-01'];

let base: string;
let quoted: string[];
let names: Set<string>;

function silentIO() {
  return { stdout: () => {}, stderr: () => {}, isTTY: false, stdinIsTTY: false, env: {}, cwd: '/', argv: [], exitCode: 0 };
}

/** A workspace copy without `language:`, in a git repository with one commit (changes and history need it). */
function workspaceWithoutLanguage(source: string, target: string): string {
  cpSync(source, target, { recursive: true });
  const settings = join(target, 'samverkan.yaml');
  writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^language:.*\n/m, ''));
  return target;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'Samordnare', GIT_AUTHOR_EMAIL: 'samordnare@example.org', GIT_COMMITTER_NAME: 'Samordnare', GIT_COMMITTER_EMAIL: 'samordnare@example.org' },
  });
}

/** Fresh workspaces for one sweep, so that what one sweep creates does not change the other's runs. */
function workspaces(name: string): { ws: string; faults: string } {
  const ws = workspaceWithoutLanguage(example('norra-bohuslan'), join(base, name, 'nb'));
  const faults = workspaceWithoutLanguage(fixture('faults'), join(base, name, 'faults'));
  git(ws, 'init', '-q', '-b', 'main');
  git(ws, 'add', '.');
  git(ws, 'commit', '-q', '-m', COMMIT_MESSAGE);
  return { ws, faults };
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'samverkan-one-language-'));
  quoted = [...new Set([...workspaceTexts(example('norra-bohuslan')), ...workspaceTexts(fixture('faults')), ...TYPED])].sort((a, b) => b.length - a.length);
  // Command names are names, in every language (action, add, help …).
  names = new Set(['help', ...commandPaths(await createProgram(silentIO())).flatMap((c) => c.path)]);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The runs every command gets: its help, usage errors, and a typical success and failure. */
async function runs(faults: string): Promise<Array<{ name: string; argv: string[]; cwd?: string }>> {
  const all: Array<{ name: string; argv: string[]; cwd?: string }> = [
    { name: 'samverkan --help', argv: ['--help'] },
    { name: 'samverkan (unknown command)', argv: ['valdate'] },
    { name: 'samverkan (unknown option)', argv: ['--nonsense'] },
  ];
  const program = await createProgram(silentIO());
  for (const { path, needsArgument, group } of commandPaths(program)) {
    const name = `samverkan ${path.join(' ')}`;
    all.push({ name: `${name} --help`, argv: [...path, '--help'] });
    all.push({ name: `${name} (unknown option)`, argv: [...path, '--nonsense'] });
    if (needsArgument) all.push({ name: `${name} (missing argument)`, argv: path });
    if (group) all.push({ name: `${name} (unknown subcommand)`, argv: [...path, 'nonsense'] });
  }
  const typical: Array<[string, string[]]> = [
    ['init (success)', ['init', join('..', 'ny'), '--yes', '--name', 'Kvinnofrid Test', '--org', 'Tanums kommun', '--no-git']],
    ['init (failure)', ['init', join('..', 'ny2'), '--yes']],
    ['validate (findings)', ['validate', ...AS_OF]],
    ['validate --quiet', ['validate', '--quiet', ...AS_OF]],
    ['validate (bad date)', ['validate', '--as-of', '2009-13-01']],
    ['validate (too many warnings)', ['validate', '--max-warnings', '0', ...AS_OF]],
    ['rules', ['rules']],
    ['rules plan/overdue', ['rules', 'plan/overdue']],
    ['rules (no such rule)', ['rules', 'plan/overdu']],
    ['status', ['status', ...AS_OF]],
    ['status (bad date)', ['status', '--as-of', 'i morgon']],
    ['render plan', ['render', 'plan', 'projektplan-nb', ...AS_OF]],
    ['render site', ['render', 'site', '--out', join('..', 'site'), ...AS_OF]],
    ['render (no such plan)', ['render', 'plan', 'projektplan']],
    ['render (bad format)', ['render', 'plan', 'projektplan-nb', '--format', 'docx']],
    ['meeting new', ['meeting', 'new', 'styrgrupp-nb', '--date', '2009-09-10', ...AS_OF]],
    ['meeting new (no such group)', ['meeting', 'new', 'styrgrup']],
    ['action add', ['action', 'add', 'projektplan-nb', '--title', 'Utbilda personalen', '--responsible', 'munkedal', '--due', '2010-06-30', ...AS_OF]],
    ['action add (missing flags)', ['action', 'add', 'projektplan-nb']],
    ['action set', ['action', 'set', 'projektplan-nb/a1', '--status', 'done', '--note', 'OK', ...AS_OF]],
    ['action set (no such action)', ['action', 'set', 'projektplan-nb/a99', '--status', 'done']],
    ['member add', ['member', 'add', 'styrgrupp-nb', '--person', 'ifo-chef-munkedal', '--from', '2009-09-01', ...AS_OF]],
    ['member add (missing person)', ['member', 'add', 'styrgrupp-nb']],
    ['member remove', ['member', 'remove', 'styrgrupp-nb', '--person', 'socialchef-stromstad', '--until', '2009-08-31', ...AS_OF]],
    ['member remove (not a member)', ['member', 'remove', 'styrgrupp-nb', '--person', 'kfa-tanum']],
    ['task done (already done)', ['task', 'done', 'styrgrupp-nb-2009-05-14/t1']],
    ['task done (no such task)', ['task', 'done', 'styrgrupp-nb-2009-05-14/t9']],
    ['minutes new', ['minutes', 'new', 'styrgrupp-nb-2027-01-21', ...AS_OF]],
    ['minutes new (has minutes)', ['minutes', 'new', 'styrgrupp-nb-2009-05-14']],
    ['minutes adjust (no adjusters)', ['minutes', 'adjust', 'styrgrupp-nb-2027-01-21', '--no-commit']],
    ['calendar', ['calendar', 'styrgrupp-nb', '--out', join('..', 'styrgrupp.ics')]],
    ['calendar (ids and --all)', ['calendar', 'styrgrupp-nb', '--all']],
    ['changes', ['changes', ...AS_OF]],
    ['changes (no such revision)', ['changes', '--since', 'v9.9']],
    ['history', ['history', 'projektplan-nb/a1']],
    ['history (no such thing)', ['history', 'projektplan-nb/a99']],
    ['person add', ['person', 'add', '--name', 'Kommunpolis Tanum', '--organization', 'tanum', '--title', 'Kommunpolis', ...AS_OF]],
    ['person add (missing name)', ['person', 'add', '--organization', 'tanum']],
    ['organization add', ['organization', 'add', '--name', 'Polisen Fyrbodal', '--type', 'police', ...AS_OF]],
    ['organization add (bad type)', ['organization', 'add', '--name', 'Polisen Fyrbodal', '--type', 'polis-ish']],
    ['group new', ['group', 'new', '--type', 'working', '--name', 'Arbetsgrupp Test', '--chair', 'samordnare-nb', '--cadence', 'every 6 weeks', '--weekday', 'torsdag', ...AS_OF]],
    ['group new (missing chair)', ['group', 'new', '--type', 'working', '--name', 'Arbetsgrupp Test 2']],
    ['plan new', ['plan', 'new', '--title', 'Handlingsplan Test', '--start', '2010-01-01', '--end', '2011-12-31', '--goal', 'Fler får stöd i tid', ...AS_OF]],
    ['plan new (end before start)', ['plan', 'new', '--title', 'Handlingsplan Test 2', '--start', '2011-01-01', '--end', '2010-12-31', '--goal', 'Fler får stöd i tid']],
    ['goal add', ['goal', 'add', 'projektplan-nb', '--title', 'Fler får stöd i tid', ...AS_OF]],
    ['goal add (no such plan)', ['goal', 'add', 'projektplan', '--title', 'Fler får stöd i tid']],
    ['indicator add', ['indicator', 'add', 'projektplan-nb', '--goal', 'm1', '--name', 'Antal utbildade', '--unit', 'antal', ...AS_OF]],
    ['indicator add (no such goal)', ['indicator', 'add', 'projektplan-nb', '--goal', 'm99', '--name', 'Antal utbildade']],
    ['indicator measure (no such indicator)', ['indicator', 'measure', 'projektplan-nb/i99', '--value', '3', '--period', '2009']],
    ['agreement new', ['agreement', 'new', '--title', 'Avtal Test', '--party', 'munkedal', '--party', 'tanum', '--lead', 'munkedal', '--purpose', 'Samverkan mot våld', '--start', '2010-01-01', ...AS_OF]],
    ['agreement new (lead not a party)', ['agreement', 'new', '--title', 'Avtal Test 2', '--party', 'munkedal', '--lead', 'tanum', '--purpose', 'Samverkan mot våld', '--start', '2010-01-01']],
    ['schema --write', ['schema', '--write', join('..', 'schemas')]],
    ['schema (no such kind)', ['schema', 'plann']],
  ];
  for (const [name, argv] of typical) all.push({ name, argv });
  all.push({ name: 'validate (faults workspace)', argv: ['validate', ...AS_OF], cwd: faults });
  return all;
}

/** Runs every case in `lang` and returns the lines in the other language, by case. */
async function sweep(lang: 'sv' | 'en'): Promise<string[]> {
  const problems: string[] = [];
  const { ws, faults } = workspaces(lang);
  for (const run of await runs(faults)) {
    const argv = lang === 'en' ? ['--lang', 'en', ...run.argv] : run.argv;
    const r = await runInProcess(argv, { cwd: run.cwd ?? ws, env: SV });
    for (const [stream, text] of [['stdout', r.stdout], ['stderr', r.stderr]] as const) {
      for (const line of foreignLines(text, lang, quoted, names)) problems.push(`${run.name} [${stream}]: ${line}`);
    }
  }
  return problems;
}

describe('every command speaks one language', () => {
  it('with LANG=sv_SE.UTF-8 and no language: in the workspace, says nothing in English', async () => {
    expect(await sweep('sv')).toEqual([]);
  }, 120_000);

  it('with --lang en, says nothing in Swedish', async () => {
    expect(await sweep('en')).toEqual([]);
  }, 120_000);
});
