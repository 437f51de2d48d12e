import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingSubject } from '../../src/report/fingerprint.js';
import { gitlab } from '../../src/report/gitlab.js';
import type { ReportInput } from '../../src/report/types.js';
import type { Finding } from '../../src/rules/types.js';
import { at, cwd, findings, input as baseInput, trickyMessage } from './fixtures.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

// The plan the fixtures' findings point into: line 9 holds a progress, 41 a due date, 120 a goal.
const planLines = (): string[] => {
  const lines = Array.from({ length: 130 }, (_, i) => `  filler-${i + 1}: x`);
  lines[8] = '    progress: 150';
  lines[40] = '    due: 2009-05-01';
  lines[119] = '  - id: m2';
  return lines;
};
const texts = new Map<string, string>([
  [at('plans/plan.yaml'), planLines().join('\n')],
  [at('agreements/avtal.yaml'), 'kind: agreement\nid: avtal\nparties:\n'],
]);

/** The fixtures, rooted at cwd, reading the texts above instead of the disk. */
const input = (overrides: Partial<ReportInput> = {}): ReportInput =>
  baseInput({ repoRoot: cwd, readSource: (f) => texts.get(f), ...overrides });
const issues = (overrides: Partial<ReportInput> = {}): Issue[] => JSON.parse(gitlab(input(overrides)));
const prints = (overrides: Partial<ReportInput> = {}): string[] => issues(overrides).map((i) => i.fingerprint);

