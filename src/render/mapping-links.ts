/**
 * "From the mapping …": how a plan's goal, sub-goal or action shows the mapping cells it answers
 * (its from_assessment), with a link to the mapping's page in a site. The mapping's side, the goals
 * and actions that answer each criterion, is in assessment-view.ts; both read the references
 * through src/model/assessment-refs.ts.
 */
import { parseAssessmentRef } from '../model/assessment-refs.js';
import type { RefView, RenderContext } from './render-context.js';

/** One mapping a plan item answers: the mapping, and its cells as "k7 (Tanum, Strömstad), k8". */
export interface FromAssessmentView {
  assessment: RefView;
  cells_text: string;
}

/**
 * The mappings and cells `refs` name, one entry per mapping in the order first named. A criterion
 * is shown by its id, which is how the mapping's matrix names its rows; organisations by name.
 */
export function fromAssessmentView(ctx: RenderContext, refs: readonly string[] | undefined): FromAssessmentView[] {
  const byAssessment = new Map<string, Map<string, Set<string> | null>>();
  for (const ref of refs ?? []) {
    const parsed = parseAssessmentRef(ref);
    if (!parsed) continue;
    const criteria = byAssessment.get(parsed.assessment) ?? new Map<string, Set<string> | null>();
    byAssessment.set(parsed.assessment, criteria);
    const subjects = criteria.get(parsed.criterion);
    // A reference to the whole criterion covers every cell of it.
    if (parsed.subject === undefined || subjects === null) criteria.set(parsed.criterion, null);
    else criteria.set(parsed.criterion, new Set([...(subjects ?? []), parsed.subject]));
  }
  return [...byAssessment].map(([id, criteria]) => ({
    assessment: ctx.ref('assessment', id) ?? { text: id, href: null },
    cells_text: [...criteria]
      .map(([criterion, subjects]) => (subjects ? `${criterion} (${ctx.list([...subjects].map((s) => ctx.orgShort(s)))})` : criterion))
      .join(', '),
  }));
}
