#!/usr/bin/env node
// npm run bench: every target of the speed issue (issue 13), each with its measured figure and
// whether it holds on this machine, then the git history's targets (bench/git-history.bench.js).
//
// Every figure is a whole process as a user runs it (`node bin/samverkan.js …`, start-up
// included): the median wall time of BENCH_RUNS runs (default 5), with the CPU time and peak
// memory of the median run. Ratios are against a bare `node -e 0` measured in the same run, so
// they compare like with like whatever the machine. The workspaces come from bench/generate.js.
// `render site` is measured by bench/render-site.bench.js when it is there (a hook: it exports
// benchRenderSite({ root, dir, runs, row, time }) and returns whether its target holds).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateWorkspace } from './generate.js';
import { benchGitHistory } from './git-history.bench.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const cli = join(root, 'bin/samverkan.js');
const rusage = join(root, 'bench/rusage.js');
const work = join(root, '.bench');
// The cache folder of the measured runs: empty at the start, never the user's own.
const cacheHome = mkdtempSync(join(tmpdir(), 'samverkan-bench-cache-'));
const usageFile = join(cacheHome, 'rusage.json');
const AS_OF = '2025-06-01';

/** The workspaces of the issue's table. */
const SIZES = {
  small: { plans: 8, groups: 3, meetingsPerGroup: 5 }, // 30 files
  large: { plans: 1000, groups: 200, meetingsPerGroup: 10 }, // 3,204 files
  larger: { plans: 5000, groups: 200, meetingsPerGroup: 10 }, // 5,000 plans
};

function sizeOf(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.yaml'));
  return { files: files.length, mb: files.reduce((sum, f) => sum + statSync(join(dir, String(f))).size, 0) / 1024 / 1024 };
}

