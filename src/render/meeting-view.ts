/**
 * The view model of a meeting: before it, the notice (kallelse) with its agenda (dagordning);
 * after it, the same paragraphs as minutes (protokoll) with attendance, notes, decisions, tasks
 * and signature lines.
 *
 * The meeting file is the record: the agenda is exactly its items as src/model/agenda.ts numbers
 * them (the formal items `meeting new` wrote, with their roles, the standing items and follow-ups
 * as they were then), and the next meeting is what the minutes say. Nothing is added from the
 * group's standing items, later meetings, today's tasks or plans, or the group's cadence, so
 * minutes render the same whatever happens to the workspace afterwards.
 *
 * In public output a confidential item keeps its number and says only that it is not shown;
 * nothing else of it (title, case, presenter, papers, references, notes, decisions) is read.
 */
import type { AgendaItem, GroupDoc, MeetingDoc } from '../model/index.js';
import { LANGS, labelsFor } from '../i18n/index.js';
import { addMinutes, membersOn, type MemberView } from './group-view.js';
import type { RefView, RenderContext } from './render-context.js';
import { isConfidentialItem } from '../model/confidentiality.js';
import { recordKindOf } from '../model/group-record.js';
import { decorateEntries, keepTogether, minutesHeader, type EntryParts, type MinutesHeaderView } from './minutes-parts.js';
import { agendaOf, findAgendaItem, recordedNextMeeting, type AgendaRecordItem, type AgendaRole as FormalRole } from '../model/agenda.js';
import { holdersOn } from '../model/roster.js';

/** A formal item's role, or 'item' for the meeting's business. */
export type AgendaRole = FormalRole | 'item';

/**
 * A task the meeting gave, as the minutes record it. Its status is not part of it: `task done`
 * later marks the task in this file, and the minutes say what was decided, not how it went.
 */
export interface TaskView {
  id: string;
  title: string;
  responsible: string;
  due_text: string | null;
  /** The § the task comes from, e.g. "§ 5", or null when it names none. */
  item_text: string | null;
}

export interface AgendaEntry {
  /** The § number, as src/model/agenda.ts gives it. */
  number: number;
  /** The item's place in the meeting file's items (0-based). */
  index: number;
  role: AgendaRole;
  title: string;
  /** Public output of a confidential item: only the number and the withheld sentence are shown. */
  withheld: boolean;
  /** A confidential item shown in full (internal output); marked as such. */
  confidential: boolean;
  /** When the item starts, from the durations of the items before it. */
  time_text: string | null;
  /** Start time, type, presenter, length and confidentiality in one line. */
  meta_text: string | null;
  type_label: string | null;
  presenter: string | null;
  duration_text: string | null;
  description: string | null;
  case: string | null;
  documents: string[];
  refs: RefView[];
  /** A sentence that goes with a formal item (proposed adjusters, next meeting, or in the minutes what happened). */
  text: string | null;
  /** On "previous": the previous minutes, as the item's refs name them. */
  previous: RefView | null;
  /** In the minutes: what was noted and decided under the item (a decision line not yet filled in is null). */
  notes: string[];
  decisions: Array<string | null>;
}

export interface MeetingView {
  id: string;
  is_minutes: boolean;
  /** Minutes of a group that decides: a protokoll with decisions and a signature page (else minnesanteckningar). */
  is_protokoll: boolean;
  /** Kallelse, Protokoll or Minnesanteckningar. */
  kind_label: string;
  title: string;
  group: RefView;
  group_type_label: string;
  date_text: string;
  time_text: string | null;
  when_text: string;
  location: string | null;
  online: string | null;
  chair: string | null;
  secretary: string | null;
  adjusters: string[];
  called: MemberView[];
  apologies_text: string;
  /** The notice's header: when it was sent and its diary number. */
  sent_text: string | null;
  diary_number: string | null;
  agenda: Array<AgendaEntry & EntryParts>;
  next_meeting_text: string;
  /** The minutes' header (plats och tid, beslutande, övriga deltagande, justering, paragrafer) and signatures. */
  header: MinutesHeaderView | null;
  tasks: TaskView[];
  signatures: Array<{ role_label: string; name: string }>;
  /** Förändringar sedan förra mötet, as the record holds them, by document; public output leaves out confidential lines. */
  changes: Array<{ document: string; lines: string[] }>;
}

