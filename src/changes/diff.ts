/**
 * The difference between two versions of a workspace, as facts a steering group asks about:
 * which actions were added, finished or moved, which measurements came in, who joined a group,
 * what an agreement's parties, term and cost sharing became, which meetings were held and what
 * they decided. Documents are matched by kind and id and their items by id, so a file that was
 * renamed or moved, or an item moved to another file of the same document, is no change.
 * Pure: the words come from describe.ts, git from src/commands/changes.ts.
 */
import { relative } from 'node:path';
import { findAgendaItem, type AgendaSource } from '../model/agenda.js';
import { isActiveOn } from '../model/roster.js';
import { isConfidentialGroupDoc } from '../model/confidentiality.js';
import { daysBetween } from '../model/dates.js';
import type { Confidentiality } from '../model/confidentiality.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../model/index.js';
import type { Workspace } from '../workspace/types.js';
import { toPosix } from '../workspace/files.js';

/** Every kind of change this module tells, each with its own sentence in describe.ts. */
export type ChangeType =
  | 'document-added'
  | 'document-removed'
  | 'document-edited'
  | 'action-added'
  | 'action-removed'
  | 'action-done'
  | 'action-cancelled'
  | 'action-status'
  | 'action-progress'
  | 'action-due'
  | 'action-follow-up'
  | 'action-edited'
  | 'goal-added'
  | 'goal-removed'
  | 'goal-edited'
  | 'indicator-added'
  | 'indicator-removed'
  | 'indicator-target'
  | 'indicator-edited'
  | 'measurement-added'
  | 'measurement-changed'
  | 'member-joined'
  | 'member-left'
  | 'member-role'
  | 'chair-new'
  | 'party-added'
  | 'party-removed'
  | 'party-signed'
  | 'agreement-status'
  | 'term-changed'
  | 'cost-share'
  | 'meeting-planned'
  | 'meeting-held'
  | 'minutes-adjusted'
  | 'decision'
  | 'task'
  | 'task-done'
  | 'minutes-correction';

/** One change: its type, what it is about, and the values its sentence needs. */
export interface Change {
  type: ChangeType;
  /** The item's id within its document (an action, goal, indicator, person, task …), if any. */
  item?: string;
  /** Values for the sentence; dates are YYYY-MM-DD, statuses and roles are the schema's values. */
  params: Record<string, string | number>;
  /** True if public output must leave this change out (ask src/model/confidentiality.ts). */
  confidential: boolean;
  /** True if the change is in the working tree only, not in a commit yet. */
  uncommitted: boolean;
}

/** The changes to one document. */
export interface DocumentChanges {
  kind: DocumentKind;
  id: string;
  /** The document's title (a meeting: its group and date), as in the newer version. */
  title: string;
  /** The file that holds the document now (or held it, if removed), relative to the workspace. */
  file: string;
  /** For a meeting: its date; sorts meetings and names them. */
  date?: string;
  /** True if the whole document must be left out of public output. */
  confidential: boolean;
  changes: Change[];
}

/** A file of one version that could not be read, so its documents were not compared. */
export interface UnreadableFile {
  /** 'before' or 'after': which version of the comparison. */
  side: 'before' | 'after';
  file: string;
  line: number;
  message: string;
}

