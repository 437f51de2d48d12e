/**
 * The view model of a mapping (kartläggning): a matrix of criteria × organisations whose cells
 * say the rating in words and with a sign and colour, the results by area and by organisation,
 * and the development areas with the plan actions that address them and how those are going.
 */
import type { AssessmentDoc, Rating } from '../model/index.js';
import { actionView, type ActionView } from './plan-view.js';
import type { LightView, RenderContext } from './render-context.js';

export interface RatingView {
  rating: Rating;
  label: string;
  light: LightView;
  note: string | null;
}

export interface AssessmentView {
  id: string;
  title: string;
  date_text: string;
  method: string | null;
  conducted_by: string | null;
  summary: string | null;
  subjects: Array<{ id: string; name: string; short: string }>;
  matrix: Array<{ id: string; text: string; area: string; cells: RatingView[] }>;
  areas: Array<{
    area: string;
    counts_text: string;
    results: Array<{ subject: string; criterion_id: string; criterion: string; rating: RatingView }>;
  }>;
  by_subject: Array<{ name: string; met: number; partly: number; not_met: number; unknown: number }>;
  has_results: boolean;
  development_areas: Array<{
    id: string;
    text: string;
    subjects_text: string;
    actions: Array<ActionView | { ref: string; title: string; missing: true }>;
  }>;
}

const RATING_COLOR = { met: 'green', partly: 'yellow', 'not-met': 'red', unknown: 'grey' } as const;

/** Builds the view model of an assessment. */
export function assessmentView(ctx: RenderContext, assessment: AssessmentDoc): AssessmentView {
  const results = assessment.results ?? [];
  const rating = (subject: string, criterion: string): RatingView => {
    const result = results.find((r) => r.subject === subject && r.criterion === criterion);
    const value: Rating = result?.rating ?? 'unknown';
    return { rating: value, label: ctx.l.rating[value], light: ctx.light(RATING_COLOR[value], ctx.l.rating[value]), note: result?.note ?? null };
  };
  const areaLabel = (area: string) => ctx.l.area[area] ?? area;
  const areas = [...new Set(assessment.criteria.map((c) => c.area))];
  const subjects = assessment.subjects.map((id) => ({ id, name: ctx.orgName(id), short: ctx.orgShort(id) }));
  return {
    id: assessment.id,
    title: assessment.title,
    date_text: ctx.date(assessment.date),
    method: assessment.method ?? null,
    conducted_by: assessment.conducted_by ? ctx.anyName(assessment.conducted_by) : null,
    summary: assessment.summary ?? null,
    subjects,
    matrix: assessment.criteria.map((c) => ({
      id: c.id,
      text: c.text,
      area: areaLabel(c.area),
      cells: assessment.subjects.map((s) => rating(s, c.id)),
    })),
    areas: areas.map((area) => {
      const criteria = assessment.criteria.filter((c) => c.area === area);
      const cells = criteria.flatMap((c) => assessment.subjects.map((s) => ({ subject: s, criterion: c, rating: rating(s, c.id) })));
      const count = (r: Rating) => cells.filter((c) => c.rating.rating === r).length;
      return {
        area: areaLabel(area),
        counts_text: ctx.t('area_counts', { met: count('met'), partly: count('partly'), not_met: count('not-met'), unknown: count('unknown') }),
        // The matrix shows every rating; here only those with something to say.
        results: cells
          .filter((c) => c.rating.note !== null)
          .map((c) => ({ subject: ctx.orgShort(c.subject), criterion_id: c.criterion.id, criterion: c.criterion.text, rating: c.rating })),
      };
    }),
    by_subject: assessment.subjects.map((s) => {
      const ratings = assessment.criteria.map((c) => rating(s, c.id).rating);
      return {
        name: ctx.orgShort(s),
        met: ratings.filter((r) => r === 'met').length,
        partly: ratings.filter((r) => r === 'partly').length,
        not_met: ratings.filter((r) => r === 'not-met').length,
        unknown: ratings.filter((r) => r === 'unknown').length,
      };
    }),
    has_results: results.length > 0,
    development_areas: (assessment.development_areas ?? []).map((d) => ({
      id: d.id,
      text: d.text,
      subjects_text: d.subjects?.length ? d.subjects.map((s) => ctx.orgShort(s)).join(', ') : ctx.l.t.all_subjects,
      actions: (d.actions ?? []).map((ref) => {
        const [planId, actionId] = ref.split('/');
        const plan = ctx.plan(planId);
        const action = plan?.actions?.find((a) => a.id === actionId);
        return plan && action ? actionView(ctx, plan, action, ctx.asOf) : { ref, title: ref, missing: true as const };
      }),
    })),
  };
}
