/**
 * The view model of an action plan, told as of the reference date: the header an adopted plan
 * states, the numbered outline (goals, sub-goals, actions), each action's and indicator's traffic
 * light, the roll-ups, a follow-up per period and the data of each indicator's chart. Every
 * status comes from src/model/plan-status.ts and every number from src/model/plan-outline.ts;
 * this module only puts them into words.
 */
import { randomUUID } from 'node:crypto';
import { fill, formatCadence, formatAmount, formatPercent, plural } from '../i18n/index.js';
import { actionStateLabel, indicatorStateLabel, overdueSinceText, rollUpLabel } from '../i18n/status-labels.js';
import type { Action, Goal, Indicator, PlanDoc } from '../model/index.js';
import { planOutline, type PlanOutline } from '../model/plan-outline.js';
import {
  actionState,
  actionsServing,
  closedOn,
  followUpPeriods,
  indicatorState,
  isOverdue,
  periodEnd,
  rollUp as rollUpOf,
  type FollowUpPeriod,
  type IndicatorState,
  type RollUp as RollUpCounts,
} from '../model/plan-status.js';
import { fromAssessmentView, type FromAssessmentView } from './mapping-links.js';
import type { LightView, RefView, RenderContext } from './render-context.js';

export interface FollowUpView {
  date: string;
  date_text: string;
  action_id: string;
  action_number: string;
  action_title: string;
  status_label: string | null;
  progress_text: string | null;
  note: string | null;
}

export interface ActionView {
  id: string;
  /** `<plan-id>/<action-id>`, how other documents refer to it. */
  ref: string;
  /** Its number in the plan's outline, e.g. 1.2.1. */
  number: string;
  plan_id: string;
  plan_title: string;
  /** The plan's page, in a site. */
  plan_href: string | null;
  title: string;
  description: string | null;
  /** The goals and sub-goals it serves, by number and title. */
  goals: Array<{ id: string; number: string; title: string }>;
  phase: { id: string; number: number; title: string } | null;
  responsible: string;
  responsible_short: string;
  lead: string | null;
  participants_text: string | null;
  start_text: string | null;
  due: string;
  due_text: string;
  status: Action['status'];
  status_label: string;
  progress: number | null;
  progress_text: string | null;
  light: LightView;
  overdue: boolean;
  /** The day it has been overdue since (its due date), or null. */
  overdue_since: string | null;
  /** "försenad sedan 2009-06-30" / "overdue since 30 June 2009", or null. */
  overdue_since_text: string | null;
  budget_text: string | null;
  deliverable: string | null;
  /** The mapping cells the action answers (from_assessment), per mapping. */
  from_assessment: FromAssessmentView[];
  follow_ups: FollowUpView[];
}

/** One value of an indicator's series: its baseline, a measurement or its target. */
export interface SeriesPoint {
  kind: 'baseline' | 'measurement' | 'target';
  kind_label: string;
  period: string;
  /** The last day of the period, when it can be read; places the point on a time axis. */
  period_end: string | null;
  value: number;
  value_text: string;
  note: string | null;
}

/** What a chart of an indicator needs: its points and its text alternative. */
export interface ChartView {
  /** Stands alone in a paragraph of the HTML where the chart goes; unguessable, so no text of the plan can imitate it. */
  key: string;
  title: string;
  desc: string;
  caption: string;
  /** "Målvärde 2010", the target's entry in the legend; null without a target. */
  target_label: string | null;
  /** The values table beside the chart: headings and rows. */
  columns: [string, string, string];
  points: SeriesPoint[];
}

export interface IndicatorView {
  id: string;
  name: string;
  unit: string | null;
  direction_label: string | null;
  source: string | null;
  baseline_text: string;
  latest_text: string;
  target_text: string;
  light: LightView;
  /** The notes written on the baseline, the measurements and the target, each with its value. */
  notes: Array<{ label: string; value_text: string; note: string }>;
  /** Baseline, measurements and target in order, for the values table. */
  series: SeriesPoint[];
  series_caption: string;
  /** Set for an indicator with two or more measurements. */
  chart: ChartView | null;
}

export interface RollUp {
  /** Actions that count: all but the cancelled ones, each once. */
  total: number;
  cancelled: number;
  done: number;
  overdue: number;
  percent: number | null;
  percent_text: string | null;
  light: LightView;
}

export interface SubgoalView {
  id: string;
  number: string;
  title: string;
  description: string | null;
  indicators: IndicatorView[];
  actions: ActionView[];
  /** "○ Den enda åtgärden är avbruten" when every action of the sub-goal was cancelled; else null. */
  cancelled: LightView | null;
  from_assessment: FromAssessmentView[];
}

