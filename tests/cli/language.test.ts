/**
 * The CLI's language (issue 12): settled once at start-up from --lang, SAMVERKAN_LANG, the
 * workspace's language:, the locale, else Swedish; commander's help and usage errors said in it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionValue, startLanguage, workspaceLanguageHint } from '../../src/cli/language.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, example } from '../helpers/workspaces.js';

const SV = { LANG: 'sv_SE.UTF-8' };
const EN = { LANG: 'en_GB.UTF-8' };

let base: string;
/** A workspace that says language: en, with a sub-folder, and one that says nothing. */
let english: string;
let silent: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'samverkan-language-'));
  english = join(base, 'english');
  silent = join(base, 'silent');
  mkdirSync(join(english, 'plans'), { recursive: true });
  mkdirSync(silent);
  writeFileSync(join(english, 'samverkan.yaml'), 'kind: workspace\nname: Test\n# language: sv is what it said before\nlanguage: "en"  # the documents\n');
  writeFileSync(join(silent, 'samverkan.yaml'), 'kind: workspace\nname: Test\nrules:\n  language: sv\n');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the language at start-up', () => {
  it('reads options as commander does, up to --', () => {
    expect(optionValue(['validate', '--lang', 'en'], '--lang')).toBe('en');
    expect(optionValue(['--lang=sv', 'rules'], '--lang')).toBe('sv');
    expect(optionValue(['status', '-Cplans/x'], '--dir', '-C')).toBe('plans/x');
    expect(optionValue(['status', '--dir', 'a', '-C', 'b'], '--dir', '-C')).toBe('b');
    expect(optionValue(['validate', '--', '--lang', 'en'], '--lang')).toBeUndefined();
  });

  it('finds the workspace language by walking up, or in -C alone, and only as a top-level key', () => {
    expect(workspaceLanguageHint(join(english, 'plans'))).toBe('en');
    expect(workspaceLanguageHint(base, 'english')).toBe('en');
    expect(workspaceLanguageHint(english, 'plans')).toBeUndefined();
    expect(workspaceLanguageHint(silent)).toBeUndefined();
    expect(workspaceLanguageHint(join(base, 'no-such-folder'))).toBeUndefined();
  });

  it('follows --lang, then SAMVERKAN_LANG, then the workspace, then the locale, then Swedish', () => {
    expect(startLanguage(['--lang', 'sv'], { SAMVERKAN_LANG: 'en', LANG: 'en_GB.UTF-8' }, english)).toBe('sv');
    expect(startLanguage([], { SAMVERKAN_LANG: 'sv', LANG: 'en_GB.UTF-8' }, english)).toBe('sv');
    expect(startLanguage([], SV, english)).toBe('en');
    expect(startLanguage(['-C', silent], SV, english)).toBe('sv');
    expect(startLanguage([], EN, silent)).toBe('en');
    expect(startLanguage([], { LC_ALL: 'sv_SE.UTF-8', LANG: 'en_GB.UTF-8' }, silent)).toBe('sv');
    expect(startLanguage([], {}, silent)).toBe('sv');
    expect(startLanguage(['--lang', 'de'], { LANG: 'C.UTF-8' }, silent)).toBe('sv');
  });

  it('speaks Swedish with no locale and no workspace language, and each step above it wins in a run', async () => {
    const usage = (r: { stderr: string }) => r.stderr.split('\n')[0];
    expect(usage(await runInProcess(['valdate'], { cwd: silent, env: { LANG: 'C.UTF-8' } }))).toMatch(/^samverkan: "samverkan" har inget kommando "valdate"\. Menade du validate\?/);
    expect(usage(await runInProcess(['valdate'], { cwd: silent, env: EN }))).toMatch(/^samverkan: "samverkan" has no command "valdate"\. Did you mean validate\?/);
    expect(usage(await runInProcess(['valdate'], { cwd: english, env: SV }))).toMatch(/has no command/);
    expect(usage(await runInProcess(['valdate'], { cwd: english, env: { ...SV, SAMVERKAN_LANG: 'sv' } }))).toMatch(/har inget kommando/);
    expect(usage(await runInProcess(['--lang', 'en', 'valdate'], { cwd: english, env: { ...SV, SAMVERKAN_LANG: 'sv' } }))).toMatch(/has no command/);
  });
});

