/** Machine-readable findings, with paths relative to the current folder. */
import { displayPath } from './display-path.js';
import { countFindings } from './summary.js';
import type { Formatter } from './types.js';

// JSON.stringify escapes C0 controls but leaves DEL, C1 (U+0080–U+009F, U+009B is a CSI on some
// terminals), the line and paragraph separators (which break JavaScript readers of the JSON) and
// the bidirectional overrides and isolates (which reorder what a reader sees) as they are.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes, in JSON text, the characters JSON.stringify leaves raw that could act on a terminal or
 * a reader (see JSON_UNSAFE) as \u0080-style escapes: the JSON means the same, and shows none.
 * They can only stand inside strings in JSON.stringify's output, so replacing them is safe.
 */
export function escapeJsonControls(text: string): string {
  return text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `value` as pretty-printed JSON with a final newline, with no raw control character (escapeJsonControls). */
export function jsonText(value: unknown): string {
  return `${escapeJsonControls(JSON.stringify(value, null, 2))}\n`;
}

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
  return jsonText(report);
};
