/**
 * The status of a plan's actions and indicators on a reference date, and the roll-ups of both:
 * the one place that decides whether an action is overdue, at risk or on track, and whether an
 * indicator reached, missed or is on its way to its target. Render, `status`, the rules and the
 * meeting follow-ups ask here; the words for each state live in i18n.
 */
import { daysBetween } from './dates.js';
import type { Action, ActionStatus, Indicator, PlanDoc } from './index.js';

/** The colour of a traffic light; a light is always shown with a word or sign as well. */
export type TrafficLight = 'green' | 'yellow' | 'red' | 'grey';

/** Statuses that end an action: it can no longer be overdue. */
export const CLOSED_STATUSES: ReadonlySet<string> = new Set<ActionStatus>(['done', 'cancelled']);

/** True if the action has ended (done or cancelled). */
export function isClosed(action: Pick<Action, 'status'>): boolean {
  return CLOSED_STATUSES.has(action.status);
}

/** True if the action is neither done nor cancelled and was due before `asOf`. */
export function isOverdue(action: Pick<Action, 'status' | 'due'>, asOf: string): boolean {
  return !isClosed(action) && action.due < asOf;
}

/** An action's progress in percent: as given, else the latest follow-up's, else 100 when done. */
export function progressOf(action: Action): number | null {
  if (action.progress !== undefined) return action.progress;
  const latest = [...(action.follow_up ?? [])].reverse().find((f) => f.progress !== undefined);
  if (latest?.progress !== undefined) return latest.progress;
  return action.status === 'done' ? 100 : null;
}

/** The day the follow-ups say the action was done or cancelled, if they say so. */
export function closedOn(action: Action): string | undefined {
  if (!isClosed(action)) return undefined;
  return [...(action.follow_up ?? [])].reverse().find((f) => f.status === action.status)?.date;
}

export type ActionStateKind = 'done' | 'cancelled' | 'paused' | 'overdue' | 'at-risk' | 'on-track' | 'not-started';
/** Why an action is at risk: it should have started, it is due soon and far from done, or behind its own schedule. */
export type AtRiskReason = 'should-have-started' | 'due-soon' | 'behind-schedule';

export interface ActionState {
  kind: ActionStateKind;
  color: TrafficLight;
  /** For an overdue action: the day it was due, so that it reads "overdue since …". */
  since?: string;
  reason?: AtRiskReason;
  progress: number | null;
}

const ACTION_COLOR: Record<ActionStateKind, TrafficLight> = {
  done: 'green',
  'on-track': 'green',
  paused: 'yellow',
  'at-risk': 'yellow',
  overdue: 'red',
  cancelled: 'grey',
  'not-started': 'grey',
};

/** Planned actions this close to their due date are at risk. */
const PLANNED_RISK_DAYS = 30;
/** Ongoing actions this close to their due date and under three quarters done are at risk. */
const ONGOING_RISK_DAYS = 14;
/** Percentage points an ongoing action may lag behind the even pace its dates call for. */
const PACE_SLACK = 25;

/**
 * The state of an action on `asOf`. Done and cancelled end it; otherwise a passed due date makes
 * it overdue (also when paused: a paused action still has a date someone promised); paused is
 * paused; a planned action that should have started, or is due within a month, is at risk, as is
 * an ongoing one far behind the pace its start and due dates call for or due within two weeks at
 * under 75 %.
 */
export function actionState(action: Action, asOf: string): ActionState {
  const progress = progressOf(action);
  const state = (kind: ActionStateKind, extra: Partial<ActionState> = {}): ActionState => ({ kind, color: ACTION_COLOR[kind], progress, ...extra });
  if (action.status === 'done') return state('done');
  if (action.status === 'cancelled') return state('cancelled');
  if (action.due < asOf) return state('overdue', { since: action.due });
  if (action.status === 'paused') return state('paused');
  const daysLeft = daysBetween(asOf, action.due);
  if (action.status === 'planned') {
    if (action.start && action.start < asOf) return state('at-risk', { reason: 'should-have-started' });
    if (daysLeft <= PLANNED_RISK_DAYS) return state('at-risk', { reason: 'due-soon' });
    return state('not-started');
  }
  if (action.start && progress !== null && action.start < action.due) {
    const expected = (100 * daysBetween(action.start, asOf)) / daysBetween(action.start, action.due);
    if (progress + PACE_SLACK < expected) return state('at-risk', { reason: 'behind-schedule' });
  }
  if (daysLeft <= ONGOING_RISK_DAYS && (progress ?? 0) < 75) return state('at-risk', { reason: 'due-soon' });
  return state('on-track');
}

