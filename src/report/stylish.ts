/** The default report on a terminal: findings grouped by file and aligned, like ESLint's stylish. */
import type { Finding, Severity } from '../rules/types.js';
import { displayPath } from './display-path.js';
import { plainText, textLines } from './plain-text.js';
import { countFindings, severityWord, summaryLine } from './summary.js';
import type { Formatter } from './types.js';

// SGR open and close codes. The close codes reset only their own attribute, so styles nest.
const STYLES = { red: [31, 39], yellow: [33, 39], bold: [1, 22], dim: [2, 22] } as const;
type Style = keyof typeof STYLES;

// Info has no colour of its own: it should not draw the eye away from errors and warnings.
const SEVERITY_STYLE: Record<Severity, Style | undefined> = { error: 'red', warning: 'yellow', info: undefined };

/**
 * One heading per file, then `  line:col  severity  message  ruleId` per finding, with the colons
 * of the positions and the start of the messages aligned; a blank line and the summary at the end.
 * A message of several lines keeps them, indented under its first.
 */
export const stylish: Formatter = (input) => {
  if (input.findings.length === 0) return `${summaryLine(input)}\n`;
  const paint = (style: Style | undefined, text: string): string =>
    input.color && style ? `\u001b[${STYLES[style][0]}m${text}\u001b[${STYLES[style][1]}m` : text;

  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }

  const out: string[] = [];
  for (const [file, findings] of byFile) {
    out.push(paint('bold', plainText(displayPath(file, input.cwd))));
    const lineWidth = Math.max(...findings.map((f) => String(f.line).length));
    const columnWidth = Math.max(...findings.map((f) => String(f.column).length));
    const severityWidth = Math.max(...findings.map((f) => severityWord(f.severity).length));
    const indent = ' '.repeat(2 + lineWidth + 1 + columnWidth + 2 + severityWidth + 2);
    for (const f of findings) {
      const position = `${String(f.line).padStart(lineWidth)}:${String(f.column).padEnd(columnWidth)}`;
      // Padded outside the colour, because the escape codes have no width on screen.
      const word = severityWord(f.severity);
      const severity = paint(SEVERITY_STYLE[f.severity], word) + ' '.repeat(severityWidth - word.length);
      const [first, ...rest] = textLines(f.message);
      const lines = [`  ${paint('dim', position)}  ${severity}  ${first}`, ...rest.map((l) => indent + l)];
      lines[lines.length - 1] += `  ${paint('dim', f.ruleId)}`;
      out.push(...lines);
    }
    out.push('');
  }

  const c = countFindings(input.findings);
  const mark = paint(c.errors > 0 ? 'red' : c.warnings > 0 ? 'yellow' : undefined, '✖');
  out.push(`${mark} ${summaryLine(input)}`);
  return `${out.join('\n')}\n`;
};
