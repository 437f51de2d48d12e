/**
 * The README's CI recipe, run as written: its commands are read from the README (so the README
 * cannot drift from what works), the package is packed and copied into a plans repository the way
 * the recipe says, and the GitHub Actions and GitLab CI jobs' commands run there with the
 * environment those systems give: validate, and `changes --since origin/main` for what a pull
 * request does to the plans, in a real repository whose origin has a main branch. What their `uses:` steps and artifact reports would do with the
 * output is checked by the real consumers where one exists (the SARIF Multitool for code scanning).
 *
 * Two steps are not run literally: `npm ci` (the test run already installed the checkout's
 * dependencies, and a second install of 450 MB would take minutes) and the build that `npm pack`
 * starts (prepack), since the test run's build is the one to pack and the shared working tree must
 * not be rebuilt under other tests; `npm pack --ignore-scripts` packs that build.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { installEnv, npm, offlineReason, type Run } from './npm.js';

// Packing takes 2–4 s, the first npx install of the tarball 4–15 s (npm's cache warm or cold),
// each later run a few seconds (four of them, with `changes` in both jobs); on a busy 2-core
// machine the whole took 46 s, a third of this.
const TIMEOUT = 150_000;

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** The README's "In CI" section: its code blocks in order, by language. */
function ciSection(): { text: string; blocks: Array<{ lang: string; code: string }> } {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### In CI');
  expect(start, 'the README has a section "### In CI"').toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start);
  const text = readme.slice(start, end < 0 ? undefined : end);
  return { text, blocks: [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], code: m[2] })) };
}