type Measure = NonNullable<Indicator['baseline']>;

/**
 * The last day of a measurement period as written in a plan: "2010" → 2010-12-31, "2019-03" →
 * 2019-03-31, "2008-H1" → 2008-06-30, "2008-Q3" → 2008-09-30, "2008-T2" (tertial) → 2008-08-31,
 * a date → itself, "2008/09" or "2008–2010" → the end of the later year (the later end, so that a
 * target is never called missed too early). Null for anything else.
 */
export function periodEnd(period: string): string | null {
  const p = period.trim();
  const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  let m = /^(\d{4})$/.exec(p);
  if (m) return `${m[1]}-12-31`;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(p);
  if (m) return p;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(p);
  if (m) return lastOfMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{4})[- ]?([HhQqTtKk])([1-4])$/.exec(p);
  if (m) {
    const y = Number(m[1]);
    const n = Number(m[3]);
    const unit = m[2].toUpperCase();
    if (unit === 'H' && n <= 2) return lastOfMonth(y, n * 6);
    if ((unit === 'Q' || unit === 'K') && n <= 4) return lastOfMonth(y, n * 3);
    if (unit === 'T' && n <= 3) return lastOfMonth(y, n * 4);
    return null;
  }
  m = /^(\d{4})\s*[/–-]\s*(\d{2}|\d{4})$/.exec(p);
  if (m) {
    const later = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
    return later >= Number(m[1]) ? `${later}-12-31` : null;
  }
  return null;
}

export type IndicatorStateKind = 'reached' | 'on-track' | 'at-risk' | 'missed' | 'no-data';
/** Why an indicator cannot be judged: nothing measured, no target, or nothing to compare the one value with. */
export type NoDataReason = 'no-measurement' | 'no-target' | 'too-few';
/** Why an indicator is at risk: it went the wrong way or stood still, or moves too slowly to make it in time. */
export type IndicatorRiskReason = 'wrong-direction' | 'unchanged' | 'too-slow';

export interface IndicatorState {
  kind: IndicatorStateKind;
  color: TrafficLight;
  reason?: NoDataReason | IndicatorRiskReason;
  latest?: Measure;
  /** What the latest value is compared with: the baseline, else the first measurement. */
  reference?: Measure;
  target?: Measure;
  /** The last day of the target period, when it can be read. */
  targetEnd: string | null;
  /** True when a higher value is better. */
  up: boolean;
}

const INDICATOR_COLOR: Record<IndicatorStateKind, TrafficLight> = { reached: 'green', 'on-track': 'green', 'at-risk': 'yellow', missed: 'red', 'no-data': 'grey' };

/** Progress may lag the straight line from reference to target by this share before it is "at risk". */
const INDICATOR_SLACK = 0.1;

/** True if `value` has reached `target` in the direction that is better. */
function reaches(value: number, target: number, up: boolean): boolean {
  return up ? value >= target : value <= target;
}

/**
 * The state of an indicator on `asOf`, from its target and target period. Reached: the latest
 * value meets the target. Missed: the target period is over (or its figure is in) and the target
 * is not met. On track: it moves the right way at least about as fast as the straight line from
 * the reference to the target. At risk: wrong way, unchanged or too slow. No data: nothing
 * measured, no target, or one value and nothing to compare it with.
 */
