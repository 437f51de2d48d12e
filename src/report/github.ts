/**
 * GitHub Actions: workflow commands that annotate the line of each finding, then a plain-text list
 * of every finding, because GitHub shows only the first 10 annotations of each type per step;
 * and a Markdown table of every finding for the job summary page ($GITHUB_STEP_SUMMARY).
 */
import { createHash } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import { messages } from '../i18n/messages.js';
import type { Finding, Severity } from '../rules/types.js';
import { displayPath, reportRoot } from './display-path.js';
import { oneLine, plainText } from './plain-text.js';
import { severityWord, summaryLine } from './summary.js';
import type { Formatter, ReportInput } from './types.js';

const say = messages('report/github', {
  header: { sv: '| Allvarlighetsgrad | Fil | Rad | Problem | Regel |', en: '| Severity | File | Line | Problem | Rule |' },
  left: {
    sv: { one: '{n} fynd till visas inte här, för att hålla GitHubs storleksgräns för en sammanfattning; stegets logg listar alla.', other: '{n} fynd till visas inte här, för att hålla GitHubs storleksgräns för en sammanfattning; stegets logg listar alla.' },
    en: { one: "{n} more finding is not shown here, to keep within GitHub's size limit for a summary; the step's log lists them all.", other: "{n} more findings are not shown here, to keep within GitHub's size limit for a summary; the step's log lists them all." },
  },
});

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings, errors first, then warnings, then notes, each in file order. GitHub shows the
 * first 10 annotations of each type per step, so the ones that fail the run come first.
 */
export function byImportance(findings: readonly Finding[]): Finding[] {
  // Array.prototype.sort is stable, so the file order holds within a severity.
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** Escapes a command's message, as @actions/core does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command's property value, which also may not contain `:` or `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Every annotation (byImportance) as
 * `::error file=F,line=L,col=C,endLine=…,endColumn=…,title=RULE::MESSAGE` (`::warning`, `::notice`
 * for info), then every finding in file order as `file:line:col  severity  message  (rule)` and the
 * summary line. Paths are relative to the repository root (reportRoot), which GitHub resolves them against.
 */
export const github: Formatter = (input) => {
  const root = reportRoot(input);
  const out = byImportance(input.findings).map((f) => {
    const properties = [
      `file=${escapeProperty(displayPath(f.file, root))}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `endLine=${f.endLine}`,
      `endColumn=${f.endColumn}`,
      `title=${escapeProperty(f.ruleId)}`,
    ].join(',');
    return `::${COMMAND[f.severity]} ${properties}::${escapeData(plainText(f.message))}`;
  });

  const text = input.findings.map(
    (f) => `${oneLine(displayPath(f.file, root))}:${f.line}:${f.column}  ${f.severity}  ${oneLine(f.message)}  (${f.ruleId})`,
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

// GitHub refuses a step summary over 1 MiB and then shows none of it; this leaves room for the
// closing line and for what other tools of the same step write.
const SUMMARY_LIMIT = 1_000_000;

/**
 * Text for one cell of a Markdown table: on one line, with HTML and Markdown syntax escaped, so
 * that a name from a user's file shows as written and cannot add links, images or markup.
 */
export function markdownCell(text: string): string {
  return oneLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Inside a table cell only these start inline markup (or end the cell); `(` and `!` matter
    // only next to an escaped `[`, and `#`, `-`, `+` only at the start of a line; `$` starts maths.
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
}

/**
 * The job summary in Markdown: a heading with the summary line and, when there are findings, a
 * table of every one (severity, file, line:column, problem, rule) in file order, with paths
 * relative to the repository root. A table that would pass GitHub's size limit stops early and
 * says how many rows are left out and where to find them.
 */
export function githubStepSummary(input: ReportInput): string {
  const root = reportRoot(input);
  const out = [`### samverkan: ${markdownCell(summaryLine(input))}`, ''];
  if (input.findings.length > 0) {
    out.push(say('header'), '| --- | --- | --- | --- | --- |');
    let size = Buffer.byteLength(out.join('\n'));
    for (const [i, f] of input.findings.entries()) {
      const row = `| ${severityWord(f.severity)} | ${markdownCell(displayPath(f.file, root))} | ${f.line}:${f.column} | ${markdownCell(f.message)} | ${markdownCell(f.ruleId)} |`;
      size += Buffer.byteLength(row) + 1;
      if (size > SUMMARY_LIMIT) {
        const left = input.findings.length - i;
        out.push('', say('left', { n: left }));
        break;
      }
      out.push(row);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/**
 * Appends the job summary (githubStepSummary) to `file`, the path GitHub Actions gives in
 * $GITHUB_STEP_SUMMARY. Appends, because other steps' tools write to the same job summary.
 */
export async function appendGithubStepSummary(file: string, input: ReportInput): Promise<void> {
  await appendFile(file, githubStepSummary(input), 'utf8');
}
