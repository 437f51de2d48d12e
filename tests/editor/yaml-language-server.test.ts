/**
 * The schemas as an editor uses them: a real yaml-language-server process (the server behind the
 * YAML extension of VS Code and Neovim's yamlls), configured with the settings docs/editors.md
 * tells coordinators to use, opens every file of every example workspace with its modeline
 * removed, so that only the combined schema applies, chosen by the file's kind.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/schema/index.js';
import { NEVER_DOCUMENTS } from '../../src/workspace/files.js';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { LspClient, yamlLanguageServer, type Diagnostic } from './lsp-client.js';

// One server for every file: starting it and loading the schema takes about a second, and each
// file a few milliseconds; the whole test takes 3–5 s on a loaded machine.
const TIMEOUT = 20_000;

/** The VS Code settings.json snippet of docs/editors.md, as JSON (its // comments removed). */
export function documentedSettings(): { 'yaml.schemas': Record<string, string[]> } {
  const doc = readFileSync(join(repoRoot, 'docs/editors.md'), 'utf8');
  const block = /```jsonc\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/editors.md has no ```jsonc block with the VS Code settings');
  return JSON.parse(block.replace(/^\s*\/\/.*$/gm, '')) as { 'yaml.schemas': Record<string, string[]> };
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('.') ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** The text without its first-line `# yaml-language-server: $schema=` modeline, so that only the settings choose the schema. */
function withoutModeline(text: string): string {
  return text.replace(/^# yaml-language-server: \$schema=.*\n/, '');
}

function shown(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

describe('yaml-language-server with the combined schema', () => {
  let work: string;
  let client: LspClient;

  beforeAll(async () => {
    // A copy of the example workspaces, with the schema folder an editor user writes at the top.
    work = mkdtempSync(join(tmpdir(), 'samverkan-yamlls-'));
    cpSync(join(repoRoot, 'plans'), work, { recursive: true });
    const written = await runInProcess(['schema', '--write', '.schemas'], { cwd: work });
    expect(written).toMatchObject({ code: 0, stderr: '' });
    const settings = documentedSettings();
    client = new LspClient(yamlLanguageServer(repoRoot), {
      yaml: {
        schemas: settings['yaml.schemas'],
        validate: true,
        completion: true,
        hover: true,
        // As a coordinator's editor would have it; off here because the test must not reach the network.
        schemaStore: { enable: false },
      },
      http: {},
      '[yaml]': {},
      editor: {},
    });
    await client.start(work);
  }, TIMEOUT);

  afterAll(async () => {
    await client?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('documents the same files for Neovim as for VS Code, and leaves out every folder of tools that is never a document', () => {
    const doc = readFileSync(join(repoRoot, 'docs/editors.md'), 'utf8');
    const lua = /```lua\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const [[schema, globs]] = Object.entries(documentedSettings()['yaml.schemas']);
    expect(lua).toContain(`['${schema}']`);
    expect([...lua.matchAll(/'([^']*\*[^']*|![^']*)'/g)].map((m) => m[1])).toEqual(globs);
    // Editors do not open what is inside .git.
    for (const name of NEVER_DOCUMENTS.filter((n) => n !== '.git')) {
      const folder = name.endsWith('*') ? name : `${name}/**`;
      expect(globs.some((g) => g === `!${name}` || g === `!${folder}`), name).toBe(true);
    }
  });

  it('writes the schema files that samverkan schema --write writes, the combined one among them', () => {
    expect(readdirSync(join(work, '.schemas')).sort()).toEqual([...schemaFiles('sv').keys()].sort());
  });

  it('finds no problem in any file of the example workspaces, with no modeline to help', { timeout: TIMEOUT }, async () => {
    const files = readdirSync(work).filter((d) => !d.startsWith('.')).flatMap((d) => yamlFiles(join(work, d)));
    expect(files.length).toBeGreaterThan(40);
    const results = await Promise.all(files.map(async (file) => [relative(work, file), shown(await client.open(file, withoutModeline(readFileSync(file, 'utf8'))))] as const));
    expect(Object.fromEntries(results.filter(([, d]) => d.length > 0))).toEqual({});
  });

  it('follows a modeline too: the example files that have one are checked against their kind\'s schema in the workspace\'s .schemas', { timeout: TIMEOUT }, async () => {
    const withModeline = readdirSync(work)
      .filter((d) => !d.startsWith('.'))
      .flatMap((d) => yamlFiles(join(work, d)))
      .filter((f) => readFileSync(f, 'utf8').startsWith('# yaml-language-server: $schema='));
    expect(withModeline.length).toBeGreaterThan(5);
    const results = await Promise.all(withModeline.map(async (file) => [relative(work, file), shown(await client.open(file, readFileSync(file, 'utf8')))] as const));
    expect(Object.fromEntries(results.filter(([, d]) => d.length > 0))).toEqual({});
    const first = withModeline.find((f) => /^id: /m.test(readFileSync(f, 'utf8')))!;
    const broken = readFileSync(first, 'utf8').replace(/^id: .*$/m, 'id: Inte Ett Id');
    expect(shown(await client.open(first, broken)).join('\n')).toMatch(/Ett id skrivs med små bokstäver/);
  });

  it('explains a broken value in Swedish, chosen by kind: a meeting with a wrong date, a group with an unknown type', { timeout: TIMEOUT }, async () => {
    const meeting = join(work, 'norra-bohuslan/meetings/styrgrupp-nb/2009-05-14.yaml');
    const brokenMeeting = withoutModeline(readFileSync(meeting, 'utf8')).replace(/^date: .*$/m, 'date: 14 maj 2009');
    const meetingProblems = shown(await client.open(meeting, brokenMeeting));
    expect(meetingProblems.join('\n')).toMatch(/datum på formen ÅÅÅÅ-MM-DD/);

    const group = join(work, 'norra-bohuslan/groups/styrgrupp-nb.yaml');
    const brokenGroup = withoutModeline(readFileSync(group, 'utf8')).replace(/^type: .*$/m, 'type: ledningsgrupp');
    const groupProblems = shown(await client.open(group, brokenGroup));
    expect(groupProblems.join('\n')).toMatch(/Skriv ett av värdena steering, working/);
  });

  it('takes the Swedish spellings validate takes (type: styrgrupp, weekday: torsdag, role: ordförande), and not an ambiguous one', { timeout: TIMEOUT }, async () => {
    const group = join(work, 'norra-bohuslan/groups/styrgrupp-nb.yaml');
    const swedish = withoutModeline(readFileSync(group, 'utf8'))
      .replace(/^type: .*$/m, 'type: styrgrupp')
      .replace(/role: chair/, 'role: ordförande')
      .replace(/weekday: \w+/, 'weekday: torsdag');
    expect(swedish).toMatch(/role: ordförande/);
    expect(shown(await client.open(group, swedish))).toEqual([]);
    const plan = join(work, 'norra-bohuslan/plans/projektplan-nb.yaml');
    const text = withoutModeline(readFileSync(plan, 'utf8'));
    expect(shown(await client.open(plan, text.replace(/status: ongoing/, 'status: pågående')))).toEqual([]);
    expect(shown(await client.open(plan, text.replace(/status: ongoing/, 'status: avslutad'))).join('\n')).toMatch(/Skriv ett av värdena planned, ongoing/);
  });

  it('completes the keys of the document\'s kind', { timeout: TIMEOUT }, async () => {
    const plan = join(work, 'norra-bohuslan/plans/projektplan-nb.yaml');
    // A new key at the top level, after the kind: line.
    const text = 'kind: plan\nid: ny-plan\n\n';
    await client.open(plan, text);
    const labels = (await client.completion(plan, 2, 0)).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['title', 'period', 'goals']));
    expect(labels).not.toContain('members');

    const group = join(work, 'norra-bohuslan/groups/ny-grupp.yaml');
    await client.open(group, 'kind: group\n\n');
    const groupLabels = (await client.completion(group, 1, 0)).map((i) => i.label);
    expect(groupLabels).toEqual(expect.arrayContaining(['members', 'type']));
    expect(groupLabels).not.toContain('goals');

    // A new file without kind: yet is offered kind:, and then every kind.
    const fresh = join(work, 'norra-bohuslan/plans/ny.yaml');
    await client.open(fresh, '\n');
    expect((await client.completion(fresh, 0, 0)).map((i) => i.label)).toContain('kind');
    await client.open(fresh, 'kind: \n');
    expect((await client.completion(fresh, 0, 6)).map((i) => i.label)).toEqual(expect.arrayContaining(['plan', 'meeting', 'workspace']));
  });
});
