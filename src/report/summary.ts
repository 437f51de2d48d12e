/** Counting findings and saying the count in one plain sentence. */
import { messages } from '../i18n/messages.js';
import type { Finding, Severity } from '../rules/types.js';
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

const say = messages('report/summary', {
  files: { sv: { one: '{n} fil', other: '{n} filer' }, en: { one: '{n} file', other: '{n} files' } },
  errors: { sv: { one: '{n} fel', other: '{n} fel' }, en: { one: '{n} error', other: '{n} errors' } },
  warnings: { sv: { one: '{n} varning', other: '{n} varningar' }, en: { one: '{n} warning', other: '{n} warnings' } },
  notes: { sv: { one: '{n} notering', other: '{n} noteringar' }, en: { one: '{n} note', other: '{n} notes' } },
  clean: { sv: { one: '{n} fil kontrollerad, inga problem.', other: '{n} filer kontrollerade, inga problem.' }, en: { one: '{n} file checked, no problems.', other: '{n} files checked, no problems.' } },
  two: { sv: '{a} och {b}', en: '{a} and {b}' },
  three: { sv: '{a}, {b} och {c}', en: '{a}, {b} and {c}' },
  counted: { sv: '{list} i {files} av {total}.', en: '{list} in {files} of {total}.' },
  error: { sv: 'fel', en: 'error' },
  warning: { sv: 'varning', en: 'warning' },
  info: { sv: 'notering', en: 'info' },
});

/** A finding's severity as the human-readable reports print it ("varning", "warning"). */
export function severityWord(severity: Severity): string {
  return say(severity);
}

/**
 * The last line of every human-readable report, in the current language without colour:
 * "2 errors and 1 warning in 3 of 12 files." or "12 files checked, no problems."
 * Errors and warnings are always counted, because those are what decide the exit code;
 * info findings ("notes") only when there are some.
 */
export function summaryLine(input: Pick<ReportInput, 'findings' | 'fileCount'>): string {
  const c = countFindings(input.findings);
  if (input.findings.length === 0) return say('clean', { n: input.fileCount });
  const parts = [say('errors', { n: c.errors }), say('warnings', { n: c.warnings })];
  if (c.infos > 0) parts.push(say('notes', { n: c.infos }));
  const list = parts.length === 3 ? say('three', { a: parts[0], b: parts[1], c: parts[2] }) : say('two', { a: parts[0], b: parts[1] });
  // Counted from the findings too, in case the caller counted fewer files than have findings.
  return say('counted', { list, files: c.files, total: say('files', { n: Math.max(input.fileCount, c.files) }) });
}
