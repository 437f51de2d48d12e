/**
 * The view model of an action plan: the plan's facts, and what follows from them on the
 * reference date — which actions are overdue and by how many days, each action's traffic light,
 * progress rolled up per goal and for the plan, and each indicator's way from baseline over the
 * latest measurement to its target.
 */
import { fill, formatAmount, formatPercent, plural } from '../i18n/index.js';
import { daysBetween } from '../model/dates.js';
import type { Action, Goal, Indicator, PlanDoc } from '../model/index.js';
import type { LightView, RefView, RenderContext } from './render-context.js';

/** Statuses that end an action: it can no longer be overdue. */
const CLOSED = new Set(['done', 'cancelled']);

export interface FollowUpView {
  date: string;
  date_text: string;
  action_id: string;
  action_title: string;
  status_label: string | null;
  progress_text: string | null;
  note: string | null;
}

export interface ActionView {
  id: string;
  /** `<plan-id>/<action-id>`, how other documents refer to it. */
  ref: string;
  plan_id: string;
  plan_title: string;
  /** The plan's page, in a site. */
  plan_href: string | null;
  title: string;
  description: string | null;
  goals: Array<{ id: string; title: string }>;
  goals_text: string;
  phase: { id: string; title: string } | null;
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
  days_late: number;
  days_late_text: string | null;
  budget_text: string | null;
  deliverable: string | null;
  follow_ups: FollowUpView[];
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
}

export interface RollUp {
  /** Actions that count: all but the cancelled ones. */
  total: number;
  cancelled: number;
  done: number;
  overdue: number;
  percent: number | null;
  percent_text: string | null;
  light: LightView;
}

export interface GoalView {
  id: string;
  title: string;
  description: string | null;
  national_goal: string | null;
  focus_area: string | null;
  subgoals: Array<{ id: string; title: string; description: string | null; indicators: IndicatorView[]; cancelled_text: string | null }>;
  indicators: IndicatorView[];
  /** Every indicator of the goal and of its sub-goals, for one table. */
  all_indicators: IndicatorView[];
  /** Those of `all_indicators` with a source or notes to tell, below the table. */
  indicator_details: IndicatorView[];
  rollup: RollUp;
  progress_text: string;
}

export interface ActionGroupView {
  id: string | null;
  title: string;
  description: string | null;
  period_text: string | null;
  actions: ActionView[];
}

export interface PlanView {
  id: string;
  title: string;
  owner: string;
  agreement: RefView | null;
  period_text: string;
  version: string | null;
  adopted_text: string | null;
  revised_text: string | null;
  document_owner: string | null;
  vision: string | null;
  background: string | null;
  target_groups: string[];
  summary_text: string;
  progress_text: string | null;
  rollup: RollUp;
  goals: GoalView[];
  phases: Array<{ id: string; title: string; description: string | null; period_text: string | null; action_count: number }>;
  grouped_by: 'phase' | 'goal';
  action_groups: ActionGroupView[];
  actions: ActionView[];
  overdue: ActionView[];
  follow_ups: FollowUpView[];
}

/** An action's progress in percent: as given, else the latest follow-up's, else 100 when done. */
function progressOf(action: Action): number | null {
  if (action.progress !== undefined) return action.progress;
  const latest = [...(action.follow_up ?? [])].reverse().find((f) => f.progress !== undefined);
  if (latest?.progress !== undefined) return latest.progress;
  return action.status === 'done' ? 100 : null;
}

/**
 * The traffic light of an action on `asOf`. Red: overdue. Yellow: paused, should have started,
 * or well behind the progress its dates call for. Green: done or on track. Grey: not started
 * yet, or cancelled.
 */
