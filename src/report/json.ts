/** Machine-readable findings, with paths relative to the current folder. */
import { countFindings, displayPath } from './summary.js';
import type { Formatter } from './types.js';

export const json: Formatter = (input) => {
  const c = countFindings(input.findings);
  return `${JSON.stringify(
    {
      version: input.toolVersion,
      fileCount: input.fileCount,
      errorCount: c.errors,
      warningCount: c.warnings,
      infoCount: c.infos,
      findings: input.findings.map((f) => ({ ...f, file: displayPath(f.file, input.cwd) })),
    },
    null,
    2,
  )}\n`;
};
