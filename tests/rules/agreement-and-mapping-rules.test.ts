/**
 * Table tests of agreement/status, agreement/cost-sharing, agreement/term and
 * ref/unknown-assessment-cell: each snippet is one file put into a copy of the small valid base
 * workspace (tests/fixtures/hostile/base) and checked as of a day; the test counts that rule's
 * findings and reads their messages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');

async function findings(file: string, text: string, asOf: string, ruleId: string) {
  const dir = copyForTest(base);
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
  const result = await checkWorkspace(await loadWorkspace({ dir }), { asOf });
  return result.findings.filter((f) => f.ruleId === ruleId && f.file.endsWith(file));
}

const AGREEMENT = (extra: string, resources = '  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\n') =>
  `kind: agreement\nid: avtal-tabell\ntitle: Samverkansavtal Tabell\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare.\nmandate: Samordna arbetet.\nauthority: Styrgruppen beslutar.\nresources:\n${resources}${extra}`;

describe('agreement/status', () => {
  it.each([
    { name: 'active within a fixed term', extra: 'status: active\nterm: {start: 2008-01-01, end: 2010-12-31}\n', asOf: '2009-06-01', count: 0 },
    { name: 'active after a fixed end', extra: 'status: active\nterm: {start: 2006-01-01, end: 2008-12-31}\n', asOf: '2009-06-01', count: 1, says: /ended on 2008-12-31.*status: ended/ },
    { name: 'active after the first end of a yearly renewed term', extra: 'status: active\nterm: {start: 2006-01-01, end: 2008-12-31, notice_months: 6, renewal: yearly}\n', asOf: '2009-06-01', count: 0 },
    { name: 'ended while a yearly renewed term runs on', extra: 'status: ended\nterm: {start: 2006-01-01, end: 2008-12-31, notice_months: 6, renewal: yearly}\n', asOf: '2009-06-01', count: 1, says: /renews a year at a time.*notice_given/ },
    { name: 'ended while a fixed term runs', extra: 'status: ended\nterm: {start: 2008-01-01, end: 2010-12-31}\n', asOf: '2009-06-01', count: 1, says: /runs until 2010-12-31/ },
    { name: 'terminated without the day notice was given', extra: 'status: terminated\nterm: {start: 2008-01-01, end: 2010-12-31, notice_months: 6, renewal: yearly}\n', asOf: '2009-06-01', count: 1, says: /notice_given/ },
    { name: 'terminated, the end it led to passed', extra: 'status: terminated\nterm: {start: 2006-01-01, end: 2007-12-31, notice_months: 3, renewal: yearly, notice_given: 2008-05-01}\n', asOf: '2009-06-01', count: 1, says: /ended on 2008-12-31/ },
    { name: 'terminated, still running', extra: 'status: terminated\nterm: {start: 2006-01-01, end: 2007-12-31, notice_months: 3, renewal: yearly, notice_given: 2009-05-01}\n', asOf: '2009-06-01', count: 0 },
    { name: 'a notice date while active', extra: 'status: active\nterm: {start: 2008-01-01, end: 2010-12-31, notice_given: 2009-02-01}\n', asOf: '2009-06-01', count: 1, says: /status: terminated/ },
    { name: 'no status', extra: 'term: {start: 2006-01-01, end: 2008-12-31}\n', asOf: '2009-06-01', count: 0 },
  ])('$name', async ({ extra, asOf, count, says }) => {
    const found = await findings('agreements/tabell.yaml', AGREEMENT(extra), asOf, 'agreement/status');
    expect(found).toHaveLength(count);
    for (const f of found) {
      expect(f.severity).toBe('warning');
      if (says) expect(f.message).toMatch(says);
    }
  });
});

describe('agreement/term', () => {
  it.each([
    { name: 'expired without a status', extra: 'term: {start: 2006-01-01, end: 2008-12-31}\n', count: 1, severity: 'warning' },
    { name: 'expired and recorded as ended', extra: 'status: ended\nterm: {start: 2006-01-01, end: 2008-12-31}\n', count: 0 },
    { name: 'ends within 90 days', extra: 'term: {start: 2006-01-01, end: 2009-07-31}\n', count: 1, severity: 'info' },
    { name: 'renews yearly, so it neither expires nor ends soon', extra: 'term: {start: 2006-01-01, end: 2009-07-31, notice_months: 6, renewal: yearly}\n', count: 0 },
  ])('$name', async ({ extra, count, severity }) => {
    const found = await findings('agreements/tabell.yaml', AGREEMENT(extra), '2009-06-01', 'agreement/term');
    expect(found).toHaveLength(count);
    if (severity) expect(found[0].severity).toBe(severity);
  });
});

describe('agreement/cost-sharing', () => {
  const term = 'term: {start: 2008-01-01, end: 2010-12-31}\n';
  const funding = '  budget: {amount: 900000, currency: SEK, per: year}\n  funding:\n    - {source: lansstyrelsen, amount: {amount: 600000, currency: SEK, per: year}}\n';
  it.each([
    { name: 'shares of the parties\' part that add up', resources: `${funding}  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\n`, count: 0 },
    { name: 'shares with one decimal that add up', resources: '  cost_sharing:\n    - {organization: alfa, share: 96.4}\n    - {organization: beta, share: 3.6}\n', count: 0 },
    { name: 'shares that leave 10 % uncovered', resources: `${funding}  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 30}\n`, count: 1, says: /90 %.*10 % is not covered/ },
    { name: 'shares that charge too much', resources: '  cost_sharing:\n    - {organization: alfa, share: 60.5}\n    - {organization: beta, share: 40}\n', count: 1, says: /100.5 %.*0.5 % too much/ },
    { name: 'the external funder given a share', resources: `${funding}  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: lansstyrelsen, share: 40}\n`, count: 1, says: /not a party.*funding:/ },
    { name: 'funding larger than the budget', resources: '  budget: {amount: 500000, currency: SEK, per: year}\n  funding:\n    - {source: lansstyrelsen, amount: {amount: 600000, currency: SEK, per: year}}\n  cost_sharing:\n    - {organization: alfa, share: 100}\n', count: 1, says: /larger than the budget/ },
  ])('$name', async ({ resources, count, says }) => {
    const found = await findings('agreements/tabell.yaml', AGREEMENT(term, resources), '2009-06-01', 'agreement/cost-sharing');
    expect(found).toHaveLength(count);
    for (const f of found) {
      expect(f.severity).toBe('error');
      if (says) expect(f.message).toMatch(says);
    }
  });
});

describe('ref/unknown-assessment-cell', () => {
  const plan = (refs: string) =>
    `kind: plan\nid: tabell\ntitle: Handlingsplan Tabell\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    from_assessment: ${refs}\n    indicators:\n      - {id: i1, name: Ärenden}\n    subgoals:\n      - {id: d1, title: Rutiner finns, from_assessment: ${refs}}\n`;
  it.each([
    { name: 'a criterion', refs: '[kartlaggning-2008/k3]', count: 0 },
    { name: 'a cell', refs: '[kartlaggning-2008/k3/beta]', count: 0 },
    { name: 'no such mapping', refs: '[kartlaggning-2009/k3]', count: 2, says: /"kartlaggning-2009".*Did you mean "kartlaggning-2008"/ },
    { name: 'no such criterion', refs: '[kartlaggning-2008/k9]', count: 2, says: /no criterion "k9".*k1, k2, k3, k4/ },
    { name: 'an organisation the mapping did not assess', refs: '[kartlaggning-2008/k3/polisen]', count: 2, says: /did not assess "polisen"/ },
  ])('$name', async ({ refs, count, says }) => {
    const found = await findings('plans/tabell.yaml', plan(refs), '2009-06-01', 'ref/unknown-assessment-cell');
    expect(found).toHaveLength(count);
    for (const f of found) if (says) expect(f.message).toMatch(says);
  });

  it('is refused by the schema when not written <assessment>/<criterion>[/<organisation>]', async () => {
    const dir = copyForTest(base);
    writeFileSync(join(dir, 'plans/tabell.yaml'), plan('[kartlaggning-2008]'));
    const result = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
    expect(result.findings.some((f) => f.ruleId.startsWith('schema/') && f.file.endsWith('plans/tabell.yaml'))).toBe(true);
  });
});
