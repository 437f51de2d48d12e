/**
 * minutes/changed-after-adjustment: adjusted minutes are a record, and the commit that recorded
 * the adjustment (the first commit in which the file's minutes say `status: adjusted`) is that
 * record. The agenda items and the minutes as they are now are compared with that commit; only
 * rättelser added under `minutes.corrections`, and tasks marked done, may differ.
 *
 * The history is read once per check, and only when the workspace has adjusted minutes: one
 * `git log` over the adjusted meeting files and one `git cat-file --batch` for their versions.
 * Without git, outside a repository, when the adjusted minutes were never committed, or in a
 * shallow clone that does not hold the commit, there is no record to compare with and the rule
 * says nothing.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Document } from 'yaml';
import { yamlPackage } from '../workspace/yaml-package.js';
import { GitError, openRepo, readBlobs, runGit, type Repo } from '../git/git.js';
import type { MeetingDoc } from '../model/index.js';
import type { SourceDocument } from '../workspace/types.js';
import { messages } from '../i18n/messages.js';
import { defineRules, type FindingData } from './context.js';
import { phrase } from './words.js';

const RULE = 'minutes/changed-after-adjustment';

const say = messages('rules/minutes-adjusted', {
  line: { sv: 'Rad {line}', en: 'Line {line}' },
  lines: { sv: 'Raderna {first}–{last}', en: 'Lines {first}–{last}' },
  when: { sv: 'efter justeringen i commit {commit} ({date}, {author})', en: 'after they were adjusted in commit {commit} ({date}, {author})' },
});

/** The commit that recorded a meeting's adjustment, and the meeting file as it was in it. */
export interface AdjustmentRecord {
  /** The commit's hash. */
  commit: string;
  /** Its committer date, YYYY-MM-DD. */
  date: string;
  author: string;
  /** The meeting file's text in that commit. */
  text: string;
}

/** One commit of the log, oldest first, and the meeting files (relative to the repository) it touched. */
interface LoggedCommit {
  hash: string;
  parents: string[];
  date: string;
  author: string;
  paths: string[];
}

function parseLog(out: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const chunk of out.split('\x01')) {
    if (chunk === '') continue;
    const nul = chunk.indexOf('\0');
    const header = nul < 0 ? chunk : chunk.slice(0, nul);
    const [ids, date, author] = header.split('\x02');
    const [hash, ...parents] = ids.split(' ').filter(Boolean);
    const paths = nul < 0 ? [] : chunk.slice(nul + 1).replace(/^\n/, '').split('\0').filter(Boolean);
    commits.push({ hash, parents, date, author, paths });
  }
  return commits;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The meeting `id` of a file's text (the document that defines it), as YAML and data; undefined if none parses. */
function meetingIn(text: string, id: string): { yaml: Document; data: Record<string, unknown> } | undefined {
  for (const yaml of yamlPackage().parseAllDocuments(text)) {
    if (!('errors' in yaml) || yaml.errors.length > 0) continue;
    const data: unknown = yaml.toJS();
    if (isRecord(data) && data.kind === 'meeting' && data.id === id) return { yaml, data };
  }
  return undefined;
}

const isAdjusted = (data: Record<string, unknown>): boolean => isRecord(data.minutes) && data.minutes.status === 'adjusted';

/**
 * The record of each adjusted meeting given (meeting id → its file relative to the workspace),
 * read from the repository that holds `root`. A meeting whose adjusted minutes were never
 * committed, or whose record a shallow clone does not hold, has none; without git or a
 * repository the map is empty.
 */
