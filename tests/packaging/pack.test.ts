/**
 * The package as a user gets it: `npm pack`, installed with npm into an empty prefix, runs
 * `samverkan validate` on a copy of an example workspace. Needs the npm registry (or npm's cache)
 * for the dependencies; skipped, saying so, when neither can be reached.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { example, repoRoot } from '../helpers/workspaces.js';
import { npm, offlineReason } from './npm.js';

// The whole test takes 4 s with npm's cache warm and up to about 30 s while other test runs
// share the machine's two cores; three times that.
const TIMEOUT = 90_000;

describe('the packed package', () => {
  it('installs into an empty prefix without install scripts, and validates an example workspace', { timeout: TIMEOUT }, (context) => {
    if (!existsSync(join(repoRoot, 'dist/cli/bin.js'))) throw new Error('dist/ is missing: run "npm run build" before this test (npm test does).');
    const work = mkdtempSync(join(tmpdir(), 'samverkan-pack-'));
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));

    // The build is the one the test run made: packing must not rebuild the shared working tree.
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', work], repoRoot);
    expect(pack.stderr).not.toMatch(/npm (error|warn)/);
    expect(pack.code).toBe(0);
    const tarball = readdirSync(work).find((f) => /^samverkan-.*\.tgz$/.test(f));
    expect(tarball).toBeDefined();

    const prefix = join(work, 'prefix');
    const install = npm(['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball!)], work);
    const offline = offlineReason(install);
    if (offline) context.skip(`the packed package could not be installed: ${offline}`);
    // Nothing on stderr: in particular no "install scripts not yet covered by allowScripts"
    // warning, which a prepare script in the package brings to every user's install.
    expect(install.stderr).toBe('');
    expect(install.code).toBe(0);

    const bin = join(prefix, 'bin', 'samverkan');
    const copy = join(work, 'norra-bohuslan');
    cpSync(example('norra-bohuslan'), copy, { recursive: true });
    const run = (args: string[]) => spawnSync(bin, args, { cwd: copy, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8' } });

    const version = run(['-v']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const validate = run(['validate', '--as-of', '2009-06-10', '--format', 'json']);
    expect(validate.stderr).toBe('');
    expect(validate.status).toBe(0);
    const report = JSON.parse(validate.stdout) as { fileCount: number; errorCount: number };
    expect(report.fileCount).toBeGreaterThan(10);
    expect(report.errorCount).toBe(0);
    // The installed package carries the schemas and templates it reads at run time.
    expect(run(['schema', 'plan']).status).toBe(0);
  });
});
