/**
 * `samverkan meeting new GROUP`: the group's next meeting as a new file, dated from its cadence.
 * The file is the meeting's whole record: the formal items with their roles (opening, adjusters,
 * agenda, previous minutes, follow-up, other business, next meeting, closing), the group's
 * standing items as they are now, and the follow-ups (`follow_up:`) of the tasks still open from
 * earlier minutes and of the plan actions overdue or due before the meeting after, as they stand
 * today; every item with its § number. Rendering reads only this file, so the notice and the
 * minutes keep saying what they said whatever changes in the workspace later.
 */
import type { CheckedWorkspace } from '../workspace/checked.js';
import { join } from 'node:path';
import { Document, isMap, isSeq, Scalar, type Node } from 'yaml';
import { EditConflictError, UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import { commitNewFile, documentToEdit, editDate, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { movedNote, nextMeetingDate, proposeMeetingDate } from '../model/cadence.js';
import { addDays, isIsoDate } from '../model/dates.js';
import type { Action, AgendaItem, GroupDoc, MeetingDoc, MeetingTask, PlanDoc } from '../model/index.js';
import { formatCadence, formatDateWithWeekday, formatTime, labelsFor, type Lang } from '../i18n/index.js';
import { isClosed, isOverdue } from '../model/plan-status.js';
import type { Workspace } from '../workspace/types.js';
import { schemaModeline } from '../workspace/modeline.js';
import { isConfidentialItem } from '../model/confidentiality.js';
import { agendaOf } from '../model/agenda.js';
import { requireDate } from './action.js';
import { changesSinceLastMeeting } from './changes.js';
import type { DocumentChanges } from '../changes/diff.js';
import { describeChange, describeDocument } from '../changes/describe.js';

const say = messages('commands/meeting-new', {
  meetsEvery: { sv: '{group} möts {cadence}', en: '{group} meets {cadence}' },
  noCadence: { sv: '{group} har ingen mötesrytm (meetings: cadence: i gruppens fil)', en: '{group} has no meeting cadence (meetings: cadence: in its file)' },
  noNextDate: {
    sv: '{why}, så det finns inget nästa datum att räkna fram. Ge datumet med --date ÅÅÅÅ-MM-DD, till exempel: samverkan meeting new {group} --date {example}',
    en: '{why}, so there is no next date to work out. Give the date with --date YYYY-MM-DD, for example: samverkan meeting new {group} --date {example}',
  },
  sameDay: {
    sv: '{group} har redan ett möte {date} ({file}), så inget skrevs. Ändra i den filen, eller ge ett annat --date.',
    en: '{group} already has a meeting on {date} ({file}), so nothing was written. Edit that file, or give another --date.',
  },
  idTaken: {
    sv: 'Det finns redan ett möte med id {id} ({file}), så inget skrevs. Ge ett annat --date.',
    en: 'There is already a meeting with id {id} ({file}), so nothing was written. Give another --date.',
  },
});

export interface MeetingNewInput {
  group: string;
  /** The meeting's date; the next date of the group's cadence unless given. */
  date?: string;
}

/** A task from earlier minutes that is not done yet. */
export interface OpenTask {
  meeting: string;
  meetingDate: string;
  task: MeetingTask;
}

/** A plan action the meeting follows up. */
export interface FollowedAction {
  plan: string;
  action: Action;
  overdue: boolean;
}

export interface MeetingNewResult extends FileEditResult {
  id: string;
  group: string;
  date: string;
  /** 'cadence' if the date was worked out from the group's cadence, 'given' if it came with --date. */
  dated: 'cadence' | 'given';
  /** The cadence's dates passed over because they are holidays or eves, and why, when the date was moved. */
  moved?: { from: string[]; note: string };
  /** The date of the meeting before (the group's latest), if any. */
  previous?: string;
  /** The date of the meeting after, by the cadence: actions due before it are followed up. */
  following?: string;
  start?: string;
  end?: string;
  location?: string;
  standingItems: number;
  openTasks: OpenTask[];
  actions: FollowedAction[];
}

/**
 * The next date on the group's cadence after both its last meeting and `today`, never a holiday
 * or eve: see proposeMeetingDate in src/model/cadence.ts, the one home of the next meeting.
 */
export function nextCadenceDate(group: Pick<GroupDoc, 'meetings'>, last: string | undefined, today: string): string | undefined {
  return proposeMeetingDate(group, last, today)?.date;
}

/** The id of a group's meeting on `date`: GROUP-DATE, the group part shortened if the whole would be too long for an id. */
export function meetingId(group: string, date: string): string {
  const room = 64 - date.length - 1;
  return `${group.length > room ? group.slice(0, room).replace(/-+$/, '') : group}-${date}`;
}

function addMinutes(time: string, minutes: number): string | undefined {
  const [h, m] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  if (!Number.isFinite(total) || total >= 24 * 60) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The group's earlier meetings' tasks that are not done, oldest meeting first. */
export function openTasksBefore(workspace: Workspace, groupId: string, date: string): OpenTask[] {
  return workspace.index
    .meetingsOf(groupId)
    .filter((m) => isText(m.value.date) && m.value.date < date)
    .flatMap((m) =>
      (Array.isArray(m.value.minutes?.tasks) ? m.value.minutes.tasks : [])
        .filter((t) => t && isText(t.id) && isText(t.title) && t.done !== true)
        .map((task) => ({ meeting: m.id, meetingDate: m.value.date, task })),
    );
}

/** The plans a group follows up: those under its agreement and those it owns. */
export function followedPlans(workspace: Workspace, group: GroupDoc): PlanDoc[] {
  return [...workspace.index.plans.values()]
    .map((e) => e.value as PlanDoc)
    .filter((p) => (isText(group.agreement) && p.agreement === group.agreement) || p.owner === group.id);
}

/** One row of a follow-up item's record. */
type FollowUpRow = NonNullable<AgendaItem['follow_up']>[number];

/**
 * The actions of the plans the group follows (plans under the group's agreement, or owned by the
 * group) that are not done or cancelled and are overdue on `today` or due before `before`.
 * Ordered by due date.
 */
export function actionsToFollowUp(workspace: Workspace, group: GroupDoc, today: string, before: string): FollowedAction[] {
  return followedPlans(workspace, group)
    .flatMap((plan) =>
      (Array.isArray(plan.actions) ? plan.actions : [])
        .filter((a) => a && isText(a.id) && isText(a.title) && isText(a.due) && !isClosed(a))
        .filter((a) => isOverdue(a, today) || a.due < before)
        .map((action) => ({ plan: plan.id, action, overdue: isOverdue(action, today) })),
    )
    .sort((a, b) => (a.action.due < b.action.due ? -1 : a.action.due > b.action.due ? 1 : `${a.plan}/${a.action.id}` < `${b.plan}/${b.action.id}` ? -1 : 1));
}

interface Words {
  createdFromCadence: (today: string, file: string, cadence: string) => string;
  createdForDate: (today: string) => string;
  render: (id: string) => string;
  record: string;
  opening: string;
  previous: (today: string) => string;
  confidentialTasks: string;
  followUp: (today: string, following: string | undefined) => string;
  standing: string;
  closing: string;
  nextProposal: (when: string) => string;
  changes: (previous: string) => string;
}

const WORDS: Record<Lang, Words> = {
  sv: {
    createdFromCadence: (today, file, cadence) => `Skapad av "samverkan meeting new" ${today} utifrån mötesrytmen i ${file} (${cadence}).`,
    createdForDate: (today) => `Skapad av "samverkan meeting new" ${today} för datumet som gavs med --date.`,
    render: (id) => `Ändra dagordningen som ni vill. Kallelsen: samverkan render meeting ${id}`,
    record:
      'Filen är mötets handling: kallelsen och protokollet visar just de här punkterna med sina nummer. follow_up: är läget när mötet förbereddes och ändras inte när uppgifter och åtgärder ändras.',
    opening: 'Mötets inledning',
    previous: (today) => `Föregående protokoll och uppgifterna som var öppna ${today}`,
    confidentialTasks: 'Öppna uppgifter från sekretessbelagda punkter',
    followUp: (today, following) =>
      `Åtgärder i handlingsplanen som var försenade ${today} eller ska vara klara ${following ? `före nästa möte (${following})` : 'till mötet'}, som de var ${today}`,
    standing: 'Stående punkter',
    closing: 'Mötets avslutning',
    nextProposal: (when) => `Nästa möte hålls ${when}.`,
    changes: (previous) => `Förändringar sedan förra mötet (${previous}), som git visade dem när mötet förbereddes; kallelsen visar dem som de står här`,
  },
  en: {
    createdFromCadence: (today, file, cadence) => `Created by "samverkan meeting new" on ${today} from the cadence in ${file} (${cadence}).`,
    createdForDate: (today) => `Created by "samverkan meeting new" on ${today} for the date given with --date.`,
    render: (id) => `Change the agenda as you like. The notice: samverkan render meeting ${id}`,
    record:
      'This file is the meeting\'s record: the notice and the minutes show exactly these items with their numbers. follow_up: is how things stood when the meeting was prepared and does not change when tasks and actions do.',
    opening: 'Opening',
    previous: (today) => `The previous minutes and the tasks open on ${today}`,
    confidentialTasks: 'Open tasks from confidential items',
    followUp: (today, following) =>
      `Plan actions overdue on ${today} or due ${following ? `before the next meeting (${following})` : 'by the meeting'}, as they were on ${today}`,
    standing: 'Standing items',
    closing: 'Closing',
    nextProposal: (when) => `The next meeting is held ${when}.`,
    changes: (previous) => `Changes since the last meeting (${previous}), as git showed them when the meeting was prepared; the notice shows them as they stand here`,
  },
};

/** The new meeting's file text: a comment saying where it came from, then the meeting. */
function meetingText(parts: {
  header: string[];
  meeting: Omit<MeetingDoc, 'items'>;
  sections: Array<{ comment: string; items: AgendaItem[] }>;
  changes?: { comment: string; lines: NonNullable<MeetingDoc['changes']> };
}): string {
  const doc = new Document();
  const root = doc.createNode(parts.meeting) as Node;
  if (!isMap(root)) throw new Error('a meeting is a map');
  for (const key of ['start', 'end']) {
    const value = root.get(key, true);
    if (value instanceof Scalar) value.type = Scalar.QUOTE_DOUBLE; // HH:MM in quotes, as the format asks, so no YAML 1.1 reader takes it for a number.
  }
  const items = parts.sections.flatMap((s) => s.items);
  if (items.length > 0) {
    const seq = doc.createNode(items) as Node;
    if (!isSeq(seq)) throw new Error('items is a list');
    let at = 0;
    for (const section of parts.sections) {
      if (section.items.length === 0) continue;
      (seq.items[at] as Node).commentBefore = ` ${section.comment}`;
      for (const item of seq.items.slice(at, at + section.items.length)) {
        if (!isMap(item)) continue;
        for (const key of ['refs', 'documents']) {
          const list = item.get(key, true);
          if (isSeq(list)) list.flow = true;
        }
        // A formal item with nothing but its number, title and role reads best on one line, as do the follow-up rows.
        if (item.items.every((pair) => !isSeq(pair.value) || (pair.value as { items: unknown[] }).items.length === 0) && item.has('role')) item.flow = true;
        const followUp = item.get('follow_up', true);
        if (isSeq(followUp)) {
          if (followUp.items.length === 0) followUp.flow = true;
          for (const row of followUp.items) if (isMap(row)) row.flow = true;
        }
      }
      at += section.items.length;
    }
    root.set('items', seq);
  }
  if (parts.changes && parts.changes.lines.length > 0) {
    const changes = doc.createNode(parts.changes.lines) as Node;
    // One line per change: a sentence and, when it must be withheld from public output, the mark.
    if (isSeq(changes)) for (const entry of changes.items) if (isMap(entry)) for (const line of (entry.get('lines', true) as { items?: unknown[] })?.items ?? []) if (isMap(line)) line.flow = true;
    const pair = doc.createPair('changes', changes);
    (pair.key as Node).commentBefore = ` ${parts.changes.comment}`;
    root.add(pair);
  }
  doc.contents = root;
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `${parts.header.map((line) => `# ${line}`).join('\n')}\n${body}`;
}

/** Works out the new meeting (date, id, path, text), without writing anything. */
export function prepareMeetingNew(
  checked: Pick<CheckedWorkspace, 'workspace' | 'confidentiality'>,
  input: MeetingNewInput,
  today: string,
  /** Förändringar sedan förra mötet, to write into the record (see createMeeting). */
  changes: NonNullable<MeetingDoc['changes']> = [],
): Omit<MeetingNewResult, 'warnings' | 'before' | 'created'> {
  // Checked first: only then is it known which meetings can be read and what is confidential.
  const { workspace, confidentiality } = checked;
  const { file: groupFile, data: group } = documentToEdit(workspace, 'group', input.group);
  const lang: Lang = workspace.config.language === 'en' ? 'en' : 'sv';
  const w = WORDS[lang];
  const labels = labelsFor(lang);
  const meetings = (typeof group.meetings === 'object' && group.meetings !== null ? group.meetings : {}) as NonNullable<GroupDoc['meetings']>;
  const held = workspace.index.meetingsOf(group.id).filter((m) => isText(m.value.date) && isIsoDate(m.value.date));
  const previous = held.length > 0 ? held[held.length - 1].value.date : undefined;

  let date: string;
  let dated: MeetingNewResult['dated'];
  let moved: MeetingNewResult['moved'];
  if (input.date !== undefined) {
    date = requireDate('--date', input.date);
    dated = 'given';
  } else {
    const proposal = proposeMeetingDate(group, previous, today);
    const next = proposal?.date;
    const note = proposal && movedNote(proposal, lang);
    if (note) moved = { from: proposal.movedFrom, note };
    if (next === undefined) {
      const name = group.name ?? group.id;
      const why = meetings.cadence
        ? say('meetsEvery', { group: name, cadence: formatCadence(meetings.cadence, labelsFor(language())) })
        : say('noCadence', { group: name });
      throw new UsageError(say('noNextDate', { why, group: group.id, example: addDays(today, 14) }));
    }
    date = next;
    dated = 'cadence';
  }
  const sameDay = held.find((m) => m.value.date === date);
  if (sameDay) {
    throw new EditConflictError(say('sameDay', { group: group.id, date, file: sameDay.doc.file.rel }));
  }
  const id = meetingId(group.id, date);
  const path = join(workspace.root, 'meetings', group.id, `${date}.yaml`);
  const rel = `meetings/${group.id}/${date}.yaml`;
  const taken = workspace.index.meetings.get(id);
  if (taken) throw new EditConflictError(say('idTaken', { id, file: taken.doc.file.rel }));

  const following = nextMeetingDate(group, date);
  const openTasks = openTasksBefore(workspace, group.id, date);
  const actions = actionsToFollowUp(workspace, group, today, following ?? addDays(date, 1));
  const start = isText(meetings.time) ? meetings.time : undefined;
  const end = start && typeof meetings.duration_minutes === 'number' ? addMinutes(start, meetings.duration_minutes) : undefined;
  const location = isText(meetings.location) ? meetings.location : undefined;
  const isPerson = (id: unknown): id is string => isText(id) && workspace.index.people.has(id);
  const t = labels.t;

  // The follow-ups as they stand today: the record keeps them so, whatever happens to the tasks and actions later.
  const taskRow = ({ meeting, task }: OpenTask): FollowUpRow => ({
    ref: `${meeting}/${task.id}`,
    title: task.title,
    ...(isPerson(task.responsible) ? { responsible: task.responsible } : {}),
    ...(isText(task.due) && isIsoDate(task.due) ? { due: task.due } : {}),
    status: 'open',
    ...(isText(task.due) && isIsoDate(task.due) && task.due < today ? { overdue_since: task.due } : {}),
  });
  // A task from a confidential item stays confidential on the agenda it is carried to.
  const isConfidentialTask = ({ meeting, task }: OpenTask) => confidentiality.isConfidentialRecord(workspace.index.meetings.get(meeting)?.value, task);
  const openRows = openTasks.filter((o) => !isConfidentialTask(o)).map(taskRow);
  const confidentialRows = openTasks.filter(isConfidentialTask).map(taskRow);
  const actionRows: FollowUpRow[] = actions.map(({ plan, action, overdue }) => ({
    ref: `${plan}/${action.id}`,
    title: action.title,
    ...(isPerson(action.lead) ? { responsible: action.lead } : {}),
    due: action.due,
    status: action.status,
    ...(overdue ? { overdue_since: action.due } : {}),
  }));
  const previousMinutes = held.filter((m) => m.value.date < date && m.value.minutes !== undefined).pop();

  const standing = (Array.isArray(group.standing_items) ? group.standing_items : []).filter((i) => i && isText(i.title)).map((i) => structuredClone(i));
  // The plan follow-up goes under the group's own follow-up item if it has one, so the agenda does not carry two of the same.
  const standingFollowUp = standing.find((i) => i.type === 'follow-up' && !isConfidentialItem(i));
  const followsPlans = followedPlans(workspace, group).length > 0;
  if (standingFollowUp && followsPlans) standingFollowUp.follow_up = actionRows;

  const opening: AgendaItem[] = [
    { title: t.item_opening, role: 'opening' },
    { title: t.item_adjusters, role: 'adjusters' },
    { title: t.item_agenda, role: 'agenda' },
  ];
  const previousItems: AgendaItem[] = [
    { title: t.item_previous, role: 'previous', type: 'follow-up', ...(previousMinutes ? { refs: [previousMinutes.id] } : {}), follow_up: openRows },
    ...(confidentialRows.length > 0 ? [{ title: w.confidentialTasks, type: 'follow-up' as const, confidential: true, follow_up: confidentialRows }] : []),
  ];
  const followUp: AgendaItem[] = followsPlans && !standingFollowUp ? [{ title: t.item_follow_up, role: 'follow-up', type: 'follow-up', follow_up: actionRows }] : [];
  const nextWhen = following ? [formatDateWithWeekday(following, lang), formatTime(start, lang)].filter(Boolean).join(lang === 'sv' ? ' ' : ' at ') : undefined;
  const closing: AgendaItem[] = [
    { title: t.item_other, role: 'other' },
    { title: t.item_next, role: 'next', ...(nextWhen ? { type: 'decision' as const, proposal: w.nextProposal(nextWhen) } : {}) },
    { title: t.item_closing, role: 'closing' },
  ];
  // Each item carries its § number, so that the record keeps its numbers when items are added or moved.
  const sections = [
    { comment: w.opening, items: opening },
    { comment: w.previous(today), items: previousItems },
    { comment: w.followUp(today, following), items: followUp },
    { comment: w.standing, items: standing },
    { comment: w.closing, items: closing },
  ];
  // A group that numbers its paragraphs through the year (its meeting before, that year, has a
  // first_number) goes on from that meeting's last §; any other starts at § 1.
  const sameYear = held.filter((m) => m.value.date < date && m.value.date.slice(0, 4) === date.slice(0, 4)).pop()?.value;
  const firstNumber = sameYear?.first_number !== undefined ? Math.max(0, ...agendaOf(sameYear).map((e) => e.number)) + 1 : undefined;
  let number = firstNumber ?? 1;
  // A number a standing item may carry in the group's file says nothing about this meeting.
  for (const section of sections) section.items = section.items.map(({ number: _ignored, ...item }) => ({ number: number++, ...item }));

  const meeting: Omit<MeetingDoc, 'items'> = {
    kind: 'meeting',
    id,
    group: group.id,
    date,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(location ? { location } : {}),
    ...(isText(meetings.online) ? { online: meetings.online } : {}),
    ...(firstNumber !== undefined ? { first_number: firstNumber } : {}),
  };
  const weekday = isText(meetings.weekday) ? (labels.weekday_plural as Record<string, string>)[meetings.weekday] ?? meetings.weekday : undefined;
  const cadence = [formatCadence(isText(meetings.cadence) ? meetings.cadence : undefined, labels), weekday].filter(isText).join(', ');
  const header = [dated === 'cadence' ? w.createdFromCadence(today, groupFile.rel, cadence) : w.createdForDate(today), ...(moved ? [`${moved.note}.`] : []), w.render(id)];
  const text = schemaModeline(workspace.root, rel, 'meeting') + meetingText({ header: [...header, w.record], meeting, sections, ...(previous ? { changes: { comment: w.changes(previous), lines: changes } } : {}) });
  return {
    path,
    rel,
    text,
    id,
    group: group.id,
    date,
    dated,
    ...(moved ? { moved } : {}),
    ...(previous ? { previous } : {}),
    ...(following ? { following } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(location ? { location } : {}),
    standingItems: standing.length,
    openTasks,
    actions,
  };
}

/** The changes as the meeting file keeps them: each sentence under its document's heading, confidential ones marked. */
function changeLines(documents: DocumentChanges[], lang: Lang): NonNullable<MeetingDoc['changes']> {
  return documents.map((doc) => ({
    document: describeDocument(doc, lang),
    lines: doc.changes.map((change) => ({
      text: describeChange(change, lang),
      ...(doc.confidential || change.confidential ? { confidential: true } : {}),
    })),
  }));
}

/**
 * Creates the group's next meeting as meetings/GROUP/DATE.yaml: dated from the group's cadence
 * (the first cadence date after both its last meeting and today) unless a date is given, with the
 * standing items, the open tasks from earlier minutes and the plan actions to follow up as agenda
 * items. The new file is checked with the whole workspace before it is written, and never
 * overwrites an existing file.
 */
export async function createMeeting(checked: CheckedWorkspace, input: MeetingNewInput, options: EditOptions = {}): Promise<MeetingNewResult> {
  // Checked, because only then is it known which meetings can be read and what is confidential.
  const { workspace } = checked;
  const today = editDate(workspace, options.asOf);
  const planned = prepareMeetingNew(checked, input, today);
  // The changes since the group's meeting before this one, from git; none without git or the commit.
  const changes = await changesSinceLastMeeting(checked, planned.group, planned.date);
  const prepared = changes && changes.length > 0 ? prepareMeetingNew(checked, input, today, changeLines(changes, workspace.config.language === 'en' ? 'en' : 'sv')) : planned;
  const warnings = await commitNewFile(workspace, prepared.path, prepared.text, options);
  return { ...prepared, created: true, before: '', warnings };
}
