import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  guessOrganizationType,
  initWorkspace,
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
});

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
  it('plans the four documents with $schema comments, the schemas and a .gitignore', () => {
    const files = planInit(answers());
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    expect([...byPath.keys()].filter((p) => !p.startsWith('.schemas/'))).toEqual([
      'samverkan.yaml',
      'organizations.yaml',
      'people.yaml',
      'groups/styrgrupp-kvinnofrid-nb.yaml',
      '.gitignore',
    ]);
    expect(byPath.get('samverkan.yaml')).toMatch(/^# yaml-language-server: \$schema=\.schemas\/workspace\.schema\.json\n/);
    expect(byPath.get('groups/styrgrupp-kvinnofrid-nb.yaml')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.schemas\/group\.schema\.json\n/);
    expect(byPath.get('people.yaml')).toContain('organization: sotenas-kommun');
    expect(byPath.get('people.yaml')).toContain('email: asa.oberg@sotenas.example');
    expect(byPath.get('groups/styrgrupp-kvinnofrid-nb.yaml')).toContain('- person: asa-oberg\n    role: chair\n  - person: samordnare-norra-bohuslan\n    role: secretary');
    // What samverkan schema --write writes, in the documents' language, the combined schema among them.
    for (const [name, text] of schemaFiles('sv')) expect(byPath.get(`.schemas/${name}`)).toBe(text);
    expect(byPath.get('.gitignore')).toMatch(/^\/out\/$/m);
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
    const result = await initWorkspace({ dir: root, answers: answers() });
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
