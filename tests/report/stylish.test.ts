import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { at, empty, findings, input } from './fixtures.js';

const ESC = '\u001b';

describe('stylish', () => {
  it('groups findings by relative path, aligns positions and severities, and ends with the summary', () => {
    expect(stylish(input())).toBe(
      [
        'agreements/avtal.yaml',
        '  3:1  error  No party has role: lead. Give exactly one party role: lead.  agreement/lead',
        '',
        'plans/plan.yaml',
        '    9:3   error    Progress is 150%: use a number, from 0 to 100.',
        '                   See <script>alert(1)</script> & "quoted" \'single\'.  schema/range',
        '   41:10  warning  Action a3 was due 2009-05-01 and is still ongoing.  plan/overdue',
        '  120:5   info     Goal m2 has no indicator.  plan/goal-without-indicator',
        '',
        '✖ 2 errors, 1 warning and 1 note in 2 of 12 files.',
        '',
      ].join('\n'),
    );
  });

  it('has no colour codes when color is false', () => {
    expect(stylish(input())).not.toContain(ESC);
    expect(stylish(empty())).not.toContain(ESC);
  });

  it('paints errors red, warnings yellow, file names bold and rule ids dim when color is true', () => {
    const out = stylish(input());
    const coloured = stylish(input({ color: true }));
    expect(coloured).toContain(`${ESC}[1mplans/plan.yaml${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[31merror${ESC}[39m    Progress`);
    expect(coloured).toContain(`${ESC}[33mwarning${ESC}[39m  Action`);
    expect(coloured).toContain(`${ESC}[2mplan/overdue${ESC}[22m`);
    expect(coloured).toContain(`${ESC}[31m✖${ESC}[39m 2 errors`);
    // Apart from the codes, the text is the same: colour never changes the alignment.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(out);
  });

  it('prints just the summary when there are no findings', () => {
    expect(stylish(empty())).toBe('12 files checked, no problems.\n');
    expect(stylish(input({ findings: [], fileCount: 1, color: true }))).toBe('1 file checked, no problems.\n');
  });

  it('marks a report of warnings only in yellow', () => {
    const out = stylish(input({ findings: [findings[2]], color: true }));
    expect(out.endsWith(`${ESC}[33m✖${ESC}[39m 0 errors and 1 warning in 1 of 12 files.\n`)).toBe(true);
  });

  it('shows control characters from the files as symbols, so they cannot drive the terminal', () => {
    const hostile = { ...findings[0], message: `Unknown id "x${ESC}[2J${ESC}]0;pwned\u0007".`, file: at(`bad${ESC}[31m.yaml`) };
    const out = stylish(input({ findings: [hostile] }));
    expect(out).not.toContain(ESC);
    expect(out).toContain('Unknown id "x␛[2J␛]0;pwned␇".');
    expect(out).toContain('bad␛[31m.yaml');
  });

  it('treats CRLF and CR in a message as line breaks', () => {
    const f = { ...findings[0], message: 'First.\r\nSecond.\rThird.' };
    expect(stylish(input({ findings: [f] })).split('\n').slice(1, 4)).toEqual([
      '  3:1  error  First.',
      '              Second.',
      '              Third.  agreement/lead',
    ]);
  });
});
