/** GitLab Code Quality report: findings shown in merge requests. */
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/types.js';
import { displayPath } from './summary.js';
import type { Formatter } from './types.js';

const SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = { error: 'major', warning: 'minor', info: 'info' };

export const gitlab: Formatter = (input) => {
  const seen = new Map<string, number>();
  const issues = input.findings.map((f) => {
    const path = displayPath(f.file, input.cwd);
    // The fingerprint includes the line, so GitLab sees a moved finding as new; the counter keeps
    // two identical findings on one line apart.
    const base = `${f.ruleId}\0${path}\0${f.line}\0${f.column}\0${f.message}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      description: f.message,
      check_name: f.ruleId,
      fingerprint: createHash('sha256').update(`${base}\0${n}`).digest('hex'),
      severity: SEVERITY[f.severity],
      location: { path, lines: { begin: f.line } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
