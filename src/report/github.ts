/**
 * GitHub Actions workflow commands: an annotation on the line of each finding, then a plain
 * summary of every finding, because GitHub shows only the first 10 annotations of a step.
 */
import type { Severity } from '../rules/types.js';
import { displayPath, summaryLine } from './summary.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escaping of a command's message (data), as the runner's toolkit does. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a command's property values, which also may not contain : or ,. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = (input) => {
  const lines = input.findings.map((f) => {
    const props = [
      `file=${escapeProperty(displayPath(f.file, input.cwd))}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(f.ruleId)}`,
    ].join(',');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`;
  });
  if (input.findings.length > 0) {
    lines.push('', 'samverkan found:');
    for (const f of input.findings) {
      lines.push(`${displayPath(f.file, input.cwd)}:${f.line}:${f.column}  ${f.severity}  ${f.message.replace(/\s*\n\s*/g, ' ')}  (${f.ruleId})`);
    }
  }
  lines.push(summaryLine(input));
  return `${lines.join('\n')}\n`;
};