/** The record's changes since the last meeting, grouped under their documents. */
function changesView(ctx: RenderContext, meeting: MeetingDoc): MeetingView['changes'] {
  // When in doubt withhold: a line marked anything but plainly not confidential stays out of public output.
  const shown = (line: { confidential?: boolean }) => !ctx.public || line.confidential === undefined || line.confidential === false;
  return (meeting.changes ?? [])
    .map((entry) => ({ document: entry.document, lines: entry.lines.filter(shown).map((line) => line.text) }))
    .filter((entry) => entry.lines.length > 0);
}

function blankEntry(record: AgendaRecordItem, role: AgendaRole, title: string): AgendaEntry {
  return {
    number: record.number,
    index: record.index,
    role,
    title,
    withheld: false,
    confidential: false,
    time_text: null,
    meta_text: null,
    type_label: null,
    presenter: null,
    duration_text: null,
    description: null,
    case: null,
    documents: [],
    refs: [],
    text: null,
    previous: null,
    notes: [],
    decisions: [],
  };
}

/** The words for a formal item's default title, by role. */
const FORMAL_TITLE_KEYS = {
  opening: 'item_opening',
  adjusters: 'item_adjusters',
  agenda: 'item_agenda',
  previous: 'item_previous',
  'follow-up': 'item_follow_up',
  other: 'item_other',
  next: 'item_next',
  closing: 'item_closing',
} as const satisfies Record<FormalRole, string>;

/**
 * A formal item's title in the output's language when the file has the default title of its role
 * in any language (as `meeting new` writes it); a title someone wrote is kept as written.
 */
function formalTitle(ctx: RenderContext, item: AgendaItem): string {
  if (!item.role) return item.title;
  const key = FORMAL_TITLE_KEYS[item.role];
  return LANGS.some((lang) => labelsFor(lang).t[key] === item.title) ? ctx.l.t[key] : item.title;
}

/** Who chairs: the meeting's chair, else the group's chair on the day. */
function chairOf(meeting: MeetingDoc, group: GroupDoc | undefined): string | undefined {
  return meeting.chair ?? (group ? holdersOn(group, 'chair', meeting.date)[0]?.person : undefined);
}

function secretaryOf(meeting: MeetingDoc, group: GroupDoc | undefined): string | undefined {
  return meeting.secretary ?? group?.members.find((m) => m.role === 'secretary' && (m.from ?? '') <= meeting.date && (m.until == null || m.until >= meeting.date))?.person;
}

/** What an item's `refs` name: a plan item (plan/action) or a document of any kind. */
function refView(ctx: RenderContext, ref: string): RefView {
  if (ref.includes('/')) {
    const [planId, itemId] = ref.split('/');
    const plan = ctx.plan(planId);
    const action = plan?.actions?.find((a) => a.id === itemId);
    const goal = plan?.goals.flatMap((g) => [g, ...(g.subgoals ?? [])]).find((g) => g.id === itemId);
    const title = action?.title ?? goal?.title;
    return {
      text: plan && title ? `${itemId} ${title} (${plan.title})` : ref,
      href: plan ? ctx.href('plan', planId) : null,
    };
  }
  for (const kind of ['agreement', 'plan', 'group', 'assessment', 'meeting'] as const) {
    if (ctx.workspace.index.of(kind).has(ref) && ctx.isShown(kind, ref)) return ctx.ref(kind, ref)!;
  }
  return { text: ref, href: null };
}

function taskView(ctx: RenderContext, meeting: MeetingDoc, task: NonNullable<NonNullable<MeetingDoc['minutes']>['tasks']>[number]): TaskView {
  const item = task.item === undefined ? undefined : findAgendaItem(meeting, task.item);
  return {
    id: task.id,
    title: task.title,
    responsible: ctx.anyName(task.responsible),
    due_text: task.due ? ctx.date(task.due) : null,
    item_text: item ? `§\u00a0${item.number}` : null,
  };
}

