import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  GITATTRIBUTES_RULES,
  guessOrganizationType,
  initWorkspace,
  NEUTRAL_AUTHOR,
  parseOrganizationSpec,
  planInit,
  slugify,
  uniqueId,
  type InitAnswers,
} from '../../src/commands/init.js';
import { EditConflictError, UsageError } from '../../src/errors.js';
import { schemaFiles } from '../../src/schema/index.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-init-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** A git configuration of the test's own, so the machine's identity or hooks play no part. */
function gitConfig(text: string): void {
  const file = join(tempDir(), 'gitconfig');
  writeFileSync(file, text);
  vi.stubEnv('GIT_CONFIG_GLOBAL', file);
  vi.stubEnv('GIT_CONFIG_NOSYSTEM', '1');
  for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'EMAIL', 'GIT_DIR', 'GIT_WORK_TREE']) {
    vi.stubEnv(name, undefined);
  }
}
beforeEach(() => gitConfig('[user]\n\tname = Samordnare Test\n\temail = samordnare@example.org\n'));

async function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await execa('git', args, { cwd, env })).stdout;
}

const answers = (over: Partial<InitAnswers> = {}): InitAnswers => ({
  name: 'Kvinnofrid Norra Bohuslän',
  language: 'sv',
  organizations: [
    { name: 'Munkedals kommun', type: 'municipality' },
    { name: 'Sotenäs kommun', type: 'municipality' },
    { name: 'Polisen Fyrbodal', type: 'police' },
  ],
  group: { name: 'Styrgrupp Kvinnofrid NB', type: 'steering' },
  chair: { name: 'Åsa Öberg', organization: 'Sotenäs kommun', email: 'asa.oberg@sotenas.example' },
  secretary: { name: 'Samordnare Norra Bohuslän', organization: 'munkedals-kommun' },
  ...over,
});

describe('ids from names', () => {
  it('turns Swedish names into slugs', () => {
    expect(slugify('Sotenäs kommun')).toBe('sotenas-kommun');
    expect(slugify('Åsa Öberg')).toBe('asa-oberg');
    expect(slugify('  Kvinnojouren «Freja» – Lysekil! ')).toBe('kvinnojouren-freja-lysekil');
    expect(slugify('Café Noël')).toBe('cafe-noel');
    expect(slugify('!!!', 'org')).toBe('org');
    const long = slugify('a'.repeat(70));
    expect(long).toHaveLength(64);
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });

  it('makes ids unique within their namespace', () => {
    const taken = new Set<string>();
    expect([uniqueId('polisen', taken), uniqueId('polisen', taken), uniqueId('polisen', taken)]).toEqual(['polisen', 'polisen-2', 'polisen-3']);
  });
});

describe('organisations from flags', () => {
  it('guesses the type from the name, most specific first', () => {
    expect(guessOrganizationType('Munkedals kommun')).toBe('municipality');
    expect(guessOrganizationType('Socialförvaltningen i Munkedals kommun')).toBe('social-services');
    expect(guessOrganizationType('Polisen i Fyrbodal')).toBe('police');
    expect(guessOrganizationType('Region Västra Götaland')).toBe('region');
    expect(guessOrganizationType('Kvinnojouren Freja')).toBe('ngo');
    expect(guessOrganizationType('Fyrbodals kommunalförbund')).toBe('municipal-association');
    expect(guessOrganizationType('Något annat')).toBe('other');
  });

  it('reads NAME=TYPE and says what is wrong with a bad type', () => {
    expect(parseOrganizationSpec('Åklagarkammaren=prosecution')).toEqual({ name: 'Åklagarkammaren', type: 'prosecution' });
    expect(parseOrganizationSpec('Lysekils kommun')).toEqual({ name: 'Lysekils kommun', type: 'municipality' });
    expect(() => parseOrganizationSpec('Polisen=cops')).toThrow(/"cops" .* is not an organisation type\. Use one of municipality/);
    expect(() => parseOrganizationSpec('=police')).toThrow(UsageError);
  });
});

