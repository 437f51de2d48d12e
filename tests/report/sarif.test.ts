import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../src/report/sarif.js';
import { RULES } from '../../src/rules/registry.js';
import { at, cwd, empty, findings, input, trickyMessage } from './fixtures.js';

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
    expect(driver.rules).toEqual([
      { id: 'agreement/lead', shortDescription: { text: 'Not exactly one party with role: lead.' }, defaultConfiguration: { level: 'error' } },
      { id: 'schema/range', shortDescription: { text: 'A number outside its range.' }, defaultConfiguration: { level: 'error' } },
      { id: 'plan/overdue', shortDescription: { text: 'An action that is not done and is past its due date.' }, defaultConfiguration: { level: 'warning' } },
      { id: 'plan/goal-without-indicator', shortDescription: { text: 'An overall goal that nothing measures.' }, defaultConfiguration: { level: 'note' } },
    ]);
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

  it('makes a cwd URI that ends in a slash, whether or not cwd does', () => {
    const run = JSON.parse(sarif(input({ cwd: `${cwd}/`, findings: [] }))).runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(cwd).href}/`);
  });
});
