/**
 * The tests that run the real program run dist/, so the test run builds it first whenever a
 * source is newer (tests/helpers/global-setup.ts). These cases hold its notion of "newer" to
 * account on a package of its own in a temporary folder, with file times set by hand.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleSource } from '../helpers/global-setup.js';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `rel` under the package with its modification time `at` seconds after an arbitrary epoch. */
function file(rel: string, at: number): void {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, 1_700_000_000 + at, 1_700_000_000 + at);
}

/** A package whose sources were all built at time 10. */
function builtPackage(): void {
  root = mkdtempSync(join(tmpdir(), 'samverkan-stale-'));
  file('tsconfig.json', 0);
  file('tsconfig.build.json', 0);
  file('src/cli/bin.ts', 5);
  file('src/render/page.ts', 5);
  file('src/model/types.d.ts', 50);
  file('dist/cli/bin.js', 10);
  file('dist/render/page.js', 10);
}

describe('a dist/ built from the sources', () => {
  it('is current when every source is older than its built file (declaration files are not built)', () => {
    builtPackage();
    expect(staleSource(root)).toBeUndefined();
  });

  it('is stale when a source is newer than its built file, or has none yet', () => {
    builtPackage();
    file('src/render/page.ts', 20);
    expect(staleSource(root)).toBe('src/render/page.ts');
    builtPackage();
    file('src/render/new.ts', 5);
    expect(staleSource(root)).toBe('src/render/new.ts');
  });

  it('is stale without dist/, and after a change of the TypeScript settings', () => {
    builtPackage();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(staleSource(root)).toMatch(/missing/);
    builtPackage();
    file('tsconfig.build.json', 20);
    expect(staleSource(root)).toBe('tsconfig');
  });

  it('is current after a build that left a source saved without a change unwritten', () => {
    builtPackage();
    file('src/render/page.ts', 20);
    // The build at 30 found nothing to write for it; the stamp says when the build started.
    file('node_modules/.cache/samverkan-build.stamp', 30);
    expect(staleSource(root)).toBeUndefined();
    file('src/render/page.ts', 40);
    expect(staleSource(root)).toBe('src/render/page.ts');
  });
});
