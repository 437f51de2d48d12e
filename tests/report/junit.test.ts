import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit, kindFromPath, xmlAttribute, xmlText } from '../../src/report/junit.js';
import type { ReportInput } from '../../src/report/types.js';
import { at, cwd, findings, input as baseInput, trickyMessage } from './fixtures.js';

/** The fixtures with the repository root at cwd, whatever CI runs these tests. */
const input = (overrides: Partial<ReportInput> = {}): ReportInput => baseInput({ repoRoot: cwd, ...overrides });
const empty = (): ReportInput => input({ findings: [] });

/** Every file of a small workspace, as the CLI lists them; the kinds come from the documents. */
const files = [
  { path: at('samverkan.yaml'), kind: 'workspace' },
  { path: at('agreements/avtal.yaml'), kind: 'agreement' },
  { path: at('plans/plan.yaml'), kind: 'plan' },
  { path: at('plans/plan-2.yaml'), kind: 'plan' },
  { path: at('meetings/styrgrupp/2009-05-12.yaml'), kind: 'meeting' },
  { path: at('notes/readme.yaml') },
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  // Numeric character references (&#10;) stand for the line breaks in attributes.
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});

interface Failure {
  message: string;
  type: string;
  '#text': string;
}
interface TestCase {
  name: string;
  classname: string;
  failure?: Failure;
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  testcase: TestCase[];
}