/** The commands of a shell block, one per line, without comments. */
function shellCommands(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv): Run {
  const r = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8', timeout: 60_000, env });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The folders npx has installed packages into so far (~/.npm/_npx/<hash>). */
function npxInstalls(): Set<string> {
  const dir = join(homedir(), '.npm', '_npx');
  return new Set(existsSync(dir) ? readdirSync(dir).map((d) => join(dir, d)) : []);
}

describe('the README\'s CI recipe', () => {
  it('packs samverkan, and the GitHub Actions and GitLab CI jobs run as written in a plans repository', { timeout: TIMEOUT }, async (context) => {
    if (!existsSync(join(repoRoot, 'dist/cli/bin.js'))) throw new Error('dist/ is missing: run "npm run build" before this test (npm test does).');
    const { text, blocks } = ciSection();
    for (const name of text.match(/samverkan-\d+\.\d+\.\d+[\w.-]*\.tgz/g) ?? []) expect(name, 'the tarball the README names is the version package.json says').toBe(`samverkan-${version}.tgz`);
    // Not from the npm registry, where samverkan is not published.
    for (const block of blocks) expect(block.code).not.toMatch(/npx (--yes )?samverkan\b/);

    const work = mkdtempSync(join(tmpdir(), 'samverkan-ci-'));
    const npxBefore = npxInstalls();
    onTestFinished(() => {
      rmSync(work, { recursive: true, force: true });
      // Only the npx installs this test made.
      for (const dir of npxInstalls()) if (!npxBefore.has(dir)) rmSync(dir, { recursive: true, force: true });
    });

    // The plans repository the recipe copies the package into: a workspace at its top, as `init` makes one.
    const plans = join(work, 'kvinnofrid');
    const init = await runInProcess(['init', plans, '--yes', '--name', 'Kvinnofrid Exempelbygden', '--org', 'Exempelbygdens kommun', '--chair', 'Samordnare']);
    expect(init.code, init.stderr).toBe(0);
    // init made it a git repository with a first commit; that commit is the main branch of an
    // origin, and the pull request adds a member to the steering group (not committed yet).
    const git = (args: string[], cwd = plans) => spawnSync('git', args, { cwd, encoding: 'utf8' });
    expect(git(['rev-parse', 'HEAD']).status, 'init makes a repository with a first commit').toBe(0);
    expect(git(['init', '-q', '--bare', join(work, 'origin.git')], work).status).toBe(0);
    expect(git(['remote', 'add', 'origin', join(work, 'origin.git')]).status).toBe(0);
    expect(git(['push', '-q', 'origin', 'HEAD:main']).status).toBe(0);
    const groupFile = join(plans, 'groups', readdirSync(join(plans, 'groups'))[0]);
    appendFileSync(join(plans, 'people.yaml'), '  - {id: socialchef, name: Socialchef Exempelbygden, organization: exempelbygdens-kommun}\n');
    appendFileSync(groupFile, '  - {person: socialchef, role: member}\n');
    const changed = '### Grupp: Styrgrupp Kvinnofrid Exempelbygden\n\n- Socialchef Exempelbygden har gått med i gruppen som ledamot. (ej incheckat)\n';
    mkdirSync(join(plans, 'tools'));

    // 1. Pack in the checkout and copy the package into the plans repository.
    const checkout = join(work, 'samverkan');
    mkdirSync(checkout);
    const packing = shellCommands(blocks.find((b) => b.lang === 'sh')!.code);
    expect(packing).toEqual([`npm ci && npm pack`, `cp samverkan-${version}.tgz ../kvinnofrid/tools/`]);
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', checkout], repoRoot);
    expect(pack.code, pack.stderr).toBe(0);
    const copy = sh(packing[1], checkout, installEnv());
    expect(copy.code, copy.stderr).toBe(0);
    expect(statSync(join(plans, 'tools', `samverkan-${version}.tgz`)).size).toBeGreaterThan(50_000);

    // 2. GitHub Actions: checkout and setup-node are the plans repository and this Node; run: steps as written.
    const github = parse(blocks.find((b) => b.lang === 'yaml' && b.code.includes('jobs:'))!.code) as {
      jobs: Record<string, { steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown>; if?: string }> }>;
    };
    const steps = Object.values(github.jobs)[0].steps;
    expect(steps.map((s) => s.uses?.split('@')[0] ?? 'run')).toEqual(['actions/checkout', 'actions/setup-node', 'run', 'run', 'github/codeql-action/upload-sarif']);
    // The summary of what the pull request does needs the history of the main branch.
    expect(steps[0].with?.['fetch-depth']).toBe(0);
    expect(steps[3].if).toBe("always() && github.event_name == 'pull_request'");
    const nodeVersion = Number(steps[1].with?.['node-version']);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(nodeVersion);
    const summary = join(work, 'step-summary.md');
    const githubEnv = { ...installEnv(), CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: plans, GITHUB_STEP_SUMMARY: summary, LANG: 'C.UTF-8' };
    for (const step of steps.filter((s) => s.run)) {
      const r = sh(step.run!, plans, githubEnv);
      const offline = offlineReason(r);
      if (offline) context.skip(`npx could not install the packed package: ${offline}`);
      expect(r.code, `${step.run}\n${r.stderr}`).toBe(0);
    }
    // validate's summary, then what the pull request changes, as Markdown.
    const written = readFileSync(summary, 'utf8');
    expect(written).toMatch(/samverkan/);
    expect(written).toMatch(/\n## Förändringar sedan origin\/main \([0-9a-f]{7}, \d{1,2} \p{L}+ \d{4}\), ej incheckade ändringar medräknade\n\n/u);
    expect(written.endsWith(`\n\n${changed}`)).toBe(true);
    const sarifFile = join(plans, String(steps[4].with?.sarif_file));
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { version: string; runs: Array<{ tool: { driver: { name: string } } }> };
    expect(sarif.version).toBe('2.1.0');
    // What upload-sarif sends to code scanning, checked by the validator with GitHub's rules.
    const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    const verdict = join(work, 'verdict.sarif');
    const check = spawnSync(multitool, ['validate', '--rule-kind', 'Gh', '--output', verdict, sarifFile], { encoding: 'utf8', timeout: 20_000 });
    expect(check.status, check.stdout).toBe(0);
    expect((JSON.parse(readFileSync(verdict, 'utf8')) as { runs: Array<{ results?: unknown[] }> }).runs[0].results ?? []).toEqual([]);

    // 3. GitLab CI: the job's script as written, then the artifact reports GitLab reads.
    const gitlab = parse(blocks.find((b) => b.lang === 'yaml' && b.code.includes('script:'))!.code) as Record<
      string,
      { image: string; variables?: Record<string, unknown>; script: string[]; artifacts: { paths?: string[]; reports: { codequality: string; junit: string } } }
    >;
    const job = Object.values(gitlab)[0];
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(Number(/^node:(\d+)/.exec(job.image)?.[1]));
    const gitlabEnv = { ...installEnv(), CI: 'true', GITLAB_CI: 'true', CI_PROJECT_DIR: plans, CI_DEFAULT_BRANCH: 'main', LANG: 'C.UTF-8' };
    expect(job.variables?.GIT_DEPTH).toBe(0);
    const outputs: string[] = [];
    for (const command of job.script) {
      const r = sh(command, plans, gitlabEnv);
      expect(r.code, `${command}\n${r.stderr}`).toBe(0);
      outputs.push(r.stdout);
    }
    // The workspace init made speaks Swedish (language: sv), in CI as anywhere.
    expect(outputs[0]).toMatch(/filer? kontrollerade/);
    expect(outputs[2].endsWith(`\n\n${changed}`)).toBe(true);
    expect(readFileSync(join(plans, job.artifacts.paths![0]), 'utf8')).toBe(outputs[2]);
    const quality = JSON.parse(readFileSync(join(plans, job.artifacts.reports.codequality), 'utf8')) as unknown[];
    expect(Array.isArray(quality)).toBe(true);
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(plans, job.artifacts.reports.junit), 'utf8')) as { testsuites?: unknown };
    expect(junit.testsuites).toBeDefined();
  });
});
