/**
 * The view model of a group's roster: who is in it on the reference date, in what role, for
 * which organisation, and who substitutes whom; how often and where it meets, and its next
 * meeting (a meeting on file, or else the next date of its cadence).
 */
import { formatCadence, fill } from '../i18n/index.js';
import { nextMeetingDate } from '../model/cadence.js';
import type { GroupDoc, Member } from '../model/index.js';
import { isActiveOn, representedOrganization } from '../model/roster.js';
import type { RefView, RenderContext } from './render-context.js';
import { isConfidentialGroupDoc } from '../model/confidentiality.js';

export interface MemberView {
  person: string;
  name: string;
  title: string | null;
  role_label: string;
  represents: string;
  substitute: string | null;
  /** The members this person substitutes for, in words ("Ersättare för …"). */
  substitute_for: string | null;
  since_text: string | null;
  until_text: string | null;
}

export interface NextMeeting {
  date: string;
  text: string;
  /** True if a meeting file exists for it; false if it is the next date of the cadence. */
  booked: boolean;
  href: string | null;
}

export interface GroupView {
  id: string;
  name: string;
  type_label: string;
  confidential: boolean;
  agreement: RefView | null;
  reports_to: RefView | null;
  purpose: string | null;
  mandate: string | null;
  decides_text: string | null;
  confidentiality_label: string | null;
  quorum_text: string | null;
  rhythm_text: string | null;
  location: string | null;
  online: string | null;
  standing_items: Array<{ title: string; type_label: string | null; presenter: string | null; duration_text: string | null }>;
  members_heading: string;
  members: MemberView[];
  former_members: MemberView[];
  meetings: Array<{ title: string; date_text: string; kind_label: string; href: string | null }>;
  next_meeting: NextMeeting | null;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** HH:MM plus `minutes`, or undefined past midnight. */
export function addMinutes(time: string, minutes: number): string | undefined {
  const total = minutesOf(time) + minutes;
  if (total >= 24 * 60) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The usual time of the group's meetings: "kl. 13.00–15.00". */
export function groupTimeText(ctx: RenderContext, group: GroupDoc): string {
  const time = group.meetings?.time;
  if (!time) return '';
  const end = group.meetings?.duration_minutes ? addMinutes(time, group.meetings.duration_minutes) : undefined;
  return ctx.timeRange(time, end);
}

/**
 * The group's next meeting after `after` (or on it, with `inclusive`): the first meeting on file
 * then, or else the date its cadence gives, counted on from its latest meeting.
 */
export function nextMeeting(ctx: RenderContext, group: GroupDoc, after: string, inclusive = false): NextMeeting | null {
  const meetings = ctx.meetingsOf(group.id);
  const booked = meetings.find((m) => (inclusive ? m.date >= after : m.date > after));
  if (booked) {
    const time = booked.start ?? group.meetings?.time;
    const location = booked.location ?? group.meetings?.location;
    const when = [ctx.dateWithWeekday(booked.date), ctx.timeRange(time, booked.end)].filter(Boolean).join(' ');
    return {
      date: booked.date,
      text: location ? `${when}, ${location}` : when,
      booked: true,
      href: ctx.isShown('meeting', booked.id) ? ctx.href('meeting', booked.id) : null,
    };
  }
  const earlier = meetings.filter((m) => m.date <= after);
  let date = earlier.length > 0 ? earlier[earlier.length - 1].date : undefined;
  if (!date) return null;
  // Step along the cadence from the latest meeting; bounded, in case of a far-off reference date.
  for (let i = 0; i < 2000 && date !== undefined && (inclusive ? date < after : date <= after); i++) {
    date = nextMeetingDate(group, date);
  }
  if (!date) return null;
  const when = [ctx.dateWithWeekday(date), groupTimeText(ctx, group)].filter(Boolean).join(' ');
  const location = group.meetings?.location;
  return { date, text: location ? `${when}, ${location}` : when, booked: false, href: null };
}

function memberView(ctx: RenderContext, member: Member, current: readonly Member[]): MemberView {
  const person = ctx.person(member.person);
  const represented = representedOrganization(member, ctx.workspace.index.people);
  const substitutesFor = current.filter((m) => m.substitute === member.person && m.person !== member.person).map((m) => ctx.personName(m.person));
  return {
    person: member.person,
    name: person?.name ?? member.person,
    title: person?.title ?? null,
    role_label: ctx.l.member_role[member.role ?? 'member'],
    represents: represented ? ctx.orgShort(represented) : ctx.l.t.none,
    substitute: member.substitute ? ctx.personName(member.substitute) : null,
    substitute_for: substitutesFor.length > 0 ? ctx.t('substitute_for', { name: ctx.list(substitutesFor) }) : null,
    since_text: member.from ? ctx.date(member.from) : null,
    until_text: member.until ? ctx.date(member.until) : null,
  };
}

/** The members of the group on `date`, as shown in a roster or a notice. */
export function membersOn(ctx: RenderContext, group: GroupDoc, date: string): MemberView[] {
  const current = group.members.filter((m) => isActiveOn(m, date));
  return current.map((m) => memberView(ctx, m, current));
}

/** Builds the view model of a group's roster, as of the context's reference date. */
export function groupView(ctx: RenderContext, group: GroupDoc): GroupView {
  const meetingsCfg = group.meetings;
  const current = group.members.filter((m) => isActiveOn(m, ctx.asOf));
  const former = group.members.filter((m) => m.until != null && m.until < ctx.asOf);
  let rhythm: string | null = null;
  if (meetingsCfg?.cadence || meetingsCfg?.weekday || meetingsCfg?.time) {
    const parts = [
      meetingsCfg.cadence ? formatCadence(meetingsCfg.cadence, ctx.l) : '',
      meetingsCfg.weekday ? fill(ctx.l.t.on_weekdays, { weekday: ctx.l.weekday_plural[meetingsCfg.weekday] }) : '',
      groupTimeText(ctx, group),
    ].filter(Boolean);
    rhythm = `${ctx.t('meeting_rhythm', { cadence: parts.join(' ') })}.`;
  }
  // A quorum says when the group can decide; a group that does not decide has none to tell.
  const quorum =
    group.quorum === undefined || group.decides === false ? null
    : group.quorum === 'majority' ? ctx.l.t.quorum_majority
    : ctx.t('quorum_number', { n: group.quorum });
  return {
    id: group.id,
    name: group.name,
    type_label: ctx.l.group_type[group.type],
    confidential: isConfidentialGroupDoc(group),
    agreement: group.agreement ? ctx.ref('agreement', group.agreement) : null,
    reports_to: group.reports_to ? ctx.ref('group', group.reports_to) : null,
    purpose: group.purpose ?? null,
    mandate: group.mandate ?? null,
    decides_text: group.decides === undefined ? null : group.decides ? ctx.l.t.decides_yes : ctx.l.t.decides_no,
    confidentiality_label: group.confidentiality ? ctx.l.confidentiality[group.confidentiality] : null,
    quorum_text: quorum,
    rhythm_text: rhythm,
    location: meetingsCfg?.location ?? null,
    online: meetingsCfg?.online ?? null,
    standing_items: (group.standing_items ?? [])
      .filter((item) => ctx.showsItem(item))
      .map((item) => ({
        title: item.title,
        type_label: item.type ? ctx.l.item_type[item.type] : null,
        presenter: item.presenter ? ctx.personName(item.presenter) : null,
        duration_text: item.duration_minutes ? ctx.t('minutes_short', { n: item.duration_minutes }) : null,
      })),
    members_heading: ctx.t('members_as_of', { date: ctx.date(ctx.asOf) }),
    members: current.map((m) => memberView(ctx, m, current)),
    former_members: former.map((m) => memberView(ctx, m, group.members)),
    meetings: ctx
      .meetingsOf(group.id)
      .filter((m) => ctx.isShown('meeting', m.id))
      .map((m) => ({
        title: ctx.meetingTitle(m),
        date_text: ctx.date(m.date),
        kind_label: m.minutes ? ctx.l.t.minutes : ctx.l.t.notice,
        href: ctx.href('meeting', m.id),
      })),
    next_meeting: nextMeeting(ctx, group, ctx.asOf, true),
  };
}
