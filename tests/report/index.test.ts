import { describe, expect, it } from 'vitest';
import { FORMATS, formatReport, summaryLine, type FormatName } from '../../src/report/index.js';
import { github } from '../../src/report/github.js';
import { gitlab } from '../../src/report/gitlab.js';
import { json } from '../../src/report/json.js';
import { junit } from '../../src/report/junit.js';
import { sarif } from '../../src/report/sarif.js';
import { stylish } from '../../src/report/stylish.js';
import { empty, findings, input } from './fixtures.js';

describe('formatReport', () => {
  it('knows the six formats, in the documented order', () => {
    expect(FORMATS).toEqual(['stylish', 'json', 'github', 'sarif', 'gitlab', 'junit']);
  });

  it('hands the input to the formatter of that name; every report ends with a newline', () => {
    const byName = { stylish, json, github, sarif, gitlab, junit };
    for (const format of FORMATS) {
      expect(formatReport(format, input())).toBe(byName[format](input()));
      expect(formatReport(format, input()).endsWith('\n')).toBe(true);
      expect(formatReport(format, empty()).endsWith('\n')).toBe(true);
    }
  });

  it('refuses a format it does not have', () => {
    expect(() => formatReport('pdf' as FormatName, input())).toThrow('"pdf" is not a report format.');
  });

  it('writes paths relative to cwd with forward slashes in every format, and colour only in stylish', () => {
    for (const format of FORMATS) {
      const out = formatReport(format, input({ color: true }));
      expect(out, format).toContain('plans/plan.yaml');
      expect(out, format).not.toContain('/srv/kvinnofrid/plans');
      if (format !== 'stylish') expect(out, format).not.toContain('\u001b');
    }
  });
});

describe('summaryLine', () => {
  it('counts errors, warnings and notes, and the files they are in', () => {
    expect(summaryLine(input())).toBe('2 errors, 1 warning and 1 note in 2 of 12 files.');
    expect(summaryLine(input({ findings: [findings[0], findings[2]], fileCount: 3 }))).toBe('1 error and 1 warning in 2 of 3 files.');
    expect(summaryLine(input({ findings: [findings[2]], fileCount: 1 }))).toBe('0 errors and 1 warning in 1 of 1 file.');
    expect(summaryLine(input({ findings: [findings[3]] }))).toBe('0 errors, 0 warnings and 1 note in 1 of 12 files.');
  });

  it('says so when there are no problems', () => {
    expect(summaryLine(empty())).toBe('12 files checked, no problems.');
    expect(summaryLine(input({ findings: [], fileCount: 1 }))).toBe('1 file checked, no problems.');
  });
});
