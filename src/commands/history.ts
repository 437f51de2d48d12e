/**
 * `samverkan history ID`: the life of one thing through the commits: an action, goal or
 * indicator of a plan (PLAN/ID), a group's roster (GROUP) or a meeting and its minutes
 * (MEETING). Each commit that changed it, with its date, author and message and what changed in
 * words. The thing is followed by id, not by path, so a renamed file or an item moved to another
 * file is the same thing. One `git log` lists the commits and the files each touched, one
 * `cat-file --batch` reads the YAML files they wrote, never a checkout; only a file whose text has
 * the thing's id is parsed, and a plan's item is read from its own entry when the text allows.
 */
import { join } from 'node:path';
import { compareDocument, type Change, type DocumentContext, type NameSource } from '../changes/diff.js';
import { NotFoundError } from '../errors.js';
import { openRepo, readBlobs, type Repo } from '../git/git.js';
import { workspaceLog, type LogCommit } from '../git/log.js';
import { describeChange } from '../changes/describe.js';
import { fill, formatDate, labelsFor, type Lang } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import { checkLoadedWorkspace } from '../workspace/checked.js';
import { loadWorkspace, parseSource } from '../workspace/load.js';
import { parseAllDocuments } from 'yaml';
import type { Workspace } from '../workspace/types.js';

const say = messages('commands/history', {
  notFound: {
    sv: '{id} finns varken i arbetsytan eller i dess git-historik; ge en åtgärd, ett mål eller en indikator som PLAN/ID, eller id:t för en grupp eller ett möte.',
    en: '{id} is neither in the workspace nor in its git history; give an action, goal or indicator as PLAN/ID, or the id of a group or a meeting.',
  },
});

/** What a history follows. */
export type HistoryKind = 'action' | 'goal' | 'indicator' | 'roster' | 'minutes';

/** The commit of a history entry. */
export interface HistoryCommit {
  hash: string;
  /** The commit date, YYYY-MM-DD (the committer's day). */
  date: string;
  author: string;
  subject: string;
}

/** One change of the thing: a commit (or the working tree) and what it changed. */
export interface HistoryEntry {
  /** Undefined for changes in the working tree that are not committed yet. */
  commit?: HistoryCommit;
  /** The file that holds the thing after the change (or held it, if it was removed), relative to the workspace. */
  file: string;
  changes: Change[];
}

/** What `history` found. */
export interface HistoryReport {
  lang: Lang;
  /** As given: PLAN/ID, GROUP or MEETING. */
  id: string;
  kind: HistoryKind;
  /** The action's or goal's title, the indicator's name, the group's name; a meeting: its group's name. */
  title: string;
  /** A meeting's date. */
  date?: string;
  /** True if public output: what is confidential is left out. */
  public: boolean;
  /** True if the whole history is confidential and public output shows none of it. */
  withheld: boolean;
  /** True in a shallow clone: the history starts where the clone was cut off. */
  shallow: boolean;
  /** Oldest first. */
  entries: HistoryEntry[];
}

export interface HistoryOptions {
  cwd?: string;
  dir?: string;
  /** PLAN/ACTION, PLAN/GOAL, PLAN/INDICATOR, GROUP or MEETING. */
  id: string;
  /** The report's language; the language messages are said in unless given. */
  lang?: Lang;
  /** Leave out what is confidential. */
  public?: boolean;
  /** Parse every version of the files in full rather than reading a plan's item from its entry: the same answer, slower (for tests). */
  exhaustive?: boolean;
}

