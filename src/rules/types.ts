/** Findings and rule descriptions: what every check produces and every report format reads. */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A problem found in a file, at a 1-based line and column. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** Absolute path of the file. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a rule is, for reports (SARIF rules, the README table) and for severity settings. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: string;
}
