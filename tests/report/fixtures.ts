/** Hand-made findings shared by the report tests: every severity, and messages that need escaping. */
import { resolve } from 'node:path';
import type { Finding, RuleMeta } from '../../src/rules/types.js';
import type { ReportInput } from '../../src/report/types.js';

/** The folder the reports are made in; resolve() keeps the tests valid on Windows too. */
export const cwd = resolve('/srv/kvinnofrid');

export const at = (relativePath: string): string => resolve(cwd, relativePath);

/** A message with every character some format must escape: % : , a line break, < & " ' */
export const trickyMessage = 'Progress is 150%: use a number, from 0 to 100.\nSee <script>alert(1)</script> & "quoted" \'single\'.';

export const findings: Finding[] = [
  { ruleId: 'agreement/lead', severity: 'error', message: 'No party has role: lead. Give exactly one party role: lead.', file: at('agreements/avtal.yaml'), line: 3, column: 1, endLine: 3, endColumn: 8 },
  { ruleId: 'schema/range', severity: 'error', message: trickyMessage, file: at('plans/plan.yaml'), line: 9, column: 3, endLine: 9, endColumn: 16 },
  { ruleId: 'plan/overdue', severity: 'warning', message: 'Action a3 was due 2009-05-01 and is still ongoing.', file: at('plans/plan.yaml'), line: 41, column: 10, endLine: 41, endColumn: 20 },
  { ruleId: 'plan/goal-without-indicator', severity: 'info', message: 'Goal m2 has no indicator.', file: at('plans/plan.yaml'), line: 120, column: 5, endLine: 121, endColumn: 1 },
];

/** Full description and examples the fixture rules share: the report tests only look at their shape. */
const documentation = (text: string): Pick<RuleMeta, 'fullDescription' | 'messages' | 'example'> => ({
  fullDescription: { sv: `${text} (Rätta det där meddelandet säger.)`, en: `${text} Fix it where the message says.` },
  messages: {},
  example: { file: 'plans/plan.yaml', bad: 'kind: plan\nid: bad\n', good: 'kind: plan\nid: good\n' },
});

/** A short description in both languages: the Swedish one marked, so that a test sees which was used. */
const both = (en: string) => ({ sv: `(sv) ${en}`, en });

export const rules: readonly RuleMeta[] = [
  { id: 'agreement/lead', severity: 'error', description: both('Not exactly one party with role: lead.'), ...documentation('An agreement needs one lead.') },
  { id: 'schema/range', severity: 'error', description: both('A number outside its range.'), ...documentation('A number is out of range.') },
  { id: 'plan/overdue', severity: 'warning', description: both('An action that is not done and is past its due date.'), ...documentation('An action is late.') },
  { id: 'plan/goal-without-indicator', severity: 'info', description: both('An overall goal that nothing measures.'), ...documentation('A goal needs an indicator.') },
];

/** A report input with the findings above, 12 files, no colour; override what a test needs. */
export function input(overrides: Partial<ReportInput> = {}): ReportInput {
  // The repository root given, so that GITHUB_WORKSPACE in a CI job does not change the paths.
  return { findings, rules, fileCount: 12, cwd, repoRoot: cwd, color: false, toolVersion: '1.2.3', ...overrides };
}

export const empty = (): ReportInput => input({ findings: [] });
