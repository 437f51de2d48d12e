import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appendGithubStepSummary,
  byImportance,
  escapeData,
  escapeProperty,
  github,
  githubStepSummary,
  markdownCell,
} from '../../src/report/github.js';
import type { ReportInput } from '../../src/report/types.js';
import { at, cwd, findings, input as baseInput } from './fixtures.js';

/** The fixtures with the repository root at cwd, whatever CI runs these tests. */
const input = (overrides: Partial<ReportInput> = {}): ReportInput => baseInput({ repoRoot: cwd, ...overrides });
const empty = (): ReportInput => input({ findings: [] });

describe('github', () => {
  it('prints one workflow command per finding, then every finding in plain text and the summary', () => {
    expect(github(input())).toBe(
      [
        '::error file=agreements/avtal.yaml,line=3,col=1,endLine=3,endColumn=8,title=agreement/lead::No party has role: lead. Give exactly one party role: lead.',
        '::error file=plans/plan.yaml,line=9,col=3,endLine=9,endColumn=16,title=schema/range::Progress is 150%25: use a number, from 0 to 100.%0ASee <script>alert(1)</script> & "quoted" \'single\'.',
        '::warning file=plans/plan.yaml,line=41,col=10,endLine=41,endColumn=20,title=plan/overdue::Action a3 was due 2009-05-01 and is still ongoing.',
        '::notice file=plans/plan.yaml,line=120,col=5,endLine=121,endColumn=1,title=plan/goal-without-indicator::Goal m2 has no indicator.',
        '',
        'agreements/avtal.yaml:3:1  error  No party has role: lead. Give exactly one party role: lead.  (agreement/lead)',
        'plans/plan.yaml:9:3  error  Progress is 150%: use a number, from 0 to 100. See <script>alert(1)</script> & "quoted" \'single\'.  (schema/range)',
        'plans/plan.yaml:41:10  warning  Action a3 was due 2009-05-01 and is still ongoing.  (plan/overdue)',
        'plans/plan.yaml:120:5  info  Goal m2 has no indicator.  (plan/goal-without-indicator)',
        '',
        '2 errors, 1 warning and 1 note in 2 of 12 files.',
        '',
      ].join('\n'),
    );
  });

  it('prints just the summary when there are no findings', () => {
    expect(github(empty())).toBe('12 files checked, no problems.\n');
  });

  it('escapes %, CR and LF in messages, and also : and , in property values', () => {
    expect(escapeData('100%\r\nklart: ja, nej')).toBe('100%25%0D%0Aklart: ja, nej');
    expect(escapeProperty('100%\r\nklart: ja, nej')).toBe('100%25%0D%0Aklart%3A ja%2C nej');
    const f = { ...findings[0], file: at('plans/a,b:c%.yaml'), ruleId: 'x:y,z' };
    expect(github(input({ findings: [f] })).split('\n')[0]).toBe(
      '::error file=plans/a%2Cb%3Ac%25.yaml,line=3,col=1,endLine=3,endColumn=8,title=x%3Ay%2Cz::No party has role: lead. Give exactly one party role: lead.',
    );
  });

  it('keeps every annotation on one line, whatever the message holds', () => {
    const f = { ...findings[0], message: 'a\nb\r\nc\rd' };
    const lines = github(input({ findings: [f] })).split('\n');
    expect(lines[0]).toBe('::error file=agreements/avtal.yaml,line=3,col=1,endLine=3,endColumn=8,title=agreement/lead::a%0Ab%0D%0Ac%0Dd');
    expect(lines[2]).toBe('agreements/avtal.yaml:3:1  error  a b c d  (agreement/lead)');
  });

  it('pauses workflow commands around a summary with a line that would read as one', () => {
    const f = { ...findings[0], file: at('::add-mask::x.yaml') };
    const lines = github(input({ findings: [f] })).split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    expect(stop).toBe(2);
    const token = lines[stop].slice('::stop-commands::'.length);
    expect(token).toMatch(/^samverkan-[0-9a-f]{32}$/);
    expect(lines.slice(stop + 1, -1)).toEqual([
      '::add-mask::x.yaml:3:1  error  No party has role: lead. Give exactly one party role: lead.  (agreement/lead)',
      '',
      '1 error and 0 warnings in 1 of 12 files.',
      `::${token}::`,
    ]);
    // Ordinary reports are left as they are.
    expect(github(input())).not.toContain('stop-commands');
  });

  it('writes every annotation, errors first, then warnings, then notices, each in file order', () => {
    const mixed = [findings[3], findings[2], { ...findings[0], line: 7 }, findings[1], { ...findings[3], line: 130 }];
    expect(byImportance(mixed).map((f) => `${f.severity}:${f.line}`)).toEqual(['error:7', 'error:9', 'warning:41', 'info:120', 'info:130']);
    const many = Array.from({ length: 25 }, (_, i) => ({ ...findings[i % 2 === 0 ? 2 : 0], line: i + 1 }));
    const annotations = github(input({ findings: many })).split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations).toHaveLength(25);
    expect(annotations.slice(0, 12).every((l) => l.startsWith('::error '))).toBe(true);
    expect(annotations.slice(12).every((l) => l.startsWith('::warning '))).toBe(true);
    // The plain-text list keeps the file order.
    expect(github(input({ findings: many }))).toContain('agreements/avtal.yaml:2:1  error');
  });

  it('names files relative to the repository root when run from a subfolder', () => {
    const out = github(input({ cwd: at('plans'), repoRoot: cwd }));
    expect(out.split('\n')[0]).toContain('file=agreements/avtal.yaml,');
    expect(out).toContain('\nplans/plan.yaml:9:3  error');
    expect(out).not.toContain('../');
  });
});

