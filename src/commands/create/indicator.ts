/**
 * `samverkan indicator add PLAN` (an indicator under a goal or sub-goal: what is measured, its unit,
 * which way is better, the baseline and the target) and `samverkan indicator measure PLAN/INDICATOR`
 * (a new measured value for a period, with a note). Both splice the plan file, keeping its comments
 * and layout, and check the result with the whole workspace before writing.
 */
import { UsageError } from '../../errors.js';
import { editDate, type EditOptions } from '../../edit/edit-workspace-file.js';
import { messages } from '../../i18n/messages.js';
import type { Indicator } from '../../model/index.js';
import { periodEnd } from '../../model/plan-status.js';
import type { Workspace } from '../../workspace/types.js';
import { both, checkEnum, checkText, enumValue, type Check, type Field } from './common.js';
import {
  appendToPlan,
  checkItemRef,
  checkNewItemId,
  checkNumber,
  checkPeriod,
  nextItemId,
  parseNumber,
  planItems,
  planToEdit,
  requireAnswers,
  type PlanAppendResult,
} from './plan.js';

const say = messages('commands/create/indicator', {
  whatGoal: { sv: 'något mål eller delmål', en: 'goal or sub-goal' },
  whatIndicator: { sv: 'någon indikator', en: 'indicator' },
  notARef: {
    sv: '"{ref}" pekar inte ut en indikator. Skriv PLAN/INDIKATOR, till exempel handlingsplan/i1.',
    en: '"{ref}" does not name an indicator. Write PLAN/INDICATOR, for example handlingsplan/i1.',
  },
  periodMeasured: {
    sv: 'Indikatorn {id} har redan ett mätvärde för {period} ({value}). Skriv en annan period, eller ändra det värdet i planfilen.',
    en: 'Indicator {id} already has a measurement for {period} ({value}). Write another period, or change that value in the plan file.',
  },
});

/** The answers `indicator add` needs; all as typed. */
export interface IndicatorAddInput {
  /** The goal or sub-goal it measures. */
  goal?: string;
  /** What is measured. */
  name?: string;
  /** iN unless given. */
  id?: string;
  unit?: string;
  /** increase, decrease or reach. */
  direction?: string;
  source?: string;
  /** The baseline's value and the period it was measured in (both or neither). */
  baseline?: string;
  baselinePeriod?: string;
  /** The target's value and the period it is for (both or neither). */
  target?: string;
  targetPeriod?: string;
}

/**
 * The fields of `indicator add PLAN`, in the order they are asked. A baseline's or target's period
 * is required once its value is given.
 */
export function indicatorAddFields(workspace: Workspace, planId: string, given: IndicatorAddInput = {}): Record<keyof IndicatorAddInput, Field> {
  const ex = `samverkan indicator add ${planId} --goal m1 --name "Tjänstepersoner som gått grundutbildningen"`;
  const has = (v: string | undefined) => v !== undefined && v.trim() !== '';
  return {
    goal: { flag: '--goal', required: true, check: checkItemRef(workspace, planId, ['goal', 'subgoal'], say('whatGoal')), example: ex },
    name: { flag: '--name', required: true, check: checkText, example: ex },
    id: { flag: '--id', required: false, check: checkNewItemId(workspace, planId, 'i'), example: `${ex} --id ${nextItemId(workspace, planId, 'i')}` },
    unit: { flag: '--unit', required: false, check: checkText, example: `${ex} --unit antal` },
    direction: { flag: '--direction', required: false, check: checkEnum('plan', 'goals[].indicators[].direction'), example: `${ex} --direction increase` },
    source: { flag: '--source', required: false, check: checkText, example: `${ex} --source Deltagarlistor` },
    baseline: { flag: '--baseline', required: false, check: checkNumber, example: `${ex} --baseline 0 --baseline-period 2024` },
    baselinePeriod: { flag: '--baseline-period', required: has(given.baseline), check: checkPeriod, example: `${ex} --baseline ${given.baseline ?? 0} --baseline-period 2024` },
    target: { flag: '--target', required: false, check: checkNumber, example: `${ex} --target 200 --target-period 2026` },
    targetPeriod: { flag: '--target-period', required: has(given.target), check: checkPeriod, example: `${ex} --target ${given.target ?? 200} --target-period 2026` },
  };
}

export interface IndicatorAddResult extends PlanAppendResult {
  plan: string;
  /** The goal or sub-goal it measures. */
  goal: string;
  indicator: Indicator;
}

