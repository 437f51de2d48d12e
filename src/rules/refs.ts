/**
 * ref/unknown-*: every id that refers to something else must name something that exists.
 * Each message names what was looked for, suggests the closest existing id, and says where
 * to add the missing one.
 */
import type { PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import { relative } from 'node:path';
import type { Kind } from '../model/index.js';
import { toPosix } from '../workspace/files.js';
import type { IdIndex, Namespace, PlanItemType } from '../workspace/id-index.js';
import type { RuleContext, RuleModule } from './context.js';
import { schemaErrorLine } from './schema.js';
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

/** Where the documents of each namespace live by convention, for files whose kind could not be read. */
const HOME: Record<Target, RegExp> = {
  organization: /^organizations\.ya?ml$/,
  person: /^people\.ya?ml$/,
  group: /^groups\//,
  agreement: /^agreements\//,
  plan: /^plans\//,
  meeting: /^meetings\//,
  assessment: /^assessments\//,
};

const KIND_OF: Record<Target, Kind> = {
  organization: 'organizations',
  person: 'people',
  group: 'group',
  agreement: 'agreement',
  plan: 'plan',
  meeting: 'meeting',
  assessment: 'assessment',
};

const PLURAL: Record<Target, string> = {
  organization: 'organisations',
  person: 'people',
  group: 'groups',
  agreement: 'agreements',
  plan: 'plans',
  meeting: 'meetings',
  assessment: 'assessments',
};

/** A file that should define ids of a namespace but could not be read or does not match its schema. */
interface BrokenSource {
  rel: string;
  line: number;
}

/**
 * The files of each namespace that could not be loaded or do not match their schema: an id
 * missing from the index may well be in one of them, so a reference to it cannot be judged.
 */
function brokenSources(context: RuleContext): Map<Target, BrokenSource[]> {
  const { workspace } = context;
  const result = new Map<Target, BrokenSource[]>();
  const add = (target: Target, rel: string, line: number) => {
    const list = result.get(target) ?? [];
    const same = list.find((b) => b.rel === rel);
    if (same) same.line = Math.min(same.line, line);
    else list.push({ rel, line });
    result.set(target, list);
  };
  const targetsOf = (rel: string, kind: Kind | undefined): Target[] =>
    (Object.keys(HOME) as Target[]).filter((t) => (kind ? KIND_OF[t] === kind : HOME[t].test(rel)));
  const problemLines = problemLinesOf(context);
  const loaded = new Set(workspace.files.map((f) => f.rel));
  for (const [rel, line] of problemLines) {
    if (!loaded.has(rel)) for (const t of targetsOf(rel, undefined)) add(t, rel, line);
  }
  for (const doc of workspace.documents) {
    // A broken document whose ids were all read hides no id of its namespace (a broken plan's
    // items are judged per plan, in expectPlanItem).
    if (doc.valid || !hidesIds(doc)) continue;
    const line = errorLine(doc, problemLines);
    if (line === undefined) continue;
    for (const t of targetsOf(doc.file.rel, doc.kind)) add(t, doc.file.rel, line);
  }
  return result;
}

/** The line of the first problem found in a document that failed to load or match its schema. */
function errorLine(doc: SourceDocument, problemLines: ReadonlyMap<string, number>): number | undefined {
  const line = Math.min(schemaErrorLine(doc) ?? Infinity, problemLines.get(doc.file.rel) ?? Infinity);
  return line === Infinity ? undefined : line;
}

/** The first line of a problem of each file, by path relative to the root. */
function problemLinesOf(context: RuleContext): Map<string, number> {
  const { workspace } = context;
  const lines = new Map<string, number>();
  for (const p of workspace.problems) {
    const rel = toPosix(relative(workspace.root, p.file));
    lines.set(rel, Math.min(lines.get(rel) ?? Infinity, p.span.line));
  }
  return lines;
}

/**
 * True if a document that failed its schema may define ids the index could not read: it is
 * not a map, a document without a readable id, or a list of people or organisations with an
 * entry whose id is unreadable. A broken document whose ids were all read hides nothing.
 */
function hidesIds(doc: SourceDocument): boolean {
  const data = doc.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return true;
  const record = data as Record<string, unknown>;
  if (doc.kind === 'workspace') return false;
  if (doc.kind === 'people' || doc.kind === 'organizations') {
    const list = record[doc.kind];
    if (!Array.isArray(list)) return true;
    return list.some((entry) => typeof entry !== 'object' || entry === null || typeof (entry as { id?: unknown }).id !== 'string');
  }
  return typeof record.id !== 'string';
}

/** Reference checks of one run: reports unknown ids, and counts those that cannot be judged. */
class References {
  private readonly index: IdIndex;
  private readonly broken: Map<Target, BrokenSource[]>;
  private readonly problemLines: Map<string, number>;
  /** Uncheckable references by cause: a namespace with broken files, or one broken plan's items. */
  private readonly unchecked = new Map<string, { target: Target; sources: BrokenSource[]; count: number; doc: SourceDocument; path: PathSegment[] }>();

  constructor(private readonly context: RuleContext) {
    this.index = context.workspace.index;
    this.broken = brokenSources(context);
    this.problemLines = problemLinesOf(context);
  }

  /** True (and counted) if one of `targets` has a broken file, so a missing id may be in it. */
  private cannotJudge(doc: SourceDocument, path: PathSegment[], targets: readonly Target[]): boolean {
    const target = targets.find((t) => this.broken.has(t));
    if (!target) return false;
    this.count(target, target, this.broken.get(target)!, doc, path);
    return true;
  }

  private count(key: string, target: Target, sources: BrokenSource[], doc: SourceDocument, path: PathSegment[]): void {
    const seen = this.unchecked.get(key);
    if (seen) seen.count += 1;
    else this.unchecked.set(key, { target, sources, count: 1, doc, path });
  }

  /** True (and counted) if the plan's own file is broken, so the item may be in it, unreadable. */
  private inBrokenPlan(doc: SourceDocument, path: PathSegment[], planId: string): boolean {
    const entry = this.index.plans.get(planId);
    if (!entry || entry.doc.valid) return false;
    const line = errorLine(entry.doc, this.problemLines) ?? 1;
    this.count(`plan ${planId}`, 'plan', [{ rel: entry.doc.file.rel, line }], doc, path);
    return true;
  }

  /** Reports `value` at `path` unless it names something in one of `targets`. */
  expect(doc: SourceDocument, path: PathSegment[], value: unknown, targets: readonly Target[]): void {
    if (typeof value !== 'string') return;
    const index = this.index;
    if (targets.some((t) => index.of(t).has(value))) return;
    if (this.cannotJudge(doc, path, targets)) return;
    const guess = closest(value, targets.flatMap((t) => [...index.of(t).keys()]));
    const first = WORDS[targets[0]];
    this.context.report(
      first.rule,
      doc,
      path,
      `"${value}" names no ${nounList(targets)} in the workspace.${guess ? ` Did you mean "${guess}"?` : ''} Check the spelling, or add the ${first.noun} to ${first.where}.`,
    );
  }

  expectEach(doc: SourceDocument, path: PathSegment[], values: unknown, targets: readonly Target[]): void {
    if (!Array.isArray(values)) return;
    values.forEach((v, i) => this.expect(doc, [...path, i], v, targets));
  }

  /** A reference to a plan item, `<plan-id>/<item-id>`, optionally of one item type only. */
  expectPlanItem(doc: SourceDocument, path: PathSegment[], ref: string, only?: PlanItemType): void {
    const index = this.index;
    const [planId, itemId] = ref.split('/');
    const items = index.planItems.get(planId);
    if (!index.plans.has(planId) || !items) {
      if (this.cannotJudge(doc, path, ['plan'])) return;
      const guess = closest(planId, index.plans.keys());
      this.context.report('ref/unknown-plan', doc, path, `"${ref}" refers to a plan "${planId}" that does not exist.${guess ? ` Did you mean "${guess}"?` : ''} Write it as <plan-id>/<item-id>.`);
      return;
    }
    const item = items.get(itemId);
    const kinds = only ? [only] : undefined;
    if (item && (!kinds || kinds.includes(item.type))) return;
    // The plan's own file is broken: its items may be there, only unreadable.
    if (this.inBrokenPlan(doc, path, planId)) return;
    const candidates = [...items.values()].filter((e) => !kinds || kinds.includes(e.type)).map((e) => e.id);
    const guess = closest(itemId, candidates);
    const noun = only ? ITEM_WORDS[only] : 'goal, sub-goal, indicator, phase or action';
    this.context.report(
      only === 'action' ? 'ref/unknown-action' : 'ref/unknown-plan-item',
      doc,
      path,
      item
        ? `"${ref}" is a ${ITEM_WORDS[item.type]} of plan ${planId}, but an ${noun} is needed here.`
        : `Plan ${planId} has no ${noun} "${itemId}".${guess ? ` Did you mean "${planId}/${guess}"?` : ''}`,
    );
  }

  /** A reference to any document (agreement, plan, group, assessment, meeting) or plan item. */
  expectAnyRef(doc: SourceDocument, path: PathSegment[], refs: unknown): void {
    if (!Array.isArray(refs)) return;
    const index = this.index;
    const docKinds: Namespace[] = ['agreement', 'plan', 'group', 'assessment', 'meeting'];
    refs.forEach((ref, i) => {
      if (typeof ref !== 'string') return;
      if (ref.includes('/')) return this.expectPlanItem(doc, [...path, i], ref);
      if (docKinds.some((k) => index.of(k).has(ref))) return;
      if (this.cannotJudge(doc, [...path, i], docKinds)) return;
      const guess = closest(ref, docKinds.flatMap((k) => [...index.of(k).keys()]));
      this.context.report(
        'ref/unknown-document',
        doc,
        [...path, i],
        `"${ref}" names no agreement, plan, group, assessment or meeting.${guess ? ` Did you mean "${guess}"?` : ''} To refer to a plan's action, write <plan-id>/<action-id>.`,
      );
    });
  }

  /** One ref/unchecked per namespace, at the first reference that could not be judged. */
  reportUnchecked(): void {
    for (const { target, sources, count, doc, path } of this.unchecked.values()) {
      const [first, ...others] = sources;
      if (!first) continue;
      const cause =
        others.length === 0
          ? `${first.rel} has an error (line ${first.line})`
          : `${first.rel} (line ${first.line}) and ${others.length} other file${others.length === 1 ? '' : 's'} have errors`;
      this.context.report(
        'ref/unchecked',
        doc,
        path,
        `${count} reference${count === 1 ? '' : 's'} to ${PLURAL[target]} could not be checked because ${cause}. Fix that first.`,
      );
    }
  }
}

export const refRules: RuleModule = {
  rules: [
    {
      id: 'ref/unknown-organization',
      severity: 'error',
      description: 'A reference names no organisation in organizations.yaml.',
      fullDescription:
        'An organisation that is not in organizations.yaml cannot be shown by name, and the checks of parties, representation and cost shares cannot see it. Correct the id (the message suggests the closest), or add the organisation to organizations.yaml.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: gamma}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-person',
      severity: 'error',
      description: 'A reference names no person in people.yaml (or no group, where either will do).',
      fullDescription:
        'A person who is not in people.yaml has no name, title or organisation to show, so rosters, minutes and task lists come out incomplete. Correct the id, or add the person to people.yaml.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: sara, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-group',
      severity: 'error',
      description: 'A reference names no group.',
      fullDescription:
        'A reference to a group that does not exist breaks the chain of reporting and the group pages. Correct the id, or add the group under groups/.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nreports_to: styrgruppen\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nreports_to: styrgrupp\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-agreement',
      severity: 'error',
      description: 'A reference names no agreement.',
      fullDescription:
        'A group or plan that refers to an agreement that does not exist cannot be checked against its parties. Correct the id, or add the agreement under agreements/.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-2020\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'ref/unknown-plan',
      severity: 'error',
      description: 'A reference names no plan.',
      fullDescription:
        'A reference to a plan that does not exist leaves the follow-up of an action or a development area without its target. Write the reference as <plan-id>/<item-id> with the id of an existing plan.',
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplanen/a1]}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a1]}\n',
      },
    },
    {
      id: 'ref/unknown-goal',
      severity: 'error',
      description: 'An action serves a goal or sub-goal that is not in its plan.',
      fullDescription:
        'An action is followed up against the goals it serves; a goal id that the plan does not have means the action counts for no goal. Use the id of one of the plan\'s goals or sub-goals.',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m9], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-phase',
      severity: 'error',
      description: 'An action belongs to a phase that is not in its plan.',
      fullDescription:
        'An action in a phase the plan does not have is left out of the plan\'s timeline. Use the id of one of the plan\'s phases, or add the phase under phases:.',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-2, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-action',
      severity: 'error',
      description: 'A reference names no action of the plan.',
      fullDescription:
        'A development area or follow-up that names an action the plan does not have cannot show what is being done about it. Write <plan-id>/<action-id> with an action of that plan.',
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a9]}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\ndevelopment_areas:\n  - {id: u1, text: Rutiner för samverkan med polisen, actions: [handlingsplan/a1]}\n',
      },
    },
    {
      id: 'ref/unknown-plan-item',
      severity: 'error',
      description: 'A <plan-id>/<item-id> reference names nothing in that plan.',
      fullDescription:
        'A reference to a goal, indicator, phase or action that the plan does not have leads nowhere in the rendered minutes and reports. Correct the item id (the message suggests the closest).',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan/x1]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan/a1]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'ref/unknown-document',
      severity: 'error',
      description: 'A reference names no agreement, plan, group, assessment or meeting.',
      fullDescription:
        'A meeting item or standing item that refers to a document that does not exist cannot link to it. Correct the id, or write <plan-id>/<action-id> to refer to a plan\'s action.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplanen]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, refs: [handlingsplan]}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'ref/unchecked',
      severity: 'warning',
      description: 'References into a file that could not be read or does not match its schema, reported once instead of one unknown id each.',
      fullDescription:
        'When a file that defines ids is broken, samverkan cannot tell whether references into it are right, so it says so once instead of reporting every reference as unknown. Fix the broken file (its own finding says how); the references are then checked.',
      example: {
        file: 'plans/handlingsplan.yaml',
        bad: 'kind: plan\nid: handlingsplan\ntitle: [Handlingsplan\n',
        good: 'kind: plan\nid: handlingsplan\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'ref/unknown-criterion',
      severity: 'error',
      description: 'An assessment result names a criterion the assessment doesn\'t have.',
      fullDescription:
        'A result without its criterion cannot be shown in the assessment\'s table. Correct the criterion id, or add the criterion under criteria:.',
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k9, rating: met}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\n',
      },
    },
    {
      id: 'ref/unknown-subject',
      severity: 'error',
      description: 'An assessment result or development area names an organisation that isn\'t one of its subjects.',
      fullDescription:
        'An assessment rates only the organisations it assessed (subjects:); a result for another one is left out of the table. Add the organisation to subjects:, or correct the id.',
      example: {
        file: 'assessments/exempel.yaml',
        bad: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: polisen, criterion: k1, rating: met}\n',
        good: 'kind: assessment\nid: exempel-2009\ntitle: Kartläggning 2009\ndate: 2009-11-30\nsubjects: [alfa, beta]\ncriteria:\n  - {id: k1, area: governance, text: Nämnden har fastställt mål}\nresults:\n  - {subject: alfa, criterion: k1, rating: met}\n',
      },
    },
  ],
  check(context) {
    const refs = new References(context);
    const expect = (doc: SourceDocument, path: PathSegment[], value: unknown, targets: readonly Target[]) => refs.expect(doc, path, value, targets);
    const expectEach = (doc: SourceDocument, path: PathSegment[], values: unknown, targets: readonly Target[]) => refs.expectEach(doc, path, values, targets);
    for (const { doc, data } of context.documents('people')) {
      data.people.forEach((p, i) => expect(doc, ['people', i, 'organization'], p.organization, ['organization']));
    }
    for (const { doc, data } of context.documents('organizations')) {
      data.organizations.forEach((o, i) => expect(doc, ['organizations', i, 'part_of'], o.part_of ?? undefined, ['organization']));
    }
    for (const { doc, data } of context.documents('agreement')) {
      data.parties.forEach((p, i) => {
        expect(doc, ['parties', i, 'organization'], p.organization, ['organization']);
        expect(doc, ['parties', i, 'signatory'], p.signatory, ['person']);
      });
      data.resources?.staff?.forEach((s, i) => {
        expect(doc, ['resources', 'staff', i, 'employer'], s.employer, ['organization']);
        expect(doc, ['resources', 'staff', i, 'person'], s.person, ['person']);
      });
      data.resources?.funding?.forEach((f, i) => expect(doc, ['resources', 'funding', i, 'source'], f.source, ['organization']));
      data.resources?.cost_sharing?.forEach((c, i) => expect(doc, ['resources', 'cost_sharing', i, 'organization'], c.organization, ['organization']));
      expect(doc, ['follow_up', 'reports_to'], data.follow_up?.reports_to, ['group']);
      expectEach(doc, ['groups'], data.groups, ['group']);
    }
    for (const { doc, data } of context.documents('group')) {
      expect(doc, ['agreement'], data.agreement, ['agreement']);
      expect(doc, ['reports_to'], data.reports_to ?? undefined, ['group']);
      expect(doc, ['secrecy', 'by'], data.secrecy?.by, ['person']);
      data.standing_items?.forEach((item, i) => {
        expect(doc, ['standing_items', i, 'presenter'], item.presenter, ['person']);
        refs.expectAnyRef(doc, ['standing_items', i, 'refs'], item.refs);
      });
      data.members.forEach((m, i) => {
        expect(doc, ['members', i, 'person'], m.person, ['person']);
        expect(doc, ['members', i, 'represents'], m.represents, ['organization']);
        expect(doc, ['members', i, 'substitute'], m.substitute, ['person']);
      });
    }
    for (const { doc, data } of context.documents('plan')) {
      expect(doc, ['owner'], data.owner, ['organization', 'group']);
      expect(doc, ['agreement'], data.agreement ?? undefined, ['agreement']);
      expect(doc, ['document_owner'], data.document_owner, ['person', 'group']);
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
        expect(doc, ['actions', i, 'responsible'], a.responsible, ['organization']);
        expect(doc, ['actions', i, 'lead'], a.lead, ['person', 'group']);
        expectEach(doc, ['actions', i, 'participants'], a.participants, ['organization']);
      });
    }
    for (const { doc, data } of context.documents('meeting')) {
      expect(doc, ['group'], data.group, ['group']);
      expect(doc, ['chair'], data.chair, ['person']);
      expect(doc, ['secretary'], data.secretary, ['person']);
      expectEach(doc, ['adjusters'], data.adjusters, ['person']);
      const items = data.items ?? [];
      items.forEach((item, i) => {
        expect(doc, ['items', i, 'presenter'], item.presenter, ['person']);
        refs.expectAnyRef(doc, ['items', i, 'refs'], item.refs);
        item.follow_up?.forEach((row, j) => expect(doc, ['items', i, 'follow_up', j, 'responsible'], row.responsible, ['person']));
      });
      const minutes = data.minutes;
      minutes?.attendance?.forEach((a, i) => {
        expect(doc, ['minutes', 'attendance', i, 'person'], a.person, ['person']);
        expect(doc, ['minutes', 'attendance', i, 'substitute_for'], a.substitute_for, ['person']);
      });
      minutes?.tasks?.forEach((t, i) => expect(doc, ['minutes', 'tasks', i, 'responsible'], t.responsible, ['person']));
      minutes?.corrections?.forEach((c, i) => expect(doc, ['minutes', 'corrections', i, 'by'], c.by, ['person']));
      expectEach(doc, ['minutes', 'adjusted', 'by'], minutes?.adjusted?.by, ['person']);
    }
    for (const { doc, data } of context.documents('assessment')) {
      expectEach(doc, ['subjects'], data.subjects, ['organization']);
      expect(doc, ['conducted_by'], data.conducted_by, ['person', 'group', 'organization']);
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
        d.actions?.forEach((ref, j) => refs.expectPlanItem(doc, ['development_areas', i, 'actions', j], ref, 'action'));
      });
    }
    refs.reportUnchecked();
  },
};