describe('gitlab', () => {
  it('lists one Code Quality issue per finding with a relative path and GitLab severities', () => {
    const out = issues();
    expect(out).toHaveLength(4);
    expect(out[1]).toEqual({
      description: trickyMessage,
      check_name: 'schema/range',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      severity: 'major',
      location: { path: 'plans/plan.yaml', lines: { begin: 9 } },
    });
    expect(out.map((i) => i.severity)).toEqual(['major', 'major', 'minor', 'info']);
    expect(gitlab(input())).toMatch(/^\[\n {2}\{\n/);
  });

  it('is an empty array when there are no findings', () => {
    expect(gitlab(input({ findings: [] }))).toBe('[]\n');
  });

  it('gives paths relative to the repository root, not to the folder it runs in', () => {
    const out = issues({ cwd: at('plans'), repoRoot: cwd });
    expect(out.map((i) => i.location.path)).toEqual(['agreements/avtal.yaml', 'plans/plan.yaml', 'plans/plan.yaml', 'plans/plan.yaml']);
    expect(prints({ cwd: at('plans'), repoRoot: cwd })).toEqual(prints());
  });

  it('gives each finding its own fingerprint, the same from run to run and wherever the repository is', () => {
    const first = prints();
    expect(new Set(first).size).toBe(first.length);
    expect(prints()).toEqual(first);
    const moved = new Map([...texts].map(([f, t]) => [f.replace(cwd, '/elsewhere'), t]));
    const elsewhere = findings.map((f) => ({ ...f, file: f.file.replace(cwd, '/elsewhere') }));
    expect(prints({ findings: elsewhere, cwd: '/elsewhere', repoRoot: '/elsewhere', readSource: (f) => moved.get(f) })).toEqual(first);
  });

  it('keeps the fingerprint when the message changes with the date checked (--as-of)', () => {
    const on = (message: string): Finding[] => findings.map((f, i) => (i === 2 ? { ...f, message } : f));
    expect(prints({ findings: on('Action a3 was due 2009-05-01, 12 days ago.') })).toEqual(
      prints({ findings: on('Action a3 was due 2009-05-01, 13 days ago.') }),
    );
  });

  it('keeps the fingerprint when lines are inserted above the finding', () => {
    const before = prints();
    const shifted = new Map(texts);
    shifted.set(at('plans/plan.yaml'), ['# a new comment', '# and another', ...planLines()].join('\n'));
    const moved = findings.map((f) => (f.file === at('plans/plan.yaml') ? { ...f, line: f.line + 2, endLine: f.endLine + 2 } : f));
    const after = issues({ findings: moved, readSource: (f) => shifted.get(f) });
    expect(after.map((i) => i.fingerprint)).toEqual(before);
    expect(after[2].location.lines.begin).toBe(43);
  });

  it('changes the fingerprint when the rule, the file or the line itself changes, but not for column or severity', () => {
    const base = findings[2];
    const print = (f: Finding, readSource = (file: string) => texts.get(file)) => prints({ findings: [f], readSource })[0];
    const original = print(base);
    expect(print({ ...base, ruleId: 'plan/dates' })).not.toBe(original);
    expect(print({ ...base, file: base.file.replace('plan.yaml', 'other.yaml') })).not.toBe(original);
    const edited = planLines();
    edited[40] = '    due: 2009-06-01';
    expect(print(base, (f) => (f === base.file ? edited.join('\n') : undefined))).not.toBe(original);
    expect(print({ ...base, column: 1, endColumn: 3 })).toBe(original);
    expect(print({ ...base, severity: 'error' })).toBe(original);
  });

  it('keeps two findings of one rule on the same text apart, by their order in the file', () => {
    const twice = [findings[2], { ...findings[2], column: 30 }];
    const [a, b] = prints({ findings: twice });
    expect(a).not.toBe(b);
    expect(a).toBe(prints({ findings: [findings[2]] })[0]);
  });

  it('still fingerprints a finding in a file it cannot read, by rule, path and order', () => {
    const gone = [findings[2], { ...findings[2], line: 50 }];
    const out = prints({ findings: gone, readSource: () => undefined });
    expect(new Set(out).size).toBe(2);
    // Without the file the message is still left out, so that the fingerprint stays put.
    expect(prints({ findings: [{ ...findings[2], message: 'other' }], readSource: () => undefined })[0]).toBe(out[0]);
  });

  it('reads files from disk by default, and each file once', () => {
    let reads = 0;
    gitlab(input({ readSource: (f) => (reads++, texts.get(f)) }));
    expect(reads).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-gitlab-'));
    try {
      mkdirSync(join(dir, 'plans'));
      writeFileSync(join(dir, 'plans', 'plan.yaml'), planLines().join('\n'));
      const onDisk = [{ ...findings[2], file: join(dir, 'plans', 'plan.yaml') }];
      const fromDisk = JSON.parse(gitlab(baseInput({ findings: onDisk, cwd: dir, repoRoot: dir }))) as Issue[];
      expect(fromDisk[0].fingerprint).toBe(prints({ findings: [findings[2]] })[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the subject from the trimmed line, whatever the line endings and byte-order mark', () => {
    const source = () => '\uFEFFkind: plan\r\n  due: 2009-05-01  \r\nx';
    expect(findingSubject({ file: 'f', line: 2 }, source)).toBe('due: 2009-05-01');
    expect(findingSubject({ file: 'f', line: 1 }, source)).toBe('kind: plan');
    expect(findingSubject({ file: 'f', line: 9 }, source)).toBe('');
  });

  it('prefers the subject a rule gives the finding to its source line', () => {
    expect(findingSubject({ file: 'f', line: 1, subject: 'actions/a3/due' }, () => 'due: 2009-05-01')).toBe('actions/a3/due');
    const withSubject = (line: number, text: string) =>
      prints({ findings: [{ ...findings[2], line, subject: 'actions/a3/due' }], readSource: () => text })[0];
    // The rule's subject holds even when the line is edited and moves.
    expect(withSubject(41, 'due: 2009-05-01')).toBe(withSubject(45, 'due: 2009-06-01'));
    expect(withSubject(41, 'x')).not.toBe(prints({ findings: [{ ...findings[2], subject: 'actions/a4/due' }] })[0]);
  });
});
