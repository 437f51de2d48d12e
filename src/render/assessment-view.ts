/**
 * The view model of a mapping (kartläggning): a matrix of criteria × organisations whose cells
 * say the rating in words and with a sign and colour, the results by area and by organisation,
 * and the development areas with the plan actions that address them and how those are going.
 *
 * With more organisations than fit across a page (MATRIX_MAX_SUBJECTS) the matrix turns: one
 * table per area, organisations as rows and that area's criteria as columns, at most
 * AREA_TABLE_MAX_CRITERIA to a table, so it stays readable on screen and on A4.
 */
import { answersIn } from '../model/assessment-refs.js';
import type { AssessmentDoc, Rating } from '../model/index.js';
import { actionView, type ActionView } from './plan-view.js';
import type { LightView, RenderContext, RefView } from './render-context.js';

export interface RatingView {
  rating: Rating;
  label: string;
  /** The traffic light; null for not-applicable, which is no judgement and has no colour. */
  light: LightView | null;
  /** Sign and words, e.g. "● Uppfyllt" or "– Ej tillämpligt": what a cell shows. */
  text: string;
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
  /** "Organisation" or "Organisationer", for the list of subjects. */
  subjects_label: string;
  /** True when the matrix is shown as one table per area, organisations as rows (see `areas[].tables`). */
  by_area: boolean;
  matrix: Array<{ id: string; text: string; area: string; cells: RatingView[] }>;
  areas: Array<{
    area: string;
    counts_text: string;
    criteria: Array<{ id: string; text: string }>;
    /** The area's part of the matrix turned: a row per organisation, a column per criterion; empty unless `by_area`. */
    tables: Array<{ criteria: Array<{ id: string; text: string }>; rows: Array<{ subject: string; cells: RatingView[] }> }>;
    results: Array<{ subject: string; criterion_id: string; criterion: string; rating: RatingView }>;
  }>;
  by_subject: Array<{ name: string; met: number; partly: number; not_met: number; not_applicable: number; unknown: number }>;
  /** True if any cell is not applicable: the legend and the summary then explain the sign. */
  has_not_applicable: boolean;
  /** The plan goals and actions that say they answer a criterion (from_assessment), per criterion. */
  answers: Array<{ criterion_id: string; criterion: string; items: Array<{ title: RefView; plan: string; subjects_text: string }> }>;
  has_results: boolean;
  development_areas: Array<{
    id: string;
    text: string;
    subjects_text: string;
    actions: Array<ActionView | { ref: string; title: string; missing: true }>;
  }>;
}

const RATING_COLOR = { met: 'green', partly: 'yellow', 'not-met': 'red', unknown: 'grey', 'not-applicable': null } as const;
/** The sign of a cell that does not apply: a dash, no colour, so it is not read as a judgement or as unknown. */
export const NOT_APPLICABLE_SIGN = '–';

/** More organisations than this and the matrix is shown per area, turned. */
export const MATRIX_MAX_SUBJECTS = 6;
/** The most criteria columns in one turned table; an area with more is split. */
export const AREA_TABLE_MAX_CRITERIA = 6;

/** `items` in consecutive runs of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Builds the view model of an assessment. */
export function assessmentView(ctx: RenderContext, assessment: AssessmentDoc): AssessmentView {
  const results = assessment.results ?? [];
  const rating = (subject: string, criterion: string): RatingView => {
    const result = results.find((r) => r.subject === subject && r.criterion === criterion);
    const value: Rating = result?.rating ?? 'unknown';
    const color = RATING_COLOR[value];
    const label = ctx.l.rating[value];
    const light = color === null ? null : ctx.light(color, label);
    return { rating: value, label, light, text: light ? light.text : `${NOT_APPLICABLE_SIGN} ${label}`, note: result?.note ?? null };
  };
  const areaLabel = (area: string) => ctx.l.area[area] ?? area;
  const areas = [...new Set(assessment.criteria.map((c) => c.area))];
  const subjects = assessment.subjects.map((id) => ({ id, name: ctx.orgName(id), short: ctx.orgShort(id) }));
  const byArea = subjects.length > MATRIX_MAX_SUBJECTS;
  return {
    id: assessment.id,
    title: assessment.title,
    date_text: ctx.date(assessment.date),
    method: assessment.method ?? null,
    conducted_by: assessment.conducted_by ? ctx.anyName(assessment.conducted_by) : null,
    summary: assessment.summary ?? null,
    subjects,
    subjects_label: subjects.length === 1 ? ctx.l.t.organisation : ctx.l.t.organisations,
    by_area: byArea,
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
        counts_text: ctx.t('area_counts', { met: count('met'), partly: count('partly'), not_met: count('not-met'), not_applicable: count('not-applicable'), unknown: count('unknown') }),
        criteria: criteria.map((c) => ({ id: c.id, text: c.text })),
        tables: byArea
          ? chunks(criteria, AREA_TABLE_MAX_CRITERIA).map((part) => ({
              criteria: part.map((c) => ({ id: c.id, text: c.text })),
              rows: subjects.map((s) => ({ subject: s.short, cells: part.map((c) => rating(s.id, c.id)) })),
            }))
          : [],
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
        not_applicable: ratings.filter((r) => r === 'not-applicable').length,
        unknown: ratings.filter((r) => r === 'unknown').length,
      };
    }),
    has_not_applicable: results.some((r) => r.rating === 'not-applicable'),
    answers: answersView(ctx, assessment),
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

/** Per criterion, the plan goals and actions whose from_assessment names it, and for which organisations. */
function answersView(ctx: RenderContext, assessment: AssessmentDoc): AssessmentView['answers'] {
  const items = ctx.documents('plan').flatMap((plan) => answersIn(plan).map((a) => ({ ...a, planTitle: plan.title })));
  return assessment.criteria
    .map((c) => ({
      criterion_id: c.id,
      criterion: c.text,
      items: items
        .map((a) => ({ a, refs: a.refs.filter((r) => r.assessment === assessment.id && r.criterion === c.id) }))
        .filter(({ refs }) => refs.length > 0)
        .map(({ a, refs }) => ({
          title: { text: a.title, href: ctx.href('plan', a.plan) },
          plan: a.planTitle,
          subjects_text: refs.some((r) => r.subject === undefined) ? ctx.l.t.cell_all_subjects : ctx.list(refs.map((r) => ctx.orgShort(r.subject))),
        })),
    }))
    .filter((c) => c.items.length > 0);
}
