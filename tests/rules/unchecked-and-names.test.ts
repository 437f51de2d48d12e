/**
 * Wrong input is a finding, never a crash, and never a cascade: references into a file that
 * could not be read (ref/unchecked), names that are not UTF-8 (file/name-encoding), YAML tags
 * and directives, unknown time zones, dates outside 1900–2199, and rules that draw nothing
 * from a document that failed its schema.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { brief, copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const AS_OF = '2009-06-01';

async function findingsOf(dir: string) {
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: AS_OF });
  return findings;
}

/** The findings of a changed copy that the unchanged base does not have. */
async function newFindings(change: (dir: string) => void) {
  const before = new Set(brief(await findingsOf(base), base));
  const dir = copyForTest(base);
  change(dir);
  const findings = await findingsOf(dir);
  const fresh = findings.filter((f) => !before.has(brief([f], dir)[0]));
  return { dir, findings: fresh, brief: brief(fresh, dir) };
}

const edit = (dir: string, file: string, find: string, replace: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${find} is not in ${file}`);
  writeFileSync(path, text.replace(find, replace));
};

/** people.yaml written in block style, one key per line, so that one key can be mis-indented. */
function blockPeople(dir: string): string[] {
  const lines = readFileSync(join(dir, 'people.yaml'), 'utf8').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const m = /^ {2}- \{(.*)\}$/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const parts = m[1].split(/, (?=\w+: )/);
    out.push(`  - ${parts[0]}`, ...parts.slice(1).map((p) => `    ${p}`));
  }
  return out;
}

describe('references into a file that could not be read', () => {
  it('are one ref/unchecked note in people.yaml under its error, not one unknown id each, when people.yaml has a bad indent', async () => {
    const { findings, brief: found } = await newFindings((dir) => {
      const lines = blockPeople(dir);
      const at = lines.indexOf('    name: Anna Andersson');
      lines[at] = '      name: Anna Andersson';
      writeFileSync(join(dir, 'people.yaml'), lines.join('\n'));
    });
    expect(found).toEqual(['people.yaml:9 ref/unchecked', 'people.yaml:9 yaml/syntax']);
    // The note stands after the error it follows from: at the end of the same line.
    expect(findings.map((f) => f.ruleId)).toEqual(['yaml/syntax', 'ref/unchecked']);
    const [syntax, unchecked] = findings;
    expect(unchecked.severity).toBe('info');
    expect(unchecked.message).toMatch(
      /^Follow-on note: \d+ references to people from other files could not be checked because this file has an error on line 9 \(the first is in agreements\/avtal\.yaml, line 6\)\. Fix the error here and they are checked\.$/,
    );
    expect(syntax.message).toContain('"name:" on line 9 is indented more than "id:" on line 8');
    expect(syntax.message).toContain('column 5');
  });

  it('reach a check of only the referring file: the note in people.yaml is kept, the people.yaml error is not', async () => {
    const dir = copyForTest(base);
    const lines = blockPeople(dir);
    lines[lines.indexOf('    name: Anna Andersson')] = '      name: Anna Andersson';
    writeFileSync(join(dir, 'people.yaml'), lines.join('\n'));
    const { findings } = await validate({ cwd: dir, paths: ['agreements/avtal.yaml'], asOf: AS_OF });
    expect(brief(findings, dir)).toEqual(['people.yaml:9 ref/unchecked']);
    expect(findings[0].message).toContain('the first is in agreements/avtal.yaml, line 6');
  });

  it('name the organisations when organizations.yaml does not match its schema and hides an id', async () => {
    const { brief: found, findings } = await newFindings((dir) => edit(dir, 'organizations.yaml', 'id: alfa-soc', 'idd: alfa-soc'));
    expect(found.filter((f) => f.includes('ref/'))).toEqual([found.find((f) => f.includes('ref/unchecked'))]);
    const note = findings.find((f) => f.ruleId === 'ref/unchecked')!;
    expect(found.find((f) => f.includes('ref/unchecked'))).toMatch(/^organizations\.yaml:\d+ ref\/unchecked$/);
    expect(note.message).toMatch(/references? to organisations from other files could not be checked because this file has an error on line \d+/);
  });

  it("are one ref/unchecked naming the plan's file when a plan whose id was read is broken and an item is not found", async () => {
    const { brief: found, findings } = await newFindings((dir) => {
      edit(dir, 'plans/handlingsplan.yaml', 'vision:', 'visjon:');
      edit(dir, 'meetings/styrgrupp/2009-06-11.yaml', 'refs: [handlingsplan/a5]', 'refs: [handlingsplan/a55]');
      edit(dir, 'meetings/styrgrupp/2009-06-11.yaml', 'refs: [handlingsplan]', 'refs: [handlingsplan, ingen-plan/a1]');
    });
    expect(found.filter((f) => !f.startsWith('plans/'))).toEqual(['meetings/styrgrupp/2009-06-11.yaml:24 ref/unknown-plan']);
    expect(found).toContain('plans/handlingsplan.yaml:11 ref/unchecked');
    expect(findings.find((f) => f.ruleId === 'ref/unchecked')?.message).toBe(
      'Follow-on note: 1 reference to plans from other files could not be checked because this file has an error on line 11 (it is in meetings/styrgrupp/2009-06-11.yaml, line 31). Fix the error here and it is checked.',
    );
  });

  it('are still unknown ids when the broken file defines its id readably', async () => {
    const { brief: found } = await newFindings((dir) => {
      edit(dir, 'groups/styrgrupp.yaml', 'name:', 'nam:');
      edit(dir, 'meetings/arendegrupp/2009-05-20.yaml', 'group: arendegrupp', 'group: ingen-sadan-grupp');
    });
    expect(found).toContain('meetings/arendegrupp/2009-05-20.yaml:3 ref/unknown-group');
    expect(found.some((f) => f.includes('ref/unchecked'))).toBe(false);
  });
});

describe('rules draw nothing from a document that failed its schema', () => {
  it('a case group with an empty roster gives its own finding only, not one not-member per attendee', async () => {
    const { brief: found } = await newFindings((dir) => {
      const path = join(dir, 'groups/arendegrupp.yaml');
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, `${text.slice(0, text.indexOf('members:'))}members: []\n`);
    });
    expect(found).toEqual(['groups/arendegrupp.yaml:17 schema/range']);
  });

  it.each([
    ['a group\'s members as a text', 'groups/styrgrupp.yaml', /members:[\s\S]*$/, 'members: alla\n'],
    ['an agreement\'s parties as a map', 'agreements/avtal.yaml', /parties:\n/, 'parties: {alfa: lead}\nxparties:\n'],
  ])('%s is a schema finding, not a crash', async (_label, file, find, replace) => {
    const dir = copyForTest(base);
    const path = join(dir, file);
    writeFileSync(path, readFileSync(path, 'utf8').replace(find, replace));
    const findings = await findingsOf(dir);
    expect(findings.some((f) => f.ruleId.startsWith('schema/') && f.file === path)).toBe(true);
  });

  it('a task that names an agenda item the meeting does not have is meeting/unknown-item', async () => {
    const { brief: found } = await newFindings((dir) =>
      edit(dir, 'meetings/arendegrupp/2009-05-20.yaml', '{id: t1, item: 1, title:', '{id: t1, item: 4, title:'),
    );
    expect(found).toEqual(['meetings/arendegrupp/2009-05-20.yaml:15 meeting/unknown-item']);
  });
});

describe('values the format does not allow', () => {
  it('an unknown time zone stops the check as a configuration error with the closest real zone, and the loader uses Europe/Stockholm', async () => {
    const dir = copyForTest(base);
    edit(dir, 'samverkan.yaml', 'timezone: Europe/Stockholm', 'timezone: Europe/Stokholm');
    await expect(findingsOf(dir)).rejects.toThrow(/^In samverkan\.yaml, line 6: "timezone" is the text "Europe\/Stokholm", which is not a time zone\. Did you mean "Europe\/Stockholm"\?/);
    expect((await loadWorkspace({ dir })).config.timezone).toBe('Europe/Stockholm');
  });

  it.each(['0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])('the date %s is outside 1900–2199', async (date) => {
    const { findings, brief: found } = await newFindings((dir) =>
      edit(dir, 'meetings/styrgrupp/2009-06-11.yaml', 'date: 2009-06-11', `date: ${date}`),
    );
    expect(found).toEqual(['meetings/styrgrupp/2009-06-11.yaml:4 schema/format']);
    expect(findings[0].message).toContain('1900-01-01 to 2199-12-31');
  });

  it.each(['1900-01-01', '2199-12-31'])('the date %s is inside the range', async (date) => {
    const { brief: found } = await newFindings((dir) => edit(dir, 'meetings/styrgrupp/2009-06-11.yaml', 'date: 2009-06-11', `date: ${date}`));
    expect(found.filter((f) => f.includes('schema/'))).toEqual([]);
  });

  it.each([
    ['!!js/function', 'name: !!js/function "function () {}"'],
    ['!!js/regexp', 'name: !!js/regexp /x/'],
    ['!secret', 'name: !secret Kvinnofrid'],
    ['!!binary', 'name: !!binary aGVq'],
    ['!!set', 'name: !!set {a, b}'],
  ])('the tag %s is not read; in samverkan.yaml it stops the check as a configuration error naming the line', async (tag, line) => {
    const dir = copyForTest(base);
    edit(dir, 'samverkan.yaml', 'name: Kvinnofrid Testbygden', line);
    await expect(findingsOf(dir)).rejects.toThrow(`In samverkan.yaml, line 4: The tag ${tag} is not allowed`);
  });

  it('the core tags are allowed', async () => {
    const { brief: found } = await newFindings((dir) => edit(dir, 'samverkan.yaml', 'name: Kvinnofrid Testbygden', 'name: !!str Kvinnofrid Testbygden'));
    expect(found).toEqual([]);
  });

  it.each([
    ['%YAML 1.1', '%YAML 1.1\n---\n'],
    ['%TAG', '%TAG !e! tag:example.com,2000:\n---\n'],
  ])('the directive %s is yaml/unsupported-tag at line 1', async (directive, prefix) => {
    const { findings, brief: found } = await newFindings((dir) => {
      const path = join(dir, 'organizations.yaml');
      writeFileSync(path, prefix + readFileSync(path, 'utf8'));
    });
    // The references into organizations.yaml are one note under its finding.
    expect(found.filter((f) => f.startsWith('organizations.yaml'))).toEqual(['organizations.yaml:1 ref/unchecked', 'organizations.yaml:1 yaml/unsupported-tag']);
    expect(findings[0].message).toContain(`The directive ${directive}`);
  });
});

describe('names that are not UTF-8', () => {
  it('a file or a folder whose name is not UTF-8 is file/name-encoding, and is not read', async () => {
    const dir = copyForTest(base);
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/plans/`), Buffer.from('706c616eff2e79616d6c', 'hex')]), 'kind: plan\n');
    const folder = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from('6df674656e', 'hex')]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([folder, Buffer.from('/x.yaml')]), 'kind: nonsense\n');
    const findings = await findingsOf(dir);
    const named = findings.filter((f) => f.ruleId === 'file/name-encoding');
    expect(named.map((f) => f.file.slice(dir.length + 1)).sort()).toEqual(['m\\xF6ten', 'plans/plan\\xFF.yaml']);
    expect(named[0].message).toContain('Rename it using only letters, digits, - and _');
    expect(findings.some((f) => f.ruleId.startsWith('schema/'))).toBe(false);
  });
});