/** One run of `node ARGS`: wall time, CPU time, peak memory and exit code. */
function once(args, { preload = true } = {}) {
  rmSync(usageFile, { force: true });
  const start = performance.now();
  const result = spawnSync(process.execPath, [...(preload ? ['--import', pathToFileURL(rusage).href] : []), ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, XDG_CACHE_HOME: cacheHome, SAMVERKAN_BENCH_RUSAGE: usageFile, LANG: 'en_US.UTF-8' },
  });
  const ms = performance.now() - start;
  const usage = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : { cpuMs: NaN, maxRssMb: NaN };
  return { ms, ...usage, code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The median run of `runs` (by wall time), after `before` has run ahead of each. */
function median(args, { runs = RUNS, before, preload } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    results.push(once(args, { preload }));
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
}

const validateArgs = (dir, ...more) => [cli, 'validate', '-C', dir, '--as-of', AS_OF, ...more];

let allHold = true;
const row = (name, value) => console.log(`${name.padEnd(44)} ${value}`);
const verdict = (holds) => {
  allHold &&= holds;
  return holds ? 'holds' : 'does NOT hold';
};
const figures = (r) => `${r.ms.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU, ${r.maxRssMb.toFixed(0)} MB`;
const expectClean = (r, what) => {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}; the generated workspace should be clean:\n${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
};

const t0 = performance.now();
const dirs = {};
for (const [name, size] of Object.entries(SIZES)) {
  dirs[name] = join(work, `workspace-${name}`);
  generateWorkspace(dirs[name], size);
}
console.log(`samverkan benchmark: median of ${RUNS} runs, whole processes (workspaces generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
for (const [name, dir] of Object.entries(dirs)) {
  const { files, mb } = sizeOf(dir);
  row(`workspace ${name}`, `${files} files, ${mb.toFixed(1)} MB (${JSON.stringify(SIZES[name])})`);
}
console.log('');

// Start-up: --version and --help against a bare node, in the same run (i18n-cli's target).
const bare = median(['-e', '0'], { runs: RUNS * 2, preload: false });
const version = median([cli, '--version'], { runs: RUNS * 2, preload: false });
const help = median([cli, '--help'], { runs: RUNS * 2, preload: false });
row('node -e 0', `${bare.ms.toFixed(0)} ms`);
row('--version vs node -e 0 (target ≤ 1.5×)', `${version.ms.toFixed(0)} ms = ${(version.ms / bare.ms).toFixed(2)}× — ${verdict(version.ms / bare.ms <= 1.5)}`);
row('--help vs node -e 0 (target ≤ 1.5×)', `${help.ms.toFixed(0)} ms = ${(help.ms / bare.ms).toFixed(2)}× — ${verdict(help.ms / bare.ms <= 1.5)}`);

// validate on a workspace changed since the last run: the result cannot come from the cache,
// while the schema validators, compiled once on this computer, can (as if compiled at build).
// A comment line is added to one plan before each run, so every run checks every file.
function changedRuns(dir, runs = RUNS, ...more) {
  const file = join(dir, 'plans/plan-0000.yaml');
  const text = readFileSync(file, 'utf8');
  let edits = 0;
  once(validateArgs(dir)); // compiles and keeps the validators, if no run has yet
  const result = median(validateArgs(dir, ...more), { runs, before: () => writeFileSync(file, `${text}# edit ${++edits}\n`) });
  writeFileSync(file, text);
  return result;
}

const small = changedRuns(dirs.small);
expectClean(small, 'validate (30 files)');
row('validate, 30 files (≤ 250 ms)', `${figures(small)} — ${verdict(small.ms <= 250)}`);
const large = changedRuns(dirs.large);
expectClean(large, 'validate (3,204 files)');
row('validate, 3,204 files (≤ 1.0 s)', `${figures(large)} — ${verdict(large.ms <= 1000)}`);
row('validate, 3,204 files: memory (≤ 400 MB)', `${large.maxRssMb.toFixed(0)} MB — ${verdict(large.maxRssMb <= 400)}`);
// For the record: the parse in one thread (the default, auto, uses one per core from 400 files on).
const oneThread = changedRuns(dirs.large, RUNS, '--workers', '1');
row('  the same with --workers 1, 3,204 files', figures(oneThread));
// For the record: checked long after the plans' due dates, a finding (overdue) in every plan,
// 14,000 in all, each placed on its line and column.
// (The later --as-of wins.)
const overdue = changedRuns(dirs.large, Math.max(3, Math.ceil(RUNS / 2)), '--as-of', '2026-12-03');
row('  the same for 2026-12-03 (14,000 overdue)', figures(overdue));
// For the record: nothing cached at all (--no-cache compiles the validators too).
const smallBare = median(validateArgs(dirs.small, '--no-cache'));
const largeBare = median(validateArgs(dirs.large, '--no-cache'));
row('  the same with --no-cache, 30 files', figures(smallBare));
row('  the same with --no-cache, 3,204 files', figures(largeBare));

// Re-run on the unchanged workspace, answered from the cache; and a changed file still seen.
const planFile = join(dirs.large, 'plans/plan-0000.yaml');
const planText = readFileSync(planFile, 'utf8');
once(validateArgs(dirs.large));
const rerun = median(validateArgs(dirs.large));
expectClean(rerun, 'validate (re-run)');
writeFileSync(planFile, planText.replace('owner: org-000', 'owner: org-999'));
const seen = once(validateArgs(dirs.large));
writeFileSync(planFile, planText);
const changeSeen = seen.code === 1 && seen.stdout.includes('org-999');
row('re-run, unchanged workspace (≤ 150 ms)', `${figures(rerun)} — ${verdict(rerun.ms <= 150)}`);
row('re-run after a change: the change is seen', `${changeSeen ? 'yes (exit 1, the unknown owner reported)' : `NO (exit ${seen.code})`} — ${verdict(changeSeen)}`);

// 5,000 plans against 1,000, both checked afresh in the same way.
const larger = changedRuns(dirs.larger, Math.max(3, Math.ceil(RUNS / 2)));
expectClean(larger, 'validate (5,000 plans)');
const ratio = larger.ms / large.ms;
row('validate, 5,000 plans', figures(larger));
row('5,000 plans vs 1,000 (≤ 5.5×)', `${ratio.toFixed(2)}× (CPU time ${(larger.cpuMs / large.cpuMs).toFixed(2)}×) — ${verdict(ratio <= 5.5)}`);

// render site on the 1,000-plan workspace: measured by its own module when there is one.
const renderBench = join(root, 'bench/render-site.bench.js');
if (existsSync(renderBench)) {
  const { benchRenderSite } = await import(pathToFileURL(renderBench).href);
  const holds = await benchRenderSite({ root, dir: dirs.large, runs: RUNS, row, time: once });
  allHold &&= holds !== false;
} else {
  row('render site, 1,000 plans (≤ 5 s)', 'not measured here: bench/render-site.bench.js is missing');
}

console.log('');
benchGitHistory({ root, runs: Math.min(RUNS, 3), row });
rmSync(cacheHome, { recursive: true, force: true });
const { cpus, loadavg } = await import('node:os');
const busy = loadavg()[0] > cpus().length;
console.log(`\n${allHold ? 'Every target holds.' : 'Not every target holds on this machine now (see above).'}`);
if (busy) {
  console.log(
    `The load average is ${loadavg()[0].toFixed(1)} on ${cpus().length} cores: other processes shared the CPU, so wall times are longer than on an idle machine. The CPU times are each command's own.`,
  );
}