export async function adjustmentRecords(root: string, meetings: ReadonlyMap<string, string>): Promise<Map<string, AdjustmentRecord>> {
  const records = new Map<string, AdjustmentRecord>();
  if (meetings.size === 0) return records;
  let repo: Repo;
  try {
    repo = await openRepo(root);
  } catch (error) {
    if (error instanceof GitError) return records;
    throw error;
  }
  const inRepo = (rel: string) => (repo.prefix === '' ? rel : `${repo.prefix}/${rel}`);
  const byPath = new Map([...meetings].map(([id, rel]) => [inRepo(rel), id]));
  let commits: LoggedCommit[];
  let versions: Map<string, Buffer>;
  try {
    // A repository without commits has no HEAD: git log fails, and there is no record. A file's
    // name is a name, never a pattern (a meeting file may have [ or * in it).
    const log = await runGit(repo.top, ['--literal-pathspecs', 'log', '-z', '--reverse', '--name-only', '--no-renames', '--format=%x01%H %P%x02%cs%x02%an', '--', ...byPath.keys()]);
    commits = parseLog(log.stdout as string);
    versions = await readBlobs(repo, commits.flatMap((c) => c.paths.filter((p) => byPath.has(p)).map((p) => `${c.hash}:${p}`)));
  } catch {
    // Whatever git could not read (no commits yet, a broken repository) leaves no record to compare with.
    return records;
  }
  const seen = new Set<string>();
  for (const commit of commits) {
    for (const path of commit.paths) {
      const id = byPath.get(path);
      if (id === undefined || records.has(id)) continue;
      const first = !seen.has(id);
      seen.add(id);
      const bytes = versions.get(`${commit.hash}:${path}`);
      const text = bytes?.toString('utf8');
      const meeting = text === undefined ? undefined : meetingIn(text, id);
      if (!meeting || !isAdjusted(meeting.data)) continue;
      // The oldest commit a shallow clone holds has its parents cut off: the adjustment may have
      // been recorded before it, in a commit this clone does not have.
      if (first && repo.shallow && commit.parents.length === 0) {
        byPath.delete(path);
        continue;
      }
      records.set(id, { commit: commit.hash, date: commit.date, author: commit.author, text: text! });
    }
  }
  return records;
}

/** One line of a file: its number (from 1) and its text. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** Offset → line number (from 1). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The lines [first, last] a top-level key's pair spans, or of a key inside the map `node`. */
function pairLines(text: string, map: unknown, key: string): [number, number] | undefined {
  const { isMap, isScalar } = yamlPackage();
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  const value = pair.value as { range?: [number, number, number] } | null;
  const end = value?.range ? value.range[1] : pair.key.range[1];
  // A block ends after its last line's newline: count up to the last character, not past it.
  return [lineAt(text, pair.key.range[0]), lineAt(text, Math.max(pair.key.range[0], end - 1))];
}

/**
 * The lines of a meeting's text that adjustment protects: its agenda (`items:`) and its minutes
 * (`minutes:`), without the rättelser under `minutes.corrections`.
 */
export function protectedLines(text: string, yaml: Document): NumberedLine[] {
  const lines = text.split(/\r?\n/);
  const keep = new Set<number>();
  for (const key of ['items', 'minutes']) {
    const span = pairLines(text, yaml.contents, key);
    if (span) for (let n = span[0]; n <= span[1]; n++) keep.add(n);
  }
  const minutes = yamlPackage().isMap(yaml.contents) ? yaml.contents.get('minutes', true) : undefined;
  const corrections = pairLines(text, minutes, 'corrections');
  if (corrections) for (let n = corrections[0]; n <= corrections[1]; n++) keep.delete(n);
  return [...keep].sort((a, b) => a - b).map((line) => ({ line, text: lines[line - 1] ?? '' }));
}

/** A place where the lines now differ from the record: what it said then, and what it says now. */
export interface ChangedLines {
  then: NumberedLine[];
  now: NumberedLine[];
  /** The line (now) the change is at: its first line now, or for lines only removed, the line after them. */
  at: number;
}

/** The changes from `then` to `now`, by the longest common run of lines (trailing blanks ignored). */
export function changedLines(then: readonly NumberedLine[], now: readonly NumberedLine[]): ChangedLines[] {
  const a = then.map((l) => l.text.trimEnd());
  const b = now.map((l) => l.text.trimEnd());
  // lcs[i][j]: the longest common run of a[i..] and b[j..]; the regions are a few hundred lines at most.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const hunks: ChangedLines[] = [];
  let open: ChangedLines | undefined;
  const close = (j: number) => {
    if (!open) return;
    open.at = open.now[0]?.line ?? now[j]?.line ?? (now.length > 0 ? now[now.length - 1].line : 1);
    hunks.push(open);
    open = undefined;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      close(j);
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      (open ??= { then: [], now: [], at: 0 }).now.push(now[j++]);
    } else {
      (open ??= { then: [], now: [], at: 0 }).then.push(then[i++]);
    }
  }
  close(j);
  return hunks;
}

/**
 * What adjustment protects, as data: the agenda and the minutes without their rättelser, and
 * without whether each task is done: `task done` marks that in the minutes as the work is
 * followed up, and it is no part of what was signed.
 */
function protectedData(data: Record<string, unknown>): unknown {
  const minutes = isRecord(data.minutes) ? { ...data.minutes } : data.minutes;
  if (isRecord(minutes)) {
    delete minutes.corrections;
    if (Array.isArray(minutes.tasks)) minutes.tasks = minutes.tasks.map((t: unknown) => (isRecord(t) ? { ...t, done: undefined } : t));
  }
  return { items: data.items, minutes };
}

