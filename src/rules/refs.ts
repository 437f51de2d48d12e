/**
 * ref/unknown-*: every id that refers to something else must name something that exists.
 * Each message names what was looked for, suggests the closest existing id, and says where
 * to add the missing one.
 */
import type { PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import type { IdIndex, Namespace, PlanItemType } from '../workspace/id-index.js';
import type { RuleContext, RuleModule } from './context.js';
import { closest } from './words.js';

type Target = Namespace;

const WORDS: Record<Target, { rule: string; noun: string; where: string }> = {
  organization: { rule: 'ref/unknown-organization', noun: 'organisation', where: 'organizations.yaml' },
  person: { rule: 'ref/unknown-person', noun: 'person', where: 'people.yaml' },
  group: { rule: 'ref/unknown-group', noun: 'group', where: 'a file under groups/' },
  agreement: { rule: 'ref/unknown-agreement', noun: 'agreement', where: 'a file under agreements/' },
  plan: { rule: 'ref/unknown-plan', noun: 'plan', where: 'a file under plans/' },
  meeting: { rule: 'ref/unknown-document', noun: 'meeting', where: 'a file under meetings/' },
  assessment: { rule: 'ref/unknown-document', noun: 'assessment', where: 'a file under assessments/' },
};

const ITEM_WORDS: Record<PlanItemType, string> = {
  goal: 'goal',
  subgoal: 'sub-goal',
  indicator: 'indicator',
  phase: 'phase',
  action: 'action',
};

function nounList(targets: readonly Target[]): string {
  const nouns = targets.map((t) => WORDS[t].noun);
  return nouns.length === 1 ? nouns[0] : `${nouns.slice(0, -1).join(', ')} or ${nouns[nouns.length - 1]}`;
}

/** Reports `value` at `path` unless it names something in one of `targets`. */
function expect(context: RuleContext, doc: SourceDocument, path: PathSegment[], value: unknown, targets: readonly Target[]): void {
  if (typeof value !== 'string') return;
  const index = context.workspace.index;
  if (targets.some((t) => index.of(t).has(value))) return;
  const guess = closest(value, targets.flatMap((t) => [...index.of(t).keys()]));
  const first = WORDS[targets[0]];
  context.report(
    first.rule,
    doc,
    path,
    `"${value}" names no ${nounList(targets)} in the workspace.${guess ? ` Did you mean "${guess}"?` : ''} Check the spelling, or add the ${first.noun} to ${first.where}.`,
  );
}

function expectEach(context: RuleContext, doc: SourceDocument, path: PathSegment[], values: unknown, targets: readonly Target[]): void {
  if (!Array.isArray(values)) return;
  values.forEach((v, i) => expect(context, doc, [...path, i], v, targets));
}

/** A reference to a plan item, `<plan-id>/<item-id>`, optionally of one item type only. */
function expectPlanItem(context: RuleContext, doc: SourceDocument, path: PathSegment[], ref: string, only?: PlanItemType): void {
  const index = context.workspace.index;
  const [planId, itemId] = ref.split('/');
  const items = index.planItems.get(planId);
  if (!index.plans.has(planId) || !items) {
    const guess = closest(planId, index.plans.keys());
    context.report('ref/unknown-plan', doc, path, `"${ref}" refers to a plan "${planId}" that does not exist.${guess ? ` Did you mean "${guess}"?` : ''} Write it as <plan-id>/<item-id>.`);
    return;
  }
  const item = items.get(itemId);
  const kinds = only ? [only] : undefined;
  if (item && (!kinds || kinds.includes(item.type))) return;
  const candidates = [...items.values()].filter((e) => !kinds || kinds.includes(e.type)).map((e) => e.id);
  const guess = closest(itemId, candidates);
  const noun = only ? ITEM_WORDS[only] : 'goal, sub-goal, indicator, phase or action';
  context.report(
    only === 'action' ? 'ref/unknown-action' : 'ref/unknown-plan-item',
    doc,
    path,
    item
      ? `"${ref}" is a ${ITEM_WORDS[item.type]} of plan ${planId}, but an ${noun} is needed here.`
      : `Plan ${planId} has no ${noun} "${itemId}".${guess ? ` Did you mean "${planId}/${guess}"?` : ''}`,
  );
}

/** A reference to any document (agreement, plan, group, assessment, meeting) or plan item. */
function expectAnyRef(context: RuleContext, doc: SourceDocument, path: PathSegment[], refs: unknown): void {
  if (!Array.isArray(refs)) return;
  const index: IdIndex = context.workspace.index;
  const docKinds: Namespace[] = ['agreement', 'plan', 'group', 'assessment', 'meeting'];
  refs.forEach((ref, i) => {
    if (typeof ref !== 'string') return;
    if (ref.includes('/')) return expectPlanItem(context, doc, [...path, i], ref);
    if (docKinds.some((k) => index.of(k).has(ref))) return;
    const guess = closest(ref, docKinds.flatMap((k) => [...index.of(k).keys()]));
    context.report(
      'ref/unknown-document',
      doc,
      [...path, i],
      `"${ref}" names no agreement, plan, group, assessment or meeting.${guess ? ` Did you mean "${guess}"?` : ''} To refer to a plan's action, write <plan-id>/<action-id>.`,
    );
  });
}

export const refRules: RuleModule = {
  rules: [
    { id: 'ref/unknown-organization', severity: 'error', description: 'A reference names no organisation in organizations.yaml.' },
    { id: 'ref/unknown-person', severity: 'error', description: 'A reference names no person in people.yaml (or no group, where either will do).' },
    { id: 'ref/unknown-group', severity: 'error', description: 'A reference names no group.' },
    { id: 'ref/unknown-agreement', severity: 'error', description: 'A reference names no agreement.' },
    { id: 'ref/unknown-plan', severity: 'error', description: 'A reference names no plan.' },
    { id: 'ref/unknown-goal', severity: 'error', description: "An action serves a goal or sub-goal that is not in its plan." },
    { id: 'ref/unknown-phase', severity: 'error', description: 'An action belongs to a phase that is not in its plan.' },
    { id: 'ref/unknown-action', severity: 'error', description: 'A reference names no action of the plan.' },
    { id: 'ref/unknown-plan-item', severity: 'error', description: 'A <plan-id>/<item-id> reference names nothing in that plan.' },
    { id: 'ref/unknown-document', severity: 'error', description: 'A reference names no agreement, plan, group, assessment or meeting.' },
    { id: 'ref/unknown-item', severity: 'error', description: "A decision or note in the minutes refers to an agenda item number the meeting doesn't have." },
    { id: 'ref/unknown-criterion', severity: 'error', description: "An assessment result names a criterion the assessment doesn't have." },
    { id: 'ref/unknown-subject', severity: 'error', description: "An assessment result or development area names an organisation that isn't one of its subjects." },
  ],
  check(context) {
    for (const { doc, data } of context.documents('people')) {
      data.people.forEach((p, i) => expect(context, doc, ['people', i, 'organization'], p.organization, ['organization']));
    }
    for (const { doc, data } of context.documents('organizations')) {
      data.organizations.forEach((o, i) => expect(context, doc, ['organizations', i, 'part_of'], o.part_of ?? undefined, ['organization']));
    }
    for (const { doc, data } of context.documents('agreement')) {
      data.parties.forEach((p, i) => {
        expect(context, doc, ['parties', i, 'organization'], p.organization, ['organization']);
        expect(context, doc, ['parties', i, 'signatory'], p.signatory, ['person']);
      });
      data.resources?.staff?.forEach((s, i) => {
        expect(context, doc, ['resources', 'staff', i, 'employer'], s.employer, ['organization']);
        expect(context, doc, ['resources', 'staff', i, 'person'], s.person, ['person']);
      });
      data.resources?.funding?.forEach((f, i) => expect(context, doc, ['resources', 'funding', i, 'source'], f.source, ['organization']));
      data.resources?.cost_sharing?.forEach((c, i) => expect(context, doc, ['resources', 'cost_sharing', i, 'organization'], c.organization, ['organization']));
      expect(context, doc, ['follow_up', 'reports_to'], data.follow_up?.reports_to, ['group']);
      expectEach(context, doc, ['groups'], data.groups, ['group']);
    }
    for (const { doc, data } of context.documents('group')) {
      expect(context, doc, ['agreement'], data.agreement, ['agreement']);
      expect(context, doc, ['reports_to'], data.reports_to ?? undefined, ['group']);
      data.standing_items?.forEach((item, i) => {
        expect(context, doc, ['standing_items', i, 'presenter'], item.presenter, ['person']);
        expectAnyRef(context, doc, ['standing_items', i, 'refs'], item.refs);
      });
      data.members.forEach((m, i) => {
        expect(context, doc, ['members', i, 'person'], m.person, ['person']);
        expect(context, doc, ['members', i, 'represents'], m.represents, ['organization']);
        expect(context, doc, ['members', i, 'substitute'], m.substitute, ['person']);
      });
    }
    for (const { doc, data } of context.documents('plan')) {
      expect(context, doc, ['owner'], data.owner, ['organization', 'group']);
      expect(context, doc, ['agreement'], data.agreement ?? undefined, ['agreement']);
      expect(context, doc, ['document_owner'], data.document_owner, ['person', 'group']);
      const items = context.workspace.index.planItems.get(data.id);
      const goalIds = [...(items?.values() ?? [])].filter((e) => e.type === 'goal' || e.type === 'subgoal' ).map((e) => e.id);
      const phaseIds = (data.phases ?? []).map((p) => p.id);
      data.actions?.forEach((a, i) => {
        a.goals?.forEach((g, j) => {
          if (goalIds.includes(g)) return;
          const guess = closest(g, goalIds);
          context.report('ref/unknown-goal', doc, ['actions', i, 'goals', j], `This plan has no goal or sub-goal "${g}".${guess ? ` Did you mean "${guess}"?` : ''} Use the id of one of the plan's goals.`);
        });
        if (a.phase !== undefined && !phaseIds.includes(a.phase)) {
          const guess = closest(a.phase, phaseIds);
          context.report('ref/unknown-phase', doc, ['actions', i, 'phase'], `This plan has no phase "${a.phase}".${guess ? ` Did you mean "${guess}"?` : phaseIds.length === 0 ? ' Add it under phases:.' : ''}`);
        }
        expect(context, doc, ['actions', i, 'responsible'], a.responsible, ['organization']);
        expect(context, doc, ['actions', i, 'lead'], a.lead, ['person', 'group']);
        expectEach(context, doc, ['actions', i, 'participants'], a.participants, ['organization']);
      });
    }
    for (const { doc, data } of context.documents('meeting')) {
      expect(context, doc, ['group'], data.group, ['group']);
      expect(context, doc, ['chair'], data.chair, ['person']);
      expect(context, doc, ['secretary'], data.secretary, ['person']);
      expectEach(context, doc, ['adjusters'], data.adjusters, ['person']);
      const items = data.items ?? [];
      items.forEach((item, i) => {
        expect(context, doc, ['items', i, 'presenter'], item.presenter, ['person']);
        expectAnyRef(context, doc, ['items', i, 'refs'], item.refs);
      });
      const minutes = data.minutes;
      minutes?.attendance?.forEach((a, i) => {
        expect(context, doc, ['minutes', 'attendance', i, 'person'], a.person, ['person']);
        expect(context, doc, ['minutes', 'attendance', i, 'substitute_for'], a.substitute_for, ['person']);
      });
      for (const key of ['decisions', 'notes'] as const) {
        minutes?.[key]?.forEach((d, i) => {
          if (d.item <= items.length) return;
          context.report(
            'ref/unknown-item',
            doc,
            ['minutes', key, i, 'item'],
            items.length === 0
              ? `This refers to agenda item ${d.item}, but the meeting has no items. Add the items under items:.`
              : `This refers to agenda item ${d.item}, but the meeting has ${items.length} item${items.length === 1 ? '' : 's'}. Number the items from 1 in the order of items:.`,
          );
        });
      }
      minutes?.tasks?.forEach((t, i) => expect(context, doc, ['minutes', 'tasks', i, 'responsible'], t.responsible, ['person']));
    }
    for (const { doc, data } of context.documents('assessment')) {
      expectEach(context, doc, ['subjects'], data.subjects, ['organization']);
      expect(context, doc, ['conducted_by'], data.conducted_by, ['person', 'group', 'organization']);
      const subjects = new Set(data.subjects);
      const criteria = new Set(data.criteria.map((c) => c.id));
      const notSubject = (path: PathSegment[], s: string) =>
        context.report('ref/unknown-subject', doc, path, `"${s}" is not one of this assessment's subjects. Add it to subjects:, or correct the id.${closest(s, subjects) ? ` Did you mean "${closest(s, subjects)}"?` : ''}`);
      data.results?.forEach((r, i) => {
        if (!subjects.has(r.subject)) notSubject(['results', i, 'subject'], r.subject);
        if (!criteria.has(r.criterion)) {
          const guess = closest(r.criterion, criteria);
          context.report('ref/unknown-criterion', doc, ['results', i, 'criterion'], `This assessment has no criterion "${r.criterion}".${guess ? ` Did you mean "${guess}"?` : ''} Add it under criteria:, or correct the id.`);
        }
      });
      data.development_areas?.forEach((d, i) => {
        d.subjects?.forEach((s, j) => {
          if (!subjects.has(s)) notSubject(['development_areas', i, 'subjects', j], s);
        });
        d.actions?.forEach((ref, j) => expectPlanItem(context, doc, ['development_areas', i, 'actions', j], ref, 'action'));
      });
    }
  },
};
