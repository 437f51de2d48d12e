/** Counting findings and saying the count in a sentence; shared by the human-readable formats. */
import { relative, sep } from 'node:path';
import type { Finding } from '../rules/types.js';
import type { ReportInput } from './types.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one finding. */
  files: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    files: new Set(findings.map((f) => f.file)).size,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "2 errors and 1 warning in 3 of 12 files." or "12 files checked, no problems." */
export function summaryLine(input: Pick<ReportInput, 'findings' | 'fileCount'>): string {
  const c = countFindings(input.findings);
  if (c.errors + c.warnings + c.infos === 0) return `${plural(input.fileCount, 'file')} checked, no problems.`;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos > 0) parts.push(plural(c.infos, 'note'));
  const list = parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : `${parts[0]} and ${parts[1]}`;
  return `${list} in ${c.files} of ${plural(input.fileCount, 'file')}.`;
}

/** A path relative to `cwd`, with forward slashes, as CI systems and editors expect. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel === '' ? file : rel).split(sep).join('/');
}
