/**
 * `samverkan meeting new GROUP`: the group's next meeting as a new file, dated from its cadence,
 * with an agenda to start from: the group's standing items, the tasks still open from earlier
 * minutes, and the plan actions that are overdue or due before the meeting after.
 */
import type { CheckedWorkspace } from '../workspace/checked.js';
import { join } from 'node:path';
import { Document, isMap, isSeq, Scalar, type Node } from 'yaml';
import { EditConflictError, UsageError } from '../errors.js';
import { commitNewFile, documentToEdit, editDate, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { movedNote, nextMeetingDate, proposeMeetingDate } from '../model/cadence.js';
import { addDays, isIsoDate } from '../model/dates.js';
import type { Action, AgendaItem, GroupDoc, MeetingDoc, MeetingTask, PlanDoc } from '../model/index.js';
import { formatCadence, formatDate, labelsFor, type Lang } from '../i18n/index.js';
import { CLOSED_STATUSES } from '../rules/plan.js';
import type { Workspace } from '../workspace/types.js';
import { requireDate } from './action.js';

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

/**
 * The actions of the plans the group follows (plans under the group's agreement, or owned by the
 * group) that are not done or cancelled and are overdue on `today` or due before `before`.
 * Ordered by due date.
 */
export function actionsToFollowUp(workspace: Workspace, group: GroupDoc, today: string, before: string): FollowedAction[] {
  const plans = [...workspace.index.plans.values()]
    .map((e) => e.value as PlanDoc)
    .filter((p) => (isText(group.agreement) && p.agreement === group.agreement) || p.owner === group.id);
  return plans
    .flatMap((plan) =>
      (Array.isArray(plan.actions) ? plan.actions : [])
        .filter((a) => a && isText(a.id) && isText(a.title) && isText(a.due) && !CLOSED_STATUSES.has(a.status))
        .filter((a) => a.due < today || a.due < before)
        .map((action) => ({ plan: plan.id, action, overdue: action.due < today })),
    )
    .sort((a, b) => (a.action.due < b.action.due ? -1 : a.action.due > b.action.due ? 1 : `${a.plan}/${a.action.id}` < `${b.plan}/${b.action.id}` ? -1 : 1));
}

interface Words {
  createdFromCadence: (today: string, file: string, cadence: string) => string;
  createdForDate: (today: string) => string;
  render: (id: string) => string;
  standing: string;
  tasks: string;
  actions: (following: string | undefined) => string;
  taskTitle: (task: string, date: string, title: string) => string;
  responsible: (who: string) => string;
  dueBy: (date: string) => string;
  overdue: string;
  status: (status: string, progress: number | undefined) => string;
  actionTitle: (id: string, title: string) => string;
}

const WORDS: Record<Lang, Words> = {
  sv: {
    createdFromCadence: (today, file, cadence) => `Skapad av "samverkan meeting new" ${today} utifrån mötesrytmen i ${file} (${cadence}).`,
    createdForDate: (today) => `Skapad av "samverkan meeting new" ${today} för datumet som gavs med --date.`,
    render: (id) => `Ändra dagordningen som ni vill. Kallelsen: samverkan render meeting ${id}`,
    standing: 'Stående punkter',
    tasks: 'Öppna uppgifter från tidigare protokoll',
    actions: (following) =>
      following ? `Åtgärder i handlingsplanen som är försenade eller ska vara klara före nästa möte (${following})` : 'Åtgärder i handlingsplanen som är försenade eller ska vara klara till mötet',
    taskTitle: (task, date, title) => `Uppgift ${task} från ${date}: ${title}`,
    responsible: (who) => `Ansvarig: ${who}.`,
    dueBy: (date) => `Ska vara klar ${date}`,
    overdue: 'försenad',
    status: (status, progress) => `Status: ${status}${progress !== undefined ? `, ${progress} %` : ''}.`,
    actionTitle: (id, title) => `Uppföljning av ${id}: ${title}`,
  },
  en: {
    createdFromCadence: (today, file, cadence) => `Created by "samverkan meeting new" on ${today} from the cadence in ${file} (${cadence}).`,
    createdForDate: (today) => `Created by "samverkan meeting new" on ${today} for the date given with --date.`,
    render: (id) => `Change the agenda as you like. The notice: samverkan render meeting ${id}`,
    standing: 'Standing items',
    tasks: 'Open tasks from earlier minutes',
    actions: (following) =>
      following ? `Plan actions that are overdue or due before the next meeting (${following})` : 'Plan actions that are overdue or due by the meeting',
    taskTitle: (task, date, title) => `Task ${task} from ${date}: ${title}`,
    responsible: (who) => `Responsible: ${who}.`,
    dueBy: (date) => `Due ${date}`,
    overdue: 'overdue',
    status: (status, progress) => `Status: ${status}${progress !== undefined ? `, ${progress}%` : ''}.`,
    actionTitle: (id, title) => `Follow-up of ${id}: ${title}`,
  },
};

/** The new meeting's file text: a comment saying where it came from, then the meeting. */
function meetingText(parts: {
  lang: Lang;
  header: string[];
  meeting: Omit<MeetingDoc, 'items'>;
  sections: Array<{ comment: string; items: AgendaItem[] }>;
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
        const refs = isMap(item) ? item.get('refs', true) : undefined;
        if (isSeq(refs)) refs.flow = true;
        const documents = isMap(item) ? item.get('documents', true) : undefined;
        if (isSeq(documents)) documents.flow = true;
      }
      at += section.items.length;
    }
    root.set('items', seq);
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
      throw new UsageError(
        `${group.name ?? group.id} ${meetings.cadence ? `meets ${meetings.cadence}` : 'has no meeting cadence (meetings: cadence: in its file)'}, so there is no next date to work out. ` +
          `Give the date with --date YYYY-MM-DD, for example: samverkan meeting new ${group.id} --date ${addDays(today, 14)}`,
      );
    }
    date = next;
    dated = 'cadence';
  }
  const sameDay = held.find((m) => m.value.date === date);
  if (sameDay) {
    throw new EditConflictError(
      `${group.id} already has a meeting on ${date} (${sameDay.doc.file.rel}), so nothing was written. Edit that file, or give another --date.`,
    );
  }
  const id = meetingId(group.id, date);
  const path = join(workspace.root, 'meetings', group.id, `${date}.yaml`);
  const rel = `meetings/${group.id}/${date}.yaml`;
  const taken = workspace.index.meetings.get(id);
  if (taken) throw new EditConflictError(`There is already a meeting with id ${id} (${taken.doc.file.rel}), so nothing was written. Give another --date.`);

  const following = nextMeetingDate(group, date);
  const openTasks = openTasksBefore(workspace, group.id, date);
  const actions = actionsToFollowUp(workspace, group, today, following ?? addDays(date, 1));
  const isPerson = (id: unknown): id is string => isText(id) && workspace.index.people.has(id);
  const personName = (id: string) => workspace.index.validEntry('person', id)?.value.name ?? id;
  const orgName = (id: string) => workspace.index.validEntry('organization', id)?.value.name ?? id;

  const standing = (Array.isArray(group.standing_items) ? group.standing_items : []).filter((i) => i && isText(i.title));
  const taskItems: AgendaItem[] = openTasks.map(({ meeting, meetingDate, task }) => ({
    title: w.taskTitle(task.id, meetingDate, task.title),
    type: 'follow-up',
    ...(isPerson(task.responsible) ? { presenter: task.responsible } : {}),
    description: [isText(task.responsible) ? w.responsible(personName(task.responsible)) : '', task.due ? `${w.dueBy(formatDate(task.due, lang))}${task.due < date ? ` (${w.overdue})` : ''}.` : '']
      .filter(Boolean)
      .join(' '),
    refs: [meeting],
    // A task from a confidential item stays confidential on the agenda it is carried to.
    ...(confidentiality.isConfidentialRecord(workspace.index.meetings.get(meeting)?.value, task) ? { confidential: true } : {}),
  }));
  const actionItems: AgendaItem[] = actions.map(({ plan, action }) => ({
    title: w.actionTitle(action.id, action.title),
    type: 'follow-up',
    ...(isPerson(action.lead) ? { presenter: action.lead } : {}),
    description: [
      w.responsible(orgName(action.responsible)),
      `${w.dueBy(formatDate(action.due, lang))}${action.due < date ? ` (${w.overdue})` : ''}.`,
      w.status((labels.action_status[action.status] ?? action.status).toLowerCase(), action.progress),
    ].join(' '),
    refs: [`${plan}/${action.id}`],
  }));

  const start = isText(meetings.time) ? meetings.time : undefined;
  const end = start && typeof meetings.duration_minutes === 'number' ? addMinutes(start, meetings.duration_minutes) : undefined;
  const location = isText(meetings.location) ? meetings.location : undefined;
  const meeting: Omit<MeetingDoc, 'items'> = {
    kind: 'meeting',
    id,
    group: group.id,
    date,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(location ? { location } : {}),
    ...(isText(meetings.online) ? { online: meetings.online } : {}),
  };
  const weekday = isText(meetings.weekday) ? (labels.weekday_plural as Record<string, string>)[meetings.weekday] ?? meetings.weekday : undefined;
  const cadence = [formatCadence(isText(meetings.cadence) ? meetings.cadence : undefined, labels), weekday].filter(isText).join(', ');
  const header = [dated === 'cadence' ? w.createdFromCadence(today, groupFile.rel, cadence) : w.createdForDate(today), ...(moved ? [`${moved.note}.`] : []), w.render(id)];
  const text = meetingText({
    lang,
    header,
    meeting,
    sections: [
      { comment: w.standing, items: standing },
      { comment: w.tasks, items: taskItems },
      { comment: w.actions(following), items: actionItems },
    ],
  });
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
  const prepared = prepareMeetingNew(checked, input, today);
  const warnings = await commitNewFile(workspace, prepared.path, prepared.text, options);
  return { ...prepared, created: true, before: '', warnings };
}
