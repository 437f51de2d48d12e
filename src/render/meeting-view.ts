/**
 * The view model of a meeting: before it, the notice (kallelse) with its agenda (dagordning)
 * in the Swedish order — opening, adjusters, approval of the agenda, previous minutes and open
 * tasks, follow-up of the plans, standing items, the meeting's items, any other business, next
 * meeting, closing — each numbered and with its start time; after it, the same paragraphs as
 * minutes (protokoll) with attendance, notes, decisions, tasks and signature lines.
 *
 * In public output a confidential item keeps its number and says only that it is not shown;
 * nothing else of it (title, case, presenter, papers, references, notes, decisions) is read.
 */
import type { AgendaItem, GroupDoc, MeetingDoc, PlanDoc } from '../model/index.js';
import { addMinutes, membersOn, nextMeeting, type MemberView } from './group-view.js';
import { actionView, type ActionView } from './plan-view.js';
import type { RefView, RenderContext } from './render-context.js';
import { isConfidentialItem } from '../model/confidentiality.js';
import { findAgendaItem } from '../model/agenda.js';

export type AgendaRole = 'opening' | 'adjusters' | 'agenda' | 'previous' | 'follow-up' | 'standing' | 'item' | 'other' | 'next' | 'closing';

export interface TaskView {
  id: string;
  title: string;
  responsible: string;
  due_text: string | null;
  status_label: string;
  overdue: boolean;
  from_text: string | null;
  from_href: string | null;
}

export interface AgendaEntry {
  number: number;
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
  /** On "previous": the previous minutes and the tasks still open. */
  previous: RefView | null;
  open_tasks: TaskView[];
  /** On "follow-up": plan actions that are overdue or due before the next meeting. */
  follow_up_actions: ActionView[];
  has_linked_plans: boolean;
  /** In the minutes: what was noted and decided under the item. */
  notes: string[];
  decisions: string[];
}

export interface AttendeeView {
  name: string;
  detail: string | null;
}

export interface MeetingView {
  id: string;
  is_minutes: boolean;
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
  agenda: AgendaEntry[];
  next_meeting_text: string;
  attendance: {
    present: AttendeeView[];
    substitutes: AttendeeView[];
    absent: AttendeeView[];
    excused: AttendeeView[];
  } | null;
  tasks: TaskView[];
  signatures: Array<{ role_label: string; name: string }>;
}

function blankEntry(number: number, role: AgendaRole, title: string): AgendaEntry {
  return {
    number,
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
    open_tasks: [],
    follow_up_actions: [],
    has_linked_plans: false,
    notes: [],
    decisions: [],
  };
}

