/**
 * meeting/attachment-missing as a table of meeting files (with or without the attached file)
 * put into the small valid base workspace.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const FILE = 'meetings/styrgrupp/2009-08-20.yaml';
const head = 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - title: Budget 2010\n    attachments:\n';

type Setup = (dir: string) => void;

function put(dir: string, rel: string, text = 'bilaga'): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

async function missing(attachments: string, setup: Setup = () => {}): Promise<Array<{ at: string; message: string }>> {
  const dir = copyForTest(base);
  put(dir, FILE, head + attachments);
  setup(dir);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
  expect(findings.filter((f) => f.file === join(dir, FILE) && f.ruleId.startsWith('schema/'))).toEqual([]);
  return findings.filter((f) => f.ruleId === 'meeting/attachment-missing').map((f) => ({ at: `${relative(dir, f.file)}:${f.line}:${f.column}`, message: f.message }));
}

describe('meeting/attachment-missing', () => {
  it.each<[string, string, Setup]>([
    ['a file next to the meeting file', '      - {title: Budget, file: bilagor/budget.pdf}\n', (d) => put(d, 'meetings/styrgrupp/bilagor/budget.pdf')],
    ['a file with spaces in its name', '      - {title: Budget, file: "Förslag budget 2010.docx"}\n', (d) => put(d, 'meetings/styrgrupp/Förslag budget 2010.docx')],
    ['a web link', '      - {title: Budget, href: "https://kommun.example.se/budget.pdf"}\n', () => {}],
    ['a link to a file inside the workspace', '      - {title: Budget, file: budget.pdf}\n', (d) => {
      put(d, 'dokument/budget.pdf');
      symlinkSync(join(d, 'dokument/budget.pdf'), join(d, 'meetings/styrgrupp/budget.pdf'));
    }],
  ])('valid: %s', async (_name, text, setup) => {
    expect(await missing(text, setup)).toEqual([]);
  });

  it.each<[string, string, Setup, string, string]>([
    ['no such file', '      - {title: Budget, file: bilagor/budget.pdf}\n', () => {}, ':8:31', 'there is no file meetings/styrgrupp/bilagor/budget.pdf in the workspace'],
    ['a folder', '      - {title: Budget, file: bilagor}\n', (d) => mkdirSync(join(d, 'meetings/styrgrupp/bilagor'), { recursive: true }), ':8:31', 'is a folder'],
    ['a link that leads outside the workspace', '      - {title: Budget, file: budget.pdf}\n', (d) => {
      const outside = mkdtempSync(join(tmpdir(), 'samverkan-outside-'));
      writeFileSync(join(outside, 'secret.docx'), 'x');
      symlinkSync(join(outside, 'secret.docx'), join(d, 'meetings/styrgrupp/budget.pdf'));
    }, ':8:31', 'symbolic link that leads outside the workspace'],
    ['a folder link that leads outside the workspace', '      - {title: Budget, file: ute/budget.pdf}\n', (d) => {
      const outside = mkdtempSync(join(tmpdir(), 'samverkan-outside-'));
      writeFileSync(join(outside, 'budget.pdf'), 'x');
      symlinkSync(outside, join(d, 'meetings/styrgrupp/ute'));
    }, ':8:31', 'counts as missing'],
  ])('invalid: %s', async (_name, text, setup, at, words) => {
    const found = await missing(text, setup);
    expect(found.map((f) => f.at)).toEqual([`${FILE}${at}`]);
    expect(found[0].message).toContain('The attachment "Budget" is file:');
    expect(found[0].message).toContain(words);
    expect(found[0].message).toContain('Put the file there');
  });
});