export interface GoalView {
  id: string;
  number: string;
  title: string;
  description: string | null;
  national_goal: string | null;
  focus_area: string | null;
  subgoals: SubgoalView[];
  /** Actions that serve the goal itself and none of its sub-goals. */
  actions: ActionView[];
  indicators: IndicatorView[];
  /** Every indicator of the goal and of its sub-goals, for one table. */
  all_indicators: IndicatorView[];
  /** Those of `all_indicators` that have a chart or a values table. */
  charted_indicators: IndicatorView[];
  /** Those of `all_indicators` with a source or notes to tell, below the table. */
  indicator_details: IndicatorView[];
  rollup: RollUp;
  progress_text: string;
  from_assessment: FromAssessmentView[];
}

export interface PhaseView {
  id: string;
  number: number;
  title: string;
  description: string | null;
  period_text: string | null;
  action_count: number;
  /** The numbers of its actions, "1.1.1, 2.3". */
  action_numbers: string;
}

/** One period of the follow-up: what was done, what slipped, what the indicators show. */
export interface PeriodView {
  title: string;
  done: Array<{ number: string; title: string; responsible_short: string; note: string | null }>;
  slipped: Array<{ number: string; title: string; responsible_short: string; light: LightView; note: string | null }>;
  measured: Array<{ name: string; value_text: string; light: LightView }>;
}

export interface PlanView {
  id: string;
  title: string;
  owner: string;
  agreement: RefView | null;
  period_text: string;
  version: string | null;
  diary_number: string | null;
  adopted_text: string | null;
  revised_text: string | null;
  validity_text: string | null;
  /** How and when the plan is followed up, as sentences; null when the plan does not say. */
  follow_up_text: string | null;
  document_owner: string | null;
  vision: string | null;
  background: string | null;
  target_groups: string[];
  summary_text: string;
  progress_text: string | null;
  rollup: RollUp;
  goals: GoalView[];
  /** Actions that serve no goal of the plan, under the number after the last goal. */
  unlinked: { number: string; title: string; actions: ActionView[] } | null;
  phases: PhaseView[];
  actions: ActionView[];
  overdue: ActionView[];
  /** Internal output: a small column with each action's id, to find it in the file. */
  show_refs: boolean;
  periods: PeriodView[];
  periods_intro: string;
  follow_ups: FollowUpView[];
  /** The charts of the plan's indicators, for the HTML page. */
  charts: ChartView[];
}

function lightOf(ctx: RenderContext, color: LightView['color'], label: string): LightView {
  return ctx.light(color, label);
}

/** The view of one action of `plan`, told as of `asOf`; `outline` saves numbering the plan again. */
export function actionView(ctx: RenderContext, plan: PlanDoc, action: Action, asOf: string, outline: PlanOutline = planOutline(plan)): ActionView {
  const goalTitles = new Map<string, string>();
  for (const g of plan.goals) {
    goalTitles.set(g.id, g.title);
    for (const s of g.subgoals ?? []) goalTitles.set(s.id, s.title);
  }
  const phaseIndex = action.phase ? (plan.phases ?? []).findIndex((p) => p.id === action.phase) : -1;
  const phase = phaseIndex >= 0 ? plan.phases![phaseIndex] : undefined;
  const state = actionState(action, asOf);
  const overdue = isOverdue(action, asOf);
  const number = outline.actionNumber.get(action.id) ?? '';
  return {
    id: action.id,
    ref: `${plan.id}/${action.id}`,
    number,
    plan_id: plan.id,
    plan_title: plan.title,
    plan_href: ctx.href('plan', plan.id),
    title: action.title,
    description: action.description ?? null,
    goals: (action.goals ?? []).map((id) => ({ id, number: outline.goalNumber.get(id) ?? '', title: goalTitles.get(id) ?? id })),
    phase: phase ? { id: phase.id, number: phaseIndex + 1, title: phase.title } : null,
    responsible: ctx.anyName(action.responsible),
    responsible_short: ctx.organization(action.responsible) ? ctx.orgShort(action.responsible) : ctx.anyName(action.responsible),
    lead: action.lead ? ctx.anyName(action.lead) : null,
    participants_text: action.participants?.length ? action.participants.map((p) => ctx.orgShort(p)).join(', ') : null,
    start_text: action.start ? ctx.date(action.start) : null,
    due: action.due,
    due_text: ctx.date(action.due),
    status: action.status,
    status_label: ctx.l.action_status[action.status],
    progress: state.progress,
    progress_text: state.progress === null ? null : formatPercent(state.progress, ctx.lang),
    light: lightOf(ctx, state.color, actionStateLabel(state, ctx.lang)),
    overdue,
    overdue_since: state.since ?? null,
    overdue_since_text: state.since ? overdueSinceText(state.since, ctx.lang) : null,
    budget_text: action.budget ? moneyText(ctx, action.budget) : null,
    deliverable: action.deliverable ?? null,
    from_assessment: fromAssessmentView(ctx, action.from_assessment),
    follow_ups: (action.follow_up ?? []).map((f) => ({
      date: f.date,
      date_text: ctx.date(f.date),
      action_id: action.id,
      action_number: number,
      action_title: action.title,
      status_label: f.status ? ctx.l.action_status[f.status] : null,
      progress_text: f.progress !== undefined ? formatPercent(f.progress, ctx.lang) : null,
      note: f.note ?? null,
    })),
  };
}

