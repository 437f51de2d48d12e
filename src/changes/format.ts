/** The changes as plain text, Markdown (a pull request's step summary) or JSON. */
import { fill, formatDate, labelsFor } from '../i18n/index.js';
import { escapeInline, headingText } from '../render/markdown-text.js';
import type { ChangesReport, RevisionInfo } from '../commands/changes.js';
import { describeChange, describeDocument } from './describe.js';

/** The output formats of `changes`. */
export const CHANGES_FORMATS = ['text', 'md', 'json'] as const;
export type ChangesFormat = (typeof CHANGES_FORMATS)[number];

function revision(rev: RevisionInfo, report: ChangesReport): string {
  const date = formatDate(rev.date, report.lang);
  const short = rev.commit.slice(0, 7);
  // A hash given on the command line is shown short, once.
  return rev.commit.startsWith(rev.rev) ? `${short} (${date})` : fill(labelsFor(report.lang).t.chg_revision, { rev: rev.rev, commit: short, date });
}

/** The report's title line. */
export function changesHeading(report: ChangesReport): string {
  const t = labelsFor(report.lang).t;
  const since = revision(report.since, report);
  return report.until ? fill(t.chg_heading_between, { since, until: revision(report.until, report) }) : fill(t.chg_heading_working, { since });
}

/** Each document's heading and the sentences of its changes, uncommitted ones marked. */
function sections(report: ChangesReport): Array<{ heading: string; file: string; lines: string[] }> {
  const t = labelsFor(report.lang).t;
  return report.documents.map((doc) => ({
    heading: describeDocument(doc, report.lang),
    file: doc.file,
    lines: doc.changes.map((c) => `${describeChange(c, report.lang)}${c.uncommitted ? ` (${t.chg_uncommitted})` : ''}`),
  }));
}

function unreadableLines(report: ChangesReport): string[] {
  const t = labelsFor(report.lang).t;
  return report.unreadable.map((u) =>
    fill(t.chg_unreadable, {
      file: u.file,
      where: u.side === 'before' ? revision(report.since, report) : report.until ? revision(report.until, report) : t.chg_working_tree,
      line: u.line,
      message: u.message,
    }),
  );
}

/** Plain text for a terminal. */
export function changesText(report: ChangesReport): string {
  const t = labelsFor(report.lang).t;
  const out = [changesHeading(report), ''];
  const docs = sections(report);
  if (docs.length === 0) out.push(t.chg_none, '');
  for (const doc of docs) out.push(`${doc.heading} (${doc.file})`, ...doc.lines.map((l) => `  - ${l}`), '');
  const unread = unreadableLines(report);
  if (unread.length > 0) out.push(t.chg_unreadable_heading, ...unread.map((l) => `  - ${l}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Markdown, for a pull request's step summary or a wiki page. */
export function changesMarkdown(report: ChangesReport): string {
  const t = labelsFor(report.lang).t;
  const out = [`## ${escapeInline(headingText(changesHeading(report)))}`, ''];
  const docs = sections(report);
  if (docs.length === 0) out.push(t.chg_none, '');
  for (const doc of docs) {
    out.push(`### ${escapeInline(headingText(doc.heading))}`, '', ...doc.lines.map((l) => `- ${escapeInline(l)}`), '');
  }
  const unread = unreadableLines(report);
  if (unread.length > 0) out.push(`### ${escapeInline(headingText(t.chg_unreadable_heading))}`, '', ...unread.map((l) => `- ${escapeInline(l)}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** JSON: the structured changes with their sentences, for other tools. */
export function changesJson(report: ChangesReport): unknown {
  const rev = (r: RevisionInfo) => ({ rev: r.rev, commit: r.commit, date: r.date, subject: r.subject });
  return {
    title: changesHeading(report),
    lang: report.lang,
    since: rev(report.since),
    until: report.until ? rev(report.until) : null,
    working_tree: report.until === undefined,
    ...(report.group ? { group: report.group } : {}),
    public: report.public,
    documents: report.documents.map((doc) => ({
      kind: doc.kind,
      id: doc.id,
      title: describeDocument(doc, report.lang),
      file: doc.file,
      changes: doc.changes.map((c) => ({
        type: c.type,
        ...(c.item !== undefined ? { item: c.item } : {}),
        text: describeChange(c, report.lang),
        uncommitted: c.uncommitted,
        ...(report.public ? {} : { confidential: c.confidential }),
        params: c.params,
      })),
    })),
    unreadable: report.unreadable.map((u, i) => ({ ...u, text: unreadableLines(report)[i] })),
  };
}
