/** GitLab Code Quality report: findings shown in merge requests and the pipeline's Code Quality tab. */
import type { Severity } from '../rules/types.js';
import { displayPath, reportRoot } from './display-path.js';
import { findingFingerprints } from './fingerprint.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * A JSON array of `{description, check_name, fingerprint, severity, location: {path, lines: {begin}}}`,
 * with paths relative to the repository root (reportRoot). GitLab compares fingerprints between
 * the base and the head of a merge request to tell new findings from fixed ones, so they come from
 * rule, path and subject (findingFingerprints): the same from day to day and when lines move.
 */
export const gitlab: Formatter = (input) => {
  const root = reportRoot(input);
  const fingerprints = findingFingerprints(input);
  const issues = input.findings.map((f, i) => ({
    description: f.message,
    check_name: f.ruleId,
    fingerprint: fingerprints[i],
    severity: SEVERITY[f.severity],
    location: { path: displayPath(f.file, root), lines: { begin: f.line } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
};
