#!/usr/bin/env node
// The git part of npm run bench: a repository of 100 commits of the example workspace
// (bench/generate-history.js), and the wall time of the built CLI for `changes` across all of
// them (target: at most 2 s) and `history` of one action through them (target: at most 1 s).
// Wall times of the whole command, start-up included, as a user waits for them: median of RUNS.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateHistoryRepo } from './generate-history.js';

const TARGETS = { changes: 2000, history: 1000 };

/** Builds the repository, times both commands and prints one row per figure; returns whether both targets hold. */
export function benchGitHistory({ root, runs = 3, row }) {
  const dir = join(root, '.bench/history-repo');
  const t0 = performance.now();
  const { first, followed, ws } = generateHistoryRepo(root, dir, { commits: 100 });
  const built = performance.now() - t0;
  const cli = join(root, 'bin/samverkan.js');

  const time = (args, check) => {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const out = execFileSync(process.execPath, [cli, ...args, '-C', ws, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      times.push(performance.now() - start);
      check(JSON.parse(out));
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  };
  // Each run must have done the whole work, or the figure measures something else.
  const changes = time(['changes', '--since', first], (json) => {
    const count = json.documents.reduce((n, d) => n + d.changes.length, 0);
    if (count < 100) throw new Error(`changes found only ${count} changes across the 100 commits`);
  });
  const history = time(['history', followed], (json) => {
    if (json.entries.length < 33) throw new Error(`history found only ${json.entries.length} changes of ${followed}`);
  });

  const verdict = (ms, target) => `${ms.toFixed(0)} ms (target ≤ ${target} ms: ${ms <= target ? 'holds' : 'does NOT hold'})`;
  row('git repository', `100 commits of plans/norra-bohuslan (built in ${(built / 1000).toFixed(1)} s)`);
  row('changes across 100 commits', verdict(changes, TARGETS.changes));
  row(`history ${followed}`, verdict(history, TARGETS.history));
  return changes <= TARGETS.changes && history <= TARGETS.history;
}

// Run on its own: node bench/git-history.bench.js (after npm run build).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../', import.meta.url));
  console.log(`samverkan git benchmark (median of ${Number(process.env.BENCH_RUNS ?? 3)} runs)\n`);
  benchGitHistory({ root, runs: Number(process.env.BENCH_RUNS ?? 3), row: (name, value) => console.log(`${name.padEnd(34)} ${value}`) });
}
