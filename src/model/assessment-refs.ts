/**
 * Links from a plan back to the mapping it came from: a goal, sub-goal or action names the
 * mapping cells it answers (`from_assessment: [tillsynsanalys-nb/k7, tillsynsanalys-nb/k8/tanum]`).
 * The one place these references are read: the reference rule checks them, the plan shows
 * "from mapping …" and the mapping shows which goals and actions answer each cell.
 */
import type { AssessmentDoc, PlanDoc } from './index.js';

/** A reference to a criterion across every organisation assessed, or to one cell (criterion × organisation). */
export interface AssessmentRef {
  assessment: string;
  criterion: string;
  /** The organisation of one cell; absent for the whole criterion. */
  subject?: string;
}

/** Reads `<assessment-id>/<criterion-id>[/<organisation-id>]`; undefined if it is not written that way. */
export function parseAssessmentRef(ref: string): AssessmentRef | undefined {
  const parts = ref.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p.length === 0)) return undefined;
  const [assessment, criterion, subject] = parts;
  return subject === undefined ? { assessment, criterion } : { assessment, criterion, subject };
}

/** A goal, sub-goal or action of a plan that names mapping cells. */
export interface PlanItemAnswer {
  plan: string;
  item: string;
  type: 'goal' | 'subgoal' | 'action';
  title: string;
  refs: AssessmentRef[];
}

/** Every goal, sub-goal and action of `plan` with a `from_assessment`, in the plan's order. */
export function answersIn(plan: PlanDoc): PlanItemAnswer[] {
  const out: PlanItemAnswer[] = [];
  const add = (type: PlanItemAnswer['type'], item: { id: string; title: string; from_assessment?: string[] }) => {
    const refs = (item.from_assessment ?? []).map(parseAssessmentRef).filter((r): r is AssessmentRef => r !== undefined);
    if (refs.length > 0) out.push({ plan: plan.id, item: item.id, type, title: item.title, refs });
  };
  for (const goal of plan.goals) {
    add('goal', goal);
    for (const sub of goal.subgoals ?? []) add('subgoal', sub);
  }
  for (const action of plan.actions ?? []) add('action', action);
  return out;
}

/**
 * The plan items that answer `criterion` of `assessment` for `subject`: those naming the cell,
 * and those naming the whole criterion.
 */
export function answersTo(plans: readonly PlanDoc[], assessment: Pick<AssessmentDoc, 'id'>, criterion: string, subject?: string): PlanItemAnswer[] {
  return plans
    .flatMap(answersIn)
    .filter((a) => a.refs.some((r) => r.assessment === assessment.id && r.criterion === criterion && (r.subject === undefined || subject === undefined || r.subject === subject)));
}
