/** The report formats of `samverkan validate`, by name. */
import type { FormatName } from './formats.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, ReportInput } from './types.js';

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, github, sarif, gitlab, junit };

/** The whole report in `format`, ending with a newline. */
export function formatReport(format: FormatName, input: ReportInput): string {
  const formatter = FORMATTERS[format];
  // The CLI checks the name, but the programmatic API takes whatever a caller passes.
  if (!formatter) throw new TypeError(`"${String(format)}" is not a report format.`);
  return formatter(input);
}

export { FORMATS, type FormatName } from './formats.js';
export { summaryLine } from './summary.js';
export { repositoryRoot } from './display-path.js';
export { samverkanRepositoryUrl } from './sarif.js';
export { findingFingerprints } from './fingerprint.js';
export { appendGithubStepSummary, githubStepSummary } from './github.js';
export type { CheckedFile, Formatter, ReportInput } from './types.js';
