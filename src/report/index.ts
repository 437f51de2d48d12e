/** The report formats of validate, by name. */
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter, ReportInput } from './types.js';

import type { FormatName } from './formats.js';

const FORMATTERS: Record<FormatName, Formatter> = { stylish, json, github, sarif, gitlab, junit };

/** The report in `format`. */
export function formatReport(format: FormatName, input: ReportInput): string {
  return FORMATTERS[format](input);
}

export { FORMATS, type FormatName } from './formats.js';
export { summaryLine } from './summary.js';
export type { Formatter, ReportInput } from './types.js';