export function actionLight(ctx: RenderContext, action: Action, asOf: string): LightView {
  const s = ctx.l.state;
  if (action.status === 'done') return ctx.light('green', s.done);
  if (action.status === 'cancelled') return ctx.light('grey', s.cancelled);
  if (action.due < asOf) return ctx.light('red', `${s.overdue} (${ctx.days(daysBetween(action.due, asOf))})`);
  if (action.status === 'paused') return ctx.light('yellow', s.paused);
  const progress = progressOf(action);
  const daysLeft = daysBetween(asOf, action.due);
  if (action.status === 'planned') {
    if (action.start && action.start < asOf) return ctx.light('yellow', s.should_have_started);
    if (daysLeft <= 30) return ctx.light('yellow', s.at_risk);
    return ctx.light('grey', s.not_started);
  }
  if (action.start && progress !== null && action.start < action.due) {
    const expected = (100 * daysBetween(action.start, asOf)) / daysBetween(action.start, action.due);
    if (progress + 25 < expected) return ctx.light('yellow', s.at_risk);
  }
  if (daysLeft <= 14 && (progress ?? 0) < 75) return ctx.light('yellow', s.at_risk);
  return ctx.light('green', s.on_track);
}

/** The view of one action of `plan`, told as of `asOf`. */
export function actionView(ctx: RenderContext, plan: PlanDoc, action: Action, asOf: string): ActionView {
  const goalTitles = new Map<string, string>();
  for (const g of plan.goals) {
    goalTitles.set(g.id, g.title);
    for (const s of g.subgoals ?? []) goalTitles.set(s.id, s.title);
  }
  const phase = action.phase ? plan.phases?.find((p) => p.id === action.phase) : undefined;
  const overdue = !CLOSED.has(action.status) && action.due < asOf;
  const daysLate = overdue ? daysBetween(action.due, asOf) : 0;
  const progress = progressOf(action);
  const goals = (action.goals ?? []).map((id) => ({ id, title: goalTitles.get(id) ?? id }));
  return {
    id: action.id,
    ref: `${plan.id}/${action.id}`,
    plan_id: plan.id,
    plan_title: plan.title,
    plan_href: ctx.href('plan', plan.id),
    title: action.title,
    description: action.description ?? null,
    goals,
    goals_text: goals.map((g) => g.id).join(', '),
    phase: phase ? { id: phase.id, title: phase.title } : null,
    responsible: ctx.anyName(action.responsible),
    responsible_short: ctx.organization(action.responsible) ? ctx.orgShort(action.responsible) : ctx.anyName(action.responsible),
    lead: action.lead ? ctx.anyName(action.lead) : null,
    participants_text: action.participants?.length ? action.participants.map((p) => ctx.orgShort(p)).join(', ') : null,
    start_text: action.start ? ctx.date(action.start) : null,
    due: action.due,
    due_text: ctx.date(action.due),
    status: action.status,
    status_label: ctx.l.action_status[action.status],
    progress,
    progress_text: progress === null ? null : formatPercent(progress, ctx.lang),
    light: actionLight(ctx, action, asOf),
    overdue,
    days_late: daysLate,
    days_late_text: overdue ? ctx.days(daysLate) : null,
    budget_text: action.budget ? moneyText(ctx, action.budget) : null,
    deliverable: action.deliverable ?? null,
    follow_ups: (action.follow_up ?? []).map((f) => ({
      date: f.date,
      date_text: ctx.date(f.date),
      action_id: action.id,
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

/**
 * Progress of a set of actions: cancelled ones are counted apart and left out of the average;
 * done counts as 100 %. All done but some cancelled is not "all done", and says so.
 */
export function rollUp(ctx: RenderContext, actions: readonly ActionView[]): RollUp {
  const counted = actions.filter((a) => a.status !== 'cancelled');
  const cancelled = actions.length - counted.length;
  const done = counted.filter((a) => a.status === 'done').length;
  const overdue = counted.filter((a) => a.overdue).length;
  const percent = counted.length === 0 ? null : Math.round(counted.reduce((sum, a) => sum + (a.status === 'done' ? 100 : (a.progress ?? 0)), 0) / counted.length);
  const s = ctx.l.state;
  const light =
    counted.length === 0 ? ctx.light('grey', cancelled > 0 ? s.goal_all_cancelled : s.goal_no_actions)
    : overdue > 0 ? ctx.light('red', s.goal_overdue)
    : counted.some((a) => a.light.color === 'yellow') ? ctx.light('yellow', s.goal_at_risk)
    : done === counted.length ? ctx.light('green', cancelled > 0 ? s.goal_done_or_cancelled : s.goal_done)
    : ctx.light('green', s.goal_on_track);
  return { total: counted.length, cancelled, done, overdue, percent, percent_text: percent === null ? null : formatPercent(percent, ctx.lang), light };
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

function measureText(ctx: RenderContext, m: { period: string; value: number } | undefined): string {
  return m ? ctx.t('value_period', { value: ctx.number(m.value), period: m.period }) : ctx.l.t.none;
}

/** The notes on an indicator's values: baseline, each measurement, target, in that order. */
function measureNotes(ctx: RenderContext, indicator: Indicator): IndicatorView['notes'] {
  const t = ctx.l.t;
  const values: Array<[string, { period: string; value: number; note?: string } | undefined]> = [
    [t.baseline, indicator.baseline],
    ...(indicator.measurements ?? []).map((m) => [t.measurement, m] as [string, typeof m]),
    [t.target, indicator.target],
  ];
  return values.flatMap(([label, m]) => (m?.note ? [{ label, value_text: measureText(ctx, m), note: m.note }] : []));
}

/** An indicator from baseline over its latest measurement to its target, with a light for the trend. */
export function indicatorView(ctx: RenderContext, indicator: Indicator): IndicatorView {
  const measurements = indicator.measurements ?? [];
  const latest = measurements[measurements.length - 1];
  const reference = indicator.baseline ?? (measurements.length >= 2 ? measurements[0] : undefined);
  const target = indicator.target;
  const up =
    indicator.direction === 'increase' ? true
    : indicator.direction === 'decrease' ? false
    : target && reference ? target.value >= reference.value
    : true;
  const s = ctx.l.state;
  let light: LightView;
  if (!latest) light = ctx.light('grey', s.no_data);
  else if (target && (up ? latest.value >= target.value : latest.value <= target.value)) light = ctx.light('green', s.target_reached);
  else if (!reference || reference === latest) light = ctx.light('grey', s.no_baseline);
  else if (latest.value === reference.value) light = ctx.light('yellow', s.unchanged);
  else if (up === latest.value > reference.value) light = ctx.light('green', s.right_direction);
  else light = ctx.light('red', s.wrong_direction);
  return {
    id: indicator.id,
    name: indicator.name,
    unit: indicator.unit ?? null,
    direction_label: indicator.direction ? ctx.l.direction[indicator.direction] : null,
    source: indicator.source ?? null,
    baseline_text: measureText(ctx, indicator.baseline),
    latest_text: measureText(ctx, latest),
    target_text: measureText(ctx, target),
    light,
    notes: measureNotes(ctx, indicator),
  };
}

function areaLabel(ctx: RenderContext, area: string | undefined): string | null {
  if (!area) return null;
  return ctx.l.area[area] ?? area;
}

function goalView(ctx: RenderContext, goal: Goal, actions: readonly ActionView[]): GoalView {
  const ids = new Set([goal.id, ...(goal.subgoals ?? []).map((s) => s.id)]);
  const serving = actions.filter((a) => a.goals.some((g) => ids.has(g.id)));
  const rollup = rollUp(ctx, serving);
  const indicators = (goal.indicators ?? []).map((i) => indicatorView(ctx, i));
  const subgoals = (goal.subgoals ?? []).map((s) => {
    // A sub-goal whose every action was cancelled has nothing left working for it: say so.
    const own = serving.filter((a) => a.goals.some((g) => g.id === s.id));
    const allCancelled = own.length > 0 && own.every((a) => a.status === 'cancelled');
    return {
      id: s.id,
      title: s.title,
      description: s.description ?? null,
      indicators: (s.indicators ?? []).map((i) => indicatorView(ctx, i)),
      cancelled_text: allCancelled ? plural(ctx.lang, own.length, ctx.l.t.subgoal_all_cancelled_one, ctx.l.t.subgoal_all_cancelled_other) : null,
    };
  });
  const allIndicators = [...indicators, ...subgoals.flatMap((s) => s.indicators)];
  return {
    id: goal.id,
    title: goal.title,
    description: goal.description ?? null,
    national_goal: goal.national_goal ? ctx.l.national_goal[goal.national_goal] : null,
    focus_area: areaLabel(ctx, goal.focus_area),
    subgoals,
    indicators,
    all_indicators: allIndicators,
    indicator_details: allIndicators.filter((i) => i.source !== null || i.notes.length > 0),
    rollup,
    progress_text: goalProgressText(ctx, rollup),
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

/** Builds the view model of a plan, told as of the context's reference date. */
export function planView(ctx: RenderContext, plan: PlanDoc): PlanView {
  const asOf = ctx.asOf;
  const actions = (plan.actions ?? []).map((a) => actionView(ctx, plan, a, asOf));
  const goals = plan.goals.map((g) => goalView(ctx, g, actions));
  const phases = plan.phases ?? [];
  let actionGroups: ActionGroupView[];
  if (phases.length > 0) {
    actionGroups = phases.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description ?? null,
      period_text: p.start || p.end ? ctx.range(p.start, p.end) : null,
      actions: actions.filter((a) => a.phase?.id === p.id),
    }));
    const rest = actions.filter((a) => !a.phase);
    if (rest.length > 0) actionGroups.push({ id: null, title: ctx.l.t.other_actions, description: null, period_text: null, actions: rest });
  } else {
    actionGroups = plan.goals.map((g) => {
      const ids = new Set([g.id, ...(g.subgoals ?? []).map((s) => s.id)]);
      return { id: g.id, title: g.title, description: null, period_text: null, actions: actions.filter((a) => a.goals.some((x) => ids.has(x.id))) };
    });
    const known = new Set(plan.goals.flatMap((g) => [g.id, ...(g.subgoals ?? []).map((s) => s.id)]));
    const rest = actions.filter((a) => !a.goals.some((g) => known.has(g.id)));
    if (rest.length > 0) actionGroups.push({ id: null, title: ctx.l.t.other_actions, description: null, period_text: null, actions: rest });
  }
  const rollup = rollUp(ctx, actions);
  return {
    id: plan.id,
    title: plan.title,
    owner: ctx.anyName(plan.owner),
    agreement: plan.agreement ? ctx.ref('agreement', plan.agreement) : null,
    period_text: ctx.range(plan.period.start, plan.period.end),
    version: plan.version ?? null,
    adopted_text: adoptionText(ctx, plan.adopted),
    revised_text: plan.revised ? ctx.date(plan.revised) : null,
    document_owner: plan.document_owner ? ctx.anyName(plan.document_owner) : null,
    vision: plan.vision ?? null,
    background: plan.background ?? null,
    target_groups: plan.target_groups ?? [],
    summary_text: summaryText(ctx, actions, rollup.overdue),
    progress_text: averageText(ctx, rollup),
    rollup,
    goals,
    phases: phases.map((p) => ({
      id: p.id,
      title: p.title,
      description: p.description ?? null,
      period_text: p.start || p.end ? ctx.range(p.start, p.end) : null,
      action_count: actions.filter((a) => a.phase?.id === p.id).length,
    })),
    grouped_by: phases.length > 0 ? 'phase' : 'goal',
    action_groups: actionGroups,
    actions,
    overdue: actions.filter((a) => a.overdue).sort((a, b) => b.days_late - a.days_late || (a.id < b.id ? -1 : 1)),
    follow_ups: actions
      .flatMap((a) => a.follow_ups)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };
}
