/**
 * ref/unknown-person on the people a record names besides its roster: who marked a group's
 * secrecy, who adjusted the minutes, who was responsible for a followed-up task or action.
 * A table of snippets put into the small valid base workspace.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const group = (secrecy: string) =>
  `kind: group\nid: exempel\nname: Exempelgruppen\ntype: case\nconfidentiality: confidential\n${secrecy}members:\n  - {person: samordnare, role: chair, represents: alfa}\n`;
const meeting = (items: string, minutes: string) =>
  `kind: meeting\nid: exempel-2009-05-01\ngroup: styrgrupp\ndate: 2009-05-01\nadjusters: [polis]\nitems:\n${items}${minutes}`;
const followUp = (who: string) =>
  `  - number: 1\n    title: Uppföljning\n    type: follow-up\n    follow_up:\n      - {ref: handlingsplan/a1, title: Utbildning, responsible: ${who}, due: 2009-04-01, status: ongoing}\n`;
const adjusted = (who: string) =>
  `minutes:\n  status: adjusted\n  adjusted: {date: 2009-05-04, by: [${who}]}\n  attendance:\n    - {person: polis, status: present}\n`;

async function unknownPeople(file: string, text: string): Promise<string[]> {
  const dir = copyForTest(base);
  writeFileSync(join(dir, file), text);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
  expect(findings.filter((f) => f.ruleId.startsWith('schema/')).map((f) => f.message)).toEqual([]);
  return findings.filter((f) => f.ruleId === 'ref/unknown-person').map((f) => `${relative(dir, f.file)}:${f.line}`);
}

describe('ref/unknown-person in records', () => {
  it.each([
    ['who marked the secrecy', 'groups/exempel.yaml', group('secrecy: {provision: 26 kap. 1 § OSL, by: samordnare}\n')],
    ['who was responsible for a followed-up action', 'meetings/styrgrupp/2009-05-01.yaml', meeting(followUp('samordnare'), '')],
    ['who adjusted the minutes', 'meetings/styrgrupp/2009-05-01.yaml', meeting(followUp('samordnare'), adjusted('polis'))],
  ])('valid: %s', async (_name, file, text) => {
    expect(await unknownPeople(file, text)).toEqual([]);
  });

  it.each([
    ['who marked the secrecy', 'groups/exempel.yaml', group('secrecy: {provision: 26 kap. 1 § OSL, by: nobody}\n'), 6],
    ['who was responsible for a followed-up action', 'meetings/styrgrupp/2009-05-01.yaml', meeting(followUp('nobody'), ''), 11],
    ['who adjusted the minutes', 'meetings/styrgrupp/2009-05-01.yaml', meeting(followUp('samordnare'), adjusted('nobody')), 14],
  ])('invalid: %s', async (_name, file, text, line) => {
    expect(await unknownPeople(file, text)).toEqual([`${file}:${line}`]);
  });
});
