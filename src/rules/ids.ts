/** id/duplicate: two documents, or two items inside a plan or meeting, that share an id. */
import { locateIn, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import { messages } from '../i18n/messages.js';
import { defineRules } from './context.js';
import { phrase } from './words.js';

const say = messages('rules/ids', {
  at: { sv: '{file} rad {line}', en: '{file} line {line}' },
  organisation: { sv: 'organisation', en: 'organisation' },
  person: { sv: 'person', en: 'person' },
  agreement: { sv: 'överenskommelse', en: 'agreement' },
  group: { sv: 'grupp', en: 'group' },
  plan: { sv: 'plan', en: 'plan' },
  meeting: { sv: 'sammanträde', en: 'meeting' },
  assessment: { sv: 'kartläggning', en: 'assessment' },
  tasks: { sv: 'uppgifter', en: 'tasks' },
  criteria: { sv: 'kriterier', en: 'criteria' },
  developmentAreas: { sv: 'utvecklingsområden', en: 'development areas' },
});

/** The namespaces whose ids are the ids of whole documents, as the finding names them. */
const NAMESPACE_WORDS = new Set(['organisation', 'person', 'agreement', 'group', 'plan', 'meeting', 'assessment'] as const);
type DocumentNamespace = typeof NAMESPACE_WORDS extends Set<infer T> ? T : never;

/** "plans/a.yaml line 12", for pointing at the first definition from the second. */
function where(doc: SourceDocument, path: readonly PathSegment[]) {
  return phrase(say, 'at', { file: doc.file.rel, line: locateIn(doc, [...path, 'id']).line });
}

export const idRules = defineRules({
  rules: [
    {
      id: 'id/duplicate',
      severity: 'error',
      description: {
        sv: 'Två dokument av samma slag, eller två poster i samma plan, sammanträde eller kartläggning, har samma id.',
        en: 'Two documents of a kind, or two items in one plan, meeting or assessment, share an id.',
      },
      fullDescription: {
        sv: 'Hänvisningar görs med id:n, så två saker med samma id gör varje hänvisning till det tvetydig: ett sammanträde kan hamna under fel grupp, en uppföljning under fel åtgärd. Ge en av dem ett annat id, och uppdatera de hänvisningar som avsåg den.',
        en: 'References use ids, so two things with one id make every reference to it ambiguous: a meeting could be filed under the wrong group, a follow-up under the wrong action. Give one of them another id, and update the references that meant it.',
      },
      messages: {
        duplicate: {
          sv: 'Id:t "{id}" ({what}) används redan i {first}. Ge den här ett annat id; annars blir hänvisningar till det tvetydiga.',
          en: 'The {what} id "{id}" is already used in {first}. Give this one another id; references to it would otherwise be ambiguous.',
        },
        duplicatePlanItem: {
          sv: 'Id:t "{id}" används redan i {first}. En plans mål, delmål, indikatorer, faser och åtgärder delar på samma id:n: ge den här ett annat.',
          en: 'The id "{id}" is already used in {first}. Goals, sub-goals, indicators, phases and actions of a plan share one set of ids: give this one another.',
        },
        duplicateInside: {
          sv: 'Två {what} i det här dokumentet har id:t "{id}". Ge var och en ett eget id.',
          en: 'Two {what} in this document have the id "{id}". Give each its own id.',
        },
      },
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
      const namespace = dup.namespace as DocumentNamespace;
      const what = NAMESPACE_WORDS.has(namespace) ? phrase(say, namespace) : undefined;
      context.report('id/duplicate', dup.again.doc, [...dup.again.path, 'id'], what ? 'duplicate' : 'duplicatePlanItem', { what, id: dup.id, first });
    }
    // Ids that only need to be unique inside one document.
    const inside = (doc: SourceDocument, list: unknown, path: PathSegment[], what: 'tasks' | 'criteria' | 'developmentAreas') => {
      if (!Array.isArray(list)) return;
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const id = (item as { id?: unknown }).id;
        if (typeof id !== 'string') return;
        if (seen.has(id)) context.report('id/duplicate', doc, [...path, i, 'id'], 'duplicateInside', { what: phrase(say, what), id });
        seen.add(id);
      });
    };
    for (const { doc, data } of context.documents('meeting')) inside(doc, data.minutes?.tasks, ['minutes', 'tasks'], 'tasks');
    for (const { doc, data } of context.documents('assessment')) {
      inside(doc, data.criteria, ['criteria'], 'criteria');
      inside(doc, data.development_areas, ['development_areas'], 'developmentAreas');
    }
  },
});