/** One version of the workspace, with what the confidentiality module says about it. */
export interface Version {
  workspace: Workspace;
  confidentiality: Confidentiality;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** The value as text with the keys of every map sorted: the order keys are written in is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
/** Items of a list by their id, in order; items without an id are left out. */
const byId = (items: Record<string, unknown>[], key = 'id'): Map<string, Record<string, unknown>> =>
  new Map(items.filter((i) => text(i[key]) !== undefined).map((i) => [i[key] as string, i]));

/** Load problems that mean a file's documents could not be read at all. */
const UNREADABLE = /^(yaml\/|file\/(binary|too-large|unreadable|name-encoding))/;

function unreadable(version: Version, side: UnreadableFile['side']): UnreadableFile[] {
  const seen = new Set<string>();
  const result: UnreadableFile[] = [];
  for (const problem of version.workspace.problems) {
    if (!UNREADABLE.test(problem.ruleId)) continue;
    const file = toPosix(relative(version.workspace.root, problem.file));
    if (seen.has(file)) continue;
    seen.add(file);
    result.push({ side, file, line: problem.span.line, message: problem.message });
  }
  return result;
}

interface Doc {
  kind: DocumentKind;
  id: string;
  data: Record<string, unknown>;
  file: string;
}

function documentsOf(workspace: Workspace): Map<string, Doc> {
  const docs = new Map<string, Doc>();
  for (const kind of DOCUMENT_KINDS) {
    for (const [id, entry] of workspace.index.of(kind)) {
      if (isRecord(entry.value)) docs.set(`${kind}:${id}`, { kind, id, data: entry.value, file: entry.doc.file.rel });
    }
  }
  return docs;
}

/** Names of people and organisations, from the newer version first. */
class Names implements NameSource {
  constructor(private readonly versions: Workspace[]) {}
  person(id: unknown): string {
    for (const w of this.versions) {
      const name = text((w.index.people.get(id as string)?.value as Record<string, unknown> | undefined)?.name);
      if (name) return name;
    }
    return String(id);
  }
  organization(id: unknown): string {
    for (const w of this.versions) {
      const org = w.index.organizations.get(id as string)?.value as Record<string, unknown> | undefined;
      const name = text(org?.name);
      if (name) return name;
    }
    return String(id);
  }
  group(id: unknown): string {
    for (const w of this.versions) {
      const name = text((w.index.groups.get(id as string)?.value as Record<string, unknown> | undefined)?.name);
      if (name) return name;
    }
    return String(id);
  }
}

function titleOf(doc: Doc, names: NameSource): string {
  const d = doc.data;
  if (doc.kind === 'group') return text(d.name) ?? doc.id;
  if (doc.kind === 'meeting') return names.group(d.group);
  return text(d.title) ?? doc.id;
}

/** What the comparison is told: both versions and the day rosters are read for. */
export interface CompareInput {
  before: Version;
  after: Version;
  /** The day whose roster counts (members who joined or left by then); YYYY-MM-DD. */
  asOf: string;
}

/** The result of comparing two versions. */
export interface Comparison {
  documents: DocumentChanges[];
  unreadable: UnreadableFile[];
}

/** Compares two versions of a workspace. Every change is marked committed; see markUncommitted. */
export function compareVersions(input: CompareInput): Comparison {
  const { before, after, asOf } = input;
  const names = new Names([after.workspace, before.workspace]);
  const unread = [...unreadable(before, 'before'), ...unreadable(after, 'after')];
  const unreadBefore = new Set(unread.filter((u) => u.side === 'before').map((u) => u.file));
  const unreadAfter = new Set(unread.filter((u) => u.side === 'after').map((u) => u.file));
  const old = documentsOf(before.workspace);
  const now = documentsOf(after.workspace);
  const result: DocumentChanges[] = [];
  const keys = [...new Set([...old.keys(), ...now.keys()])];
  for (const key of keys) {
    const a = old.get(key);
    const b = now.get(key);
    // A document missing on one side because its file could not be read there is not known to be added or removed.
    if (!a && b && unreadBefore.has(b.file)) continue;
    if (a && !b && unreadAfter.has(a.file)) continue;
    const doc = (b ?? a)!;
    const confidential = isConfidentialDoc(doc, before, after);
    const changes = compareDocument(doc.kind, a?.data, b?.data, {
      names,
      asOf,
      confidential,
      // A record is withheld if either version says it comes from a confidential item.
      isConfidentialRecord: (meeting, record) => after.confidentiality.isConfidentialRecord(meeting, record) || before.confidentiality.isConfidentialRecord(meeting, record),
    });
    if (changes.length === 0) continue;
    result.push({
      kind: doc.kind,
      id: doc.id,
      title: titleOf(doc, names),
      file: doc.file,
      ...(doc.kind === 'meeting' && text(doc.data.date) ? { date: doc.data.date as string } : {}),
      confidential,
      changes,
    });
  }
  const order = (d: DocumentChanges) => DOCUMENT_KINDS.indexOf(d.kind);
  result.sort((x, y) => order(x) - order(y) || (x.date ?? '').localeCompare(y.date ?? '') || x.id.localeCompare(y.id));
  return { documents: result, unreadable: unread };
}

/** Names of people, organisations and groups, for the sentences. */
export interface NameSource {
  person(id: unknown): string;
  organization(id: unknown): string;
  group(id: unknown): string;
}

/** What compareDocument needs besides the two versions of the document. */
export interface DocumentContext {
  names: NameSource;
  /** The day whose roster counts; YYYY-MM-DD. */
  asOf: string;
  /** True if the whole document must be withheld from public output. */
  confidential?: boolean;
  /** True if a decision or task of a meeting must be withheld (ask src/model/confidentiality.ts). */
  isConfidentialRecord(meeting: unknown, record: unknown): boolean;
}

/**
 * The changes between two versions of one document (undefined: it did not exist), matched by
 * the ids of its items. A document added gives 'document-added' (a meeting: planned or held),
 * one removed 'document-removed', one changed in nothing told here 'document-edited'.
 */
export function compareDocument(
  kind: DocumentKind,
  a: Record<string, unknown> | undefined,
  b: Record<string, unknown> | undefined,
  context: DocumentContext,
): Change[] {
  const confidential = context.confidential === true;
  const changes: Change[] = [];
  const add: Add = (type, params = {}, item, isConfidential = confidential) =>
    changes.push({ type, ...(item !== undefined ? { item } : {}), params, confidential: confidential || isConfidential, uncommitted: false });
  if (!a && !b) return changes;
  if (!a) {
    if (kind === 'meeting') meetingChanges(undefined, b!, add, context);
    else add('document-added');
  } else if (!b) add('document-removed');
  else if (!same(a, b)) {
    if (kind === 'plan') planChanges(a, b, add);
    else if (kind === 'group') groupChanges(a, b, add, context.names, context.asOf);
    else if (kind === 'agreement') agreementChanges(a, b, add, context.names);
    else if (kind === 'meeting') meetingChanges(a, b, add, context);
    if (changes.length === 0) add('document-edited');
  }
  return changes;
}

/** A group's or meeting's document is confidential if either version says so (when in doubt, withhold). */
function isConfidentialDoc(doc: Doc, before: Version, after: Version): boolean {
  if (doc.kind === 'group') {
    return [before, after].some((v) => v.workspace.index.groups.has(doc.id) && v.confidentiality.isConfidentialGroup(doc.id)) || isConfidentialGroupDoc(doc.data);
  }
  if (doc.kind === 'meeting') return [before, after].some((v) => v.workspace.index.meetings.has(doc.id) && v.confidentiality.isConfidentialMeeting(doc.id));
  return false;
}

type Add = (type: ChangeType, params?: Record<string, string | number>, item?: string, confidential?: boolean) => void;

/** Every goal and subgoal of a plan, by id. */
function goalsOf(plan: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const goals = new Map<string, Record<string, unknown>>();
  for (const goal of list(plan.goals)) {
    if (text(goal.id)) goals.set(goal.id as string, goal);
    for (const sub of list(goal.subgoals)) if (text(sub.id)) goals.set(sub.id as string, { ...sub, subgoal: true });
  }
  return goals;
}

/** Every indicator of a plan (of the plan, its goals and subgoals), by id. */
function indicatorsOf(plan: Record<string, unknown>): Map<string, Record<string, unknown>> {
  const found: Record<string, unknown>[] = [...list(plan.indicators)];
  for (const goal of list(plan.goals)) {
    found.push(...list(goal.indicators));
    for (const sub of list(goal.subgoals)) found.push(...list(sub.indicators));
  }
  return byId(found);
}

/** A goal without its indicators and subgoals: they are compared on their own. */
function ownGoal(goal: Record<string, unknown>): Record<string, unknown> {
  const { indicators: _i, subgoals: _s, ...own } = goal;
  return own;
}

function planChanges(a: Record<string, unknown>, b: Record<string, unknown>, record: Add): void {
  let recorded = 0;
  const add: Add = (...args) => {
    recorded++;
    record(...args);
  };
  const goalsA = goalsOf(a);
  const goalsB = goalsOf(b);
  for (const [id, goal] of goalsB) {
    const was = goalsA.get(id);
    const params = { id, title: text(goal.title) ?? id, subgoal: goal.subgoal ? 1 : 0 };
    if (!was) add('goal-added', params, id);
    else if (!same(ownGoal(was), ownGoal(goal))) add('goal-edited', { ...params, ...(was.title !== goal.title && text(was.title) ? { from: was.title as string } : {}) }, id);
  }
  for (const [id, goal] of goalsA) if (!goalsB.has(id)) add('goal-removed', { id, title: text(goal.title) ?? id, subgoal: goal.subgoal ? 1 : 0 }, id);

  const indA = indicatorsOf(a);
  const indB = indicatorsOf(b);
  for (const [id, ind] of indB) {
    const name = text(ind.name) ?? id;
    const was = indA.get(id);
    if (!was) {
      add('indicator-added', { id, name }, id);
      continue;
    }
    const target = (i: Record<string, unknown>) => (isRecord(i.target) ? i.target : {});
    const { measurements: mA, target: _tA, ...restA } = was;
    const { measurements: mB, target: _tB, ...restB } = ind;
    if (!same(target(was), target(ind))) {
      const t = target(ind);
      add('indicator-target', { id, name, value: String(t.value ?? ''), period: String(t.period ?? ''), from: String(target(was).value ?? '') }, id);
    }
    if (!same(restA, restB)) add('indicator-edited', { id, name }, id);
    const measuredA = byId(list(mA), 'period');
    for (const m of list(mB)) {
      const period = String(m.period ?? '');
      const earlier = measuredA.get(period);
      if (!earlier) add('measurement-added', { id, name, period, value: String(m.value ?? '') }, id);
      else if (!same(earlier.value, m.value)) add('measurement-changed', { id, name, period, value: String(m.value ?? ''), from: String(earlier.value ?? '') }, id);
    }
  }
  for (const [id, ind] of indA) if (!indB.has(id)) add('indicator-removed', { id, name: text(ind.name) ?? id }, id);

  const actA = byId(list(a.actions));
  const actB = byId(list(b.actions));
  for (const [id, act] of actB) {
    const title = text(act.title) ?? id;
    const was = actA.get(id);
    if (!was) {
      add('action-added', { id, title, ...(text(act.due) ? { due: act.due as string } : {}) }, id);
      continue;
    }
    const before = recorded;
    if (was.status !== act.status) {
      if (act.status === 'done') add('action-done', { id, title }, id);
      else if (act.status === 'cancelled') add('action-cancelled', { id, title }, id);
      else add('action-status', { id, title, from: String(was.status ?? ''), to: String(act.status ?? '') }, id);
    }
    // Progress as written: the follow-up notes tell their own progress below.
    if (was.progress !== act.progress && typeof act.progress === 'number' && act.status !== 'done') {
      add('action-progress', { id, title, from: typeof was.progress === 'number' ? was.progress : '', to: act.progress }, id);
    }
    if (text(was.due) && text(act.due) && was.due !== act.due) {
      add('action-due', { id, title, from: was.due as string, to: act.due as string, days: daysBetween(was.due as string, act.due as string) }, id);
    }
    const notesA = list(was.follow_up);
    for (const note of list(act.follow_up)) {
      if (notesA.some((n) => same(n, note))) continue;
      add('action-follow-up', { id, title, date: String(note.date ?? ''), note: text(note.note) ?? '' }, id);
    }
    const { status: _s1, progress: _p1, due: _d1, follow_up: _f1, ...restA } = was;
    const { status: _s2, progress: _p2, due: _d2, follow_up: _f2, ...restB } = act;
    if (!same(restA, restB) || (recorded === before && !same(was, act))) add('action-edited', { id, title }, id);
  }
  for (const [id, act] of actA) if (!actB.has(id)) add('action-removed', { id, title: text(act.title) ?? id }, id);
}

function activeIds(group: Record<string, unknown>, asOf: string): Map<string, Record<string, unknown>> {
  const active = new Map<string, Record<string, unknown>>();
  for (const m of list(group.members)) {
    if (!text(m.person)) continue;
    if (isActiveOn(m as Parameters<typeof isActiveOn>[0], asOf)) active.set(m.person as string, m);
  }
  return active;
}

function chairOf(members: Map<string, Record<string, unknown>>): string | undefined {
  return [...members.values()].find((m) => m.role === 'chair')?.person as string | undefined;
}

function groupChanges(a: Record<string, unknown>, b: Record<string, unknown>, add: Add, names: NameSource, asOf: string): void {
  const mA = activeIds(a, asOf);
  const mB = activeIds(b, asOf);
  for (const [person, m] of mB) {
    const was = mA.get(person);
    if (!was) add('member-joined', { person, name: names.person(person), role: String(m.role ?? 'member') }, person);
    else if (was.role !== m.role && m.role !== 'chair') add('member-role', { person, name: names.person(person), from: String(was.role ?? ''), to: String(m.role ?? '') }, person);
  }
  for (const [person, m] of mA) if (!mB.has(person)) add('member-left', { person, name: names.person(person), role: String(m.role ?? 'member') }, person);
  const chairA = chairOf(mA);
  const chairB = chairOf(mB);
  if (chairB !== undefined && chairB !== chairA) add('chair-new', { person: chairB, name: names.person(chairB) }, chairB);
}

function agreementChanges(a: Record<string, unknown>, b: Record<string, unknown>, add: Add, names: NameSource): void {
  if (a.status !== b.status && text(b.status)) add('agreement-status', { from: String(a.status ?? ''), to: b.status as string });
  const pA = byId(list(a.parties), 'organization');
  const pB = byId(list(b.parties), 'organization');
  for (const [org, party] of pB) {
    const was = pA.get(org);
    if (!was) add('party-added', { organization: org, name: names.organization(org) }, org);
    else if (!text(was.signed) && text(party.signed)) add('party-signed', { organization: org, name: names.organization(org), date: party.signed as string }, org);
  }
  for (const org of pA.keys()) if (!pB.has(org)) add('party-removed', { organization: org, name: names.organization(org) }, org);
  const tA = isRecord(a.term) ? a.term : {};
  const tB = isRecord(b.term) ? b.term : {};
  for (const field of ['start', 'end', 'renewal', 'notice_months', 'notice_given'] as const) {
    if (!same(tA[field], tB[field])) add('term-changed', { field, from: tA[field] == null ? '' : String(tA[field]), to: tB[field] == null ? '' : String(tB[field]) });
  }
  const shares = (x: Record<string, unknown>) => byId(list(isRecord(x.resources) ? x.resources.cost_sharing : undefined), 'organization');
  const sA = shares(a);
  const sB = shares(b);
  for (const org of new Set([...sA.keys(), ...sB.keys()])) {
    const from = sA.get(org)?.share;
    const to = sB.get(org)?.share;
    if (!same(from, to)) add('cost-share', { organization: org, name: names.organization(org), from: typeof from === 'number' ? from : '', to: typeof to === 'number' ? to : '' }, org);
  }
}

function meetingChanges(a: Record<string, unknown> | undefined, b: Record<string, unknown>, add: Add, context: DocumentContext): void {
  const { names } = context;
  const date = String(b.date ?? '');
  const minA = a && isRecord(a.minutes) ? a.minutes : undefined;
  const minB = isRecord(b.minutes) ? b.minutes : undefined;
  if (!a && !minB) add('meeting-planned', { date });
  if (!minB) return;
  // A record is withheld if either version of the meeting says it comes from a confidential item.
  const secret = (record: Record<string, unknown>) =>
    context.isConfidentialRecord(b, record) || (a !== undefined && context.isConfidentialRecord(a, record));
  if (!minA) {
    const decisions = list(minB.decisions);
    const tasks = list(minB.tasks);
    // Public output counts only what it may show: a count of withheld decisions says they exist.
    add('meeting-held', {
      date,
      decisions: decisions.length,
      tasks: tasks.length,
      public_decisions: decisions.filter((d) => !secret(d)).length,
      public_tasks: tasks.filter((t) => !secret(t)).length,
    });
  }
  if (minB.status === 'adjusted' && minA?.status !== 'adjusted') {
    const adjusted = isRecord(minB.adjusted) ? minB.adjusted : {};
    add('minutes-adjusted', { date: String(adjusted.date ?? '') });
  }
  const decisionsA = list(minA?.decisions);
  for (const d of list(minB.decisions)) {
    if (decisionsA.some((x) => same(x, d))) continue;
    const number = typeof d.item === 'number' || typeof d.item === 'string' ? findAgendaItem(b as AgendaSource, d.item)?.number : undefined;
    add('decision', { text: text(d.text) ?? '', ...(number !== undefined ? { item: number } : {}) }, undefined, secret(d));
  }
  const tasksA = byId(list(minA?.tasks));
  for (const t of list(minB.tasks)) {
    const id = text(t.id);
    const was = id ? tasksA.get(id) : undefined;
    const params = {
      title: text(t.title) ?? id ?? '',
      ...(text(t.responsible) ? { responsible: names.person(t.responsible) } : {}),
      ...(text(t.due) ? { due: t.due as string } : {}),
    };
    if (!was) add(t.done === true ? 'task-done' : 'task', params, id, secret(t));
    else if (was.done !== true && t.done === true) add('task-done', params, id, secret(t));
  }
  // Rättelser: dated notes added to adjusted minutes.
  const correctionsA = list(minA?.corrections);
  for (const c of list(minB.corrections)) {
    if (correctionsA.some((x) => same(x, c))) continue;
    add('minutes-correction', { date: String(c.date ?? ''), text: text(c.text) ?? '' }, undefined, secret(c));
  }
}

const changeKey = (doc: DocumentChanges, change: Change) => canonical([doc.kind, doc.id, change.type, change.item ?? '', change.params]);

/**
 * Marks which changes of `working` (the comparison with the working tree) are not yet committed:
 * those that `committed` (the same comparison with the last commit) does not have.
 */
export function markUncommitted(working: Comparison, committed: Comparison): Comparison {
  const known = new Map<string, number>();
  for (const doc of committed.documents) for (const c of doc.changes) known.set(changeKey(doc, c), (known.get(changeKey(doc, c)) ?? 0) + 1);
  return {
    ...working,
    documents: working.documents.map((doc) => ({
      ...doc,
      changes: doc.changes.map((c) => {
        const key = changeKey(doc, c);
        const left = known.get(key) ?? 0;
        if (left > 0) {
          known.set(key, left - 1);
          return c;
        }
        return { ...c, uncommitted: true };
      }),
    })),
  };
}
