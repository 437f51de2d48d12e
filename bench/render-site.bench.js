// `render site` on the 1,000-plan workspace of the benchmark (3,202 pages), as a user runs it:
// `node bin/samverkan.js render site -C DIR --out OUT`, a whole process, start-up, loading and
// checking the workspace included. Called by bench/validate.bench.js (npm run bench) through
// benchRenderSite; prints its rows and returns whether the target (5 s) holds. The site is
// rendered with the default thread count (--workers auto: one per core from 100 pages on), and
// a row says how many threads that was; runs in one thread (--workers 1), interleaved with
// those, show what the threads bring on this machine now.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism as availableCores, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const TARGET_MS = 5000;
const AS_OF = '2025-06-01';

/** The median of the runs, by wall time. */
function median(results) {
  const sorted = [...results].sort((a, b) => a.ms - b.ms);
  return sorted[Math.floor(sorted.length / 2)];
}

const describe = (r, pages) => `${r.ms.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU, ${r.maxRssMb.toFixed(0)} MB, ${pages} pages`;

/**
 * Renders the workspace at `dir` as an HTML site `runs` times into a fresh folder each time,
 * with `time` (one measured process: { ms, cpuMs, maxRssMb, code, stdout, stderr }), and
 * prints the median run with `row`.
 */
export async function benchRenderSite({ root, dir, runs, row, time }) {
  const cli = join(root, 'bin/samverkan.js');
  // The same decision the command takes.
  const { renderThreads } = await import(pathToFileURL(join(root, 'dist/render/render-workers.js')).href);
  const byDefault = [];
  const oneThread = [];
  let pages = 0;
  const once = (extra) => {
    const out = mkdtempSync(join(tmpdir(), 'samverkan-bench-site-'));
    try {
      const r = time([cli, 'render', 'site', '-C', dir, '--as-of', AS_OF, '--out', out, ...extra]);
      if (r.code !== 0) throw new Error(`render site exited ${r.code}:\n${r.stdout.slice(0, 2000)}${r.stderr.slice(0, 2000)}`);
      pages = readdirSync(out).filter((f) => f.endsWith('.html')).length;
      return r;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  for (let i = 0; i < runs; i++) {
    byDefault.push({ ...once([]), threads: renderThreads('auto', pages || Number.POSITIVE_INFINITY) });
    if (i < Math.min(runs, 3)) oneThread.push(once(['--workers', '1']));
  }
  const m = median(byDefault);
  const holds = m.ms <= TARGET_MS;
  row('render site, 1,000 plans (≤ 5 s)', `${describe(m, pages)} — ${holds ? 'holds' : 'does NOT hold'}`);
  row('render site: threads (--workers auto)', `${m.threads} in the median run (runs: ${byDefault.map((r) => r.threads).join(', ')}); ${availableCores()} cores`);
  row('render site, --workers 1 (for comparison)', describe(median(oneThread), pages));
  return holds;
}