const quote = (lines: readonly NumberedLine[]) => lines.map((l) => `"${l.text.trim()}"`).join(', ');
const lineWord = (lines: readonly NumberedLine[]) =>
  lines.length === 1 ? phrase(say, 'line', { line: lines[0].line }) : phrase(say, 'lines', { first: lines[0].line, last: lines[lines.length - 1].line });

/** What the rule says about one change, with what the lines said in the record. */
export type ChangeFinding = { line: number; messageId: 'changed' | 'added' | 'removed' | 'differs' | 'differsCorrection'; data: FindingData };

/** The phrase of one change, with what the lines said in the record. */
function changeMessage(change: ChangedLines, record: AdjustmentRecord): Omit<ChangeFinding, 'line'> {
  const when = phrase(say, 'when', { commit: record.commit.slice(0, 7), date: record.date, author: record.author });
  if (change.now.length > 0 && change.then.length > 0) {
    return { messageId: 'changed', data: { lines: lineWord(change.now), when, then: quote(change.then), n: change.then.length } };
  }
  if (change.now.length > 0) return { messageId: 'added', data: { lines: lineWord(change.now), when, n: change.now.length } };
  return { messageId: 'removed', data: { when, then: quote(change.then), n: change.then.length } };
}

/**
 * The findings of one adjusted meeting against its record: one per changed place, at its line
 * now. Nothing when what adjustment protects is the same as data (a comment or layout changed).
 */
export function compareWithRecord(doc: SourceDocument, id: string, record: AdjustmentRecord): ChangeFinding[] {
  const then = meetingIn(record.text, id);
  if (!then || !isRecord(doc.data)) return [];
  const nowData = doc.data;
  const thenCorrections = isRecord(then.data.minutes) && Array.isArray(then.data.minutes.corrections) ? then.data.minutes.corrections : [];
  const nowCorrections = isRecord(nowData.minutes) && Array.isArray(nowData.minutes.corrections) ? nowData.minutes.corrections : [];
  const correctionsKept = thenCorrections.every((c) => nowCorrections.some((n) => isDeepStrictEqual(n, c)));
  if (isDeepStrictEqual(protectedData(then.data), protectedData(nowData)) && correctionsKept) return [];
  const findings = changedLines(protectedLines(record.text, then.yaml), protectedLines(doc.file.text, doc.yaml)).map((change) => ({
    line: change.at,
    ...changeMessage(change, record),
  }));
  if (findings.length > 0) return findings;
  // The data differs where no line does (a rättelse of the record edited, an alias): say so at minutes:.
  const minutesLine = pairLines(doc.file.text, doc.yaml.contents, 'minutes')?.[0] ?? 1;
  return [
    {
      line: minutesLine,
      messageId: correctionsKept ? 'differs' : 'differsCorrection',
      data: { commit: record.commit.slice(0, 7), date: record.date, author: record.author },
    },
  ];
}

/** The adjusted meetings of the workspace: id → file relative to the workspace, with their documents. */
function adjustedMeetings(documents: ReadonlyArray<{ doc: SourceDocument; data: MeetingDoc }>): Map<string, { doc: SourceDocument; rel: string }> {
  const result = new Map<string, { doc: SourceDocument; rel: string }>();
  for (const { doc, data } of documents) if (data.minutes?.status === 'adjusted') result.set(data.id, { doc, rel: doc.file.rel });
  return result;
}

