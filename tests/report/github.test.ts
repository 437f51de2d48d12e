import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, github } from '../../src/report/github.js';
import { at, empty, findings, input } from './fixtures.js';

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
});
