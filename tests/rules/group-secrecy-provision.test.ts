/**
 * group/secrecy-provision as a table of group files put into the small valid base workspace:
 * which groups must name the provision their documents are marked under, and where the finding points.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const FILE = 'groups/exempel.yaml';
const head = 'kind: group\nid: exempel\nname: Exempelgruppen\n';
const members = 'members:\n  - {person: samordnare, role: chair, represents: alfa}\n';

async function secrecyFindings(text: string): Promise<Array<{ at: string; severity: string; message: string }>> {
  const dir = copyForTest(base);
  const path = join(dir, FILE);
  writeFileSync(path, head + text + members);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
  expect(findings.filter((f) => f.file === path && f.ruleId.startsWith('schema/'))).toEqual([]);
  return findings
    .filter((f) => f.ruleId === 'group/secrecy-provision' && f.file === path)
    .map((f) => ({ at: `${relative(dir, f.file)}:${f.line}`, severity: f.severity, message: f.message }));
}

describe('group/secrecy-provision', () => {
  it.each([
    ['an open working group', 'type: working\nconfidentiality: open\n'],
    ['an internal steering group', 'type: steering\nconfidentiality: internal\n'],
    ['a case group with a provision', 'type: case\nconfidentiality: confidential\nsecrecy: {provision: 26 kap. 1 § OSL}\n'],
    ['a confidential group with provision, date and who', 'type: working\nconfidentiality: confidential\nsecrecy:\n  provision: 26 kap. 1 § OSL\n  by: samordnare\n  date: 2009-01-15\n'],
    ['an open group that is marked anyway', 'type: network\nsecrecy: {provision: 21 kap. 1 § OSL}\n'],
  ])('valid: %s', async (_name, text) => {
    expect(await secrecyFindings(text)).toEqual([]);
  });

  it.each([
    ['a case group without secrecy', 'type: case\nconfidentiality: confidential\n', 4, 'a case group'],
    ['a confidential working group without secrecy', 'type: working\nconfidentiality: confidential\n', 5, 'a confidential group'],
  ])('invalid: %s', async (_name, text, line, words) => {
    const found = await secrecyFindings(text);
    expect(found.map((f) => f.at)).toEqual([`${FILE}:${line}`]);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toContain(words);
    expect(found[0].message).toContain('secrecy: {provision:');
  });
});
