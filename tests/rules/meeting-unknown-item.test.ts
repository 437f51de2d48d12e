/**
 * meeting/unknown-item as a table of meeting files put into the small valid base workspace: each
 * way a decision, note or task can name its item (§ number, id, first_number, explicit numbers)
 * and each way it can miss.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const FILE = 'meetings/styrgrupp/2009-08-20.yaml';
const head = 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\n';

async function unknownItems(text: string): Promise<Array<{ at: string; message: string }>> {
  const dir = copyForTest(base);
  const path = join(dir, FILE);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, head + text);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
  expect(findings.filter((f) => f.file === path && f.ruleId.startsWith('schema/'))).toEqual([]);
  return findings.filter((f) => f.ruleId === 'meeting/unknown-item').map((f) => ({ at: `${relative(dir, f.file)}:${f.line}`, message: f.message }));
}

const items = 'items:\n  - {title: Mötets öppnande, role: opening}\n  - {title: Budget 2010, id: budget, type: decision}\n  - {title: Rapport}\n';

describe('meeting/unknown-item', () => {
  it.each([
    ['a § number counted from 1', `${items}minutes:\n  decisions:\n    - {item: 2, text: Budgeten antas.}\n`],
    ['an id', `${items}minutes:\n  decisions:\n    - {item: budget, text: Budgeten antas.}\n`],
    ['a § number counted from first_number', `first_number: 5\n${items}minutes:\n  notes:\n    - {item: 7, text: Rapporten antecknas.}\n`],
    ['an explicit number', `items:\n  - {title: Budget, number: 12}\n  - {title: Rapport}\nminutes:\n  tasks:\n    - {id: t1, item: 13, title: Skriv, responsible: ordf-alfa}\n`],
    ['a task without item', `${items}minutes:\n  tasks:\n    - {id: t1, title: Skriv, responsible: ordf-alfa}\n`],
    ['no minutes', items],
  ])('valid: %s', async (_name, text) => {
    expect(await unknownItems(text)).toEqual([]);
  });

  it.each([
    ['a number past the end', `${items}minutes:\n  decisions:\n    - {item: 4, text: X.}\n`, 11, 'This refers to agenda item § 4, but the agenda has § 1–3 and the id budget.'],
    ['item 1 when the agenda starts at § 5', `first_number: 5\n${items}minutes:\n  notes:\n    - {item: 1, text: X.}\n`, 12, 'the agenda has § 5–7'],
    ['an id no item has', `${items}minutes:\n  tasks:\n    - {id: t1, item: ekonomi, title: Skriv, responsible: ordf-alfa}\n`, 11, 'the agenda item with id ekonomi'],
    ['a number two items have', `items:\n  - {title: A, number: 3}\n  - {title: B, number: 3}\nminutes:\n  decisions:\n    - {item: 3, text: X.}\n`, 10, '2 items have it ("A", "B")'],
    ['any item in a meeting with none', `minutes:\n  decisions:\n    - {item: 1, text: X.}\n`, 7, 'the meeting has no agenda items'],
  ])('invalid: %s', async (_name, text, line, words) => {
    const found = await unknownItems(text);
    expect(found.map((f) => f.at)).toEqual([`${FILE}:${line}`]);
    expect(found[0].message).toContain(words);
  });
});
