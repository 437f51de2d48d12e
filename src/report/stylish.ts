/** The default report on a terminal: findings grouped by file, aligned, like ESLint's stylish. */
import type { Severity } from '../rules/types.js';
import { countFindings, displayPath, summaryLine } from './summary.js';
import type { Formatter } from './types.js';

const CODES = { red: [31, 39], yellow: [33, 39], blue: [34, 39], dim: [2, 22], bold: [1, 22], green: [32, 39] } as const;
type Style = keyof typeof CODES;

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

export const stylish: Formatter = (input) => {
  const paint = (style: Style, text: string) => (input.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
  const lines: string[] = [];
  const byFile = new Map<string, typeof input.findings>();
  for (const f of input.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  for (const [file, findings] of byFile) {
    lines.push(paint('bold', displayPath(file, input.cwd)));
    const posWidth = Math.max(...findings.map((f) => `${f.line}:${f.column}`.length));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    for (const f of findings) {
      const pos = `${f.line}:${f.column}`.padEnd(posWidth);
      const sev = paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(sevWidth));
      // A message never spans lines here, so that each finding stays one line for grep.
      lines.push(`  ${paint('dim', pos)}  ${sev}  ${f.message.replace(/\s*\n\s*/g, ' ')}  ${paint('dim', f.ruleId)}`);
    }
    lines.push('');
  }
  const c = countFindings(input.findings);
  const mark = c.errors > 0 ? paint('red', '✖') : c.warnings > 0 ? paint('yellow', '⚠') : paint('green', '✔');
  lines.push(`${mark} ${summaryLine(input)}`);
  return `${lines.join('\n')}\n`;
};
