/** When a group meets next, from its cadence (every 6 weeks, monthly, …) and weekday. */
import { addDays, addMonths, isIsoDate } from './dates.js';
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

/**
 * The date of the group's next meeting after one held on `after` (YYYY-MM-DD): one cadence
 * step later, moved to the nearest of the group's weekday (at most three days either way, so a
 * monthly Thursday group that met on the 10th meets again on the Thursday closest to the 10th
 * of next month). Undefined when the group meets ad hoc, has no cadence, or `after` is not a date.
 */
export function nextMeetingDate(group: Pick<GroupDoc, 'meetings'>, after: string): string | undefined {
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
