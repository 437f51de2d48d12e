/**
 * Every output that leaves the group, over a workspace where each way of being confidential is
 * planted (a case group, a confidential working group, a confidential item, a case code, a
 * decision, a note and a task from a confidential item), and then the same with the files
 * that mark them broken in each way a hostile or careless user would: public output holds
 * none of it. The planted texts all start with PLANTED-; case codes with Ä-2009-.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './helpers/cli.js';
import { repoRoot } from './helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const SECRETS = [/PLANTED-/, /Ä-2009-/];
const AS_OF = ['--as-of', '2009-06-01'];

type Change = (ws: string) => void;
const edit = (file: string, find: string, replace: string): Change => (ws) => {
  const path = join(ws, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${find} is not in ${file}`);
  writeFileSync(path, text.replace(find, replace));
};
const write = (file: string, text: string): Change => (ws) => writeFileSync(join(ws, file), text);
const remove = (file: string): Change => (ws) => rmSync(join(ws, file));

/** Each way the files that mark something confidential can be broken. */
const BREAKS: Array<[string, Change | undefined]> = [
  ['nothing broken', undefined],
  ['case group: type misspelt (schema error)', edit('groups/arendegrupp.yaml', 'type: case', 'type: arende')],
  ['case group: not valid YAML', edit('groups/arendegrupp.yaml', 'purpose: Samordnar', 'purpose: "Samordnar')],
  ['case group: empty roster', edit('groups/arendegrupp.yaml', 'members:\n  - {person: handlaggare-alfa, role: chair, represents: alfa}\n  - {person: handlaggare-beta, role: member}\n  - {person: polis, role: member}\n', 'members: []\n')],
  ['case group: members given as a text', edit('groups/arendegrupp.yaml', 'members:\n  - {person: handlaggare-alfa, role: chair, represents: alfa}\n  - {person: handlaggare-beta, role: member}\n  - {person: polis, role: member}\n', 'members: handlaggare-alfa\n')],
  ['case group: its id reused by an open group', write('groups/kopia.yaml', 'kind: group\nid: arendegrupp\nname: Kopia\ntype: steering\nconfidentiality: open\nmembers:\n  - {person: polis, role: chair}\n')],
  ['case group: file removed', remove('groups/arendegrupp.yaml')],
  ['case group: marked open', edit('groups/arendegrupp.yaml', 'confidentiality: confidential', 'confidentiality: open')],
  ['case meeting: group misspelt', edit('meetings/arendegrupp/2009-05-20.yaml', 'group: arendegrupp', 'group: arendegruppen')],
  ['case meeting: group named by an open group', edit('meetings/arendegrupp/2009-05-20.yaml', 'group: arendegrupp', 'group: styrgrupp')],
  ['confidential working group: level misspelt', edit('groups/skyddat.yaml', 'confidentiality: confidential', 'confidentiality: konfidentiell')],
  ['confidential working group: not valid YAML', edit('groups/skyddat.yaml', 'members:', 'members:\n  - [')],
  ['confidential working group: a key duplicated', edit('groups/skyddat.yaml', 'type: working', 'type: working\ntype: steering')],
  ['confidential meeting: id reused by an open meeting', edit('meetings/styrgrupp/2009-06-11.yaml', 'id: styrgrupp-2009-06-11', 'id: skyddat-2009-05-12')],
  ['confidential item: flag written as a text', edit('meetings/styrgrupp/2009-04-30.yaml', 'confidential: true', 'confidential: "ja"')],
  ['task from a confidential item: item number wrong', edit('meetings/styrgrupp/2009-04-30.yaml', '{id: t4, item: 3,', '{id: t4, item: 9,')],
  ['task from a confidential item: item number left out', edit('meetings/styrgrupp/2009-04-30.yaml', '{id: t4, item: 3,', '{id: t4,')],
  ['people.yaml not valid YAML', edit('people.yaml', 'people:', 'people:\n  - {')],
  ['samverkan.yaml not valid YAML', edit('samverkan.yaml', 'language: sv', 'language: [sv')],
];

/**
 * Every public output, as a command, and whether it must succeed whatever is broken: a site by
 * force and status always answer, and so must a calendar of every group; a calendar of one
 * broken group may refuse. An output that refused would leak nothing, so success is checked too.
 * Broken settings (samverkan.yaml) are the exception: every command refuses them with exit 2.
 */
