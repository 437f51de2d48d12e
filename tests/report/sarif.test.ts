import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/messages.js';
import { FINGERPRINT_KEY, ruleName, sarif, sarifLog } from '../../src/report/sarif.js';
import type { ReportInput } from '../../src/report/types.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { repositoryWebUrl, ruleDocUrl } from '../../src/rules/docs.js';
import { RULES } from '../../src/rules/registry.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';
import { at, cwd, findings, input as baseInput, trickyMessage } from './fixtures.js';

// The repository root is given, so that no GITHUB_WORKSPACE of the machine running the tests counts.
const input = (overrides: Partial<ReportInput> = {}): ReportInput => baseInput({ repoRoot: cwd, ...overrides });
const empty = (): ReportInput => input({ findings: [] });
const REPO = 'https://github.com/kvinnofrid/samverkan';

// The official SARIF 2.1.0 schema (draft-04), as shipped by Microsoft's SARIF test helpers.
const schemaPath = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The official schema does not pass Ajv's strict mode (a `required` names properties defined only
// in another branch), and one of its patterns is invalid with the u flag: hence the two options.
// `.default`, because both packages are CommonJS modules seen from an ES module.
const ajv = new Ajv.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function expectValid(text: string): void {
  const valid = validateSarif(JSON.parse(text));
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with findings and for an empty run', () => {
    expectValid(sarif(input()));
    expectValid(sarif(empty()));
    expectValid(sarif(input({ rules: RULES })));
    expectValid(sarif(input({ rules: [], findings: [] })));
  });

  it('is checked by a validator that does reject a broken log', () => {
    const log = JSON.parse(sarif(input()));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(log)).toBe(false);
  });

  it('describes the tool with every rule and its default level', () => {
    const log = JSON.parse(sarif(input()));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const { driver } = log.runs[0].tool;
    expect(driver.name).toBe('samverkan');
    expect(driver.version).toBe('1.2.3');
    expect(driver).not.toHaveProperty('informationUri');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['agreement/lead', 'schema/range', 'plan/overdue', 'plan/goal-without-indicator']);
    expect(driver.rules.map((r: { defaultConfiguration: { level: string } }) => r.defaultConfiguration.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(driver.rules[2]).toMatchObject({
      id: 'plan/overdue',
      name: 'PlanOverdue',
      shortDescription: { text: 'An action that is not done and is past its due date.' },
      fullDescription: { text: 'An action is late. Fix it where the message says.' },
    });
  });

  it('gives every rule of the table both descriptions and help in text and Markdown, with its examples', () => {
    const { rules } = JSON.parse(sarif(input({ rules: RULES }))).runs[0].tool.driver;
    expect(rules).toHaveLength(RULES.length);
    rules.forEach((r: Record<string, { text: string; markdown?: string }>, i: number) => {
      const meta = RULES[i];
      expect(r.shortDescription.text).toBe(meta.description.en);
      expect(r.fullDescription.text).toBe(meta.fullDescription.en);
      expect(r.help.text).toContain(meta.example.bad);
      expect(r.help.markdown).toContain('```yaml\n' + meta.example.good.trimEnd() + '\n```');
      expect(r.help.markdown).toContain(`docs/rules/${meta.id}.md`);
    });
    expect(new Set(rules.map((r: { name: string }) => r.name)).size).toBe(RULES.length);
  });

  it('links each rule to its page in the repository when the repository is known, and leaves helpUri out when not', () => {
    const linked = JSON.parse(sarifLog(input(), REPO)).runs[0].tool.driver;
    expect(linked.informationUri).toBe(REPO);
    expect(linked.rules[2].helpUri).toBe(`${REPO}/blob/HEAD/docs/rules/plan/overdue.md`);
    expect(linked.rules[2].help.markdown).toContain(`(${REPO}/blob/HEAD/docs/rules/plan/overdue.md)`);
    expectValid(sarifLog(input({ rules: RULES }), REPO));
    const unlinked = JSON.parse(sarifLog(input(), undefined)).runs[0].tool.driver;
    expect(unlinked.rules[2]).not.toHaveProperty('helpUri');
    expect(unlinked.rules[2].help.text).toContain("docs/rules/plan/overdue.md in samverkan's repository");
  });

  it('describes the rules in the language of the run, and links to their pages in it', () => {
    setLanguage('sv');
    try {
      const driver = JSON.parse(sarifLog(input({ rules: RULES }), REPO)).runs[0].tool.driver;
      const overdue = driver.rules.find((r: { id: string }) => r.id === 'plan/overdue');
      const meta = RULES.find((r) => r.id === 'plan/overdue')!;
      expect(overdue.shortDescription.text).toBe(meta.description.sv);
      expect(overdue.fullDescription.text).toBe(meta.fullDescription.sv);
      expect(overdue.help.text).toContain(meta.fullDescription.sv);
      expect(overdue.helpUri).toBe(`${REPO}/blob/HEAD/docs/rules/sv/plan/overdue.md`);
      expectValid(sarifLog(input({ rules: RULES }), REPO));
    } finally {
      setLanguage('en');
    }
  });

  it('reads the repository address in the forms package.json allows', () => {
    expect(repositoryWebUrl('github:kvinnofrid/samverkan')).toBe(REPO);
    expect(repositoryWebUrl('kvinnofrid/samverkan')).toBe(REPO);
    expect(repositoryWebUrl({ type: 'git', url: 'git+https://github.com/kvinnofrid/samverkan.git' })).toBe(REPO);
    expect(repositoryWebUrl('git@github.com:kvinnofrid/samverkan.git')).toBe(REPO);
    expect(repositoryWebUrl('gitlab:kommun/samverkan')).toBe('https://gitlab.com/kommun/samverkan');
    expect(ruleDocUrl('plan/overdue', 'https://gitlab.com/kommun/samverkan')).toBe('https://gitlab.com/kommun/samverkan/-/blob/HEAD/docs/rules/plan/overdue.md');
    expect(repositoryWebUrl(undefined)).toBeUndefined();
    expect(repositoryWebUrl({ type: 'git' })).toBeUndefined();
    expect(repositoryWebUrl('not a url')).toBeUndefined();
  });

  it('makes friendly rule names from ids', () => {
    expect(ruleName('plan/goal-without-action')).toBe('PlanGoalWithoutAction');
    expect(ruleName('id/duplicate')).toBe('IdDuplicate');
  });

  it('reports each finding with rule, level, message and a 1-based region in a path relative to %SRCROOT%', () => {
    const run = JSON.parse(sarif(input())).runs[0];
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(cwd).href}/` } });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(run.results[1]).toEqual({
      ruleId: 'schema/range',
      ruleIndex: 1,
      level: 'error',
      message: { text: trickyMessage },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'plans/plan.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 9, startColumn: 3, endLine: 9, endColumn: 16 },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(run.results[3].ruleIndex).toBe(3);
  });

  it('has an empty list of results when there are no findings', () => {
    expect(JSON.parse(sarif(empty())).runs[0].results).toEqual([]);
  });

  it('percent-encodes file names in URIs, and leaves out ruleIndex for a rule it does not list', () => {
    const f = { ...findings[0], file: at('möten/styrgrupp #3 100%.yaml'), ruleId: 'some/new-rule' };
    const text = sarif(input({ findings: [f] }));
    expectValid(text);
    const [result] = JSON.parse(text).runs[0].results;
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('m%C3%B6ten/styrgrupp%20%233%20100%25.yaml');
    expect(result).not.toHaveProperty('ruleIndex');
    expect(result.ruleId).toBe('some/new-rule');
  });

  it('makes a root URI that ends in a slash, whether or not the root does', () => {
    const run = JSON.parse(sarif(input({ repoRoot: `${cwd}/`, findings: [] }))).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(cwd).href}/`);
  });

  it('gives results partialFingerprints that stay the same across --as-of dates and when a line is inserted above', async () => {
    const dir = copyForTest(join(repoRoot, 'tests/fixtures/hostile/base'));
    const plan = join(dir, 'plans/handlingsplan.yaml');
    const run = async (asOf: string) => {
      const { findings: found } = await checkWorkspace(await loadWorkspace({ dir }), { asOf });
      const log = JSON.parse(sarif(input({ findings: found, cwd: dir, repoRoot: dir, rules: RULES })));
      return log.runs[0].results.map((r: { ruleId: string; message: { text: string }; partialFingerprints: Record<string, string>; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }) => ({
        rule: r.ruleId,
        message: r.message.text,
        line: r.locations[0].physicalLocation.region.startLine,
        fingerprint: r.partialFingerprints[FINGERPRINT_KEY],
      }));
    };
    const june = await run('2009-06-01');
    const july = await run('2009-07-15');
    expect(june.some((r: { rule: string }) => r.rule === 'plan/overdue')).toBe(true);
    // The message changes ("32 days ago"), the fingerprint does not.
    const overdue = (rs: Array<{ rule: string; message: string; fingerprint: string; line: number }>) => rs.filter((r) => r.rule === 'plan/overdue');
    expect(overdue(july).map((r) => r.message)).not.toEqual(overdue(june).map((r) => r.message).slice(0, overdue(july).length));
    expect(overdue(july).map((r) => r.fingerprint)).toEqual(expect.arrayContaining(overdue(june).map((r) => r.fingerprint)));

    writeFileSync(plan, `# Reviderad av styrgruppen\n${readFileSync(plan, 'utf8')}`);
    const moved = await run('2009-06-01');
    expect(moved.map((r: { line: number }) => r.line)).not.toEqual(june.map((r: { line: number }) => r.line));
    expect(moved.map((r: { fingerprint: string }) => r.fingerprint)).toEqual(june.map((r: { fingerprint: string }) => r.fingerprint));
    expect(new Set(june.map((r: { fingerprint: string }) => r.fingerprint)).size).toBe(june.length);
  });
});
