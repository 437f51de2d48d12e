/**
 * Runs once before the test files (vitest globalSetup): makes sure dist/ is built from the
 * sources as they are now. Most tests import the sources, but a few must run the real program
 * (bin/samverkan.js, `npm start`, the packed package), and those run dist/. A stale dist/ would
 * make them test yesterday's code, so `npx vitest run` builds it when any source is newer than
 * what was built from it, and otherwise costs a few milliseconds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot } from './workspaces.js';

const dist = join(repoRoot, 'dist');
/** Held while a build runs, so two test runs at once do not write dist/ over each other. */
const lock = join(repoRoot, 'node_modules/.cache/samverkan-build.lock');
/** tsc's record of the last build, so a rebuild compiles only what changed. */
const buildInfo = join(repoRoot, 'node_modules/.cache/samverkan-build.tsbuildinfo');
/**
 * Written after each build here. tsc does not write again a file whose source was saved without
 * a change, so a source is stale only when it is newer than both its built file and this mark.
 */
const stampOf = (root: string) => join(root, 'node_modules/.cache/samverkan-build.stamp');
const stamp = stampOf(repoRoot);

function mtime(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * The first source of the package at `root` whose built file is missing or older than it, or
 * undefined when its dist/ is current.
 */
export function staleSource(root: string = repoRoot): string | undefined {
  const src = join(root, 'src');
  const dist = join(root, 'dist');
  const configs = ['tsconfig.json', 'tsconfig.build.json'].map((f) => mtime(join(root, f)) ?? 0);
  const built = mtime(join(dist, 'cli/bin.js'));
  if (built === undefined) return 'dist/cli/bin.js (missing)';
  const stamped = mtime(stampOf(root)) ?? 0;
  if (configs.some((t) => t > Math.max(built, stamped))) return 'tsconfig';
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
    const source = join(entry.parentPath, entry.name);
    const out = join(dist, relative(src, source)).replace(/\.ts$/, '.js');
    const outTime = mtime(out);
    if (outTime === undefined || Math.max(outTime, stamped) < (mtime(source) ?? 0)) return relative(root, source);
  }
  return undefined;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `build` holding the lock; a lock older than two minutes is a crashed run's and is taken over. */
function withLock(build: () => void): void {
  mkdirSync(join(lock, '..'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (mtime(lock) ?? Date.now());
      if (age > 120_000) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    build();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Before the test files: dist/ current, and a cache folder of the run's own (XDG_CACHE_HOME,
 * which the test files' processes inherit), so no test reads or fills the user's cache.
 * Returns the teardown that removes the folder.
 */
export default function setup(): () => void {
  const cache = mkdtempSync(join(tmpdir(), 'samverkan-test-cache-'));
  process.env.XDG_CACHE_HOME = cache;
  buildIfStale();
  return () => rmSync(cache, { recursive: true, force: true });
}

function buildIfStale(): void {
  const stale = staleSource();
  if (stale === undefined) return;
  withLock(() => {
    // Another run may have built it while this one waited for the lock.
    if (staleSource() === undefined) return;
    // Missing outputs are not in tsc's record of what it built: without dist/, start afresh.
    if (mtime(join(dist, 'cli/bin.js')) === undefined) rmSync(buildInfo, { force: true });
    const args = ['-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', buildInfo];
    const started = Date.now();
    const tsc = spawnSync(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), ...args], { cwd: repoRoot, encoding: 'utf8' });
    // tsc writes the JavaScript even when types are wrong; the type check is `npm run typecheck`'s job.
    if (tsc.status !== 0) console.warn(`dist/ was built, but tsc reports type errors (run npm run typecheck):\n${tsc.stdout.split('\n').slice(0, 5).join('\n')}`);
    if (mtime(join(dist, 'cli/bin.js')) !== undefined) {
      // Dated when the build started: a source saved while tsc ran is newer, and built next time.
      writeFileSync(stamp, '');
      utimesSync(stamp, started / 1000, started / 1000);
    }
    if (mtime(join(dist, 'cli/bin.js')) === undefined) throw new Error(`dist/ could not be built from the sources:\n${tsc.stdout}${tsc.stderr}`);
    // A source saved while tsc ran is built by the next run; this one tests what tsc saw.
    const after = staleSource();
    if (after !== undefined) console.warn(`${after} changed while dist/ was being built; the next test run builds it again.`);
    console.log(`Built dist/ from the sources in ${((Date.now() - started) / 1000).toFixed(1)} s (${stale} had changed).`);
  });
}
