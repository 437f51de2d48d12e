/** What every report format gets, and the one interface they share. */
import type { Finding, RuleMeta } from '../rules/types.js';

export interface ReportInput {
  /** Sorted by file, line and column. */
  findings: Finding[];
  /** Every rule samverkan has (SARIF lists them). */
  rules: readonly RuleMeta[];
  /** How many files were checked. */
  fileCount: number;
  /** Paths in reports are relative to this folder, with forward slashes. */
  cwd: string;
  /** ANSI colours; only the stylish format uses them. */
  color: boolean;
  toolVersion: string;
}

/** Turns the findings into the text of one report format. */
export type Formatter = (input: ReportInput) => string;
