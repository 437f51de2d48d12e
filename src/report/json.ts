/** Machine-readable findings, with paths relative to the current folder. */
import { displayPath } from './display-path.js';
import { countFindings } from './summary.js';
import type { Formatter } from './types.js';

/** `{ version, fileCount, errorCount, warningCount, infoCount, findings }`, pretty-printed. */
export const json: Formatter = (input) => {
  const c = countFindings(input.findings);
  const report = {
    version: input.toolVersion,
    fileCount: input.fileCount,
    errorCount: c.errors,
    warningCount: c.warnings,
    infoCount: c.infos,
    // Named field by field so that the output keeps its shape if Finding ever grows.
    findings: input.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: displayPath(f.file, input.cwd),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