/** "900 000 kr per år" / "SEK 900,000 a year". */
export function moneyText(ctx: RenderContext, money: { amount: number; currency?: string; per?: 'year' | 'month' | 'project' | 'total' }): string {
  const amount = formatAmount(money.amount, money.currency, ctx.lang);
  return money.per ? `${amount} ${ctx.l.money_per[money.per]}` : amount;
}

/** The roll-up of a set of actions in words, each action counted once (the model dedups by id). */
function rollUpView(ctx: RenderContext, counts: RollUpCounts): RollUp {
  return {
    total: counts.total,
    cancelled: counts.cancelled,
    done: counts.done,
    overdue: counts.overdue,
    percent: counts.percent,
    percent_text: counts.percent === null ? null : formatPercent(counts.percent, ctx.lang),
    light: lightOf(ctx, counts.color, rollUpLabel(counts, ctx.lang)),
  };
}

/** "Genomfört i genomsnitt: 53 %.", or with cancelled actions "…, utan den avbrutna: 53 %."; null without a percentage. */
function averageText(ctx: RenderContext, rollup: RollUp): string | null {
  if (rollup.percent_text === null) return null;
  if (rollup.cancelled === 0) return ctx.t('plan_progress', { percent: rollup.percent_text });
  return fill(plural(ctx.lang, rollup.cancelled, ctx.l.t.average_without_cancelled_one, ctx.l.t.average_without_cancelled_other), { percent: rollup.percent_text });
}

/** How a goal's actions are going, with the cancelled ones counted apart. */
function goalProgressText(ctx: RenderContext, rollup: RollUp): string {
  const t = ctx.l.t;
  if (rollup.total === 0) return rollup.cancelled > 0 ? plural(ctx.lang, rollup.cancelled, t.goal_all_cancelled_one, t.goal_all_cancelled_other) : t.goal_no_actions;
  if (rollup.cancelled === 0) return ctx.t('goal_progress', { percent: rollup.percent_text ?? '', done: rollup.done, total: rollup.total });
  const counts = ctx.t('goal_progress_with_cancelled', {
    done: rollup.done,
    total: rollup.total + rollup.cancelled,
    cancelled: plural(ctx.lang, rollup.cancelled, t.count_cancelled_one, t.count_cancelled_other),
  });
  return `${counts} ${averageText(ctx, rollup)}`;
}

function valueText(ctx: RenderContext, value: number, unit: string | null | undefined): string {
  return unit && /^(procent|percent|%)$/i.test(unit.trim()) ? `${ctx.number(value)} %` : ctx.number(value);
}

function measureText(ctx: RenderContext, m: { period: string; value: number } | undefined): string {
  return m ? ctx.t('value_period', { value: ctx.number(m.value), period: m.period }) : ctx.l.t.none;
}

/** Baseline, each measurement and the target, in that order. */
function seriesOf(ctx: RenderContext, indicator: Indicator): SeriesPoint[] {
  const t = ctx.l.t;
  const point = (kind: SeriesPoint['kind'], label: string, m: { period: string; value: number; note?: string }): SeriesPoint => ({
    kind,
    kind_label: label,
    period: m.period,
    period_end: periodEnd(m.period),
    value: m.value,
    value_text: valueText(ctx, m.value, indicator.unit),
    note: m.note ?? null,
  });
  return [
    ...(indicator.baseline ? [point('baseline', t.baseline, indicator.baseline)] : []),
    ...(indicator.measurements ?? []).map((m) => point('measurement', t.measurement, m)),
    ...(indicator.target ? [point('target', t.target, indicator.target)] : []),
  ];
}

