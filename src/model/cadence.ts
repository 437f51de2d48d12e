/**
 * When a group meets next, from its cadence (every 6 weeks, monthly, …) and weekday, never on a
 * Swedish public holiday or eve (src/model/holidays.ts).
 */
import { fill, labelsFor, type Lang } from '../i18n/index.js';
import { addDays, addMonths, isIsoDate } from './dates.js';
import { holidayOn } from './holidays.js';
import type { GroupDoc } from './index.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** The step of a cadence: a number of days or of calendar months; undefined for ad hoc or unknown. */
export function cadenceStep(cadence: string | undefined): { days: number } | { months: number } | undefined {
  if (!cadence) return undefined;
  const weeks = /^every (\d+) weeks$/.exec(cadence.trim());
  if (weeks) return { days: 7 * Number(weeks[1]) };
  switch (cadence.trim()) {
    case 'weekly': return { days: 7 };
    case 'monthly': return { months: 1 };
    case 'quarterly': return { months: 3 };
    case 'half-yearly': return { months: 6 };
    case 'yearly': return { months: 12 };
    default: return undefined;
  }
}

/** Day of the week of a YYYY-MM-DD date, 0 = Sunday. */
function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The cadence's own date after `after`, before holidays are looked at (see nextMeetingDate). */
function cadenceDate(group: Pick<GroupDoc, 'meetings'>, after: string): string | undefined {
  if (!isIsoDate(after)) return undefined;
  const step = cadenceStep(group.meetings?.cadence);
  if (!step) return undefined;
  const nominal = 'days' in step ? addDays(after, step.days) : addMonths(after, step.months);
  const weekday = group.meetings?.weekday;
  if (!weekday) return nominal;
  const target = WEEKDAYS.indexOf(weekday);
  // Shift by -3..+3 days: the nearest such weekday. Every step is at least a week, so the
  // result always stays after `after`.
  const shift = ((target - weekdayOf(nominal) + 10) % 7) - 3;
  return addDays(nominal, shift);
}

/** A date to propose for a meeting, and the dates passed over to get there. */
export interface MeetingDateProposal {
  date: string;
  /** The dates the cadence gave that are a holiday or eve (or a weekend day, for a group without a weekday), in order; empty if none. */
  movedFrom: string[];
}

// A week later is a holiday again at most once (julafton, then nyårsafton); the bound only guards the loop.
const MAX_MOVES = 14;

/**
 * `date`, or the first day after it the group can meet when `date` is a holiday or eve. A group
 * with a weekday keeps it and meets a week later: its members keep that day free, and the day
 * after a holiday is often a klämdag. A weekly group so skips the holiday week, as weekly groups
 * do. A group without a weekday meets on the next working day (Monday to Friday, no holiday).
 */
export function clearOfHolidays(group: Pick<GroupDoc, 'meetings'>, date: string): MeetingDateProposal {
  const keepsWeekday = Boolean(group.meetings?.weekday);
  const blocked = (day: string) => holidayOn(day) !== undefined || (!keepsWeekday && [0, 6].includes(weekdayOf(day)));
  const movedFrom: string[] = [];
  let day = date;
  for (let i = 0; i < MAX_MOVES && blocked(day); i++) {
    movedFrom.push(day);
    day = addDays(day, keepsWeekday ? 7 : 1);
  }
  return { date: day, movedFrom };
}

/**
 * The group's next meeting after one held on `after` (YYYY-MM-DD), as a proposal: one cadence
 * step later, moved to the nearest of the group's weekday (at most three days either way, so a
 * monthly Thursday group that met on the 10th meets again on the Thursday closest to the 10th of
 * next month), then off holidays (clearOfHolidays). Undefined when the group meets ad hoc, has no
 * cadence, or `after` is not a date.
 */
export function nextMeetingProposal(group: Pick<GroupDoc, 'meetings'>, after: string): MeetingDateProposal | undefined {
  const date = cadenceDate(group, after);
  return date === undefined ? undefined : clearOfHolidays(group, date);
}

/** The date of the group's next meeting after one held on `after`: nextMeetingProposal's date. */
export function nextMeetingDate(group: Pick<GroupDoc, 'meetings'>, after: string): string | undefined {
  return nextMeetingProposal(group, after)?.date;
}

// Safety bound for stepping along a cadence from a far-off last meeting (weekly for 100 years is 5,200 steps).
const MAX_STEPS = 10_000;

/**
 * The date to propose for a group's next meeting: the first one on its cadence after both its
 * last meeting (`last`) and `today`, stepping from the last meeting one cadence step at a time.
 * Without earlier meetings, the first of the group's weekday after today (or one step after
 * today if it has no weekday). Never a holiday or eve. Undefined for a group that meets ad hoc or
 * has no cadence.
 */
export function proposeMeetingDate(group: Pick<GroupDoc, 'meetings'>, last: string | undefined, today: string): MeetingDateProposal | undefined {
  if (!cadenceStep(group.meetings?.cadence)) return undefined;
  if (last === undefined || !isIsoDate(last)) {
    const weekday = (WEEKDAYS as readonly string[]).indexOf(group.meetings?.weekday ?? '');
    if (weekday < 0) return nextMeetingProposal(group, today);
    const first = addDays(today, ((weekday - weekdayOf(today) + 6) % 7) + 1);
    return clearOfHolidays(group, first);
  }
  let proposal = nextMeetingProposal(group, last);
  for (let i = 0; proposal !== undefined && proposal.date <= today && i < MAX_STEPS; i++) proposal = nextMeetingProposal(group, proposal.date);
  return proposal;
}

/**
 * Why a proposal is not the cadence's own date, in words: "2027-05-06 är Kristi
 * himmelsfärdsdag; föreslår 2027-05-13". Undefined when the date was not moved.
 */
export function movedNote(proposal: MeetingDateProposal, lang: Lang): string | undefined {
  if (proposal.movedFrom.length === 0) return undefined;
  const l = labelsFor(lang);
  const weekdayName = (date: string) =>
    new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const reasons = proposal.movedFrom.map((date) => fill(l.t.moved_reason, { date, day: holidayOn(date, lang)?.name ?? weekdayName(date) }));
  const list = new Intl.ListFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { type: 'conjunction' }).format(reasons);
  return fill(l.t.moved_proposal, { reasons: list, date: proposal.date });
}