const OUTPUTS: Array<[string, (ws: string, out: string) => string[], 'always' | 'may-refuse']> = [
  ['render site --public (HTML)', (ws, out) => ['render', 'site', '--public', '--force', '--out', out, '-C', ws, ...AS_OF], 'always'],
  ['render site --public --format md', (ws, out) => ['render', 'site', '--public', '--force', '--format', 'md', '--out', out, '-C', ws, ...AS_OF], 'always'],
  ['render site --public --lang en', (ws, out) => ['render', 'site', '--public', '--force', '--lang', 'en', '--out', out, '-C', ws, ...AS_OF], 'always'],
  ['calendar --all', (ws, out) => ['calendar', '--all', '--out', join(out, 'all.ics'), '-C', ws], 'always'],
  ['calendar arendegrupp', (ws, out) => ['calendar', 'arendegrupp', '--out', join(out, 'arende.ics'), '-C', ws], 'may-refuse'],
  ['calendar skyddat', (ws, out) => ['calendar', 'skyddat', '--out', join(out, 'skyddat.ics'), '-C', ws], 'may-refuse'],
  ['status', (ws) => ['status', '-C', ws, ...AS_OF], 'always'],
  ['status --json', (ws) => ['status', '--json', '-C', ws, ...AS_OF], 'always'],
];

/** Single documents rendered for the public, one by one, in both formats. */
const DOCUMENTS = [
  ['meeting', 'styrgrupp-2009-04-30'],
  ['meeting', 'styrgrupp-2009-06-11'],
  ['meeting', 'arendegrupp-2009-05-20'],
  ['meeting', 'skyddat-2009-05-12'],
  ['group', 'styrgrupp'],
  ['group', 'arendegrupp'],
  ['group', 'skyddat'],
  ['plan', 'handlingsplan'],
  ['agreement', 'avtal-testbygden'],
];

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function leaks(texts: string[]): string[] {
  return texts.flatMap((t) => SECRETS.filter((s) => s.test(t)).map((s) => `${s} in: …${t.slice(Math.max(0, t.search(s) - 60), t.search(s) + 40)}…`));
}

describe('confidential matter never reaches public output', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'samverkan-confidential-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the internal site does have every planted text, so the checks below look for something real', async () => {
    const out = join(root, 'internal');
    const r = await runInProcess(['render', 'site', '--out', out, '-C', base, ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    const all = filesBelow(out).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const planted of ['PLANTED-ARENDE-TITEL', 'PLANTED-SKYDDAT-BESLUT', 'PLANTED-SEKRETESS-BESLUT-1', 'PLANTED-SEKRETESS-UPPGIFT-1', 'Ä-2009-003']) {
      expect(all).toContain(planted);
    }
  });

  describe.each(BREAKS)('%s', (name, change) => {
    let ws: string;
    beforeAll(() => {
      ws = join(root, name.replace(/[^a-z0-9]+/gi, '-'));
      cpSync(base, ws, { recursive: true });
      change?.(ws);
    });

    it.each(OUTPUTS)('%s', async (label, argv, must) => {
      const out = mkdtempSync(join(root, 'out-'));
      const r = await runInProcess(argv(ws, out));
      const written = filesBelow(out);
      if (name.startsWith('samverkan.yaml')) {
        // Broken settings stop every command as a configuration error (exit 2), writing nothing.
        expect(r.code, `${label}: ${r.stderr}`).toBe(2);
        expect(r.stderr, label).toMatch(/^samverkan: In samverkan\.yaml, line \d+: /);
        expect(written, label).toEqual([]);
      } else if (must === 'always') {
        expect(r.code, `${label}: ${r.stderr}`).toBe(0);
        expect(r.stdout.length + written.length, label).toBeGreaterThan(0);
      } else {
        expect(r.code === 0 || r.code === 2, `${label}: ${r.stderr}`).toBe(true);
      }
      expect(r.stderr, label).not.toMatch(/something went wrong/);
      expect(leaks([r.stdout, r.stderr, ...written.map((f) => readFileSync(f, 'utf8'))])).toEqual([]);
    });

    it('render KIND ID --public, each document in Markdown and HTML', async () => {
      const texts: string[] = [];
      for (const [kind, id] of DOCUMENTS) {
        for (const format of ['md', 'html']) {
          const r = await runInProcess(['render', kind, id, '--public', '--force', '--format', format, '--out', '-', '-C', ws, ...AS_OF]);
          expect(r.stderr).not.toMatch(/something went wrong/);
          texts.push(r.stdout, r.stderr);
        }
      }
      expect(leaks(texts)).toEqual([]);
    });
  });
});