/** Who chairs: the meeting's chair, else the group's chair on the day. */
function chairOf(meeting: MeetingDoc, group: GroupDoc | undefined): string | undefined {
  return meeting.chair ?? group?.members.find((m) => m.role === 'chair' && (m.from ?? '') <= meeting.date && (m.until == null || m.until >= meeting.date))?.person;
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

/** Plan actions the group follows up: its agreement's plans, plans it owns, and what its items refer to. */
function linkedActions(ctx: RenderContext, group: GroupDoc, items: readonly AgendaItem[]): Array<{ plan: PlanDoc; actionIds: Set<string> | 'all' }> {
  const linked = new Map<string, Set<string> | 'all'>();
  for (const plan of ctx.documents('plan')) {
    if ((group.agreement && plan.agreement === group.agreement) || plan.owner === group.id) linked.set(plan.id, 'all');
  }
  for (const item of items) {
    // A confidential item's references are part of it: in public output they lead nowhere.
    if (!ctx.showsItem(item)) continue;
    for (const ref of item.refs ?? []) {
      const [planId, itemId] = ref.split('/');
      if (!ctx.plan(planId)) continue;
      const current = linked.get(planId);
      if (current === 'all') continue;
      if (itemId === undefined) linked.set(planId, 'all');
      else linked.set(planId, new Set([...(current ?? []), itemId]));
    }
  }
  return [...linked].map(([id, actionIds]) => ({ plan: ctx.plan(id)!, actionIds }));
}

function taskView(ctx: RenderContext, task: NonNullable<NonNullable<MeetingDoc['minutes']>['tasks']>[number], asOf: string, from?: MeetingDoc): TaskView {
  return {
    id: task.id,
    title: task.title,
    responsible: ctx.anyName(task.responsible),
    due_text: task.due ? ctx.date(task.due) : null,
    status_label: task.done ? ctx.l.t.task_done : ctx.l.t.task_open,
    overdue: !task.done && task.due !== undefined && task.due < asOf,
    from_text: from ? ctx.date(from.date) : null,
    from_href: from && ctx.isShown('meeting', from.id) ? ctx.href('meeting', from.id) : null,
  };
}

/** A title as compared for sameness: case, spacing and punctuation at the ends aside. */
function sameTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').replace(/[.:]+$/, '').toLocaleLowerCase('sv');
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
  const items = meeting.items ?? [];
  // "meeting new" copies the standing items into the meeting, where they may be edited: those
  // the meeting already has are not added a second time.
  const ownTitles = new Set(items.map((item) => sameTitle(item.title)));
  const standing = (group?.standing_items ?? []).filter((item) => !ownTitles.has(sameTitle(item.title)));
  const t = ctx.l.t;

  const earlier = group ? ctx.meetingsOf(group.id).filter((m) => m.date < meeting.date || (m.date === meeting.date && m.id < meeting.id)) : [];
  const previous = [...earlier].reverse().find((m) => m.minutes !== undefined);
  const openTasks = earlier.flatMap((m) =>
    (m.minutes?.tasks ?? []).filter((task) => !task.done && ctx.showsRecord(m, task)).map((task) => taskView(ctx, task, meeting.date, m)),
  );
  const next = group ? nextMeeting(ctx, group, meeting.date) : null;

  // Follow-up: linked actions not done or cancelled, due before the next meeting (or overdue).
  const links = group ? linkedActions(ctx, group, [...standing, ...items]) : [];
  const cutoff = next?.date;
  const followUp = links
    .flatMap(({ plan, actionIds }) =>
      (plan.actions ?? [])
        .filter((a) => actionIds === 'all' || actionIds.has(a.id))
        .filter((a) => a.status !== 'done' && a.status !== 'cancelled')
        .filter((a) => (cutoff ? a.due < cutoff : a.due <= meeting.date))
        .map((a) => actionView(ctx, plan, a, meeting.date)),
    )
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.ref < b.ref ? -1 : 1));

  const entries: AgendaEntry[] = [];
  const add = (role: AgendaRole, title: string): AgendaEntry => {
    const entry = blankEntry(entries.length + 1, role, title);
    entries.push(entry);
    return entry;
  };

  const opening = add('opening', t.item_opening);
  if (isMinutes) opening.text = chair ? ctx.t('minutes_opening', { chair: ctx.personName(chair) }) : t.minutes_opening_nobody;
  const adjustersEntry = add('adjusters', t.item_adjusters);
  if (adjusters.length > 0) adjustersEntry.text = isMinutes ? ctx.t('minutes_adjusters', { names: ctx.list(adjusters) }) : ctx.t('proposed_adjusters', { names: ctx.list(adjusters) });
  const agendaEntry = add('agenda', t.item_agenda);
  if (isMinutes) agendaEntry.text = t.minutes_agenda;
  const previousEntry = add('previous', t.item_previous);
  previousEntry.previous = previous ? { text: ctx.meetingTitle(previous), href: ctx.href('meeting', previous.id) } : null;
  previousEntry.text = previous ? null : t.no_previous;
  previousEntry.open_tasks = openTasks;
  // The follow-up list goes under the meeting's own follow-up item if it has one, so the
  // agenda doesn't carry two items of the same name; else under an item of its own.
  const ownFollowUp = items.findIndex((item) => item.type === 'follow-up' && !isConfidentialItem(item));
  if (links.length > 0 && ownFollowUp < 0) {
    const followUpEntry = add('follow-up', t.item_follow_up);
    followUpEntry.has_linked_plans = true;
    followUpEntry.follow_up_actions = followUp;
  }

  const itemEntry = (role: 'standing' | 'item', item: AgendaItem, index: number): AgendaEntry => {
    const withheld = !ctx.showsItem(item);
    const entry = add(role, withheld ? t.withheld : item.title);
    if (withheld) {
      entry.withheld = true;
      entry.duration_text = null;
      return entry;
    }
    entry.confidential = isConfidentialItem(item);
    entry.type_label = item.type ? ctx.l.item_type[item.type] : null;
    entry.presenter = item.presenter ? ctx.personName(item.presenter) : null;
    entry.duration_text = item.duration_minutes ? ctx.t('minutes_short', { n: item.duration_minutes }) : null;
    entry.description = item.description ?? null;
    entry.case = item.case ?? null;
    entry.documents = item.documents ?? [];
    entry.refs = (item.refs ?? []).map((r) => refView(ctx, r));
    if (role === 'item' && meeting.minutes) {
      const shown = <T extends { item?: number | string }>(records: readonly T[] | undefined) =>
        (records ?? []).filter((r) => r.item !== undefined && findAgendaItem(meeting, r.item)?.index === index && ctx.showsRecord(meeting, r));
      entry.notes = shown(meeting.minutes.notes).map((n) => n.text);
      entry.decisions = shown(meeting.minutes.decisions).map((d) => d.text);
    }
    return entry;
  };
  // Durations drive the time plan; a withheld item still takes its time.
  const durations = new Map<AgendaEntry, number>();
  standing.forEach((item, i) => durations.set(itemEntry('standing', item, i), item.duration_minutes ?? 0));
  items.forEach((item, i) => {
    const entry = itemEntry('item', item, i);
    durations.set(entry, item.duration_minutes ?? 0);
    if (i === ownFollowUp && links.length > 0) {
      entry.has_linked_plans = true;
      entry.follow_up_actions = followUp;
    }
  });

  const other = add('other', t.item_other);
  if (!isMinutes) other.text = t.other_business;
  const nextEntry = add('next', t.item_next);
  nextEntry.text = next ? ctx.t(next.booked ? 'next_meeting_booked' : 'next_meeting_planned', { when: next.text }) : t.next_meeting_tbd;
  const closing = add('closing', t.item_closing);
  if (isMinutes) closing.text = chair ? ctx.t('minutes_closing', { chair: ctx.personName(chair) }) : t.minutes_closing_nobody;

  if (start) {
    let elapsed = 0;
    for (const entry of entries) {
      const at = addMinutes(start, elapsed);
      entry.time_text = at ? ctx.time(at) : null;
      elapsed += durations.get(entry) ?? 0;
    }
  }

  for (const entry of entries) {
    // The formal items take no time of their own; their start time is in the agenda table.
    const parts = [
      entry.role === 'standing' || entry.role === 'item' ? entry.time_text : null,
      entry.type_label,
      entry.presenter ? `${t.presenter}: ${entry.presenter}` : null,
      entry.duration_text,
      entry.confidential ? t.confidential : null,
    ].filter((p): p is string => Boolean(p));
    entry.meta_text = parts.length > 0 ? parts.join(' · ') : null;
  }

  const attendance = meeting.minutes?.attendance;
  const member = (id: string) => group?.members.find((m) => m.person === id);
  const detail = (id: string): string | null => {
    const m = member(id);
    const org = m?.represents ?? ctx.person(id)?.organization;
    const parts = [m ? ctx.l.member_role[m.role ?? 'member'] : null, org ? ctx.orgShort(org) : null].filter((p): p is string => Boolean(p));
    return parts.length > 0 ? parts.join(', ') : null;
  };
  const attendee = (id: string): AttendeeView => ({ name: ctx.personName(id), detail: detail(id) });

  return {
    id: meeting.id,
    is_minutes: isMinutes,
    title: ctx.t(isMinutes ? 'minutes_title' : 'notice_title', { group: groupName, date: ctx.date(meeting.date) }),
    group: ctx.ref('group', meeting.group) ?? { text: groupName, href: null },
    group_type_label: group ? ctx.l.group_type[group.type] : '',
    date_text: ctx.dateWithWeekday(meeting.date),
    time_text: start ? ctx.timeRange(start, end) : null,
    when_text: [ctx.dateWithWeekday(meeting.date), start ? ctx.timeRange(start, end) : ''].filter(Boolean).join(' '),
    location,
    online,
    chair: chair ? ctx.personName(chair) : null,
    secretary: secretary ? ctx.personName(secretary) : null,
    adjusters,
    called: group ? membersOn(ctx, group, meeting.date) : [],
    apologies_text: secretary
      ? ctx.t('apologies', { name: ctx.person(secretary)?.email ? `${ctx.personName(secretary)} (${ctx.person(secretary)!.email})` : ctx.personName(secretary) })
      : t.apologies_nobody,
    agenda: entries,
    next_meeting_text: nextEntry.text ?? '',
    attendance: attendance
      ? {
          present: attendance.filter((a) => a.status === 'present' && !a.substitute_for).map((a) => attendee(a.person)),
          substitutes: attendance
            .filter((a) => a.status === 'present' && a.substitute_for)
            .map((a) => ({ name: ctx.t('substitute_row', { name: ctx.personName(a.person), member: ctx.personName(a.substitute_for) }), detail: detail(a.person) })),
          absent: attendance.filter((a) => a.status === 'absent').map((a) => attendee(a.person)),
          excused: attendance.filter((a) => a.status === 'excused').map((a) => attendee(a.person)),
        }
      : null,
    tasks: (meeting.minutes?.tasks ?? []).filter((task) => ctx.showsRecord(meeting, task)).map((task) => taskView(ctx, task, meeting.date)),
    signatures: isMinutes
      ? [
          ...(secretary ? [{ role_label: t.at_the_minutes, name: ctx.personName(secretary) }] : []),
          ...(chair ? [{ role_label: t.chair, name: ctx.personName(chair) }] : []),
          ...(meeting.adjusters ?? []).map((a) => ({ role_label: t.adjuster, name: ctx.personName(a) })),
        ]
      : [],
  };
}