export function indicatorState(indicator: Indicator, asOf: string): IndicatorState {
  const measurements = indicator.measurements ?? [];
  const latest = measurements.at(-1);
  const reference = indicator.baseline ?? (measurements.length >= 2 ? measurements[0] : undefined);
  const target = indicator.target;
  const up =
    indicator.direction === 'increase' ? true
    : indicator.direction === 'decrease' ? false
    : target && (reference ?? latest) ? target.value >= (reference ?? latest)!.value
    : true;
  const targetEnd = target ? periodEnd(target.period) : null;
  const base = { latest, reference, target, targetEnd, up };
  const state = (kind: IndicatorStateKind, reason?: IndicatorState['reason']): IndicatorState => ({
    kind,
    color: INDICATOR_COLOR[kind],
    ...(reason ? { reason } : {}),
    ...base,
  });
  if (!latest) return state('no-data', 'no-measurement');
  if (!target) return state('no-data', 'no-target');
  if (reaches(latest.value, target.value, up)) return state('reached');
  const latestEnd = periodEnd(latest.period);
  if (targetEnd && (asOf > targetEnd || (latestEnd !== null && latestEnd >= targetEnd))) return state('missed');
  if (!reference || reference === latest) return state('no-data', 'too-few');
  if (latest.value === reference.value) return state('at-risk', 'unchanged');
  if (up !== latest.value > reference.value) return state('at-risk', 'wrong-direction');
  const referenceEnd = periodEnd(reference.period);
  if (targetEnd && referenceEnd && latestEnd && targetEnd > referenceEnd && target.value !== reference.value) {
    const expected = daysBetween(referenceEnd, latestEnd) / daysBetween(referenceEnd, targetEnd);
    const actual = (latest.value - reference.value) / (target.value - reference.value);
    if (actual + INDICATOR_SLACK < expected) return state('at-risk', 'too-slow');
  }
  return state('on-track');
}

export type RollUpKind = 'overdue' | 'at-risk' | 'done' | 'done-or-cancelled' | 'all-cancelled' | 'no-actions' | 'on-track';

export interface RollUp {
  /** Actions that count: all but the cancelled ones, each once. */
  total: number;
  cancelled: number;
  done: number;
  overdue: number;
  atRisk: number;
  /** Average progress of the counted actions, done as 100 %; null without any. */
  percent: number | null;
  kind: RollUpKind;
  color: TrafficLight;
}

const ROLLUP_COLOR: Record<RollUpKind, TrafficLight> = {
  overdue: 'red',
  'at-risk': 'yellow',
  done: 'green',
  'done-or-cancelled': 'green',
  'on-track': 'green',
  'all-cancelled': 'grey',
  'no-actions': 'grey',
};

/**
 * Progress of a set of actions on `asOf`, each action counted once however many goals list it.
 * Cancelled ones are counted apart and left out of the average; all done but some cancelled is
 * not "all done".
 */
export function rollUp(actions: readonly Action[], asOf: string): RollUp {
  const unique = [...new Map(actions.map((a) => [a.id, a])).values()];
  const counted = unique.filter((a) => a.status !== 'cancelled');
  const cancelled = unique.length - counted.length;
  const states = counted.map((a) => actionState(a, asOf));
  const done = states.filter((s) => s.kind === 'done').length;
  const overdue = states.filter((s) => s.kind === 'overdue').length;
  const atRisk = states.filter((s) => s.color === 'yellow').length;
  const percent = counted.length === 0 ? null : Math.round(states.reduce((sum, s) => sum + (s.kind === 'done' ? 100 : (s.progress ?? 0)), 0) / counted.length);
  const kind: RollUpKind =
    counted.length === 0 ? (cancelled > 0 ? 'all-cancelled' : 'no-actions')
    : overdue > 0 ? 'overdue'
    : atRisk > 0 ? 'at-risk'
    : done === counted.length ? (cancelled > 0 ? 'done-or-cancelled' : 'done')
    : 'on-track';
  return { total: counted.length, cancelled, done, overdue, atRisk, percent, kind, color: ROLLUP_COLOR[kind] };
}

/** The ids of a goal and of its sub-goals. */
export function goalIds(goal: PlanDoc['goals'][number]): Set<string> {
  return new Set([goal.id, ...(goal.subgoals ?? []).map((s) => s.id)]);
}

/** The actions of a plan that serve a goal or any of its sub-goals, each once. */
export function actionsServing(plan: PlanDoc, goal: PlanDoc['goals'][number]): Action[] {
  const ids = goalIds(goal);
  return (plan.actions ?? []).filter((a) => (a.goals ?? []).some((g) => ids.has(g)));
}

