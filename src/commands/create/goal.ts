/**
 * `samverkan goal add PLAN`: an overall goal (övergripande mål) appended to a plan's goals, or with
 * --under a sub-goal (delmål) appended to a goal's subgoals. The plan file keeps its comments and
 * layout; the result is checked with the whole workspace before it is written.
 */
import { UsageError } from '../../errors.js';
import { editDate, type EditOptions } from '../../edit/edit-workspace-file.js';
import { messages } from '../../i18n/messages.js';
import type { Goal, Subgoal } from '../../model/index.js';
import type { Workspace } from '../../workspace/types.js';
import { checkEnum, checkText, enumValue, type Field } from './common.js';
import { appendToPlan, checkItemRef, checkNewItemId, nextItemId, planItems, planToEdit, requireAnswers, type PlanAppendResult } from './plan.js';

const say = messages('commands/create/goal', {
  whatGoal: { sv: 'något övergripande mål', en: 'overall goal' },
  notForSubgoal: {
    sv: '{flag} gäller ett övergripande mål, inte ett delmål: delmålet hör till målet {under} och dess {flag}. Ta bort {flag}, eller --under om det är ett övergripande mål.',
    en: '{flag} belongs to an overall goal, not a sub-goal: the sub-goal belongs to goal {under} and its {flag}. Leave out {flag}, or --under if it is an overall goal.',
  },
});

/** The answers `goal add` needs; all as typed. */
export interface GoalAddInput {
  /** The goal as a sentence. */
  title?: string;
  /** mN for a goal, dN for a sub-goal, unless given. */
  id?: string;
  /** The goal this is a sub-goal of; an overall goal when not given. */
  under?: string;
  /** The national strategy goal it serves (an overall goal only). */
  nationalGoal?: string;
  /** The area it belongs to (an overall goal only). */
  focusArea?: string;
}

/** The fields of `goal add PLAN`, in the order they are asked. */
export function goalAddFields(workspace: Workspace, planId: string, under?: string): Record<keyof GoalAddInput, Field> {
  const ex = `samverkan goal add ${planId} --title "Personalen har kunskap om våld i nära relationer"`;
  const prefix = under ? 'd' : 'm';
  return {
    under: { flag: '--under', required: false, check: checkItemRef(workspace, planId, ['goal'], say('whatGoal')), example: `${ex} --under m1` },
    title: { flag: '--title', required: true, check: checkText, example: ex },
    id: { flag: '--id', required: false, check: checkNewItemId(workspace, planId, prefix), example: `${ex} --id ${nextItemId(workspace, planId, prefix)}` },
    nationalGoal: { flag: '--national-goal', required: false, check: checkEnum('plan', 'goals[].national_goal'), example: `${ex} --national-goal prevention` },
    focusArea: { flag: '--focus-area', required: false, check: checkText, example: `${ex} --focus-area competence` },
  };
}

/** Refuses, for a sub-goal (--under), what only an overall goal has: a national goal and a focus area. */
export function refuseOverallOnly(input: GoalAddInput): void {
  const under = input.under?.trim();
  if (!under) return;
  const flag = input.nationalGoal?.trim() ? '--national-goal' : input.focusArea?.trim() ? '--focus-area' : undefined;
  if (flag) throw new UsageError(say('notForSubgoal', { flag, under }));
}

export interface GoalAddResult extends PlanAppendResult {
  plan: string;
  /** The goal or sub-goal as added. */
  goal: Goal | Subgoal;
  /** The goal it is a sub-goal of, if it is one. */
  under?: string;
}

/** Adds a goal (or, with `under`, a sub-goal) to a plan and writes the plan file. */
export async function addGoal(workspace: Workspace, planId: string, input: GoalAddInput, options: EditOptions = {}): Promise<GoalAddResult> {
  editDate(workspace, options.asOf);
  planToEdit(workspace, planId);
  const under = input.under?.trim() || undefined;
  requireAnswers(goalAddFields(workspace, planId, under), input);
  refuseOverallOnly(input);
  const id = input.id?.trim() || nextItemId(workspace, planId, under ? 'd' : 'm');
  // Key order as in the format's description of a goal.
  const goal: Record<string, unknown> = { id, title: input.title!.trim() };
  if (!under && input.nationalGoal?.trim()) goal.national_goal = enumValue('plan', 'goals[].national_goal', input.nationalGoal);
  if (!under && input.focusArea?.trim()) goal.focus_area = input.focusArea.trim();
  const path = under ? [...planItems(workspace, planId).get(under)!.path, 'subgoals'] : ['goals'];
  const result = await appendToPlan(workspace, planId, path, goal, options);
  return { ...result, plan: planId, goal: goal as unknown as Goal, ...(under ? { under } : {}) };
}