describe('planInit', () => {
  it('plans the four documents with $schema comments, the schemas, a .gitignore and a .gitattributes', () => {
    const files = planInit(answers());
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    expect([...byPath.keys()].filter((p) => !p.startsWith('.schemas/'))).toEqual([
      'samverkan.yaml',
      'organizations.yaml',
      'people.yaml',
      'groups/styrgrupp-kvinnofrid-nb.yaml',
      '.gitignore',
      '.gitattributes',
    ]);
    expect(byPath.get('samverkan.yaml')).toMatch(/^# yaml-language-server: \$schema=\.schemas\/workspace\.schema\.json\n/);
    expect(byPath.get('groups/styrgrupp-kvinnofrid-nb.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.schemas\/group\.schema\.json\n/);
    expect(byPath.get('people.yaml')).toContain('organization: sotenas-kommun');
    expect(byPath.get('people.yaml')).toContain('email: asa.oberg@sotenas.example');
    expect(byPath.get('groups/styrgrupp-kvinnofrid-nb.yaml')).toContain('- person: asa-oberg\n    role: chair\n  - person: samordnare-norra-bohuslan\n    role: secretary');
    // What samverkan schema --write writes, in the documents' language, the combined schema among them.
    for (const [name, text] of schemaFiles('sv')) expect(byPath.get(`.schemas/${name}`)).toBe(text);
    expect(byPath.get('.gitignore')).toMatch(/^\/out\/$/m);
    expect(byPath.get('.gitattributes')).toBe(`# Git sparar YAML-filerna med radslut som de är skrivna (CRLF eller LF) och ändrar dem aldrig.\n${GITATTRIBUTES_RULES}`);
  });

  it('makes a case group confidential, as group/case-confidential requires', () => {
    const group = planInit(answers({ group: { name: 'Ärendegruppen', type: 'case' } })).find((f) => f.path.startsWith('groups/'))!;
    expect(group.path).toBe('groups/arendegruppen.yaml');
    expect(group.text).toContain('confidentiality: confidential');
  });

  it('writes comments in the workspace language', () => {
    expect(planInit(answers({ language: 'en' }))[2].text).toContain('never clients, victims or other private persons');
    expect(planInit(answers())[2].text).toContain('aldrig klienter');
  });

  it('refuses answers that cannot make a workspace, saying what to change', () => {
    expect(() => planInit(answers({ organizations: [] }))).toThrow(/at least one organisation/);
    expect(() => planInit(answers({ name: '  ' }))).toThrow(/needs a name/);
    expect(() => planInit(answers({ timezone: 'Europe/Sthlm' }))).toThrow(/"Europe\/Sthlm" is not a time zone/);
    expect(() => planInit(answers({ chair: { name: 'A', organization: 'Tanums kommun' } }))).toThrow(/"Tanums kommun" is none of the organisations given/);
    expect(() => planInit(answers({ chair: { name: 'A', email: 'not-an-address' } }))).toThrow(/is not an e-mail address/);
  });
});

describe('initWorkspace', () => {
  it('writes a workspace that the real checks find clean', async () => {
    const root = join(tempDir(), 'ny', 'arbetsyta');
    const result = await initWorkspace({ dir: root, answers: answers(), git: false });
    expect(result.created).toContain('samverkan.yaml');
    expect(result.created.filter((p) => p.startsWith('.schemas/'))).toHaveLength(9);
    expect(result.kept).toEqual([]);
    const workspace = await loadWorkspace({ dir: root });
    const { findings, fileCount } = await checkWorkspace(workspace);
    expect(findings).toEqual([]);
    expect(fileCount).toBe(4);
    expect(workspace.config).toMatchObject({ name: 'Kvinnofrid Norra Bohuslän', language: 'sv', timezone: 'Europe/Stockholm', output: 'out' });
    expect(workspace.index.groups.get('styrgrupp-kvinnofrid-nb')?.value.members).toHaveLength(2);
    // No temporary files are left beside the written ones.
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is clean with only the defaults --yes uses (one organisation, a chair by title)', async () => {
    const root = tempDir();
    await initWorkspace({
      dir: root,
      answers: {
        name: 'Kvinnofrid',
        language: 'en',
        organizations: [{ name: 'Tanums kommun', type: 'municipality' }],
        group: { name: 'Steering group, Kvinnofrid', type: 'steering' },
        chair: { name: 'Chair, Steering group, Kvinnofrid' },
      },
    });
    const { findings } = await checkWorkspace(await loadWorkspace({ dir: root }));
    expect(findings).toEqual([]);
  });

  it('never overwrites: an existing samverkan.yaml stops it before anything is written', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'samverkan.yaml'), 'kind: workspace\nname: Gammal\n');
    await expect(initWorkspace({ dir: root, answers: answers() })).rejects.toThrow(EditConflictError);
    expect(readdirSync(root)).toEqual(['samverkan.yaml']);
    expect(readFileSync(join(root, 'samverkan.yaml'), 'utf8')).toBe('kind: workspace\nname: Gammal\n');
  });

  it('refuses when the group file exists, and leaves the folder as it was', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'groups'));
    writeFileSync(join(root, 'groups/styrgrupp-kvinnofrid-nb.yaml'), '# mine\n');
    await expect(initWorkspace({ dir: root, answers: answers() })).rejects.toThrow(/groups\/styrgrupp-kvinnofrid-nb\.yaml already exists .* nothing was written/);
    expect(readdirSync(root)).toEqual(['groups']);
    expect(readFileSync(join(root, 'groups/styrgrupp-kvinnofrid-nb.yaml'), 'utf8')).toBe('# mine\n');
  });

  it('keeps an existing .gitignore and schemas, and says to add /out/', async () => {
    const root = tempDir();
    writeFileSync(join(root, '.gitignore'), 'node_modules/\n');
    mkdirSync(join(root, '.schemas'));
    writeFileSync(join(root, '.schemas/plan.schema.json'), '{}\n');
    const result = await initWorkspace({ dir: root, answers: answers() });
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toBe('node_modules/\n');
    expect(readFileSync(join(root, '.schemas/plan.schema.json'), 'utf8')).toBe('{}\n');
    expect(result.kept.map((k) => k.path).sort()).toEqual(['.gitignore', '.schemas/plan.schema.json']);
    expect(result.notes.join('\n')).toMatch(/Add the line \/out\/ to \.gitignore/);
  });

  it('refuses answers that would fail the checks, such as an identity number as a name, writing nothing', async () => {
    const root = join(tempDir(), 'ny');
    await expect(
      initWorkspace({ dir: root, answers: answers({ chair: { name: 'Anna 19121212-1212' } }) }),
    ).rejects.toThrow(/does not pass the checks, so nothing was written: people\.yaml: .*personnummer/i);
    expect(existsSync(root)).toBe(false);
  });

  it('removes what it made when a write fails half-way', async () => {
    const root = tempDir();
    // A file named groups makes the group file's write fail after the first three succeeded.
    writeFileSync(join(root, 'groups'), 'not a folder\n');
    await expect(initWorkspace({ dir: root, answers: answers() })).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['groups']);
  });

  it('notes when the new workspace lies inside another one', async () => {
    const outer = tempDir();
    writeFileSync(join(outer, 'samverkan.yaml'), 'kind: workspace\nname: Yttre\n');
    const result = await initWorkspace({ dir: join(outer, 'inre', 'ny'), answers: answers() });
    expect(result.notes.join('\n')).toMatch(/lies inside the workspace .*Add "inre\/ny\/\*\*" under ignore:/);
  });
});

