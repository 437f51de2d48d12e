/** Counting findings and saying the count in one plain sentence. */
import type { Finding } from '../rules/types.js';
import type { ReportInput } from './types.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one finding. */
  files: number;
}

/** How many findings of each severity, and in how many files. */
export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, files: new Set(findings.map((f) => f.file)).size };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The last line of every human-readable report, in plain English without colour:
 * "2 errors and 1 warning in 3 of 12 files." or "12 files checked, no problems."
 * Errors and warnings are always counted, because those are what decide the exit code;
 * info findings ("notes") only when there are some.
 */
export function summaryLine(input: Pick<ReportInput, 'findings' | 'fileCount'>): string {
  const c = countFindings(input.findings);
  if (input.findings.length === 0) return `${plural(input.fileCount, 'file')} checked, no problems.`;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos > 0) parts.push(plural(c.infos, 'note'));
  const list = parts.length === 3 ? `${parts[0]}, ${parts[1]} and ${parts[2]}` : `${parts[0]} and ${parts[1]}`;
  // Counted from the findings too, in case the caller counted fewer files than have findings.
  return `${list} in ${c.files} of ${plural(Math.max(input.fileCount, c.files), 'file')}.`;
}
