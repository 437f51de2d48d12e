import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace, parseSource } from '../../src/workspace/load.js';
import { locate } from '../../src/workspace/locate.js';
import { brief, copyWorkspace, fixture } from '../helpers/workspaces.js';

describe('parseSource', () => {
  it('keeps positions right after a byte-order mark and with CRLF line ends', () => {
    const text = '\ufeffkind: people\r\npeople:\r\n  - id: a\r\n    name: "Tab\there"\r\n    organization: x\r\n';
    const { file, problems } = parseSource('/w/people.yaml', 'people.yaml', text);
    expect(problems).toEqual([]);
    const doc = file.documents[0];
    expect(doc.kind).toBe('people');
    expect((doc.data as { people: Array<{ name: string }> }).people[0].name).toBe('Tab\there');
    expect(locate(doc.yaml, file.lineCounter, ['people', 0, 'organization'])).toMatchObject({ line: 5, column: 19 });
    expect(locate(doc.yaml, file.lineCounter, ['people', 0, 'id'], { key: true })).toMatchObject({ line: 3, column: 5 });
  });

  it('reads every document of a multi-document file, with positions in the whole file', () => {
    const text = 'kind: organizations\norganizations: []\n---\n# second\nkind: people\npeople:\n  - {id: a, name: A, organization: x}\n';
    const { file } = parseSource('/w/x.yaml', 'x.yaml', text);
    expect(file.documents.map((d) => d.kind)).toEqual(['organizations', 'people']);
    expect(locate(file.documents[1].yaml, file.lineCounter, ['people', 0, 'name'])).toMatchObject({ line: 7, column: 19 });
  });

  it('makes a tab used for indentation a finding with a hint, not a crash', () => {
    const { problems } = parseSource('/w/x.yaml', 'x.yaml', 'kind: people\npeople:\n\t- id: a\n');
    expect(problems.map((p) => p.ruleId)).toContain('yaml/syntax');
    expect(problems.find((p) => p.ruleId === 'yaml/syntax')?.message).toMatch(/spaces, not tabs|not valid YAML/);
  });

  it('stops an alias bomb without expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { problems } = parseSource('/w/bomb.yaml', 'bomb.yaml', `${lines.join('\n')}\n`);
    expect(problems.map((p) => p.ruleId)).toEqual(['yaml/too-many-aliases']);
  });
});

describe('loadWorkspace', () => {
  it('finds the workspace by walking up from a sub-folder', async () => {
    const ws = await loadWorkspace({ cwd: join(fixture('clean'), 'meetings/styrgrupp') });
    expect(ws.root).toBe(fixture('clean'));
    expect(ws.config.name).toBe('Kvinnofrid Testkommunerna');
    expect(ws.files.map((f) => f.rel)).toContain('plans/plan.yaml');
  });

  it('says how to fix a missing workspace', async () => {
    await expect(loadWorkspace({ dir: join(fixture('clean'), 'plans') })).rejects.toThrow(/No samverkan\.yaml in .*samverkan init/);
    await expect(loadWorkspace({ cwd: '/' })).rejects.toThrow(/or any folder above it/);
    await expect(loadWorkspace({ dir: '/does/not/exist' })).rejects.toThrow(/does not exist/);
  });

  it('skips node_modules, .git, the output folder and ignored paths', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      for (const sub of ['node_modules/x', '.git', 'out', 'drafts/old']) {
        mkdirSync(join(dir, sub), { recursive: true });
        writeFileSync(join(dir, sub, 'bad.yaml'), 'not: [valid');
      }
      writeFileSync(join(dir, 'samverkan.yaml'), 'kind: workspace\nname: X\nignore: [drafts/**]\n');
      const ws = await loadWorkspace({ dir });
      expect(ws.files.map((f) => f.rel).filter((r) => r.includes('bad'))).toEqual([]);
      const { findings } = await checkWorkspace(ws, { asOf: '2009-06-01' });
      expect(brief(findings, dir)).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('treats a document with an id like ../x as a format error, never as a path', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'plans/evil.yaml'), 'kind: plan\nid: ../../etc/passwd\ntitle: X\nowner: alfa\nperiod: {start: 2008-01-01, end: 2008-12-31}\ngoals: [{id: g, title: G}]\n');
      const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
      expect(brief(findings, dir)).toEqual(['plans/evil.yaml:2 schema/format']);
    } finally {
      cleanup();
    }
  });
});

describe('loadWorkspace: where the workspace is', () => {
  it('takes -C relative to the folder the command runs in, and walks up from a sub-folder without it', async () => {
    const root = fixture('clean');
    expect((await loadWorkspace({ cwd: join(root, '..'), dir: 'clean' })).root).toBe(root);
    expect((await loadWorkspace({ cwd: join(root, 'plans') })).root).toBe(root);
    // -C names the workspace itself: a sub-folder of one is not accepted.
    await expect(loadWorkspace({ cwd: root, dir: 'plans' })).rejects.toThrow(/No samverkan\.yaml in .*plans/);
  });
});