/** Adds an indicator under a goal or sub-goal of a plan and writes the plan file. */
export async function addIndicator(workspace: Workspace, planId: string, input: IndicatorAddInput, options: EditOptions = {}): Promise<IndicatorAddResult> {
  editDate(workspace, options.asOf);
  planToEdit(workspace, planId);
  requireAnswers(indicatorAddFields(workspace, planId, input), input);
  const goal = input.goal!.trim();
  const id = input.id?.trim() || nextItemId(workspace, planId, 'i');
  // Key order as in the format's description of an indicator.
  const indicator: Record<string, unknown> = { id, name: input.name!.trim() };
  if (input.unit?.trim()) indicator.unit = input.unit.trim();
  if (input.direction?.trim()) indicator.direction = enumValue('plan', 'goals[].indicators[].direction', input.direction);
  if (input.source?.trim()) indicator.source = input.source.trim();
  if (input.baseline?.trim()) indicator.baseline = { period: input.baselinePeriod!.trim(), value: parseNumber(input.baseline)! };
  if (input.target?.trim()) indicator.target = { period: input.targetPeriod!.trim(), value: parseNumber(input.target)! };
  const path = [...planItems(workspace, planId).get(goal)!.path, 'indicators'];
  const result = await appendToPlan(workspace, planId, path, indicator, options);
  return { ...result, plan: planId, goal, indicator: indicator as unknown as Indicator };
}

/** Splits "PLAN/INDICATOR"; throws a UsageError naming the form if it is not one. */
export function parseIndicatorRef(ref: string): { plan: string; indicator: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref.trim());
  if (!m) throw new UsageError(say('notARef', { ref }));
  return { plan: m[1], indicator: m[2] };
}

/** The answers `indicator measure` needs; all as typed. */
export interface MeasureInput {
  /** The measured value. */
  value?: string;
  /** The period measured; this year (of --as-of) unless given. */
  period?: string;
  note?: string;
}

/** The indicator PLAN/INDICATOR, refused (NotFoundError, with a guess) if the plan has none such. */
export function findIndicator(workspace: Workspace, ref: string): { plan: string; id: string; indicator: Indicator; path: (string | number)[] } {
  const { plan, indicator: id } = parseIndicatorRef(ref);
  planToEdit(workspace, plan);
  const problem = checkItemRef(workspace, plan, ['indicator'], say('whatIndicator'))(id);
  if (problem) throw new UsageError(problem);
  const item = planItems(workspace, plan).get(id)!;
  return { plan, id, indicator: item.value as unknown as Indicator, path: item.path };
}

/** A period the indicator has no measurement for yet. */
function checkNewPeriod(indicator: Indicator, id: string): Check {
  return (value) => {
    const same = (indicator.measurements ?? []).find((m) => String(m.period).trim() === value.trim());
    return same ? say('periodMeasured', { id, period: value.trim(), value: same.value }) : undefined;
  };
}

/** The fields of `indicator measure PLAN/INDICATOR`, in the order they are asked. */
export function measureFields(workspace: Workspace, ref: string): Record<keyof MeasureInput, Field> {
  const { id, indicator } = findIndicator(workspace, ref);
  const ex = `samverkan indicator measure ${ref} --value 146`;
  return {
    value: { flag: '--value', required: true, check: checkNumber, example: ex },
    period: { flag: '--period', required: false, check: both(checkPeriod, checkNewPeriod(indicator, id)), example: `${ex} --period 2025` },
    note: { flag: '--note', required: false, check: checkText, example: `${ex} --note "Enligt deltagarlistorna"` },
  };
}

/** The period a measurement is for when none is given: the year of the day the edit is made. */
export function defaultPeriod(workspace: Workspace, asOf?: string): string {
  return editDate(workspace, asOf).slice(0, 4);
}

export interface MeasureResult extends PlanAppendResult {
  plan: string;
  indicator: string;
  name: string;
  measurement: { period: string; value: number; note?: string };
}

/** Appends a measured value to an indicator's measurements and writes the plan file. */
export async function addMeasurement(workspace: Workspace, ref: string, input: MeasureInput, options: EditOptions = {}): Promise<MeasureResult> {
  const period = input.period?.trim() || defaultPeriod(workspace, options.asOf);
  requireAnswers(measureFields(workspace, ref), { ...input, period });
  const { plan, id, indicator, path } = findIndicator(workspace, ref);
  const measurement: MeasureResult['measurement'] = { period, value: parseNumber(input.value!)! };
  if (input.note?.trim()) measurement.note = input.note.trim();
  // Measurements are kept oldest first, and the last one counts as the latest: an earlier period goes in before the later ones.
  const end = periodEnd(period)!;
  const later = (indicator.measurements ?? []).findIndex((m) => (periodEnd(String(m.period)) ?? '') > end);
  const result = await appendToPlan(workspace, plan, [...path, 'measurements'], { ...measurement }, { ...options, ...(later >= 0 ? { at: later } : {}) });
  return { ...result, plan, indicator: id, name: indicator.name, measurement };
}