/** Builds the view model of a meeting: a notice, or minutes once `minutes:` is filled in. */
export function meetingView(ctx: RenderContext, meeting: MeetingDoc): MeetingView {
  const group = ctx.group(meeting.group);
  const isMinutes = meeting.minutes !== undefined;
  const groupName = group?.name ?? meeting.group;
  const start = meeting.start ?? group?.meetings?.time;
  const end = meeting.end ?? (start && group?.meetings?.duration_minutes ? addMinutes(start, group.meetings.duration_minutes) : undefined);
  const location = meeting.location ?? group?.meetings?.location ?? null;
  const online = meeting.online === null ? null : (meeting.online ?? group?.meetings?.online ?? null);
  const chair = chairOf(meeting, group);
  const secretary = secretaryOf(meeting, group);
  const adjusters = (meeting.adjusters ?? []).map((a) => ctx.personName(a));
  const t = ctx.l.t;
  const next = recordedNextMeeting(meeting);
  const nextText = next
    ? ctx.t('next_meeting_booked', {
        when: [[ctx.dateWithWeekday(next.date), next.start ? ctx.time(next.start) : ''].filter(Boolean).join(' '), next.location].filter(Boolean).join(', '),
      })
    : isMinutes
      ? null
      : t.next_meeting_tbd;

  /** What a formal item says by itself, from the meeting file: who opened, who adjusts, the next meeting. */
  const formalText = (role: FormalRole): string | null => {
    switch (role) {
      case 'opening':
        return isMinutes ? (chair ? ctx.t('minutes_opening', { chair: ctx.personName(chair) }) : t.minutes_opening_nobody) : null;
      case 'adjusters':
        return adjusters.length === 0 ? null : ctx.t(isMinutes ? 'minutes_adjusters' : 'proposed_adjusters', { names: ctx.list(adjusters) });
      case 'agenda':
        return isMinutes ? t.minutes_agenda : null;
      case 'other':
        return isMinutes ? null : t.other_business;
      case 'next':
        return nextText;
      case 'closing':
        return isMinutes ? (chair ? ctx.t('minutes_closing', { chair: ctx.personName(chair) }) : t.minutes_closing_nobody) : null;
      default:
        return null;
    }
  };

  const isMeetingRef = (ref: string) => !ref.includes('/') && ctx.workspace.index.of('meeting').has(ref);
  const entries = agendaOf(meeting).map((record): AgendaEntry => {
    const { item } = record;
    const role: AgendaRole = item.role ?? 'item';
    const withheld = !ctx.showsItem(item);
    const entry = blankEntry(record, role, withheld ? t.withheld : formalTitle(ctx, item));
    if (withheld) {
      entry.withheld = true;
      return entry;
    }
    entry.confidential = isConfidentialItem(item);
    entry.type_label = item.type ? ctx.l.item_type[item.type] : null;
    entry.presenter = item.presenter ? ctx.personName(item.presenter) : null;
    entry.duration_text = item.duration_minutes ? ctx.t('minutes_short', { n: item.duration_minutes }) : null;
    entry.description = item.description ?? null;
    entry.case = item.case ?? null;
    entry.documents = item.documents ?? [];
    // On the previous item, the earlier minutes it names are "the previous minutes", not a plain reference.
    const previousRef = role === 'previous' ? (item.refs ?? []).find(isMeetingRef) : undefined;
    entry.refs = (item.refs ?? []).filter((r) => r !== previousRef).map((r) => refView(ctx, r));
    if (previousRef) {
      const shown = ctx.isShown('meeting', previousRef);
      const earlier = ctx.meeting(previousRef);
      entry.previous = { text: earlier && shown ? ctx.meetingTitle(earlier) : previousRef, href: shown ? ctx.href('meeting', previousRef) : null };
    }
    entry.text = item.role ? formalText(item.role) : null;
    // A previous item that names no earlier minutes says so, as `meeting new` found none; an empty
    // follow_up list is the record that nothing was open or due.
    if (role === 'previous' && !previousRef) entry.text = t.no_previous;
    else if (role === 'previous' && item.follow_up?.length === 0) entry.text = t.record_no_open_tasks;
    if (role === 'follow-up' && item.follow_up?.length === 0) entry.text = t.record_no_follow_up;
    if (meeting.minutes) {
      const under = <T extends { item?: number | string; text?: string }>(records: readonly T[] | undefined) =>
        (records ?? []).filter((r) => r.item !== undefined && findAgendaItem(meeting, r.item)?.index === record.index && ctx.showsRecord(meeting, r));
      entry.notes = under(meeting.minutes.notes).flatMap((n) => (n.text ? [n.text] : []));
      entry.decisions = under(meeting.minutes.decisions).map((d) => d.text ?? null);
    }
    return entry;
  });

  if (start) {
    // Each item starts when the ones before it have had their time; a withheld item still takes its time.
    let elapsed = 0;
    for (const entry of entries) {
      const at = addMinutes(start, elapsed);
      entry.time_text = at ? ctx.time(at) : null;
      elapsed += meeting.items?.[entry.index]?.duration_minutes ?? 0;
    }
  }

  for (const entry of entries) {
    // Formal items take no time of their own; their start time is in the agenda table only.
    const parts = [
      entry.role === 'item' ? entry.time_text : null,
      entry.type_label,
      entry.presenter ? `${t.presenter}: ${entry.presenter}` : null,
      entry.duration_text,
      entry.confidential ? t.confidential : null,
    ].filter((p): p is string => Boolean(p));
    entry.meta_text = parts.length > 0 ? parts.join(' · ') : null;
  }

  const whenText = keepTogether([ctx.dateWithWeekday(meeting.date), start ? ctx.timeRange(start, end) : ''].filter(Boolean).join(' '));
  const isProtokoll = isMinutes && recordKindOf(group) === 'decisions';
  const header = isMinutes
    ? minutesHeader(ctx, meeting, group, {
        placeTime: [location, whenText].filter(Boolean).join(', '),
        numbers: entries.map((e) => e.number),
        chair,
        secretary,
      })
    : null;

  return {
    id: meeting.id,
    is_minutes: isMinutes,
    is_protokoll: isProtokoll,
    kind_label: header ? header.kind_label : t.notice,
    title: ctx.t(!isMinutes ? 'notice_title' : isProtokoll ? 'minutes_title' : 'notes_title', { group: groupName, date: keepTogether(ctx.date(meeting.date)) }),
    group: ctx.ref('group', meeting.group) ?? { text: groupName, href: null },
    group_type_label: group ? ctx.l.group_type[group.type] : '',
    date_text: keepTogether(ctx.dateWithWeekday(meeting.date)),
    time_text: start ? keepTogether(ctx.timeRange(start, end)) : null,
    when_text: whenText,
    location,
    online,
    chair: chair ? ctx.personName(chair) : null,
    secretary: secretary ? ctx.personName(secretary) : null,
    adjusters,
    called: group ? membersOn(ctx, group, meeting.date) : [],
    apologies_text: secretary
      ? ctx.t('apologies', { name: ctx.person(secretary)?.email ? `${ctx.personName(secretary)} (${ctx.person(secretary)!.email})` : ctx.personName(secretary) })
      : t.apologies_nobody,
    sent_text: meeting.sent ? keepTogether(ctx.date(meeting.sent)) : null,
    diary_number: meeting.diary_number ?? null,
    agenda: decorateEntries(ctx, meeting, group, entries),
    next_meeting_text: keepTogether(nextText ?? ''),
    header,
    tasks: (meeting.minutes?.tasks ?? []).filter((task) => ctx.showsRecord(meeting, task)).map((task) => taskView(ctx, meeting, task)),
    signatures: header?.signatures ?? [],
    changes: changesView(ctx, meeting),
  };
}
