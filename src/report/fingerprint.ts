/**
 * Fingerprints that tell the same finding apart from run to run, so that GitLab (and SARIF's
 * partialFingerprints) can say which findings a change adds and which it fixes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding } from '../rules/types.js';
import { displayPath, reportRoot } from './display-path.js';
import type { ReportInput } from './types.js';

/** Reads a file as text, or undefined when it cannot be read (a report must not fail over it). */
function readFromDisk(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * What a finding is about, in words that stay the same while the finding does: the finding's own
 * `subject` when its rule gives one, else its source line, trimmed. Never the message (it may say
 * "due 12 days ago", which changes every day) nor the line number (it changes when a line is
 * inserted above). Empty when neither is known.
 */
export function findingSubject(
  finding: Pick<Finding, 'file' | 'line'> & { subject?: string },
  source: (file: string) => string | undefined,
): string {
  if (finding.subject !== undefined) return finding.subject;
  const text = source(finding.file);
  if (text === undefined) return '';
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return (lines[finding.line - 1] ?? '').trim();
}

/**
 * One SHA-256 (hex) per finding, in order, of its rule, its path relative to the repository root
 * (reportRoot) and its subject (findingSubject). Findings alike in all three are told apart by
 * their order: the first keeps the plain fingerprint, later ones get their ordinal added.
 * Files are read through `input.readSource` (default: from disk), each once.
 */
export function findingFingerprints(input: Pick<ReportInput, 'findings' | 'cwd' | 'repoRoot' | 'readSource'>): string[] {
  const root = reportRoot(input);
  const read = input.readSource ?? readFromDisk;
  const cache = new Map<string, string | undefined>();
  const source = (file: string): string | undefined => {
    if (!cache.has(file)) cache.set(file, read(file));
    return cache.get(file);
  };
  const seen = new Map<string, number>();
  return input.findings.map((f) => {
    // NUL separates the parts so that no two different findings hash the same text.
    const key = [f.ruleId, displayPath(f.file, root), findingSubject(f, source)].join('\0');
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return createHash('sha256').update(repeat === 0 ? key : `${key}\0${repeat}`).digest('hex');
  });
}
