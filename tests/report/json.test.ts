import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { empty, input, trickyMessage } from './fixtures.js';

describe('json', () => {
  it('has the counts, and every finding with a relative path, pretty-printed', () => {
    const out = json(input());
    expect(out).toMatch(/^\{\n {2}"version": "1\.2\.3",\n {2}"fileCount": 12,\n/);
    expect(out.endsWith('}\n')).toBe(true);
    const report = JSON.parse(out);
    expect(report).toMatchObject({ version: '1.2.3', fileCount: 12, errorCount: 2, warningCount: 1, infoCount: 1 });
    expect(report.findings).toHaveLength(4);
    expect(report.findings[1]).toEqual({
      ruleId: 'schema/range',
      severity: 'error',
      message: trickyMessage,
      file: 'plans/plan.yaml',
      line: 9,
      column: 3,
      endLine: 9,
      endColumn: 16,
    });
    expect(report.findings.map((f: { file: string }) => f.file)).toEqual(['agreements/avtal.yaml', 'plans/plan.yaml', 'plans/plan.yaml', 'plans/plan.yaml']);
  });

  it('keeps exactly the documented keys of a finding, in order', () => {
    const extra = { ...input().findings[0], internal: 'not for reports' };
    const report = JSON.parse(json(input({ findings: [extra] })));
    expect(Object.keys(report)).toEqual(['version', 'fileCount', 'errorCount', 'warningCount', 'infoCount', 'findings']);
    expect(Object.keys(report.findings[0])).toEqual(['ruleId', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('reports an empty list with zero counts when there are no findings', () => {
    expect(JSON.parse(json(empty()))).toEqual({ version: '1.2.3', fileCount: 12, errorCount: 0, warningCount: 0, infoCount: 0, findings: [] });
  });
});