describe('githubStepSummary', () => {
  it('is a heading with the summary and a Markdown table of every finding', () => {
    expect(githubStepSummary(input({ findings: [findings[0], findings[2]] }))).toBe(
      [
        '### samverkan: 1 error and 1 warning in 2 of 12 files.',
        '',
        '| Severity | File | Line | Problem | Rule |',
        '| --- | --- | --- | --- | --- |',
        '| error | agreements/avtal.yaml | 3:1 | No party has role: lead. Give exactly one party role: lead. | agreement/lead |',
        '| warning | plans/plan.yaml | 41:10 | Action a3 was due 2009-05-01 and is still ongoing. | plan/overdue |',
        '',
      ].join('\n') + '\n',
    );
  });

  it('is just the heading when there are no findings', () => {
    expect(githubStepSummary(empty())).toBe('### samverkan: 12 files checked, no problems.\n\n');
  });

  it('escapes HTML and Markdown so that text from the files shows as written', () => {
    expect(markdownCell('a | b\nc <img src=x> & [link](http://x) *bold* _i_ `code` ~s~ $x$ \\')).toBe(
      'a \\| b c &lt;img src=x&gt; &amp; \\[link\\](http://x) \\*bold\\* \\_i\\_ \\`code\\` \\~s\\~ \\$x\\$ \\\\',
    );
    const row = githubStepSummary(input()).split('\n').find((l) => l.includes('schema/range')) ?? '';
    expect(row).toContain('150%: use a number, from 0 to 100. See &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted"');
    // Five cells: no message can add a column.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('stops short of GitHub\'s 1 MiB limit and says how many findings it left out', () => {
    const long = { ...findings[0], message: 'x'.repeat(2000) };
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...long, line: i + 1 }));
    const summary = githubStepSummary(input({ findings: many }));
    expect(Buffer.byteLength(summary)).toBeLessThan(1024 * 1024);
    const shown = summary.split('\n').filter((l) => l.startsWith('| error ')).length;
    expect(shown).toBeGreaterThan(400);
    expect(summary).toContain(`${1000 - shown} more findings are not shown here`);
  });

  it('is appended to the file GitHub names, after what other steps wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-summary-'));
    try {
      const file = join(dir, 'step_summary');
      writeFileSync(file, '# Build\n');
      await appendGithubStepSummary(file, input());
      expect(readFileSync(file, 'utf8')).toBe(`# Build\n${githubStepSummary(input())}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