/** A period of the plan's follow-up: a year, a half-year or a quarter. */
export interface FollowUpPeriod {
  start: string;
  end: string;
  /** 2009, or 2009 with half 1, or 2009 with quarter 3. */
  year: number;
  half?: 1 | 2;
  quarter?: 1 | 2 | 3 | 4;
  /** True while `asOf` falls inside the period: it is told so far. */
  partial: boolean;
  /** Actions done in the period (by the follow-up that says so, else by their due date). */
  done: Action[];
  /** Actions due in the period that were not done by then: still open, done late, or cancelled. */
  slipped: Array<{ action: Action; state: ActionState; closedOn?: string }>;
  /** Indicator values measured for the period, with the indicator's state as of the period's end. */
  measured: Array<{ indicator: Indicator; measure: Measure; state: IndicatorState }>;
}

/** Every indicator of a plan, goals' before their sub-goals', in plan order. */
export function indicatorsOf(plan: PlanDoc): Indicator[] {
  return plan.goals.flatMap((g) => [...(g.indicators ?? []), ...(g.subgoals ?? []).flatMap((s) => s.indicators ?? [])]);
}

/** At most this many follow-up periods are told: the latest ones (15 years of quarters). */
export const MAX_FOLLOW_UP_PERIODS = 60;

/**
 * The plan's follow-up periods from its start until `asOf` (or its end, if earlier), one per
 * year unless the plan's follow_up.cadence is half-yearly or quarterly, each with what was done,
 * what slipped and what the indicators showed. A plan dated from year 1 would otherwise fill
 * thousands of pages: only the latest MAX_FOLLOW_UP_PERIODS are kept.
 */
export function followUpPeriods(plan: PlanDoc, asOf: string): FollowUpPeriod[] {
  const cadence = plan.follow_up?.cadence;
  const months = cadence === 'quarterly' ? 3 : cadence === 'half-yearly' ? 6 : 12;
  const last = plan.period.end < asOf ? plan.period.end : asOf;
  const periods: FollowUpPeriod[] = [];
  const lastYear = Number(last.slice(0, 4));
  // Years before the kept periods are not walked at all.
  const firstYear = Math.max(Number(plan.period.start.slice(0, 4)), lastYear - Math.ceil((MAX_FOLLOW_UP_PERIODS * months) / 12));
  const actions = plan.actions ?? [];
  const indicators = indicatorsOf(plan);
  for (let year = firstYear; year <= lastYear; year++) {
    for (let i = 0; i < 12 / months; i++) {
      const start = `${year}-${String(i * months + 1).padStart(2, '0')}-01`;
      const end = new Date(Date.UTC(year, (i + 1) * months, 0)).toISOString().slice(0, 10);
      if (end < plan.period.start || start > last) continue;
      const within = (d: string) => d >= start && d <= end;
      const done = actions.filter((a) => a.status === 'done' && within(closedOn(a) ?? (a.due < asOf ? a.due : asOf)));
      const slipped = actions.flatMap((a) => {
        if (!within(a.due) || a.due >= asOf) return [];
        const on = closedOn(a);
        const late = a.status === 'cancelled' || !isClosed(a) || (on !== undefined && on > end);
        return late ? [{ action: a, state: actionState(a, asOf), ...(on ? { closedOn: on } : {}) }] : [];
      });
      const measured = indicators.flatMap((indicator) =>
        (indicator.measurements ?? []).flatMap((measure, k) => {
          const measureEnd = periodEnd(measure.period);
          if (!measureEnd || !within(measureEnd)) return [];
          // The state as the period's own figure told it: later measurements are not known yet.
          const upTo = { ...indicator, measurements: (indicator.measurements ?? []).slice(0, k + 1) };
          return [{ indicator, measure, state: indicatorState(upTo, end < asOf ? end : asOf) }];
        }),
      );
      periods.push({
        start,
        end,
        year,
        ...(months === 6 ? { half: (i + 1) as 1 | 2 } : {}),
        ...(months === 3 ? { quarter: (i + 1) as 1 | 2 | 3 | 4 } : {}),
        partial: asOf <= end,
        done,
        slipped,
        measured,
      });
    }
  }
  return periods.slice(-MAX_FOLLOW_UP_PERIODS);
}
