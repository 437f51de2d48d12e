import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerInit } from '../../src/cli/init.js';
import { startLanguage } from '../../src/cli/language.js';
import { setLanguage } from '../../src/i18n/messages.js';
import type { CliIO } from '../../src/cli/io.js';
import { InitCancelledError } from '../../src/commands/init.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runCli } from '../helpers/cli.js';
import { runSamverkan } from '../fixtures/commands-b/helpers.js';

const askInit = vi.fn();
vi.mock('../../src/cli/init-prompts.js', () => ({ askInit: (...args: unknown[]) => askInit(...args) }));

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-cli-init-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  askInit.mockReset();
  setLanguage('en');
});

const FLAGS = [
  '--yes',
  '--name', 'Kvinnofrid Norra Bohuslän',
  '--language', 'sv',
  '--org', 'Munkedals kommun',
  '--org', 'Sotenäs kommun',
  '--org', 'Polisen Fyrbodal=police',
  '--chair', 'Åsa Öberg',
  '--chair-org', 'Sotenäs kommun',
  '--secretary', 'Samordnare NB',
];

/** A git configuration of the test's own (identity, hooks), so the machine's plays no part. */
function gitEnv(config = '[user]\n\tname = Samordnare Test\n\temail = samordnare@example.org\n'): Record<string, string> {
  const file = join(tempDir(), 'gitconfig');
  writeFileSync(file, config);
  return { GIT_CONFIG_GLOBAL: file, GIT_CONFIG_NOSYSTEM: '1' };
}

