import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit, xmlAttribute, xmlText } from '../../src/report/junit.js';
import { empty, findings, input, trickyMessage } from './fixtures.js';

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
  it('writes one suite per file and one failing test case per finding', () => {
    const xml = junit(input());
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="samverkan" tests="4" failures="4">',
        '  <testsuite name="agreements/avtal.yaml" tests="1" failures="1">',
        '    <testcase name="3:1 agreement/lead" classname="agreements/avtal.yaml">',
        '      <failure message="No party has role: lead. Give exactly one party role: lead." type="error">agreements/avtal.yaml:3:1 No party has role: lead. Give exactly one party role: lead.</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="plans/plan.yaml" tests="3" failures="3">',
        '    <testcase name="9:3 schema/range" classname="plans/plan.yaml">',
        '      <failure message="Progress is 150%: use a number, from 0 to 100.&#10;See &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &apos;single&apos;." type="error">plans/plan.yaml:9:3 Progress is 150%: use a number, from 0 to 100.',
        'See &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quoted" \'single\'.</failure>',
        '    </testcase>',
        '    <testcase name="41:10 plan/overdue" classname="plans/plan.yaml">',
        '      <failure message="Action a3 was due 2009-05-01 and is still ongoing." type="warning">plans/plan.yaml:41:10 Action a3 was due 2009-05-01 and is still ongoing.</failure>',
        '    </testcase>',
        '    <testcase name="120:5 plan/goal-without-indicator" classname="plans/plan.yaml">',
        '      <failure message="Goal m2 has no indicator." type="info">plans/plan.yaml:120:5 Goal m2 has no indicator.</failure>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
    const suites = parse(xml);
    expect(suites).toMatchObject({ name: 'samverkan', tests: '4', failures: '4' });
    expect(suites.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['agreements/avtal.yaml', '1', '1'],
      ['plans/plan.yaml', '3', '3'],
    ]);
    const cases = suites.testsuite[1].testcase;
    expect(cases.map((c) => [c.name, c.classname, c.failure?.type])).toEqual([
      ['9:3 schema/range', 'plans/plan.yaml', 'error'],
      ['41:10 plan/overdue', 'plans/plan.yaml', 'warning'],
      ['120:5 plan/goal-without-indicator', 'plans/plan.yaml', 'info'],
    ]);
  });

  it('escapes every special character, so that a message survives a round trip', () => {
    const xml = junit(input());
    expect(xml).not.toContain('<script>');
    const failure = parse(xml).testsuite[1].testcase[0].failure as Failure;
    expect(failure.message).toBe(trickyMessage);
    expect(failure['#text']).toBe(`plans/plan.yaml:9:3 ${trickyMessage}`);
  });

  it('escapes file names and rule ids in attributes too', () => {
    const f = { ...findings[0], file: findings[0].file.replace('avtal.yaml', 'a&b "<x>".yaml'), ruleId: `r<'&">` };
    const suites = parse(junit(input({ findings: [f] })));
    expect(suites.testsuite[0].name).toBe('agreements/a&b "<x>".yaml');
    expect(suites.testsuite[0].testcase[0]).toMatchObject({ name: `3:1 r<'&">`, classname: 'agreements/a&b "<x>".yaml' });
  });

  it('drops characters that XML cannot hold, instead of writing a file no one can read', () => {
    const f = { ...findings[0], message: 'bell\u0007 nul\u0000 esc\u001b lone\uD800 end' };
    const xml = junit(input({ findings: [f] }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect((parse(xml).testsuite[0].testcase[0].failure as Failure).message).toBe('bell nul esc lone end');
  });

  it('has one passing test case when there are no findings', () => {
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
  });

  it('escapes text and attributes', () => {
    expect(xmlText(`<a href="x">&'</a>`)).toBe(`&lt;a href="x"&gt;&amp;'&lt;/a&gt;`);
    expect(xmlAttribute(`<"&'>\n\t\r`)).toBe('&lt;&quot;&amp;&apos;&gt;&#10;&#9;&#13;');
  });
});
