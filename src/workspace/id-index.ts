/**
 * The id index: every organisation, person and document by id, and every item of a plan by
 * its id within the plan. Built in one pass over the documents, so that cross-document rules
 * look ids up in constant time instead of searching.
 */
import type {
  AgreementDoc,
  AssessmentDoc,
  GroupDoc,
  MeetingDoc,
  Organization,
  Person,
  PlanDoc,
} from '../model/index.js';
import type { PathSegment } from './locate.js';
import type { SourceDocument } from './types.js';

/** Where an id is defined. */
export interface Entry<T = unknown> {
  id: string;
  doc: SourceDocument;
  /** Path of the defining object inside the document. */
  path: PathSegment[];
  value: T;
}

export type PlanItemType = 'goal' | 'subgoal' | 'indicator' | 'phase' | 'action';

export interface PlanItemEntry extends Entry {
  type: PlanItemType;
}

/** Namespaces whose ids must be unique in the workspace. */
export type Namespace = 'organization' | 'person' | 'agreement' | 'group' | 'plan' | 'meeting' | 'assessment';

/** The value type of each namespace's entries. */
export interface NamespaceValue {
  organization: Organization;
  person: Person;
  agreement: AgreementDoc;
  group: GroupDoc;
  plan: PlanDoc;
  meeting: MeetingDoc;
  assessment: AssessmentDoc;
}

export interface Duplicate {
  namespace: string;
  id: string;
  first: Entry;
  again: Entry;
}

export class IdIndex {
  readonly organizations = new Map<string, Entry<Organization>>();
  readonly people = new Map<string, Entry<Person>>();
  readonly agreements = new Map<string, Entry<AgreementDoc>>();
  readonly groups = new Map<string, Entry<GroupDoc>>();
  readonly plans = new Map<string, Entry<PlanDoc>>();
  readonly meetings = new Map<string, Entry<MeetingDoc>>();
  readonly assessments = new Map<string, Entry<AssessmentDoc>>();
  /** Items of each plan, by plan id and then item id. */
  readonly planItems = new Map<string, Map<string, PlanItemEntry>>();
  /** Every id defined twice in one namespace, in source order. */
  readonly duplicates: Duplicate[] = [];

  /** The map of a namespace. */
  of(namespace: Namespace): Map<string, Entry> {
    switch (namespace) {
      case 'organization': return this.organizations as Map<string, Entry>;
      case 'person': return this.people as Map<string, Entry>;
      case 'agreement': return this.agreements as Map<string, Entry>;
      case 'group': return this.groups as Map<string, Entry>;
      case 'plan': return this.plans as Map<string, Entry>;
      case 'meeting': return this.meetings as Map<string, Entry>;
      case 'assessment': return this.assessments as Map<string, Entry>;
    }
  }

  /**
   * The entries of a namespace whose document matched its schema. Only these may be read
   * beyond their id: an entry of an invalid document holds whatever the file holds (a text
   * where a list belongs), and conclusions drawn from it would be wrong or would crash.
   * Valid only once the schema rule has run.
   */
  valid<N extends Namespace>(namespace: N): ReadonlyMap<string, Entry<NamespaceValue[N]>> {
    const result = new Map<string, Entry<NamespaceValue[N]>>();
    for (const [id, entry] of this.of(namespace)) if (entry.doc.valid) result.set(id, entry as Entry<NamespaceValue[N]>);
    return result;
  }

  /** The entry of `id` if its document matched its schema; see `valid`. */
  validEntry<N extends Namespace>(namespace: N, id: string): Entry<NamespaceValue[N]> | undefined {
    const entry = this.of(namespace).get(id);
    return entry?.doc.valid ? (entry as Entry<NamespaceValue[N]>) : undefined;
  }

  /** True if `id` is defined in the namespace by a document that did not match its schema. */
  isInvalid(namespace: Namespace, id: string): boolean {
    const entry = this.of(namespace).get(id);
    return entry !== undefined && !entry.doc.valid;
  }

  /** Meetings of a group whose documents matched their schema, oldest first. */
  meetingsOf(groupId: string): Entry<MeetingDoc>[] {
    return [...this.meetings.values()]
      .filter((m) => m.doc.valid && m.value.group === groupId)
      .sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : 0));
  }

  /** Looks up `<plan-id>/<item-id>`. */
  planItem(ref: string): PlanItemEntry | undefined {
    const slash = ref.indexOf('/');
    if (slash < 0) return undefined;
    return this.planItems.get(ref.slice(0, slash))?.get(ref.slice(slash + 1));
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);

function add<T>(index: IdIndex, namespace: string, map: Map<string, Entry<T>>, entry: Entry<T>): void {
  const first = map.get(entry.id);
  if (first) index.duplicates.push({ namespace, id: entry.id, first, again: entry });
  else map.set(entry.id, entry);
}

function listOf(data: Record<string, unknown>, key: string): unknown[] {
  const v = data[key];
  return Array.isArray(v) ? v : [];
}

function indexPlanItems(index: IdIndex, doc: SourceDocument, plan: Record<string, unknown>, planId: string): void {
  const items = new Map<string, PlanItemEntry>();
  index.planItems.set(planId, items);
  const put = (type: PlanItemType, value: unknown, path: PathSegment[]) => {
    const id = idOf(value);
    if (!id) return;
    const entry: PlanItemEntry = { id, doc, path, value, type };
    const first = items.get(id);
    if (first) index.duplicates.push({ namespace: `item of plan ${planId}`, id, first, again: entry });
    else items.set(id, entry);
  };
  const indicators = (owner: unknown, path: PathSegment[]) => {
    if (!isRecord(owner)) return;
    listOf(owner, 'indicators').forEach((ind, i) => put('indicator', ind, [...path, 'indicators', i]));
  };
  listOf(plan, 'goals').forEach((goal, g) => {
    put('goal', goal, ['goals', g]);
    indicators(goal, ['goals', g]);
    if (isRecord(goal)) {
      listOf(goal, 'subgoals').forEach((sub, s) => {
        put('subgoal', sub, ['goals', g, 'subgoals', s]);
        indicators(sub, ['goals', g, 'subgoals', s]);
      });
    }
  });
  listOf(plan, 'phases').forEach((phase, p) => put('phase', phase, ['phases', p]));
  listOf(plan, 'actions').forEach((action, a) => put('action', action, ['actions', a]));
}

/** Builds the index from every document that names its kind, valid or not, so one typo doesn't hide an id. */
export function buildIdIndex(documents: readonly SourceDocument[]): IdIndex {
  const index = new IdIndex();
  for (const doc of documents) {
    const data = doc.data;
    if (!isRecord(data) || !doc.kind) continue;
    switch (doc.kind) {
      case 'organizations':
        listOf(data, 'organizations').forEach((o, i) => {
          const id = idOf(o);
          if (id) add(index, 'organisation', index.organizations, { id, doc, path: ['organizations', i], value: o as Organization });
        });
        break;
      case 'people':
        listOf(data, 'people').forEach((p, i) => {
          const id = idOf(p);
          if (id) add(index, 'person', index.people, { id, doc, path: ['people', i], value: p as Person });
        });
        break;
      case 'workspace':
        break;
      default: {
        const id = idOf(data);
        if (!id) break;
        const map = index.of(doc.kind as Namespace);
        add(index, doc.kind, map, { id, doc, path: [], value: data });
        if (doc.kind === 'plan' && map.get(id)?.doc === doc) indexPlanItems(index, doc, data, id);
      }
    }
  }
  return index;
}
