/**
 * Parsing in worker threads (validate --workers) gives the same findings as parsing in one
 * thread: the workers run the same fast parse and send back only data, and everything else
 * happens in the main thread. Run through the built CLI, since the worker script is the built one
 * (from the sources everything is parsed in one thread).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { runCli } from '../helpers/cli.js';
import { example, fixture } from '../helpers/workspaces.js';

const generated = mkdtempSync(join(tmpdir(), 'samverkan-workers-'));
// Past the number of files from which --workers auto uses threads.
generateWorkspace(generated, { plans: 400, actionsPerPlan: 3, groups: 5, meetingsPerGroup: 2 });
// Files a worker cannot send back as JSON (NaN, Infinity, -0), one for the slow path (an anchor),
// one with a byte-order mark, among the plans so that either thread may take them.
for (const [name, text] of [
  ['plan-0100-nan.yaml', 'kind: plan\nid: nan-plan\nname: x\nprogress: .nan\n'],
  ['plan-0200-inf.yaml', 'kind: plan\nid: inf-plan\nname: [1, -.inf]\n'],
  ['plan-0300-zero.yaml', 'kind: plan\nid: zero-plan\nname: x\nshare: -0.0\n'],
  ['plan-0250-anchor.yaml', 'kind: plan\nid: anchor-plan\nname: &n x\ntitle: *n\n'],
  ['plan-0350-bom.yaml', '\ufeffkind: plan\nid: bom-plan\nname: x\n'],
]) writeFileSync(join(generated, 'plans', name), text);
afterAll(() => rmSync(generated, { recursive: true, force: true }));

const validate = (dir: string, workers: string) => runCli(['validate', '-C', dir, '--format', 'json', '--no-cache', '--as-of', '2025-06-01', '--workers', workers]);

describe('validate --workers', () => {
  it.each([example('norra-bohuslan'), example('dalarna'), fixture('faults'), fixture('clean')])('finds the same in %s with three threads as with one', (dir) => {
    const one = validate(dir, '1');
    const three = validate(dir, '3');
    expect(one.stderr).toBe('');
    expect([three.code, three.stdout, three.stderr]).toEqual([one.code, one.stdout, one.stderr]);
    expect(JSON.parse(one.stdout)).toBeDefined();
  });

  it('finds the same in a workspace of 400 plans with two threads, with auto and with one thread', () => {
    const one = validate(generated, '1');
    // Two threads whatever the machine's load; auto decides by the load, so it may or may not use them.
    const two = validate(generated, '2');
    const auto = validate(generated, 'auto');
    expect([two.code, two.stdout]).toEqual([one.code, one.stdout]);
    expect([auto.code, auto.stdout]).toEqual([one.code, one.stdout]);
  });

  it('refuses a count that is not a number', () => {
    const r = runCli(['validate', '-C', fixture('clean'), '--workers', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/many/);
  });
});