type Data = Record<string, unknown>;
const isRecord = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Data[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The thing asked for: a document by id, and for PLAN/ID an item of the plan. */
interface Target {
  doc: string;
  item?: string;
}

/** Where the thing is in one version: its document's data and file, and what it is there. */
interface Found {
  file: string;
  /** The document; for a plan's item, the plan cut down to the item (see planItem). */
  doc: Data;
  kind: HistoryKind;
  /** The part of the document whose changes count (the action, the roster …). */
  value: unknown;
}

/** A goal without its indicators and subgoals: they have histories of their own. */
function ownGoal(goal: Data): Data {
  const { indicators: _i, subgoals: _s, ...own } = goal;
  return own;
}

/**
 * The item of a plan by id (an action, a goal or subgoal, or an indicator of the plan, a goal or a
 * subgoal), with the plan cut down to that item where it sits: the comparison then reads only it.
 */
function planItem(plan: Data, id: string): { kind: HistoryKind; value: Data; doc: Data } | undefined {
  const head = { kind: plan.kind, id: plan.id };
  const action = list(plan.actions).find((a) => a.id === id);
  if (action) return { kind: 'action', value: action, doc: { ...head, actions: [action] } };
  const indicators = [...list(plan.indicators)];
  for (const goal of list(plan.goals)) {
    if (goal.id === id) return { kind: 'goal', value: ownGoal(goal), doc: { ...head, goals: [ownGoal(goal)] } };
    indicators.push(...list(goal.indicators));
    for (const sub of list(goal.subgoals)) {
      // The goal above stays (without the rest of it), so that the subgoal is told as one.
      if (sub.id === id) return { kind: 'goal', value: ownGoal(sub), doc: { ...head, goals: [{ id: goal.id, subgoals: [ownGoal(sub)] }] } };
      indicators.push(...list(sub.indicators));
    }
  }
  const indicator = indicators.find((i) => i.id === id);
  return indicator ? { kind: 'indicator', value: indicator, doc: { ...head, indicators: [indicator] } } : undefined;
}

/** The thing in one document, if the document holds it. */
function findIn(doc: Data, file: string, target: Target): Found | undefined {
  if (doc.id !== target.doc) return undefined;
  if (target.item !== undefined) {
    if (doc.kind !== 'plan') return undefined;
    const item = planItem(doc, target.item);
    return item ? { file, ...item } : undefined;
  }
  if (doc.kind === 'group') return { file, doc, kind: 'roster', value: doc.members ?? [] };
  if (doc.kind === 'meeting') return { file, doc, kind: 'minutes', value: doc };
  return undefined;
}

/** Reads ids as the command line gives them: PLAN/ID, or GROUP or MEETING. */
function parseTarget(id: string): Target {
  const slash = id.indexOf('/');
  return slash < 0 ? { doc: id } : { doc: id.slice(0, slash), item: id.slice(slash + 1) };
}

/** The documents of one file's text (cached by blob), as plain data, and whether all of it could be read. */
class Documents {
  private readonly cache = new Map<string, { docs: Data[]; whole: boolean }>();
  constructor(private readonly root: string) {}
  of(blob: string, rel: string, text: string): { docs: Data[]; whole: boolean } {
    let parsed = this.cache.get(blob);
    if (!parsed) {
      const { file, problems } = parseSource(join(this.root, rel), rel, text);
      parsed = { docs: file.documents.map((d) => d.data).filter(isRecord), whole: !problems.some((p) => UNREADABLE.test(p.ruleId)) };
      this.cache.set(blob, parsed);
    }
    return parsed;
  }
}

/** Load problems that mean some of a file's documents could not be read. */
const UNREADABLE = /^(yaml|file)\//;

const isYaml = (rel: string) => /\.ya?ml$/i.test(rel);

/** The changes of the thing between two versions, by the same comparison `changes` makes. */
function changesBetween(before: Found | undefined, after: Found | undefined, target: Target, context: DocumentContext): Change[] {
  const kind = (after ?? before)!.kind;
  const docKind = kind === 'roster' ? 'group' : kind === 'minutes' ? 'meeting' : 'plan';
  // A plan or group that is not there is compared as an empty one, so that its items come and go one by one.
  const empty = kind === 'minutes' ? undefined : { kind: docKind, id: target.doc };
  const all = compareDocument(docKind, before?.doc ?? empty, after?.doc ?? empty, context);
  const concerned = all.filter((c) => {
    if (kind === 'roster') return c.type.startsWith('member-') || c.type === 'chair-new';
    if (kind === 'minutes') return c.type !== 'document-edited';
    if (c.item !== target.item) return false;
    if (kind === 'action') return c.type.startsWith('action-');
    if (kind === 'goal') return c.type.startsWith('goal-');
    return c.type.startsWith('indicator-') || c.type.startsWith('measurement-');
  });
  if (concerned.length > 0) return concerned;
  // Changed in a way no sentence of its own tells: said as such, never dropped.
  return [{ type: 'document-edited', params: {}, confidential: context.confidential === true, uncommitted: false }];
}

/** Names of people, organisations and groups as the workspace has them now; an id if it has none. */
function namesOf(workspace: Workspace): NameSource {
  const name = (entry: { value: unknown } | undefined, field = 'name') => (isRecord(entry?.value) ? text(entry.value[field]) : undefined);
  return {
    person: (id) => name(workspace.index.people.get(id as string)) ?? String(id),
    organization: (id) => name(workspace.index.organizations.get(id as string)) ?? String(id),
    group: (id) => name(workspace.index.groups.get(id as string)) ?? String(id),
  };
}

/** The thing as the working tree has it, from the checked workspace; undefined if it is not there. */
function foundNow(workspace: Workspace, target: Target): Found | undefined {
  for (const doc of workspace.documents) {
    if (!isRecord(doc.data)) continue;
    const found = findIn(doc.data, doc.file.rel, target);
    if (found) return found;
  }
  return undefined;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True if the text may hold an anchor or alias (a value then stands somewhere else than where it
 * is used): an & or * where a node can start, outside block scalars (| and >, where Markdown's
 * **bold** and * lists are text). Quoted text may give a false yes, which only costs a parse.
 */
export function mayHaveAliases(text: string | readonly string[]): boolean {
  let block = -1;
  for (const line of typeof text === 'string' ? text.split('\n') : text) {
    const indent = line.search(/\S/);
    if (block >= 0) {
      if (indent < 0 || indent > block) continue;
      block = -1;
    }
    if (/(^|[:-]\s|[[{,])\s*[&*][^\s,\]}]/.test(line)) return true;
    // A block scalar's lines are those indented deeper than its key (or its "- ").
    if (/(^|[:-])\s*[|>][-+0-9]*\s*(#.*)?\r?$/.test(line.trim())) block = line.search(/[^\s-]/);
  }
  return false;
}

/** Where a plan's item is written in a file's text (see itemRegions). */
export interface ItemRegions {
  /** How many documents of the file have the plan's id. */
  docs: number;
  /** The text of each list entry whose id is the item's, and the column of its "- ". */
  entries: Array<{ text: string; dash: number }>;
}

/**
 * How a plan's item is written in a file's text, read from the text alone: every list entry
 * whose `id:` is the item's, and how many documents have the plan's id. When a file's new version
 * has the same regions, the item is written as it was and the file need not be parsed again;
 * when only the entry changed, the entry alone is parsed (see spliceItem). This keeps the history
 * of one action fast when its plan file changes in every commit. Undefined when the text does not
 * tell: no such entry, a layout it does not know, anchors, aliases, tags, directives or tabs.
 */
export function itemRegions(text: string, doc: string, item: string): ItemRegions | undefined {
  // Tabs where indentation is read make the layout a question for the parser, as do tags and directives.
  if (/(?:^|[\s[{,:-])!|^%|^ *\t/m.test(text)) return undefined;
  const lines = text.split('\n');
  if (mayHaveAliases(lines)) return undefined;
  const idLine = new RegExp(`(^|[\\s{,])id:\\s*(["']?)${escapeRegExp(item)}\\2\\s*([,}#]|$)`);
  const indent = (line: string) => line.search(/\S/);
  const filler = (line: string) => line.trim() === '' || line.trimStart().startsWith('#');
  const entry = /^\s*-\s/;
  const entries: ItemRegions['entries'] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!idLine.test(lines[i].replace(/\r$/, ''))) continue;
    // The entry starts at the id line, or at the "- " line above it when id is not its first key.
    let start = i;
    if (!entry.test(lines[i])) {
      const key = indent(lines[i]);
      for (start = i - 1; start >= 0; start--) {
        const line = lines[start];
        if (filler(line) || indent(line) >= key) continue;
        if (entry.test(line) && line.slice(indent(line) + 1, key).trim() === '') break;
        return undefined;
      }
      if (start < 0) return undefined;
    }
    const dash = indent(lines[start]);
    let end = i + 1;
    while (end < lines.length && (filler(lines[end]) || indent(lines[end]) > dash)) end++;
    // Blank lines and comments after the entry belong to what follows.
    while (end > i + 1 && filler(lines[end - 1])) end--;
    entries.push({ text: lines.slice(start, end).join('\n'), dash });
  }
  if (entries.length === 0) return undefined;
  const docs = (text.match(new RegExp(`^id:\\s*(["']?)${escapeRegExp(doc)}\\1\\s*(#.*)?\\r?$`, 'gm')) ?? []).length;
  return { docs, entries };
}

/** True if the item is written the same in both. */
export function sameRegions(a: ItemRegions, b: ItemRegions): boolean {
  return a.docs === b.docs && a.entries.length === b.entries.length && a.entries.every((e, i) => e.text === b.entries[i].text && e.dash === b.entries[i].dash);
}

/** Every record of the document whose id is `id` replaced by `next`. */
function replaceById(value: unknown, id: string, next: Data): unknown {
  if (Array.isArray(value)) return value.map((v) => (isRecord(v) && v.id === id ? next : replaceById(v, id, next)));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceById(v, id, next)]));
  return value;
}

/**
 * The plan document with its item read again from the item's entry alone, when the file holds
 * the item once, in the one document with the plan's id, and the entry parses on its own; else
 * undefined, and the whole file is parsed. The rest of the document is as it was last parsed:
 * only the item's changes are told.
 */
function spliceItem(doc: Data, regions: ItemRegions, item: string): Data | undefined {
  if (regions.docs !== 1 || regions.entries.length !== 1) return undefined;
  const { text, dash } = regions.entries[0];
  const body = text
    .split('\n')
    .map((line) => (line.trim() === '' || line.trimStart().startsWith('#') ? '' : line.slice(dash)))
    .join('\n');
  const parsed = parseAllDocuments(body, { uniqueKeys: true, strict: true });
  if (!Array.isArray(parsed) || parsed.length !== 1 || parsed[0].errors.length > 0) return undefined;
  const value = parsed[0].toJS();
  if (!Array.isArray(value) || value.length !== 1 || !isRecord(value[0]) || value[0].id !== item) return undefined;
  return replaceById(doc, item, value[0]) as Data;
}

/** The repository, the workspace's commits, and every YAML blob they wrote (one cat-file). */
async function readHistory(root: string): Promise<{ repo: Repo; commits: LogCommit[]; blobs: Map<string, Buffer> }> {
  const repo = await openRepo(root);
  const commits = await workspaceLog(repo);
  const blobs = await readBlobs(repo, commits.flatMap((c) => c.files.filter((f) => f.after && isYaml(f.rel)).map((f) => f.after!)));
  return { repo, commits, blobs };
}

/** Follows the thing through the commits: the versions in which it changed, oldest first. */
function walk(
  root: string,
  commits: LogCommit[],
  blobs: Map<string, Buffer>,
  target: Target,
  context: DocumentContext,
  exhaustive = false,
): { entries: HistoryEntry[]; last?: Found; ever?: Found } {
  const documents = new Documents(root);
  const texts = new Map<string, string>();
  const textOf = (blob: string) => {
    let t = texts.get(blob);
    if (t === undefined) {
      t = blobs.get(blob)?.toString('utf8') ?? '';
      texts.set(blob, t);
    }
    return t;
  };
  /** The thing in a file's version; 'unreadable' if it may be there but the file does not parse. */
  const search = (rel: string, blob: string): Found | 'unreadable' | undefined => {
    const t = textOf(blob);
    if (!t.includes(target.doc) || (target.item !== undefined && !t.includes(target.item))) return undefined;
    const { docs, whole } = documents.of(blob, rel, t);
    for (const doc of docs) {
      const found = findIn(doc, rel, target);
      if (found) return found;
    }
    return whole ? undefined : 'unreadable';
  };

  const entries: HistoryEntry[] = [];
  let current: Found | undefined;
  let ever: Found | undefined;
  // The file that may hold the thing but did not parse in the last commit that touched it.
  let lostIn: string | undefined;
  // How a plan's item is written in the current file, when the text tells (see itemRegions).
  let regions: ItemRegions | undefined;
  const regionsOf = (blob: string | undefined) => (blob !== undefined && target.item !== undefined && !exhaustive ? itemRegions(textOf(blob), target.doc, target.item) : undefined);
  for (const commit of commits) {
    const touched = new Map(commit.files.filter((f) => isYaml(f.rel)).map((f) => [f.rel, f.after]));
    const where = lostIn ?? current?.file;
    // Untouched, the file that held the thing still holds it as it was.
    if (current && where !== undefined && !touched.has(where)) continue;
    let next: Found | undefined;
    let nextBlob: string | undefined;
    const sameFile = current && lostIn === undefined ? touched.get(current.file) : undefined;
    const nowWritten = regions && sameFile ? regionsOf(sameFile) : undefined;
    if (current && regions && nowWritten) {
      // The plan changed elsewhere while the item is written as it was: nothing to read.
      if (sameRegions(regions, nowWritten)) continue;
      const doc = spliceItem(current.doc, nowWritten, target.item!);
      next = doc ? findIn(doc, current.file, target) : undefined;
      if (next) nextBlob = sameFile;
    }
    if (!next) {
      let unreadable: string | undefined;
      const candidates = [...touched].sort(([a], [b]) => Number(b === where) - Number(a === where));
      for (const [rel, blob] of candidates) {
        const result = blob ? search(rel, blob) : undefined;
        if (result === 'unreadable') unreadable ??= rel;
        else if (result) {
          next = result;
          nextBlob = blob;
          break;
        }
      }
      // A version that does not parse says nothing of the thing: the next one that does is compared with the last known.
      if (!next && unreadable !== undefined) {
        lostIn = unreadable;
        continue;
      }
    }
    lostIn = undefined;
    if (!current && !next) continue;
    if (!current || !next || !same(current.value, next.value)) {
      entries.push({
        commit: { hash: commit.hash, date: commit.date.slice(0, 10), author: commit.author, subject: commit.subject },
        file: (next ?? current)!.file,
        changes: changesBetween(current, next, target, context),
      });
    }
    current = next;
    regions = regionsOf(nextBlob);
    ever = next ?? ever;
  }
  return { entries, last: current, ever };
}

/** Works out the history the options ask for. */
export async function history(options: HistoryOptions): Promise<HistoryReport> {
  const loaded = await loadWorkspace({ cwd: options.cwd, dir: options.dir });
  const root = loaded.root;
  // Said to the person at the terminal: the language of the messages unless given.
  const lang: Lang = options.lang ?? language();
  // Git reads the log and the blobs while the checks run; a git error waits for the checks' own.
  const reading = readHistory(root);
  reading.catch(() => undefined);
  const checked = await checkLoadedWorkspace(loaded);
  const { repo, commits, blobs } = await reading;
  const { workspace, confidentiality } = checked;
  const target = parseTarget(options.id.trim());
  // A roster or a meeting is confidential as a whole as the workspace says now; one it no longer
  // has cannot be trusted, and confidentiality.ts then answers "withhold".
  const confidential =
    target.item === undefined &&
    (workspace.index.groups.has(target.doc) ? confidentiality.isConfidentialGroup(target.doc) : confidentiality.isConfidentialMeeting(target.doc));
  const context: DocumentContext = {
    names: namesOf(workspace),
    // Members are told as written: joined when entered, left when given an end date, whatever today is.
    asOf: '9999-12-31',
    confidential,
    isConfidentialRecord: (meeting, record) => confidentiality.isConfidentialRecord(meeting, record),
  };

  const { entries, last, ever } = walk(root, commits, blobs, target, context, options.exhaustive);

  // What the working tree has that no commit has yet; nothing is said of a file that does not read now.
  const now = foundNow(workspace, target);
  const unreadableNow = last !== undefined && workspace.problems.some((p) => p.file === join(root, last.file) && UNREADABLE.test(p.ruleId));
  if ((now || last) && !unreadableNow && (!now || !last || !same(now.value, last.value))) {
    entries.push({ file: (now ?? last)!.file, changes: changesBetween(last, now, target, context).map((c) => ({ ...c, uncommitted: true })) });
  }

  const latest = now ?? ever;
  if (!latest) throw new NotFoundError(say('notFound', { id: options.id }));
  const withheld = options.public === true && confidential;
  const shown = withheld
    ? []
    : options.public
      ? entries.map((e) => ({ ...e, changes: e.changes.filter((c) => !c.confidential) })).filter((e) => e.changes.length > 0)
      : entries;
  return {
    lang,
    id: options.id,
    kind: latest.kind,
    title: titleOf(latest, context.names),
    ...(latest.kind === 'minutes' && text(latest.doc.date) ? { date: latest.doc.date as string } : {}),
    public: options.public === true,
    withheld,
    shallow: repo.shallow,
    entries: shown,
  };
}

function titleOf(found: Found, names: NameSource): string {
  const value = isRecord(found.value) ? found.value : {};
  switch (found.kind) {
    case 'action':
    case 'goal':
      return text(value.title) ?? String(value.id);
    case 'indicator':
      return text(value.name) ?? String(value.id);
    case 'roster':
      return text(found.doc.name) ?? String(found.doc.id);
    case 'minutes':
      return names.group(found.doc.group);
  }
}

/** The output formats of `history`. */
export const HISTORY_FORMATS = ['text', 'md', 'json'] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

const HEADINGS = {
  action: 'hist_heading_action',
  goal: 'hist_heading_goal',
  indicator: 'hist_heading_indicator',
  roster: 'hist_heading_roster',
  minutes: 'hist_heading_minutes',
} as const;

/** The history's title line. */
export function historyHeading(report: HistoryReport): string {
  const t = labelsFor(report.lang).t;
  return fill(t[HEADINGS[report.kind]], { title: report.title, id: report.id, date: formatDate(report.date, report.lang) });
}

/** Each entry's heading and sentences; a move to another file is said where it shows. */
function sections(report: HistoryReport): Array<{ heading: string; commit?: string; lines: string[] }> {
  const t = labelsFor(report.lang).t;
  let file: string | undefined;
  return report.entries.map((entry) => {
    const lines = entry.changes.map((c) => describeChange(c, report.lang));
    if (file !== undefined && entry.file !== file) lines.push(fill(t.hist_moved, { file: entry.file }));
    file = entry.file;
    if (!entry.commit) return { heading: t.hist_uncommitted_entry, lines };
    const { commit } = entry;
    return {
      heading: fill(t.hist_entry, { date: formatDate(commit.date, report.lang), author: commit.author, subject: commit.subject, commit: commit.hash.slice(0, 7) }),
      commit: commit.hash.slice(0, 7),
      lines,
    };
  });
}

/** What is said instead of, or before, the entries. */
function notes(report: HistoryReport): string[] {
  const t = labelsFor(report.lang).t;
  const said: string[] = [];
  if (report.withheld) said.push(t.hist_withheld);
  else if (report.entries.length === 0) said.push(t.hist_none);
  if (report.shallow) said.push(t.hist_shallow);
  return said;
}

/** Plain text for a terminal. */
export function historyText(report: HistoryReport): string {
  const out = [historyHeading(report), ''];
  for (const note of notes(report)) out.push(note, '');
  for (const section of sections(report)) out.push(section.heading, ...section.lines.map((l) => `  - ${l}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Markdown, for a wiki page or a pull request. */
export async function historyMarkdown(report: HistoryReport): Promise<string> {
  // Loaded only for Markdown: it brings the Markdown parser, which the other formats do not need.
  const { escapeInline, headingText } = await import('../render/markdown-text.js');
  const out = [`## ${escapeInline(headingText(historyHeading(report)))}`, ''];
  for (const note of notes(report)) out.push(escapeInline(note), '');
  for (const section of sections(report)) {
    out.push(`### ${escapeInline(headingText(section.heading))}`, '', ...section.lines.map((l) => `- ${escapeInline(l)}`), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** JSON: the entries with their sentences, for other tools. */
export function historyJson(report: HistoryReport): unknown {
  return {
    title: historyHeading(report),
    lang: report.lang,
    id: report.id,
    kind: report.kind,
    ...(report.date ? { date: report.date } : {}),
    public: report.public,
    withheld: report.withheld,
    shallow: report.shallow,
    entries: report.entries.map((entry) => ({
      commit: entry.commit ?? null,
      uncommitted: entry.commit === undefined,
      file: entry.file,
      changes: entry.changes.map((c) => ({
        type: c.type,
        ...(c.item !== undefined ? { item: c.item } : {}),
        text: describeChange(c, report.lang),
        ...(report.public ? {} : { confidential: c.confidential }),
        params: c.params,
      })),
    })),
  };
}