export const minutesAdjustedRules = defineRules({
  rules: [
    {
      id: RULE,
      severity: 'error',
      description: {
        sv: 'Ett justerat protokoll (dess ärenden eller protokollstext) skiljer sig från hur det var i den commit som registrerade justeringen; bara tillagda rättelser, och uppgifter markerade som klara, får skilja sig.',
        en: 'Adjusted minutes (their agenda items or minutes) differ from what they were in the commit that recorded the adjustment; only added corrections, and tasks marked done, may differ.',
      },
      fullDescription: {
        sv: 'När justerarna har skrivit under är protokollet en allmän handling som inte får ändras: den första commit där sammanträdesfilen säger status: adjusted är det som skrevs under, och filen ska fortsätta att säga det. En senare ändring av ett beslut, en anteckning, närvaron eller ett ärende ändrar ett justerat protokoll utan att det syns. Återställ raderna som de var i den commit (meddelandet citerar dem), och för in det som var fel som en rättelse: en ny, daterad anteckning under minutes: corrections: (date:, text:, by:, item:), som protokollet visar under sin §. Regeln behöver git-historiken: utan git, innan det justerade protokollet är incheckat, eller i en grund klon (shallow clone) som saknar den commit, säger den ingenting.',
        en: 'Once the adjusters have signed, the minutes are a record: the first commit in which the meeting file says status: adjusted is what was signed, and the file must keep saying it. A later edit of a decision, a note, the attendance or an agenda item changes a signed record without a trace. Put the lines back as they were in that commit (the message quotes them), and record what was wrong as a correction: a new, dated note under minutes: corrections: (date:, text:, by:, item:), which the minutes show under its §. The rule needs the git history: without git, before the adjusted minutes are committed, or in a shallow clone that lacks the commit, it says nothing.',
      },
      messages: {
        changed: {
          sv: { one: '{lines} i det justerade protokollet ändrades {when}: då stod det {then}. Återställ raden som den var, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).', other: '{lines} i det justerade protokollet ändrades {when}: då stod det {then}. Återställ raderna som de var, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).' },
          en: { one: '{lines} of the adjusted minutes changed {when}: then it said {then}. Put it back as it was, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).', other: '{lines} of the adjusted minutes changed {when}: then they said {then}. Put them back as they were, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).' },
        },
        added: {
          sv: { one: '{lines} i det justerade protokollet lades till {when}. Ta bort raden, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).', other: '{lines} i det justerade protokollet lades till {when}. Ta bort raderna, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).' },
          en: { one: '{lines} of the adjusted minutes was added {when}. Remove it, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).', other: '{lines} of the adjusted minutes were added {when}. Remove them, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).' },
        },
        removed: {
          sv: { one: 'En rad i det justerade protokollet togs bort här {when}: {then}. Sätt tillbaka den, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).', other: '{n} rader i det justerade protokollet togs bort här {when}: {then}. Sätt tillbaka dem, och för in rättelsen som en ny, daterad anteckning under minutes: corrections: (date:, text:, och item: för den § den gäller).' },
          en: { one: 'A line of the adjusted minutes was removed here {when}: {then}. Put it back, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).', other: '{n} lines of the adjusted minutes were removed here {when}: {then}. Put them back, and record the correction as a new, dated note under minutes: corrections: (date:, text:, and item: for the § it concerns).' },
        },
        differs: {
          sv: 'Det justerade protokollet skiljer sig från hur det var när det justerades i commit {commit} ({date}, {author}). Återställ det som det var, och för in rättelsen som en ny, daterad anteckning under minutes: corrections:.',
          en: 'The adjusted minutes differ from what they were when they were adjusted in commit {commit} ({date}, {author}). Put them back as they were, and record the correction as a new, dated note under minutes: corrections:.',
        },
        differsCorrection: {
          sv: 'Det justerade protokollet skiljer sig från hur det var när det justerades i commit {commit} ({date}, {author}): en rättelse som fanns då har ändrats eller tagits bort. Återställ det som det var, och för in rättelsen som en ny, daterad anteckning under minutes: corrections:.',
          en: 'The adjusted minutes differ from what they were when they were adjusted in commit {commit} ({date}, {author}): a correction recorded then was changed or removed. Put them back as they were, and record the correction as a new, dated note under minutes: corrections:.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nadjusters: [polis]\nitems:\n  - {title: Budget 2010, type: decision}\nminutes:\n  status: adjusted\n  adjusted: {date: 2009-08-27, by: [polis]}\n  decisions:\n    # In the commit that recorded the adjustment: "att anta budgeten för 2010."\n    - {item: 1, text: att anta budgeten för 2010 med ändringen att …}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nadjusters: [polis]\nitems:\n  - {title: Budget 2010, type: decision}\nminutes:\n  status: adjusted\n  adjusted: {date: 2009-08-27, by: [polis]}\n  decisions:\n    - {item: 1, text: att anta budgeten för 2010.}\n  corrections:\n    - {date: 2009-09-03, item: 1, text: Beslutet gäller budgeten med ändringen att …}\n',
      },
    },
  ],
  async check(context) {
    const documents = context.documents('meeting');
    const adjusted = adjustedMeetings(documents);
    if (adjusted.size === 0) return;
    const records = await adjustmentRecords(context.workspace.root, new Map([...adjusted].map(([id, m]) => [id, m.rel])));
    for (const [id, record] of records) {
      const meeting = adjusted.get(id);
      if (!meeting) continue;
      const lineStarts = meeting.doc.file.text.split('\n');
      for (const finding of compareWithRecord(meeting.doc, id, record)) {
        const length = (lineStarts[finding.line - 1] ?? '').replace(/\r$/, '').length;
        context.reportAt(RULE, meeting.doc.file, { line: finding.line, column: 1, endLine: finding.line, endColumn: length + 1 }, finding.messageId, finding.data);
      }
    }
  },
});
