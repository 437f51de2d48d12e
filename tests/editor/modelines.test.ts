/**
 * Every `# yaml-language-server: $schema=` line that samverkan writes or that the examples carry
 * points at a schema file that is there, and that file is exactly what `samverkan schema --write`
 * writes today, so an editor never checks a file against a missing or outdated schema.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { planInit } from '../../src/commands/init.js';
import { isKind } from '../../src/model/index.js';
import { schemaFiles } from '../../src/schema/index.js';
import { SCHEMA_FOLDER, modelineFor, modelineTarget, schemaModeline } from '../../src/workspace/modeline.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, example, repoRoot } from '../helpers/workspaces.js';

const HOW_TO_UPDATE = 'run: npm run build && node scripts/example-schemas.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name.startsWith('.') ? [] : yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function languageOf(root: string): 'sv' | 'en' {
  return (parse(readFileSync(join(root, 'samverkan.yaml'), 'utf8')) as { language?: string }).language === 'en' ? 'en' : 'sv';
}

const EXAMPLES = readdirSync(join(repoRoot, 'plans')).filter((d) => existsSync(join(repoRoot, 'plans', d, 'samverkan.yaml')));

describe('the example workspaces', () => {
  it.each(EXAMPLES)('%s: .schemas holds exactly what samverkan schema --write writes in its language', (name) => {
    const root = example(name);
    const expected = schemaFiles(languageOf(root));
    const dir = join(root, SCHEMA_FOLDER);
    expect(existsSync(dir), `${dir} is missing: ${HOW_TO_UPDATE}`).toBe(true);
    expect(readdirSync(dir).sort(), HOW_TO_UPDATE).toEqual([...expected.keys()].sort());
    for (const [file, text] of expected) expect(readFileSync(join(dir, file), 'utf8') === text, `${name}/${SCHEMA_FOLDER}/${file} is out of date: ${HOW_TO_UPDATE}`).toBe(true);
  });

  it('have modelines only where they point at the schema of the file\'s kind, in its workspace\'s .schemas', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const name of EXAMPLES) {
      const root = example(name);
      for (const file of yamlFiles(root)) {
        const text = readFileSync(file, 'utf8');
        const target = modelineTarget(text);
        if (target === undefined) continue;
        count++;
        const rel = relative(root, file).split('\\').join('/');
        const kind = (parseAllDocuments(text)[0]?.toJS() as { kind?: unknown } | null)?.kind;
        if (!isKind(kind)) wrong.push(`${name}/${rel}: a modeline, but no kind`);
        else if (`# yaml-language-server: $schema=${target}\n` !== modelineFor(rel, kind)) wrong.push(`${name}/${rel}: points at ${target}, not at ${modelineFor(rel, kind).trim()}`);
        if (!existsSync(join(dirname(file), target))) wrong.push(`${name}/${rel}: ${target} does not exist`);
      }
    }
    expect(wrong).toEqual([]);
    expect(count).toBeGreaterThan(5);
  });
});

describe('files samverkan writes', () => {
  it('init: every document\'s modeline resolves to a schema file init writes, which is samverkan schema --write\'s', () => {
    const files = planInit({
      name: 'Kvinnofrid Exempelbygden',
      language: 'en',
      organizations: [{ name: 'Exempelbygdens kommun', type: 'municipality' }],
      group: { name: 'Styrgrupp Kvinnofrid', type: 'steering' },
      chair: { name: 'Samordnare', organization: 'Exempelbygdens kommun' },
    });
    const byPath = new Map(files.map((f) => [f.path, f.text]));
    const documents = files.filter((f) => f.path.endsWith('.yaml'));
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const doc of documents) {
      const target = modelineTarget(doc.text);
      expect(target, doc.path).toBeDefined();
      const schemaPath = posix.normalize(posix.join(posix.dirname(doc.path), target!));
      expect(byPath.has(schemaPath), `${doc.path} -> ${schemaPath}`).toBe(true);
    }
    for (const [name, text] of schemaFiles('en')) expect(byPath.get(`${SCHEMA_FOLDER}/${name}`)).toBe(text);
  });

  it('meeting new: a modeline to the meeting schema when the workspace has .schemas, none when it has not', async () => {
    const dir = copyForTest(example('norra-bohuslan'));
    const created = await runInProcess(['meeting', 'new', 'styrgrupp-nb', '--date', '2027-03-18', '--as-of', '2027-03-01'], { cwd: dir });
    expect(created.stderr).toBe('');
    const file = join(dir, 'meetings/styrgrupp-nb/2027-03-18.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(modelineFor('meetings/styrgrupp-nb/2027-03-18.yaml', 'meeting'))).toBe(true);
    expect(existsSync(join(dirname(file), modelineTarget(text)!))).toBe(true);

    rmSync(join(dir, SCHEMA_FOLDER), { recursive: true });
    expect(schemaModeline(dir, 'meetings/styrgrupp-nb/2027-04-15.yaml', 'meeting')).toBe('');
    await runInProcess(['meeting', 'new', 'styrgrupp-nb', '--date', '2027-04-15', '--as-of', '2027-03-01'], { cwd: dir });
    expect(modelineTarget(readFileSync(join(dir, 'meetings/styrgrupp-nb/2027-04-15.yaml'), 'utf8'))).toBeUndefined();
  });
});