/** The text alternative of a chart: every value in words, and the status. */
function chartDescription(ctx: RenderContext, indicator: Indicator, state: IndicatorState): string {
  const t = ctx.l.t;
  // The unit is in the chart's title; each value with its period.
  const v = (m: { period: string; value: number }) => `${valueText(ctx, m.value, indicator.unit)} (${m.period})`;
  return fill(t.chart_desc, {
    baseline: indicator.baseline ? fill(t.chart_desc_baseline, { value: v(indicator.baseline) }) : '',
    measurements: ctx.list((indicator.measurements ?? []).map(v)),
    target: indicator.target ? fill(t.chart_desc_target, { value: valueText(ctx, indicator.target.value, indicator.unit), period: indicator.target.period }) : '',
    status: indicatorStateLabel(state, ctx.lang),
  });
}

/** An indicator from baseline over its measurements to its target, with its state from the model. */
function indicatorView(ctx: RenderContext, indicator: Indicator, chartKeys?: () => string): IndicatorView {
  const state = indicatorState(indicator, ctx.asOf);
  const light = lightOf(ctx, state.color, indicatorStateLabel(state, ctx.lang));
  const series = seriesOf(ctx, indicator);
  const t = ctx.l.t;
  const name = indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name;
  const measured = (indicator.measurements ?? []).length;
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit ?? null,
    direction_label: indicator.direction ? ctx.l.direction[indicator.direction] : null,
    source: indicator.source ?? null,
    baseline_text: measureText(ctx, indicator.baseline),
    latest_text: measureText(ctx, indicator.measurements?.at(-1)),
    target_text: measureText(ctx, indicator.target),
    light,
    notes: series.filter((p) => p.note !== null).map((p) => ({ label: p.kind_label, value_text: measureText(ctx, p), note: p.note! })),
    series,
    series_caption: fill(t.indicator_values, { name }),
    chart:
      measured >= 2 && chartKeys
        ? {
            key: chartKeys(),
            title: fill(t.chart_title, { name }),
            desc: chartDescription(ctx, indicator, state),
            caption: name,
            target_label: indicator.target ? fill(t.chart_target_label, { period: indicator.target.period }) : null,
            columns: [t.period, t.kind_of_value, t.value],
            points: series,
          }
        : null,
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function areaLabel(ctx: RenderContext, area: string | undefined): string | null {
  if (!area) return null;
  return ctx.l.area[area] ?? area;
}

function goalView(ctx: RenderContext, plan: PlanDoc, entry: PlanOutline['goals'][number], byId: ReadonlyMap<string, ActionView>, chartKeys: () => string): GoalView {
  const goal: Goal = entry.goal;
  const rollup = rollUpView(ctx, rollUpOf(actionsServing(plan, goal), ctx.asOf));
  const views = (list: readonly Action[]) => list.map((a) => byId.get(a.id)!);
  const indicators = (goal.indicators ?? []).map((i) => indicatorView(ctx, i, chartKeys));
  const subgoals = entry.subgoals.map((s) => {
    // A sub-goal whose every action was cancelled has nothing left working for it: say so.
    const allCancelled = s.actions.length > 0 && s.actions.every((a) => a.status === 'cancelled');
    return {
      id: s.subgoal.id,
      number: s.number,
      title: s.subgoal.title,
      description: s.subgoal.description ?? null,
      indicators: (s.subgoal.indicators ?? []).map((i) => indicatorView(ctx, i, chartKeys)),
      actions: views(s.actions),
      cancelled: allCancelled ? lightOf(ctx, 'grey', capitalized(plural(ctx.lang, s.actions.length, ctx.l.t.subgoal_all_cancelled_one, ctx.l.t.subgoal_all_cancelled_other))) : null,
      from_assessment: fromAssessmentView(ctx, s.subgoal.from_assessment),
    };
  });
  const allIndicators = [...indicators, ...subgoals.flatMap((s) => s.indicators)];
  return {
    id: goal.id,
    number: entry.number,
    title: goal.title,
    description: goal.description ?? null,
    national_goal: goal.national_goal ? ctx.l.national_goal[goal.national_goal] : null,
    focus_area: areaLabel(ctx, goal.focus_area),
    subgoals,
    actions: views(entry.actions),
    indicators,
    all_indicators: allIndicators,
    charted_indicators: allIndicators.filter((i) => i.chart !== null),
    indicator_details: allIndicators.filter((i) => i.source !== null || i.notes.length > 0),
    rollup,
    progress_text: goalProgressText(ctx, rollup),
    from_assessment: fromAssessmentView(ctx, goal.from_assessment),
  };
}

/** "Kommunfullmäktige, 24 april 2006, § 61 (Dnr KS 2006/1)": the body set apart from the date. */
export function adoptionText(ctx: RenderContext, adopted: { body: string; date: string; paragraph?: string; reference?: string } | undefined): string | null {
  if (!adopted) return null;
  let text = ctx.t('adopted_text', { body: adopted.body, date: ctx.date(adopted.date) });
  if (adopted.paragraph) text += `, ${adopted.paragraph}`;
  if (adopted.reference) text += ` (${adopted.reference})`;
  return text;
}

/** "5 åtgärder: 1 klar, 2 pågår och 1 avbruten. 1 är försenad." — only the statuses that occur. */
function summaryText(ctx: RenderContext, actions: readonly ActionView[], overdue: number): string {
  const t = ctx.l.t;
  const count = (n: number, one: string, other: string) => plural(ctx.lang, n, one, other);
  const parts = ([
    ['done', t.count_done_one, t.count_done_other],
    ['ongoing', t.count_ongoing_one, t.count_ongoing_other],
    ['planned', t.count_planned_one, t.count_planned_other],
    ['paused', t.count_paused_one, t.count_paused_other],
    ['cancelled', t.count_cancelled_one, t.count_cancelled_other],
  ] as const)
    .map(([status, one, other]) => ({ n: actions.filter((a) => a.status === status).length, one, other }))
    .filter((p) => p.n > 0)
    .map((p) => count(p.n, p.one, p.other));
  const total = count(actions.length, t.count_actions_one, t.count_actions_other);
  const late = overdue === 0 ? t.count_overdue_none : count(overdue, t.count_overdue_one, t.count_overdue_other);
  return parts.length > 0 ? `${total}: ${ctx.list(parts)}. ${late}` : `${total}.`;
}

/** "Giltighetstid": from, until (or until further notice), and what else decides it. */
function validityText(ctx: RenderContext, validity: PlanDoc['validity']): string | null {
  if (!validity) return null;
  const span = validity.until ? ctx.range(validity.from, validity.until) : ctx.t('validity_from', { date: ctx.date(validity.from) });
  return validity.note ? `${span}. ${validity.note}` : span;
}

/** How and when the plan is followed up, and to whom, as sentences. */
function followUpText(ctx: RenderContext, followUp: PlanDoc['follow_up']): string | null {
  if (!followUp) return null;
  const parts = [
    followUp.how ? followUp.how.replace(/\s*$/, '').replace(/([^.!?])$/, '$1.') : null,
    followUp.cadence ? ctx.t('plan_follow_up_cadence', { cadence: formatCadence(followUp.cadence, ctx.l) }) : null,
    followUp.reports_to ? ctx.t('plan_follow_up_reports_to', { to: ctx.anyName(followUp.reports_to) }) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

function periodTitle(ctx: RenderContext, period: FollowUpPeriod): string {
  const t = ctx.l.t;
  const title =
    period.half ? fill(t.period_half, { year: period.year, half: period.half === 1 ? t.half_1 : t.half_2 })
    : period.quarter ? fill(t.period_quarter, { year: period.year, quarter: period.quarter })
    : fill(t.period_year, { year: period.year });
  return period.partial ? fill(t.period_so_far, { period: title, date: ctx.date(ctx.asOf) }) : title;
}

function periodView(ctx: RenderContext, period: FollowUpPeriod, byId: ReadonlyMap<string, ActionView>): PeriodView {
  const t = ctx.l.t;
  return {
    title: periodTitle(ctx, period),
    done: period.done.map((a) => {
      const v = byId.get(a.id)!;
      const on = closedOn(a);
      return { number: v.number, title: v.title, responsible_short: v.responsible_short, note: on && on > a.due ? fill(t.done_late_on, { date: ctx.date(on) }) : null };
    }),
    slipped: period.slipped.map(({ action, closedOn: on }) => {
      const v = byId.get(action.id)!;
      const note =
        action.status === 'cancelled' ? (on ? fill(t.cancelled_on, { date: ctx.date(on) }) : null)
        : action.status === 'done' && on ? fill(t.done_late_on, { date: ctx.date(on) })
        : null;
      return { number: v.number, title: v.title, responsible_short: v.responsible_short, light: v.light, note };
    }),
    measured: period.measured.map(({ indicator, measure, state }) => ({
      name: indicator.unit ? `${indicator.name} (${indicator.unit})` : indicator.name,
      value_text: measureText(ctx, measure),
      light: lightOf(ctx, state.color, indicatorStateLabel(state, ctx.lang)),
    })),
  };
}

/**
 * What a plan's entry in a site's index says: its period and its roll-up. The plan's own page
 * says the same through planView, which asks this; the index needs no more of the plan.
 */
export function planSummary(ctx: RenderContext, plan: PlanDoc): { title: string; period_text: string; rollup: RollUp } {
  return {
    title: plan.title,
    period_text: ctx.range(plan.period.start, plan.period.end),
    rollup: rollUpView(ctx, rollUpOf(plan.actions ?? [], ctx.asOf)),
  };
}

/** Outline numbers in numeric order (1.2 before 1.10); one collator, as making one per comparison is slow. */
const NUMBER_ORDER = new Intl.Collator('en', { numeric: true });

/** Builds the view model of a plan, told as of the context's reference date. */
export function planView(ctx: RenderContext, plan: PlanDoc): PlanView {
  const asOf = ctx.asOf;
  const outline = planOutline(plan);
  // Actions in the order of their numbers, so that every list reads 1.1.1, 1.1.2, 1.2.1, …
  const byNumber = (a: ActionView, b: ActionView) => NUMBER_ORDER.compare(a.number, b.number);
  const actions = (plan.actions ?? []).map((a) => actionView(ctx, plan, a, asOf, outline)).sort(byNumber);
  const byId = new Map(actions.map((a) => [a.id, a]));
  // One key per render: plan text cannot contain it, so only the template's own paragraph is replaced.
  const nonce = randomUUID().replace(/-/g, '');
  let charts = 0;
  const chartKeys = () => `samverkan-chart-${nonce}-${++charts}`;
  const goals = outline.goals.map((g) => goalView(ctx, plan, g, byId, chartKeys));
  const phases = plan.phases ?? [];
  const { title, period_text, rollup } = planSummary(ctx, plan);
  const periods = followUpPeriods(plan, asOf);
  return {
    id: plan.id,
    title,
    owner: ctx.anyName(plan.owner),
    agreement: plan.agreement ? ctx.ref('agreement', plan.agreement) : null,
    period_text,
    version: plan.version ?? null,
    diary_number: plan.diary_number ?? null,
    adopted_text: adoptionText(ctx, plan.adopted),
    revised_text: plan.revised ? ctx.date(plan.revised) : null,
    validity_text: validityText(ctx, plan.validity),
    follow_up_text: followUpText(ctx, plan.follow_up),
    document_owner: plan.document_owner ? ctx.anyName(plan.document_owner) : null,
    vision: plan.vision ?? null,
    background: plan.background ?? null,
    target_groups: plan.target_groups ?? [],
    summary_text: summaryText(ctx, actions, rollup.overdue),
    progress_text: averageText(ctx, rollup),
    rollup,
    goals,
    unlinked: outline.unlinked
      ? { number: outline.unlinked.number, title: ctx.t('other_actions_heading', { number: outline.unlinked.number }), actions: outline.unlinked.actions.map((a) => byId.get(a.id)!) }
      : null,
    phases: phases.map((p, i) => {
      const own = actions.filter((a) => a.phase?.id === p.id);
      return {
        id: p.id,
        number: i + 1,
        title: p.title,
        description: p.description ?? null,
        period_text: p.start || p.end ? ctx.range(p.start, p.end) : null,
        action_count: own.length,
        action_numbers: own.map((a) => a.number).join(', '),
      };
    }),
    actions,
    overdue: actions.filter((a) => a.overdue).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : byNumber(a, b))),
    show_refs: !ctx.public,
    periods: periods.map((p) => periodView(ctx, p, byId)),
    periods_intro:
      periods.length === 0 ? ctx.t('plan_not_started_yet', { date: ctx.date(plan.period.start) })
      // The first period contains the plan's start unless the earliest were left out.
      : periods[0].start > plan.period.start ? ctx.t('follow_up_period_intro_latest', { n: periods.length, date: ctx.date(asOf) })
      : ctx.t('follow_up_period_intro', { date: ctx.date(asOf) }),
    follow_ups: actions
      .flatMap((a) => a.follow_ups)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    charts: goals.flatMap((g) => g.charted_indicators.map((i) => i.chart!)),
  };
}
