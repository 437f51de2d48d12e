// Child process of the benchmark: validates the workspace through the public API and prints
// its wall time and peak memory as JSON, so each measurement starts from a fresh process.
import { performance } from 'node:perf_hooks';
const [dir] = process.argv.slice(2);
const t0 = performance.now();
const { loadWorkspace, checkWorkspace } = await import('../dist/index.js');
const ws = await loadWorkspace({ dir });
const { findings, fileCount } = await checkWorkspace(ws, { asOf: '2025-06-01' });
const ms = performance.now() - t0;
const errors = findings.filter((f) => f.severity === 'error');
if (errors.length) console.error(errors.slice(0, 5));
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, fileCount, findings: findings.length, errors: errors.length }));
