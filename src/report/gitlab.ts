/** GitLab Code Quality report: findings shown in merge requests and the pipeline's Code Quality tab. */
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/types.js';
import { displayPath } from './display-path.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`.
 * GitLab compares fingerprints between the base and the head of a merge request to tell new
 * findings from fixed ones, so a fingerprint is a SHA-256 of rule, path, line and message: stable
 * from run to run, new when the finding moves to another line.
 */
export const gitlab: Formatter = (input) => {
  const seen = new Map<string, number>();
  const issues = input.findings.map((f) => {
    const path = displayPath(f.file, input.cwd);
    // NUL separates the parts so that no two different findings hash the same text.
    const key = [f.ruleId, path, String(f.line), f.message].join('\0');
    // GitLab keeps one issue per fingerprint; a repeat of the same finding on the same line (say,
    // in another column) gets its ordinal added, while the first keeps the plain fingerprint.
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
