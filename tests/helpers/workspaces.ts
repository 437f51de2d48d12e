/** Test helpers: fixture paths, temporary copies of workspaces, and findings in a comparable form. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/rules/types.js';
import { onTestFinished } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixture = (name: string): string => join(repoRoot, 'tests/fixtures/workspaces', name);
export const example = (name: string): string => join(repoRoot, 'plans', name);

/** Copies a workspace into a fresh temporary folder; returns the copy's path and a cleanup. */
export function copyWorkspace(source: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-test-'));
  cpSync(source, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a workspace for the running test only: the copy is removed when the test ends. */
export function copyForTest(source: string): string {
  const copy = copyWorkspace(source);
  onTestFinished(copy.cleanup);
  return copy.dir;
}

/** "file:line ruleId" strings, sorted, for comparing findings with expectations. */
export function brief(findings: readonly Finding[], root: string): string[] {
  return findings.map((f) => `${relative(root, f.file)}:${f.line} ${f.ruleId}`).sort();
}
