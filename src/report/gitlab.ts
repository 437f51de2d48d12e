/** GitLab Code Quality report: findings shown in merge requests and the pipeline's Code Quality tab. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding, Severity } from '../rules/types.js';
import { displayPath, reportRoot } from './display-path.js';
import type { Formatter, ReportInput } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/** Reads a file as text, or undefined when it cannot be read (a report must not fail over it). */
function readFromDisk(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The text a finding is about, which stays the same while the finding does: its source line,
 * trimmed. Not the message (it may say "due 12 days ago", which changes every day) and not the
 * line number (it changes when a line is inserted above). Empty when the file cannot be read.
 */
export function findingSubject(
  finding: Pick<Finding, 'file' | 'line'>,
  source: (file: string) => string | undefined,
): string {
  const text = source(finding.file);
  if (text === undefined) return '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return (lines[finding.line - 1] ?? '').trim();
}

/** A cached reader, so that a file with many findings is read once. */
function cachedSource(input: ReportInput): (file: string) => string | undefined {
  const read = input.readSource ?? readFromDisk;
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, read(file));
    return cache.get(file);
  };
}

/**
 * A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`,
 * with paths relative to the repository root (reportRoot). GitLab compares fingerprints between
 * the base and the head of a merge request to tell new findings from fixed ones, so a fingerprint
 * is a SHA-256 of rule, path and the finding's subject (findingSubject): the same from day to day
 * and when lines move, new when the line itself changes. Findings with the same rule, path and
 * subject are told apart by their order in the file.
 */
export const gitlab: Formatter = (input) => {
  const root = reportRoot(input);
  const source = cachedSource(input);
  const seen = new Map<string, number>();
  const issues = input.findings.map((f) => {
    const path = displayPath(f.file, root);
    // NUL separates the parts so that no two different findings hash the same text.
    const key = [f.ruleId, path, findingSubject(f, source)].join('\0');
    // GitLab keeps one issue per fingerprint; a repeat of the same subject gets its ordinal added,
    // while the first keeps the plain fingerprint.
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return {
      description: f.message,
      check_name: f.ruleId,
      fingerprint: createHash('sha256').update(repeat === 0 ? key : `${key}\0${repeat}`).digest('hex'),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
