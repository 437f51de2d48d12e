/**
 * The SARIF that `samverkan validate --format sarif` writes, checked by Microsoft's SARIF
 * Multitool (the validator GitHub points to for code scanning uploads) with its GitHub rules and
 * its general SARIF rules, on a workspace full of findings.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { fixture } from '../helpers/workspaces.js';

/** The multitool's native binary (the package's main export is its path). */
const MULTITOOL = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;

// A test takes 2–3 s on a quiet machine (validate, then the multitool) and up to 13 s while other
// test runs share the two cores; three times that.
const TIMEOUT = 45_000;

const work = mkdtempSync(join(tmpdir(), 'samverkan-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface MultitoolFinding {
  ruleId: string;
  message: string;
}

/** Runs `Sarif.Multitool validate` with the given rule kinds; its findings on the log. */
function multitool(sarifFile: string, ruleKinds: string): MultitoolFinding[] {
  const out = join(work, `validation-${ruleKinds.replace(/\W/g, '')}-${Date.now()}.sarif`);
  // The multitool requests every helpUri over HTTP (a failure is no finding); a proxy that refuses
  // at once keeps the test off the network, and fast.
  const env = { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
  const r = spawnSync(MULTITOOL, ['validate', '--rule-kind', ruleKinds, '--output', out, sarifFile], { encoding: 'utf8', timeout: 15_000, env });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results?: Array<{ ruleId: string; message: { text?: string; id?: string; arguments?: string[] } }> }> };
  return (log.runs[0].results ?? []).map((r) => ({ ruleId: r.ruleId, message: r.message.text ?? `${r.message.id} ${JSON.stringify(r.message.arguments)}` }));
}

/** validate --format sarif on the workspace of deliberate faults, with `env`; the path of the log. */
async function sarifOf(name: string, env: Record<string, string> = {}): Promise<string> {
  const file = join(work, `${name}.sarif`);
  const r = await runInProcess(['validate', '--as-of', '2009-06-01', '--format', 'sarif', '--output', file], { cwd: fixture('faults'), env });
  expect(r.code).toBe(1);
  const results = (JSON.parse(readFileSync(file, 'utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0].results;
  // A log without results would leave most of the GitHub rules nothing to check.
  expect(results.length).toBeGreaterThan(50);
  return file;
}

describe('SARIF checked by the SARIF Multitool', () => {
  it('has no finding of the GitHub rules: every rule described, every result located, fingerprinted and relative', { timeout: TIMEOUT }, async () => {
    expect(multitool(await sarifOf('plain'), 'Gh')).toEqual([]);
  });

  it('has no finding of the general SARIF rules either when the repository samverkan comes from is named', { timeout: TIMEOUT }, async () => {
    const file = await sarifOf('linked', { SAMVERKAN_REPOSITORY_URL: 'https://git.example.se/kvinnofrid/samverkan' });
    expect(multitool(file, 'Gh;Sarif')).toEqual([]);
    const driver = (JSON.parse(readFileSync(file, 'utf8')) as { runs: Array<{ tool: { driver: { informationUri: string; rules: Array<{ helpUri?: string }> } } }> }).runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://git.example.se/kvinnofrid/samverkan');
    expect(driver.rules[0].helpUri).toMatch(/^https:\/\/git\.example\.se\/kvinnofrid\/samverkan\/blob\/HEAD\/docs\/rules\/.+\.md$/);
  });

  it('without that address, only says that the tool has no web address: there is none to give', { timeout: TIMEOUT }, async () => {
    expect(multitool(await sarifOf('unlinked'), 'Sarif').map((f) => f.ruleId)).toEqual(['SARIF2005']);
  });
});
