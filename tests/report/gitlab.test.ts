import { describe, expect, it } from 'vitest';
import { gitlab } from '../../src/report/gitlab.js';
import { empty, findings, input, trickyMessage } from './fixtures.js';

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const issues = (...args: Parameters<typeof input>): Issue[] => JSON.parse(gitlab(input(...args)));

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
    expect(gitlab(empty())).toBe('[]\n');
  });

  it('gives each finding its own fingerprint, the same from run to run', () => {
    const first = issues().map((i) => i.fingerprint);
    expect(new Set(first).size).toBe(first.length);
    expect(issues().map((i) => i.fingerprint)).toEqual(first);
    // Another folder layout above the workspace does not matter: only the relative path does.
    const elsewhere = findings.map((f) => ({ ...f, file: f.file.replace(input().cwd, '/elsewhere') }));
    expect(issues({ findings: elsewhere, cwd: '/elsewhere' }).map((i) => i.fingerprint)).toEqual(first);
  });

  it('changes the fingerprint when the line, rule, path or message changes, but not for the column', () => {
    const base = findings[2];
    const print = (f: typeof base) => issues({ findings: [f] })[0].fingerprint;
    const original = print(base);
    expect(print({ ...base, line: 42, endLine: 42 })).not.toBe(original);
    expect(print({ ...base, ruleId: 'plan/dates' })).not.toBe(original);
    expect(print({ ...base, file: base.file.replace('plan.yaml', 'other.yaml') })).not.toBe(original);
    expect(print({ ...base, message: `${base.message} ` })).not.toBe(original);
    expect(print({ ...base, column: 1, endColumn: 3 })).toBe(original);
    expect(print({ ...base, severity: 'error' })).toBe(original);
  });

  it('keeps two identical findings on one line apart', () => {
    const twice = [findings[2], { ...findings[2], column: 30 }];
    const [a, b] = issues({ findings: twice }).map((i) => i.fingerprint);
    expect(a).not.toBe(b);
    expect(a).toBe(issues({ findings: [findings[2]] })[0].fingerprint);
  });
});