describe('samverkan init (spawned)', () => {
  it('creates a workspace from flags that validate finds clean, in a new repository', async () => {
    const base = tempDir();
    const r = runSamverkan(['init', 'kvinnofrid-nb', ...FLAGS], { cwd: base, env: gitEnv() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The commit's hash depends on the schemas' text; everything else is fixed.
    expect(r.stdout.replace(/\(([0-9a-f]{7,})\)/, '(HASH)')).toBe(
      [
        'Created the workspace "Kvinnofrid Norra Bohuslän" in kvinnofrid-nb:',
        '  samverkan.yaml',
        '  organizations.yaml',
        '  people.yaml',
        '  groups/styrgrupp-kvinnofrid-norra-bohuslan.yaml',
        '  .gitignore',
        '  .gitattributes',
        '  .schemas/ (9 JSON Schemas: editors complete and check the files with them)',
        '',
        'Made a git repository with a first commit (HASH) on the branch main.',
        '',
        'Next: add people to people.yaml and members to the group, an agreement under agreements/ and an action plan under plans/.',
        'Then check everything with: samverkan validate',
        '',
      ].join('\n'),
    );
    const root = join(base, 'kvinnofrid-nb');
    expect(readdirSync(join(root, '.schemas')).sort()).toEqual(
      ['agreement', 'assessment', 'group', 'meeting', 'organizations', 'people', 'plan', 'samverkan', 'workspace'].map((k) => `${k}.schema.json`),
    );
    expect(readFileSync(join(root, 'organizations.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=.schemas/organizations.schema.json',
        '# Organisationerna som deltar. Lägg till fler med id, name och type.',
        'kind: organizations',
        'organizations:',
        '  - id: munkedals-kommun',
        '    name: Munkedals kommun',
        '    type: municipality',
        '  - id: sotenas-kommun',
        '    name: Sotenäs kommun',
        '    type: municipality',
        '  - id: polisen-fyrbodal',
        '    name: Polisen Fyrbodal',
        '    type: police',
        '',
      ].join('\n'),
    );
    // The real checks, in this process and through the CLI.
    const { findings } = await checkWorkspace(await loadWorkspace({ dir: root }));
    expect(findings).toEqual([]);
    const v = runCli(['validate', '-C', root]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/4 files checked, no problems/);
  });

  it('says in one sentence that no repository was made when git is not installed, and still writes the files', async () => {
    const base = tempDir();
    // Node is started by its full path; the PATH holds no git.
    const r = runSamverkan(['init', 'ny', ...FLAGS, '--lang', 'sv'], { cwd: base, env: { PATH: tempDir() } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '\nGit finns inte på den här datorn, så inget git-arkiv skapades; installera git och kör "git init" i mappen för att spara historiken.\n\nNästa steg:',
    );
    expect(existsSync(join(base, 'ny', '.git'))).toBe(false);
    expect((await checkWorkspace(await loadWorkspace({ dir: join(base, 'ny') }))).findings).toEqual([]);
  });

  it('commits as a neutral author when git knows no one, and says so; --no-git makes no repository', () => {
    const base = tempDir();
    const r = runSamverkan(['init', 'ny', ...FLAGS], { cwd: base, env: gitEnv('') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '\nGit does not know who you are, so the first commit was made as "samverkan init <samverkan-init@localhost>", for that commit only; tell git who you are with git config --global user.name "Your Name" and git config --global user.email you@example.org.\n',
    );
    const off = runSamverkan(['init', 'utan', ...FLAGS, '--no-git'], { cwd: base, env: gitEnv() });
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).not.toMatch(/repository|commit/);
    expect(existsSync(join(base, 'utan', '.git'))).toBe(false);
  });

  it('asks nothing when input is not a terminal, and says which flags it needs', () => {
    const base = tempDir();
    const r = runSamverkan(['init', 'ny', '--name', 'Bara namn'], { cwd: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'samverkan: Input is not a terminal, so init asks nothing and needs at least one --org. For example: samverkan init ny --yes --name "Kvinnofrid Norra Bohuslän" --org "Munkedals kommun" --org "Polisen=police"\n',
    );
    expect(existsSync(join(base, 'ny'))).toBe(false);
  });

  it('with --yes and only a name and an organisation, fills in the rest and is clean', async () => {
    const base = tempDir();
    const r = runSamverkan(['init', '--yes', '--name', 'Kvinnofrid', '--language', 'en', '--org', 'Tanums kommun', '-C', base]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(base, 'groups/steering-group-kvinnofrid.yaml'), 'utf8')).toContain('role: chair');
    expect(readFileSync(join(base, 'people.yaml'), 'utf8')).toContain('name: Chair, Steering group, Kvinnofrid');
    expect((await checkWorkspace(await loadWorkspace({ dir: base }))).findings).toEqual([]);
  });

  it('never overwrites: an existing workspace is refused with exit 1 before any question', () => {
    const base = tempDir();
    writeFileSync(join(base, 'samverkan.yaml'), 'kind: workspace\nname: Min\n');
    const r = runSamverkan(['init', ...FLAGS], { cwd: base });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^samverkan: .*samverkan\.yaml already exists: there is a workspace here already, and init never overwrites a file\./);
    expect(readdirSync(base)).toEqual(['samverkan.yaml']);
    expect(readFileSync(join(base, 'samverkan.yaml'), 'utf8')).toBe('kind: workspace\nname: Min\n');
  });

  it('says in words when the folder cannot be made, and leaves nothing behind', () => {
    const base = tempDir();
    writeFileSync(join(base, 'a-file'), 'x');
    const r = runSamverkan(['init', join('a-file', 'ws'), ...FLAGS], { cwd: base });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`samverkan: Could not write ${join(base, 'a-file', 'ws')}: part of the path is a file, not a folder. Give another place to write to, or ask whoever manages that folder.\n`);
    expect(readdirSync(base)).toEqual(['a-file']);
  });

  it('explains a bad organisation type or group type with exit 2', () => {
    const base = tempDir();
    const bad = runSamverkan(['init', '--yes', '--name', 'K', '--org', 'Polisen=cops'], { cwd: base });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"cops" in --org "Polisen=cops" is not an organisation type\. Use one of municipality, region, police/);
    const group = runSamverkan(['init', '--yes', '--name', 'K', '--org', 'A', '--group-type', 'styrgrupp'], { cwd: base });
    expect(group.code).toBe(2);
    expect(group.stderr).toMatch(/"styrgrupp" is not a group type\. Use one of steering, working/);
    expect(readdirSync(base)).toEqual([]);
  });

  it('has help with an example', () => {
    const r = runSamverkan(['init', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: samverkan init [options] [DIR]');
    expect(r.stdout).toContain('$ samverkan init kvinnofrid-nb --yes --name "Kvinnofrid Norra Bohuslän"');
  });
});

function fakeIO(cwd: string): CliIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: true, stdinIsTTY: true, env: { NO_COLOR: '1' }, cwd, argv: [], exitCode: 0 };
}

function program(io: CliIO): Command {
  const p = new Command('samverkan').exitOverride();
  registerInit(p, io);
  return p;
}

describe('samverkan init (prompts, in process)', () => {
  it('turns Ctrl-C at a prompt into a plain message with exit 1, writing nothing', async () => {
    const base = tempDir();
    const io = fakeIO(base);
    askInit.mockRejectedValue(Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' }));
    const error = await program(io).parseAsync(['init', 'ny'], { from: 'user' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InitCancelledError);
    expect((error as InitCancelledError).exitCode).toBe(1);
    expect((error as Error).message).toBe('Stopped before the end of the questions, so nothing was written. Run "samverkan init" again to start over.');
    expect(readdirSync(base)).toEqual([]);
  });

  it('writes nothing when the user declines at the end', async () => {
    const base = tempDir();
    askInit.mockResolvedValue(undefined);
    const error = await program(fakeIO(base)).parseAsync(['init'], { from: 'user' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InitCancelledError);
    expect(readdirSync(base)).toEqual([]);
  });

  it('passes the flags to the prompts and writes what they return', async () => {
    const base = tempDir();
    const io = fakeIO(base);
    askInit.mockResolvedValue({
      name: 'Kvinnofrid',
      language: 'sv',
      organizations: [{ name: 'Tanums kommun', type: 'municipality' }],
      group: { name: 'Styrgruppen', type: 'steering' },
      chair: { name: 'Ordförande Tanum', organization: 'tanums-kommun' },
    });
    const argv = ['init', 'ny', '--name', 'Kvinnofrid', '--org', 'Tanums kommun', '--lang', 'sv', '--chair-email', 'ordf@tanum.example'];
    // The CLI settles its language at start-up (run() in main.ts), before the command is parsed.
    setLanguage(startLanguage(argv, io.env, io.cwd));
    await program(io).parseAsync(argv, { from: 'user' });
    expect(askInit.mock.calls[0][0]).toMatchObject({ lang: 'sv', folder: 'ny', name: 'Kvinnofrid', organizations: [{ name: 'Tanums kommun', type: 'municipality' }] });
    expect(io.out.join('')).toMatch(/^Arbetsytan "Kvinnofrid" är skapad i ny:/);
    expect(readFileSync(join(base, 'ny/people.yaml'), 'utf8')).toContain('email: ordf@tanum.example');
    expect((await checkWorkspace(await loadWorkspace({ dir: join(base, 'ny') }))).findings).toEqual([]);
  });
});
