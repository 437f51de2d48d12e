/**
 * A plan's numbered outline, as Swedish plans number it: overall goals 1, 2, …; sub-goals 1.1,
 * 1.2, …; the actions under a sub-goal 1.1.1, 1.1.2, …; actions that serve an overall goal
 * directly follow its sub-goals (1.3, 1.4, …). An action that serves several goals keeps the one
 * number it got where it first appears, and is listed with that number under the others.
 * Actions that serve no goal of the plan come last, under the number after the last goal.
 */
import type { Action, Goal, PlanDoc, Subgoal } from './index.js';

export interface OutlineSubgoal {
  number: string;
  subgoal: Subgoal;
  actions: Action[];
}

export interface OutlineGoal {
  number: string;
  goal: Goal;
  subgoals: OutlineSubgoal[];
  /** Actions that serve the goal itself and none of its sub-goals. */
  actions: Action[];
}

export interface PlanOutline {
  goals: OutlineGoal[];
  /** Actions that serve no goal or sub-goal of the plan, and the number of their heading. */
  unlinked: { number: string; actions: Action[] } | null;
  /** The number of every goal and sub-goal, by id. */
  goalNumber: ReadonlyMap<string, string>;
  /** The number of every action, by id. */
  actionNumber: ReadonlyMap<string, string>;
}

/** The numbered outline of a plan. */
export function planOutline(plan: PlanDoc): PlanOutline {
  const actions = plan.actions ?? [];
  const goalNumber = new Map<string, string>();
  const actionNumber = new Map<string, string>();
  const serves = (a: Action, id: string) => (a.goals ?? []).includes(id);
  const numberActions = (prefix: string, list: Action[], from = 1) => {
    let n = from;
    for (const a of list) if (!actionNumber.has(a.id)) actionNumber.set(a.id, `${prefix}.${n++}`);
    return n;
  };

  const goals = plan.goals.map((goal, g) => {
    const number = String(g + 1);
    goalNumber.set(goal.id, number);
    const subgoals = (goal.subgoals ?? []).map((subgoal, s) => {
      const subNumber = `${number}.${s + 1}`;
      goalNumber.set(subgoal.id, subNumber);
      const list = actions.filter((a) => serves(a, subgoal.id));
      numberActions(subNumber, list);
      return { number: subNumber, subgoal, actions: list };
    });
    const underSubgoals = new Set(subgoals.flatMap((s) => s.actions.map((a) => a.id)));
    const direct = actions.filter((a) => serves(a, goal.id) && !underSubgoals.has(a.id));
    numberActions(number, direct, subgoals.length + 1);
    return { number, goal, subgoals, actions: direct };
  });

  const rest = actions.filter((a) => !(a.goals ?? []).some((id) => goalNumber.has(id)));
  let unlinked: PlanOutline['unlinked'] = null;
  if (rest.length > 0) {
    const number = String(plan.goals.length + 1);
    numberActions(number, rest);
    unlinked = { number, actions: rest };
  }
  return { goals, unlinked, goalNumber, actionNumber };
}