describe('help in Swedish', () => {
  it('names the parts of a help page, the options and the help command in Swedish', async () => {
    const r = await runInProcess(['--help'], { cwd: silent, env: SV });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Användning: samverkan \[flaggor\] \[kommando\]\n/);
    expect(r.stdout).toContain('\nFlaggor:\n');
    expect(r.stdout).toContain('\nKommandon:\n');
    expect(r.stdout).toMatch(/-h, --help\s+visa hjälpen\n/);
    expect(r.stdout).toMatch(/help \[kommando\]\s+visa hjälpen för ett kommando\n/);
    expect(r.stdout).toMatch(/validate \[flaggor\] \[SÖKVÄG\.\.\.\]\s+kontrollera alla filer i arbetsytan/);
    expect(r.stdout).toContain('\nExempel:\n');
  });

  it('shows a command\'s arguments, options, allowed values and defaults in Swedish', async () => {
    const r = await runInProcess(['changes', '--help'], { cwd: silent, env: SV });
    expect(r.stdout).toMatch(/^Användning: samverkan changes \[flaggor\]\n/);
    expect(r.stdout).toMatch(/--as-of <DATUM>\s+räkna med DATUM som i dag \(ÅÅÅÅ-MM-DD\)/);
    expect(r.stdout).toMatch(/--format <FORMAT>\s+text, md \(Markdown[^)]*\) eller json \(förval: text\)/);
    const render = await runInProcess(['render', '--help'], { cwd: silent, env: SV });
    expect(render.stdout).toMatch(/\nArgument:\n\s+SLAG\s+plan, agreement/);
  });

  it('is the same page in English with --lang en, before the command or after it', async () => {
    const before = await runInProcess(['--lang', 'en', 'changes', '--help'], { cwd: silent, env: SV });
    const after = await runInProcess(['changes', '--help', '--lang', 'en'], { cwd: silent, env: SV });
    expect(before.stdout).toMatch(/^Usage: samverkan changes \[options\]\n/);
    expect(before.stdout).toMatch(/or\s+json \(default: text\)/);
    expect(after.stdout).toBe(before.stdout);
  });

  it('answers --version at once, in any language', async () => {
    for (const flag of ['--version', '-V', '-v']) {
      const r = await runInProcess([flag], { cwd: silent, env: SV });
      expect(r).toEqual({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/), stderr: '' });
    }
  });
});

describe('usage errors in Swedish, exit 2', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown command, with a guess', ['stauts'], /^samverkan: "samverkan" har inget kommando "stauts"\. Menade du status\? Skriv "samverkan --help" för att se vilka kommandon som finns\.\n$/],
    ['an unknown option, with a guess', ['validate', '--formt', 'json'], /^samverkan: "samverkan validate" har ingen flagga --formt\. Menade du --format\? Skriv "samverkan validate --help" för att se vilka flaggor som finns\.\n$/],
    ['a missing argument', ['meeting', 'new'], /^samverkan: "samverkan meeting new" behöver GRUPP \(id för gruppen som ska mötas\)\. Skriv "samverkan meeting new --help"/],
    ['a value not among the choices', ['changes', '--format', 'pdf'], /^samverkan: --format: "pdf" går inte att välja\. Välj ett av: text, md, json\.\n$/],
    ['an option without its value', ['status', '--as-of'], /^samverkan: Flaggan --as-of behöver ett värde \(visa läget som om i dag vore DATUM\)\. Skriv det efter flaggan, till exempel --as-of DATUM\.\n$/],
    ['a value our parser refuses', ['status', '--as-of', '2009-13-01'], /^samverkan: --as-of: "2009-13-01" är inget datum\. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2009-06-10\.\n$/],
    ['too many arguments', ['status', 'styrgrupp'], /^samverkan: "samverkan status" tar inga argument, men fick 1\./],
    ['too many arguments for one', ['render', 'plan', 'a', 'b'], /^samverkan: "samverkan render" tar högst 2 argument, men fick 3\. Sätt citattecken runt en text med mellanslag/],
  ];
  it.each(cases)('%s', async (_, argv, says) => {
    const r = await runInProcess(argv, { cwd: silent, env: SV });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(says);
  });

  it('takes help of a misspelt command as the misspelt command', async () => {
    const r = await runInProcess(['help', 'valdate'], { cwd: silent, env: SV });
    expect(r).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^samverkan: "samverkan" har inget kommando "valdate"\. Menade du validate\?/) });
    expect((await runInProcess(['help', 'validate'], { cwd: silent, env: SV })).stdout).toMatch(/^Användning: samverkan validate/);
  });

  it('says the same in English with --lang en', async () => {
    const r = await runInProcess(['--lang', 'en', 'changes', '--format', 'pdf'], { cwd: silent, env: SV });
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'samverkan: --format: "pdf" is not a value it takes. Use one of: text, md, json.\n' });
  });
});

describe('status, which speaks the workspace\'s language', () => {
  it('speaks the terminal\'s language when the workspace states none, so that a run says nothing in two', async () => {
    const dir = copyForTest(example('norra-bohuslan'));
    const settings = join(dir, 'samverkan.yaml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^language:.*\n/m, ''));
    const en = await runInProcess(['status', '--as-of', '2009-06-01'], { cwd: dir, env: EN });
    const sv = await runInProcess(['status', '--as-of', '2009-06-01'], { cwd: dir, env: SV });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Next meeting');
    expect(en.stdout).not.toContain('Nästa möte');
    expect(sv.stdout).toContain('Nästa möte');
    expect(sv.stdout).not.toContain('Next meeting');
  });
});

describe('--lang before the command', () => {
  it('is the command\'s own --lang: the document is rendered in it too', async () => {
    const nb = example('norra-bohuslan');
    const sv = await runInProcess(['render', 'group', 'styrgrupp-nb', '--as-of', '2009-06-01'], { cwd: nb, env: EN });
    const before = await runInProcess(['--lang', 'en', 'render', 'group', 'styrgrupp-nb', '--as-of', '2009-06-01'], { cwd: nb, env: SV });
    const after = await runInProcess(['render', 'group', 'styrgrupp-nb', '--as-of', '2009-06-01', '--lang', 'en'], { cwd: nb, env: SV });
    expect(sv.stdout).toContain('Ordförande');
    expect(after.stdout).toContain('Chair');
    expect(before.stdout).toBe(after.stdout);
  });
});