describe('initWorkspace and git', () => {
  it('makes a repository whose first commit holds the workspace, as the user git knows', async () => {
    const root = join(tempDir(), 'ny');
    const result = await initWorkspace({ dir: root, answers: answers() });
    expect(result.git).toMatchObject({ state: 'created', branch: 'main' });
    expect(result.git.state === 'created' && result.git.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(await git(root, ['log', '--format=%an <%ae>|%cn|%s'])).toBe(
      'Samordnare Test <samordnare@example.org>|Samordnare Test|Skapa arbetsytan Kvinnofrid Norra Bohuslän (samverkan init)',
    );
    const committed = (await git(root, ['ls-files'])).split('\n');
    expect(committed).toEqual(expect.arrayContaining(['samverkan.yaml', 'people.yaml', 'groups/styrgrupp-kvinnofrid-nb.yaml', '.gitignore', '.gitattributes', '.schemas/plan.schema.json']));
    expect(committed).toHaveLength(result.created.length);
    expect(await git(root, ['status', '--porcelain'])).toBe('');
  });

  it('writes the commit message in the workspace language and keeps a branch the user chose', async () => {
    gitConfig('[user]\n\tname = Coordinator\n\temail = c@example.org\n[init]\n\tdefaultBranch = trunk\n');
    const root = tempDir();
    const result = await initWorkspace({ dir: root, answers: answers({ language: 'en' }) });
    expect(result.git).toMatchObject({ state: 'created', branch: 'trunk' });
    expect(await git(root, ['log', '--format=%s'])).toBe('Create the workspace Kvinnofrid Norra Bohuslän (samverkan init)');
  });

  it('commits as a neutral local author when git knows no one, for that commit only', async () => {
    gitConfig('');
    const root = tempDir();
    const result = await initWorkspace({ dir: root, answers: answers() });
    expect(result.git).toMatchObject({ state: 'created', neutralAuthor: `${NEUTRAL_AUTHOR.name} <${NEUTRAL_AUTHOR.email}>` });
    expect(await git(root, ['log', '--format=%an <%ae>|%cn <%ce>'])).toBe('samverkan init <samverkan-init@localhost>|samverkan init <samverkan-init@localhost>');
    // Nothing was configured: the next commit asks the user who they are, as git always does.
    await expect(git(root, ['config', '--get', 'user.name'])).rejects.toThrow();
  });

  it('makes no repository inside an existing one, nor with git: false', async () => {
    const outer = tempDir();
    await git(outer, ['init', '-q']);
    const inside = await initWorkspace({ dir: join(outer, 'plans', 'ny'), answers: answers() });
    expect(inside.git).toEqual({ state: 'inside', top: await git(outer, ['rev-parse', '--show-toplevel']) });
    expect(existsSync(join(outer, 'plans', 'ny', '.git'))).toBe(false);
    expect(await git(outer, ['log', '--oneline']).catch(() => 'no commits')).toBe('no commits');

    const off = tempDir();
    expect((await initWorkspace({ dir: off, answers: answers(), git: false })).git).toEqual({ state: 'off' });
    expect(existsSync(join(off, '.git'))).toBe(false);
  });

  it('still writes the workspace when git is not installed, and says so', async () => {
    const empty = tempDir();
    vi.stubEnv('PATH', empty);
    const root = tempDir();
    const result = await initWorkspace({ dir: root, answers: answers() });
    expect(result.git).toEqual({ state: 'missing' });
    expect(existsSync(join(root, 'samverkan.yaml'))).toBe(true);
    expect(existsSync(join(root, '.git'))).toBe(false);
  });

  it('reports a commit git refuses (here a failing hook) without failing', async () => {
    const hooks = tempDir();
    writeFileSync(join(hooks, 'pre-commit'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    gitConfig(`[user]\n\tname = A\n\temail = a@example.org\n[core]\n\thooksPath = ${hooks}\n`);
    const root = tempDir();
    const result = await initWorkspace({ dir: root, answers: answers() });
    expect(result.git).toEqual({ state: 'failed', step: 'commit' });
    expect(existsSync(join(root, 'samverkan.yaml'))).toBe(true);
  });

  it('keeps CRLF and LF YAML files byte for byte, whatever core.autocrlf the clone has', async () => {
    const root = tempDir();
    await initWorkspace({ dir: root, answers: answers() });
    const files = { 'crlf.yaml': 'kind: x\r\nid: a\r\n', 'lf.yaml': 'kind: x\nid: b\n', 'blandad.yml': 'kind: x\r\nid: c\n' };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
    await git(root, ['-c', 'core.autocrlf=true', 'add', '.']);
    await git(root, ['-c', 'core.autocrlf=true', 'commit', '-q', '-m', 'line endings']);
    for (const [name, text] of Object.entries(files)) {
      expect((await execa('git', ['cat-file', 'blob', `HEAD:${name}`], { cwd: root, stripFinalNewline: false })).stdout).toBe(text);
    }
    for (const autocrlf of ['true', 'input', 'false']) {
      const clone = join(tempDir(), 'klon');
      await git(root, ['-c', `core.autocrlf=${autocrlf}`, 'clone', '-q', '--config', `core.autocrlf=${autocrlf}`, root, clone]);
      for (const [name, text] of Object.entries(files)) expect(readFileSync(join(clone, name), 'utf8'), `${name}, autocrlf=${autocrlf}`).toBe(text);
      expect(await git(clone, ['status', '--porcelain'])).toBe('');
    }
  });

  it('keeps an existing .gitattributes and says to add the YAML rule when it lacks it', async () => {
    const root = tempDir();
    writeFileSync(join(root, '.gitattributes'), '*.png binary\n');
    const result = await initWorkspace({ dir: root, answers: answers(), git: false });
    expect(readFileSync(join(root, '.gitattributes'), 'utf8')).toBe('*.png binary\n');
    expect(result.notes).toContain('Add the line "*.yaml -text" to .gitattributes, so that git keeps the line endings of the YAML files as they are written.');
    const ready = tempDir();
    writeFileSync(join(ready, '.gitattributes'), '*.yaml -text\n');
    expect((await initWorkspace({ dir: ready, answers: answers(), git: false })).notes).toEqual([]);
  });
});
