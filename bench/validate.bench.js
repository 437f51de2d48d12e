#!/usr/bin/env node
// npm run bench: validate on a generated workspace of 1,000 plan files, compared with parsing
// the same files with the yaml package alone, plus the CLI's start-up time compared with a bare
// Node process. Figures are ratios measured in one run on one machine, so they compare like with
// like whatever the machine's speed; absolute times are printed for the record. Last, `changes`
// and `history` over 100 commits against their targets in wall time (bench/git-history.bench.js).
import { execFileSync } from 'node:child_process';
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateWorkspace } from './generate.js';
import { benchGitHistory } from './git-history.bench.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = join(root, '.bench/workspace');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

generateWorkspace(dir);
const bytes = readdirSync(dir, { recursive: true })
  .filter((f) => String(f).endsWith('.yaml'))
  .reduce((sum, f) => sum + statSync(join(dir, String(f))).size, 0);

function measure(script) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(JSON.parse(execFileSync(process.execPath, [join(root, 'bench', script), dir], { encoding: 'utf8' })));
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
}

function wall(args) {
  const times = [];
  for (let i = 0; i < RUNS * 3; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const validate = measure('measure-validate.js');
const parse = measure('measure-parse.js');
const startup = wall([join(root, 'bin/samverkan.js'), '--version']);
const bare = wall(['-e', '']);

const row = (name, value) => console.log(`${name.padEnd(34)} ${value}`);
console.log(`samverkan benchmark (median of ${RUNS} runs)\n`);
row('workspace', `${validate.fileCount} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
row('validate: wall time', `${validate.ms.toFixed(0)} ms`);
row('validate: peak memory (RSS)', `${validate.maxRssMb.toFixed(0)} MB`);
row('yaml parse only: wall time', `${parse.ms.toFixed(0)} ms`);
row('yaml parse only: peak memory', `${parse.maxRssMb.toFixed(0)} MB`);
row('ratio validate / parse (time)', `${(validate.ms / parse.ms).toFixed(2)}×`);
row('ratio validate / parse (memory)', `${(validate.maxRssMb / parse.maxRssMb).toFixed(2)}×`);
row('start-up: samverkan --version', `${startup.toFixed(0)} ms`);
row('start-up: node -e ""', `${bare.toFixed(0)} ms`);
row('ratio start-up / bare node', `${(startup / bare).toFixed(2)}×`);
// The git history: changes across 100 commits and one action's history, against their targets.
benchGitHistory({ root, runs: RUNS, row });
if (validate.errors > 0) {
  console.error(`\nThe generated workspace has ${validate.errors} errors; the benchmark measures the wrong thing.`);
  process.exitCode = 1;
}
