/** `samverkan schema`: what it prints and writes, and in which language its messages are. */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { combinedSchema, editorSchema, schemaFiles } from '../../src/schema/index.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, example, fixture } from '../helpers/workspaces.js';

describe('samverkan schema', () => {
  it('--write writes every kind and the combined schema, in the language of the workspace it writes into', async () => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), readFileSync(join(dir, 'samverkan.yaml'), 'utf8').replace('language: sv', 'language: en'));
    const r = await runInProcess(['schema', '--write', '.schemas'], { cwd: join(dir, 'plans') });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Wrote 9 schemas to .schemas: one per kind, and samverkan.schema.json for every kind (see docs/editors.md).\n');
    const written = join(dir, 'plans', '.schemas');
    for (const [name, text] of schemaFiles('en')) expect(readFileSync(join(written, name), 'utf8')).toBe(text);

    // Told otherwise, and --out as the old name of --write.
    expect((await runInProcess(['schema', '--out', '.schemas', '--lang', 'sv'], { cwd: dir })).code).toBe(0);
    for (const [name, text] of schemaFiles('sv')) expect(readFileSync(join(dir, '.schemas', name), 'utf8')).toBe(text);
  });

  it('outside a workspace, writes Swedish messages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-schema-'));
    expect((await runInProcess(['schema', '--write', 'ut/schemas'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'ut/schemas')).sort()).toEqual([...schemaFiles('sv').keys()].sort());
    expect(readFileSync(join(dir, 'ut/schemas/samverkan.schema.json'), 'utf8')).toBe(`${JSON.stringify(combinedSchema('sv'), null, 2)}\n`);
  });

  it('prints one kind\'s schema, or the combined one; refuses a kind with --write', async () => {
    const plan = await runInProcess(['schema', 'plan', '--lang', 'en'], { cwd: tmpdir() });
    expect(JSON.parse(plan.stdout)).toEqual(editorSchema('plan', 'en'));
    const all = await runInProcess(['schema'], { cwd: tmpdir() });
    expect(JSON.parse(all.stdout)).toEqual(combinedSchema('sv'));
    const both = await runInProcess(['schema', 'plan', '--write', 'x'], { cwd: tmpdir() });
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--write writes every kind's schema and the combined one; to save only the plan schema, run: samverkan schema plan > plan\.schema\.json/);
  });
});

describe('the combined schema', () => {
  it('accepts every document of an example workspace by its kind, and refuses one that breaks its kind\'s schema', () => {
    const ajv = new Ajv.default({ strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    ajv.addKeyword('errorMessage');
    const validate = ajv.compile(combinedSchema('en'));
    const root = example('norra-bohuslan');
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.yaml') && !e.parentPath.includes('.schemas'));
    const documents = files.flatMap((e) => parseAllDocuments(readFileSync(join(e.parentPath, e.name), 'utf8')).map((d) => d.toJS() as Record<string, unknown>));
    expect(documents.length).toBeGreaterThan(10);
    for (const doc of documents) expect({ kind: doc.kind, id: doc.id, errors: validate(doc) ? [] : validate.errors }).toMatchObject({ errors: [] });
    // A group's type on a plan, and a plan without its title, are refused by the kind's own schema.
    const plan = documents.find((d) => d.kind === 'plan')!;
    expect(validate({ ...plan, type: 'steering' })).toBe(false);
    const { title: _title, ...untitled } = plan;
    expect(validate(untitled)).toBe(false);
    expect(validate({ kind: 'planer', id: 'x' })).toBe(false);
  });
});