function parse(xml: string): { name: string; tests: string; failures: string; testsuite: Suite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

describe('junit', () => {
  it('writes a suite per kind of document and a test case per file checked, passing or failing', () => {
    const xml = junit(input({ files, fileCount: files.length }));
    const failureBody = [
      'plans/plan.yaml:9:3  error  Progress is 150%: use a number, from 0 to 100.',
      'See &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted" \'single\'.  (schema/range)',
      'plans/plan.yaml:41:10  warning  Action a3 was due 2009-05-01 and is still ongoing.  (plan/overdue)',
      'plans/plan.yaml:120:5  info  Goal m2 has no indicator.  (plan/goal-without-indicator)',
    ].join('\n');
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="samverkan" tests="6" failures="2">',
        '  <testsuite name="workspace" tests="1" failures="0">',
        '    <testcase name="samverkan.yaml" classname="samverkan.workspace"/>',
        '  </testsuite>',
        '  <testsuite name="agreement" tests="1" failures="1">',
        '    <testcase name="agreements/avtal.yaml" classname="samverkan.agreement">',
        '      <failure message="Line 3, column 1: No party has role: lead. Give exactly one party role: lead." type="error">agreements/avtal.yaml:3:1  error  No party has role: lead. Give exactly one party role: lead.  (agreement/lead)</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="plan" tests="2" failures="1">',
        '    <testcase name="plans/plan-2.yaml" classname="samverkan.plan"/>',
        '    <testcase name="plans/plan.yaml" classname="samverkan.plan">',
        `      <failure message="3 problems; the first, on line 9, column 3: Progress is 150%: use a number, from 0 to 100.&#10;See &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &apos;single&apos;." type="error">${failureBody}</failure>`,
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="meeting" tests="1" failures="0">',
        '    <testcase name="meetings/styrgrupp/2009-05-12.yaml" classname="samverkan.meeting"/>',
        '  </testsuite>',
        '  <testsuite name="other" tests="1" failures="0">',
        '    <testcase name="notes/readme.yaml" classname="samverkan.other"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    const suites = parse(xml);
    expect(suites).toMatchObject({ name: 'samverkan', tests: '6', failures: '2' });
    expect(suites.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['workspace', '1', '0'],
      ['agreement', '1', '1'],
      ['plan', '2', '1'],
      ['meeting', '1', '0'],
      ['other', '1', '0'],
    ]);
    const plan = suites.testsuite[2].testcase;
    expect(plan.map((c) => [c.name, c.classname, c.failure?.type])).toEqual([
      ['plans/plan-2.yaml', 'samverkan.plan', undefined],
      ['plans/plan.yaml', 'samverkan.plan', 'error'],
    ]);
    // No name carries a position, and no class name looks like a file extension to Jenkins.
    for (const c of suites.testsuite.flatMap((s) => s.testcase)) {
      expect(c.name).not.toMatch(/^\d+:\d+/);
      expect(c.classname).toMatch(/^samverkan\.[a-z]+$/);
    }
  });

  it('escapes every special character, so that a message survives a round trip', () => {
    const xml = junit(input({ findings: [findings[1]] }));
    expect(xml).not.toContain('<script>');
    const failure = parse(xml).testsuite[0].testcase[0].failure as Failure;
    expect(failure.message).toBe(`Line 9, column 3: ${trickyMessage}`);
    expect(failure['#text']).toBe(`plans/plan.yaml:9:3  error  ${trickyMessage}  (schema/range)`);
  });

  it('gives a failure the type of its worst finding', () => {
    const suites = parse(junit(input({ findings: [findings[3], findings[2]] })));
    expect(suites.testsuite[0].testcase[0].failure?.type).toBe('warning');
    expect(parse(junit(input({ findings: [findings[3]] }))).testsuite[0].testcase[0].failure?.type).toBe('info');
  });

  it('escapes file names and rule ids in attributes too', () => {
    const f = { ...findings[0], file: findings[0].file.replace('avtal.yaml', 'a&b "<x>".yaml'), ruleId: `r<'&">` };
    const suites = parse(junit(input({ findings: [f], fileCount: 1 })));
    expect(suites.testsuite[0].testcase[0]).toMatchObject({ name: 'agreements/a&b "<x>".yaml', classname: 'samverkan.agreement' });
    expect(suites.testsuite[0].testcase[0].failure?.['#text']).toContain(`(r<'&">)`);
  });

  it('drops characters that XML cannot hold, instead of writing a file no one can read', () => {
    const f = { ...findings[0], message: 'bell\u0007 nul\u0000 esc\u001b lone\uD800 end' };
    const xml = junit(input({ findings: [f], fileCount: 1 }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect((parse(xml).testsuite[0].testcase[0].failure as Failure).message).toBe('Line 3, column 1: bell nul esc lone end');
  });

  it('names files relative to the repository root when run from a subfolder', () => {
    const suites = parse(junit(input({ cwd: at('plans'), repoRoot: cwd, files })));
    expect(suites.testsuite.flatMap((s) => s.testcase.map((c) => c.name))).toContain('plans/plan.yaml');
    expect(junit(input({ cwd: at('plans'), repoRoot: cwd, files }))).not.toContain('../');
  });

  it('without the list of files, reports the files with findings and one passing case for the rest', () => {
    const suites = parse(junit(input()));
    expect(suites).toMatchObject({ tests: '3', failures: '2' });
    expect(suites.testsuite.map((s) => [s.name, s.testcase.map((c) => c.name)])).toEqual([
      ['agreement', ['agreements/avtal.yaml']],
      ['plan', ['plans/plan.yaml']],
      ['samverkan', ['10 other files checked, no problems']],
    ]);
    expect(parse(junit(input({ fileCount: 2 }))).testsuite.map((s) => s.name)).toEqual(['agreement', 'plan']);
  });

  it('has one passing test case when there are no findings and no list of files', () => {
    const xml = junit(empty());
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="samverkan" tests="1" failures="0">',
        '  <testsuite name="samverkan" tests="1" failures="0">',
        '    <testcase name="12 files checked, no problems" classname="samverkan"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(junit(input({ findings: [], files: [], fileCount: 0 }))).testsuite[0].testcase[0].name).toBe('0 files checked, no problems');
  });

  it('counts every passing file in a green run', () => {
    const suites = parse(junit(input({ findings: [], files, fileCount: files.length })));
    expect(suites).toMatchObject({ tests: '6', failures: '0' });
    expect(suites.testsuite.flatMap((s) => s.testcase).every((c) => c.failure === undefined)).toBe(true);
  });

  it('derives the kind from the folder conventions when the file list does not say', () => {
    expect(kindFromPath('samverkan.yaml')).toBe('workspace');
    expect(kindFromPath('kommun/organizations.yaml')).toBe('organizations');
    expect(kindFromPath('people.yml')).toBe('people');
    expect(kindFromPath('agreements/avtal.yaml')).toBe('agreement');
    expect(kindFromPath('groups/styrgrupp.yaml')).toBe('group');
    expect(kindFromPath('repo/plans/norra/plans/plan.yaml')).toBe('plan');
    expect(kindFromPath('plans/norra/meetings/styrgrupp/2009-05-12.yaml')).toBe('meeting');
    expect(kindFromPath('assessments/kartlaggning.yaml')).toBe('assessment');
    expect(kindFromPath('notes/plan.yaml')).toBe('other');
    expect(kindFromPath('agreement.yaml')).toBe('other');
    const suites = parse(junit(input({ files: [{ path: at('groups/styrgrupp.yaml') }] })));
    expect(suites.testsuite.map((s) => s.name)).toEqual(['agreement', 'group', 'plan']);
  });

  it('escapes text and attributes', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
    expect(xmlAttribute(`<"&'>\n\t\r`)).toBe('&lt;&quot;&amp;&apos;&gt;&#10;&#9;&#13;');
  });
});
