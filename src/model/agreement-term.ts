/**
 * An agreement's term on a given day: whether it is in force, the end of the running period (a
 * yearly renewed agreement runs on a year at a time), the last day to give notice, and whether
 * the written `status` agrees with all that. The one place that works this out: the rendered
 * agreement, `samverkan status` and the agreement rules all ask here.
 */
import { addDays, addMonths, daysBetween } from './dates.js';
import type { AgreementDoc } from './index.js';

export type AgreementStatus = NonNullable<AgreementDoc['status']>;
export type AgreementTerm = AgreementDoc['term'];

/** Days before its end at which an agreement that will not be renewed counts as ending. */
export const TERM_ENDING_DAYS = 90;

/**
 * not-started: before term.start. in-force: running, and either renewed automatically or far
 * from its end. ending: will end within TERM_ENDING_DAYS. ended: past its last day. draft: the
 * status says it is not signed yet, whatever the dates say.
 */
export type TermPhase = 'draft' | 'not-started' | 'in-force' | 'ending' | 'ended';

export interface TermState {
  phase: TermPhase;
  /** First day of the running period: term.start, or the day after the last renewal. */
  periodStart: string;
  /**
   * Last day of the running period (for yearly renewal: the end it has been renewed up to on the
   * day asked about), or of the whole agreement once notice is given; null: until further notice.
   */
  periodEnd: string | null;
  /** How many times a yearly renewed agreement has been renewed by the day asked about. */
  renewals: number;
  /** True if the agreement runs on past periodEnd unless someone gives notice. */
  renews: boolean;
  /**
   * The last day to give notice so that it ends at periodEnd (yearly renewal), or null when there
   * is no notice period or nothing to renew. May lie before the day asked about: then the running
   * period can no longer be stopped and it renews once more.
   */
  noticeBy: string | null;
  /** The last day the agreement applies, when that is known: a fixed end, or the end notice leads to. */
  lastDay: string | null;
  /** Days from the day asked about to periodEnd (negative once it has passed); null without an end. */
  daysLeft: number | null;
}

/** The k-th yearly end after `end` (k = 0 is `end` itself), counted from `end` so 29 February does not drift. */
function yearlyEnd(end: string, k: number): string {
  return addMonths(end, 12 * k);
}

/**
 * The last day of an agreement a party gave notice on `given`: the first end it can reach with the
 * notice period. A fixed term ends at its end at the latest; one until further notice ends when the
 * notice period has run.
 */
export function endAfterNotice(term: AgreementTerm, given: string): string {
  const months = term.notice_months ?? 0;
  if (term.end && (term.renewal ?? 'none') === 'yearly') {
    for (let k = 0; k < 200; k++) {
      const end = yearlyEnd(term.end, k);
      if (addMonths(end, -months) >= given) return end;
    }
  }
  const afterNotice = addMonths(given, months);
  return term.end && term.end < afterNotice ? term.end : afterNotice;
}

/** The state of an agreement's term on `asOf` (YYYY-MM-DD). */
export function termState(agreement: Pick<AgreementDoc, 'term' | 'status'>, asOf: string): TermState {
  const { term } = agreement;
  const yearly = (term.renewal ?? 'none') === 'yearly' && Boolean(term.end);
  const notice = term.notice_months;
  const noticeGiven = agreement.status === 'terminated' ? term.notice_given : undefined;
  let periodStart = term.start;
  let periodEnd: string | null = term.end ?? null;
  let renewals = 0;
  if (yearly && term.end) {
    const lastAllowed = noticeGiven ? endAfterNotice(term, noticeGiven) : null;
    // Renewed as long as the running period is over and notice has not stopped it.
    while (periodEnd! < asOf && renewals < 200 && (lastAllowed === null || periodEnd! < lastAllowed)) {
      renewals += 1;
      periodStart = addDays(yearlyEnd(term.end, renewals - 1), 1);
      periodEnd = yearlyEnd(term.end, renewals);
    }
  }
  const lastDay = noticeGiven ? endAfterNotice(term, noticeGiven) : yearly ? null : (term.end ?? null);
  if (noticeGiven && lastDay && (periodEnd === null || lastDay < periodEnd)) periodEnd = lastDay;
  const renews = yearly && !noticeGiven && agreement.status !== 'ended';
  const noticeBy = renews && notice !== undefined && periodEnd ? addMonths(periodEnd, -notice) : null;
  const daysLeft = periodEnd ? daysBetween(asOf, periodEnd) : null;
  let phase: TermPhase;
  if (agreement.status === 'draft') phase = 'draft';
  else if (term.start > asOf) phase = 'not-started';
  else if (lastDay !== null && lastDay < asOf) phase = 'ended';
  else if (!renews && daysLeft !== null && daysLeft <= TERM_ENDING_DAYS) phase = 'ending';
  else phase = 'in-force';
  return { phase, periodStart, periodEnd, renewals, renews, noticeBy, lastDay, daysLeft };
}

/** A disagreement between an agreement's `status` and its term, for agreement/status to report. */
export type StatusConflict =
  | { type: 'in-force-after-end'; status: AgreementStatus; lastDay: string }
  | { type: 'ended-while-running'; periodEnd: string | null; renews: boolean }
  | { type: 'terminated-without-date' }
  | { type: 'notice-without-termination'; status: AgreementStatus; given: string };

/**
 * Where `status` contradicts the term on `asOf`: active or terminated after the last day,
 * ended while the term still runs, terminated without the day notice was given, or a notice
 * date on an agreement whose status does not say it was terminated. No status, no conflict.
 */
export function statusConflicts(agreement: Pick<AgreementDoc, 'term' | 'status'>, asOf: string): StatusConflict[] {
  const status = agreement.status;
  if (status === undefined) return [];
  const conflicts: StatusConflict[] = [];
  const given = agreement.term.notice_given;
  if (status === 'terminated' && !given) conflicts.push({ type: 'terminated-without-date' });
  if (given && (status === 'active' || status === 'draft')) conflicts.push({ type: 'notice-without-termination', status, given });
  const state = termState(agreement, asOf);
  if ((status === 'active' || status === 'terminated') && state.phase === 'ended' && state.lastDay) {
    conflicts.push({ type: 'in-force-after-end', status, lastDay: state.lastDay });
  }
  if (status === 'ended' && agreement.term.start <= asOf) {
    // Ended is right once the last day has passed; with yearly renewal and no notice it never has.
    const yearly = (agreement.term.renewal ?? 'none') === 'yearly' && Boolean(agreement.term.end);
    const stillRunning = given ? endAfterNotice(agreement.term, given) >= asOf : yearly || !agreement.term.end || agreement.term.end >= asOf;
    if (stillRunning) {
      const running = termState({ ...agreement, status: 'active' }, asOf);
      conflicts.push({ type: 'ended-while-running', periodEnd: running.periodEnd, renews: running.renews });
    }
  }
  return conflicts;
}
