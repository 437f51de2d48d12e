/** id/duplicate: two documents, or two items inside a plan or meeting, that share an id. */
import { locate, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import type { RuleModule } from './context.js';

const NAMESPACE_WORDS: Record<string, string> = {
  organisation: 'organisation',
  person: 'person',
  agreement: 'agreement',
  group: 'group',
  plan: 'plan',
  meeting: 'meeting',
  assessment: 'assessment',
};

/** "plans/a.yaml line 12", for pointing at the first definition from the second. */
function where(doc: SourceDocument, path: readonly PathSegment[]): string {
  return `${doc.file.rel} line ${locate(doc.yaml, doc.file.lineCounter, [...path, 'id']).line}`;
}

export const idRules: RuleModule = {
  rules: [
    {
      id: 'id/duplicate',
      severity: 'error',
      description: 'Two documents of a kind, or two items in one plan, meeting or assessment, share an id.',
      fullDescription:
        'References use ids, so two things with one id make every reference to it ambiguous: a meeting could be filed under the wrong group, a follow-up under the wrong action. Give one of them another id, and update the references that meant it.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: styrgrupp\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
  ],
  check(context) {
    for (const dup of context.workspace.index.duplicates) {
      const first = where(dup.first.doc, dup.first.path);
      const what = NAMESPACE_WORDS[dup.namespace];
      context.report(
        'id/duplicate',
        dup.again.doc,
        [...dup.again.path, 'id'],
        what
          ? `The ${what} id "${dup.id}" is already used in ${first}. Give this one another id; references to it would otherwise be ambiguous.`
          : `The id "${dup.id}" is already used in ${first}. Goals, sub-goals, indicators, phases and actions of a plan share one set of ids: give this one another.`,
      );
    }
    // Ids that only need to be unique inside one document.
    const inside = (doc: SourceDocument, list: unknown, path: PathSegment[], what: string) => {
      if (!Array.isArray(list)) return;
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const id = (item as { id?: unknown }).id;
        if (typeof id !== 'string') return;
        if (seen.has(id)) context.report('id/duplicate', doc, [...path, i, 'id'], `Two ${what} in this document have the id "${id}". Give each its own id.`);
        seen.add(id);
      });
    };
    for (const { doc, data } of context.documents('meeting')) inside(doc, data.minutes?.tasks, ['minutes', 'tasks'], 'tasks');
    for (const { doc, data } of context.documents('assessment')) {
      inside(doc, data.criteria, ['criteria'], 'criteria');
      inside(doc, data.development_areas, ['development_areas'], 'development areas');
    }
  },
};
