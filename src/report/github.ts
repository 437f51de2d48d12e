/**
 * GitHub Actions workflow commands: an annotation on the line of each finding, then a plain-text
 * summary of every finding, because GitHub shows only the first 10 annotations of each type per step.
 */
import { createHash } from 'node:crypto';
import type { Severity } from '../rules/types.js';
import { displayPath } from './display-path.js';
import { oneLine, plainText } from './plain-text.js';
import { summaryLine } from './summary.js';
import type { Formatter } from './types.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a command's message, as @actions/core does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value, which also may not contain `:` or `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE` per finding
 * (`::warning`, `::notice` for info), then every finding as `file:line:col  severity  message  (rule)`
 * and the summary line.
 */
export const github: Formatter = (input) => {
  const out = input.findings.map((f) => {
    const properties = [
      `file=${escapeProperty(displayPath(f.file, input.cwd))}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(f.ruleId)}`,
    ].join(',');
    return `::${COMMAND[f.severity]} ${properties}::${escapeData(plainText(f.message))}`;
  });

  const text = input.findings.map(
    (f) => `${oneLine(displayPath(f.file, input.cwd))}:${f.line}:${f.column}  ${f.severity}  ${oneLine(f.message)}  (${f.ruleId})`,
  );
  if (text.length > 0) text.push('');
  text.push(summaryLine(input));

  // The runner reads any line that starts with "::" as a command, and a file in a pull request
  // may be named that way. Commands are paused around such a summary, with a token nobody can
  // write into a file name in advance: it is derived from the text it protects.
  if (text.some((l) => l.trimStart().startsWith('::'))) {
    const token = `samverkan-${createHash('sha256').update(text.join('\n')).digest('hex').slice(0, 32)}`;
    text.unshift(`::stop-commands::${token}`);
    text.push(`::${token}::`);
  }

  if (out.length > 0) out.push('');
  return `${[...out, ...text].join('\n')}\n`;
};
