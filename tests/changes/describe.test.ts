/**
 * Every kind of change compareDocument finds, one document's two versions at a time, with its
 * sentence in Swedish and English: the kinds the repository test (changes.test.ts) does not meet.
 */
import { describe, expect, it } from 'vitest';
import { compareDocument, type DocumentContext } from '../../src/changes/diff.js';
import { describeChange } from '../../src/changes/describe.js';
import { Confidentiality } from '../../src/model/confidentiality.js';
import type { DocumentKind } from '../../src/model/index.js';

const NAMES: Record<string, string> = { alfa: 'Alfa kommun', beta: 'Beta kommun', samordnare: 'Samordnaren' };
const context: DocumentContext = {
  names: { person: (id) => NAMES[id as string] ?? String(id), organization: (id) => NAMES[id as string] ?? String(id), group: (id) => String(id) },
  asOf: '2009-06-01',
  isConfidentialRecord: (meeting, record) => new Confidentiality({ groups: new Map(), meetings: new Map() }).isConfidentialRecord(meeting, record),
};

type Doc = Record<string, unknown> | undefined;
const plan = (actions: unknown[], goals: unknown[] = []): Doc => ({ kind: 'plan', id: 'p', goals, actions });
const action = (extra: Record<string, unknown>) => ({ id: 'a1', title: 'Rutiner', due: '2009-12-31', status: 'ongoing', ...extra });
const goal = (extra: Record<string, unknown>) => ({ id: 'm1', title: 'Stöd', ...extra });
const indicator = (extra: Record<string, unknown>) => ({ id: 'i1', name: 'Ärenden', direction: 'increase', ...extra });
const agreement = (extra: Record<string, unknown>) => ({ kind: 'agreement', id: 'avtal', parties: [{ organization: 'alfa' }, { organization: 'beta' }], term: { start: '2008-01-01' }, ...extra });
/** A meeting; `record` as `meeting new` writes one (formal items with roles), so no standing item of its group was on it. */
const meeting = (minutes?: Record<string, unknown>, record = true) => ({
  kind: 'meeting',
  id: 'm',
  group: 'g',
  date: '2009-05-14',
  items: [...(record ? [{ number: 1, title: 'Öppnande', role: 'opening' }] : []), { number: 2, title: 'Budget', type: 'decision' }],
  ...(minutes ? { minutes } : {}),
});

const CASES: Array<[string, DocumentKind, Doc, Doc, string[], string[]]> = [
  ['a document added', 'plan', undefined, plan([]), ['Ny handling.'], ['New document.']],
  ['keys written in another order: no change', 'plan', plan([action({ progress: 10 })]), { actions: [{ progress: 10, status: 'ongoing', due: '2009-12-31', title: 'Rutiner', id: 'a1' }], goals: [], id: 'p', kind: 'plan' }, [], []],
  ['a document removed', 'assessment', { kind: 'assessment', id: 'k' }, undefined, ['Handlingen togs bort.'], ['The document was removed.']],
  ['a change of nothing told', 'assessment', { kind: 'assessment', id: 'k', title: 'A' }, { kind: 'assessment', id: 'k', title: 'B' }, ['Ändrades i övrigt.'], ['Other details changed.']],
  ['an action without a due date added', 'plan', plan([]), plan([{ id: 'a9', title: 'Ny' }]), ['Ny åtgärd: Ny (a9).'], ['New action: Ny (a9).']],
  ['a due date one day earlier', 'plan', plan([action({})]), plan([action({ due: '2009-12-30' })]),
    ['Åtgärden Rutiner (a1) ska vara klar 30 december 2009 i stället för 31 december 2009, 1 dag tidigare.'],
    ['The action Rutiner (a1) is now due 30 December 2009 instead of 31 December 2009, 1 day earlier.']],
  ['a first progress', 'plan', plan([action({})]), plan([action({ progress: 20 })]), ['Åtgärden Rutiner (a1) har kommit till 20\u00a0%.'], ['The action Rutiner (a1) is now 20% done.']],
  ['other details of an action', 'plan', plan([action({})]), plan([action({ title: 'Gemensamma rutiner' })]),
    ['Åtgärden Gemensamma rutiner (a1) ändrades i övrigt.'], ['Other details of the action Gemensamma rutiner (a1) changed.']],
  ['a subgoal removed and a goal changed', 'plan', plan([], [goal({ subgoals: [{ id: 'd1', title: 'Rutiner' }] })]), plan([], [goal({ description: 'Mer' })]),
    ['Målet Stöd (m1) ändrades.', 'Delmålet Rutiner (d1) togs bort.'], ['The goal Stöd (m1) changed.', 'The subgoal Rutiner (d1) was removed.']],
  ['an indicator removed', 'plan', plan([], [goal({ indicators: [indicator({})] })]), plan([], [goal({})]), ['Indikatorn Ärenden (i1) togs bort.'], ['The indicator Ärenden (i1) was removed.']],
  ['an indicator changed, a first target, a measurement corrected', 'plan',
    plan([], [goal({ indicators: [indicator({ measurements: [{ period: '2008', value: 12 }] })] })]),
    plan([], [goal({ indicators: [indicator({ unit: 'antal', target: { period: '2010', value: 40 }, measurements: [{ period: '2008', value: 13.5 }] })] })]),
    ['Indikatorn Ärenden (i1) har fått målvärdet 40 till 2010.', 'Indikatorn Ärenden (i1) ändrades.', 'Mätningen av Ärenden (i1) för 2008 är nu 13,5 (förut 12).'],
    ['The indicator Ärenden (i1) now has the target 40 by 2010.', 'The indicator Ärenden (i1) changed.', 'The measurement of Ärenden (i1) for 2008 is now 13.5 (was 12).']],
  ['a party removed, another signed, the status and term', 'agreement', agreement({ status: 'draft' }),
    agreement({ status: 'active', parties: [{ organization: 'alfa', signed: '2008-02-01' }], term: { start: '2008-02-01', renewal: 'yearly', notice_months: 6 } }),
    ['Avtalets status: gäller (förut utkast).', 'Alfa kommun skrev under 1 februari 2008.', 'Beta kommun är inte längre part.',
      'Avtalstiden, startdag: 1 februari 2008 (förut 1 januari 2008).', 'Avtalstiden, förlängning: förlängs ett år i taget om det inte sägs upp (förut ingen).', 'Avtalstiden, uppsägningstid i månader: 6 (förut ingen).'],
    ['Agreement status: in force (was draft).', 'Alfa kommun signed on 1 February 2008.', 'Beta kommun is no longer a party.',
      'Term, start: 1 February 2008 (was 1 January 2008).', 'Term, renewal: renewed a year at a time unless terminated (was none).', 'Term, notice in months: 6 (was none).']],
  ['cost sharing with a party added and one left out', 'agreement', agreement({ resources: { cost_sharing: [{ organization: 'alfa', share: 100 }] } }),
    agreement({ resources: { cost_sharing: [{ organization: 'beta', share: 100 }] } }),
    ['Kostnadsfördelningen: Alfa kommun är inte längre med (förut 100\u00a0%).', 'Kostnadsfördelningen: Beta kommun står nu för 100\u00a0%.'],
    ['Cost sharing: Alfa kommun no longer takes part (was 100%).', 'Cost sharing: Beta kommun now pays 100%.']],
  ['a meeting planned', 'meeting', undefined, meeting(), ['Nytt möte 14 maj 2009 (kallelse).'], ['New meeting on 14 May 2009 (notice).']],
  ['minutes adjusted, a task done, a decision and a correction added', 'meeting',
    meeting({ tasks: [{ id: 't1', item: 2, title: 'Skicka budgeten', done: false }] }),
    meeting({
      status: 'adjusted',
      adjusted: { date: '2009-05-20', by: ['samordnare'] },
      decisions: [{ item: 2, text: 'Budgeten fastställs.' }],
      tasks: [{ id: 't1', item: 2, title: 'Skicka budgeten', done: true }],
      corrections: [{ date: '2009-06-01', item: 2, text: 'Beloppet ska vara 600 000 kr.' }],
    }),
    ['Protokollet justerades 20 maj 2009.', 'Beslut (§ 2): Budgeten fastställs.', 'Uppgiften Skicka budgeten är klar.', 'Rättelse i protokollet 1 juni 2009: Beloppet ska vara 600 000 kr.'],
    ['The minutes were adjusted on 20 May 2009.', 'Decision (§ 2): Budgeten fastställs.', 'The task Skicka budgeten is done.', 'Correction to the minutes, 1 June 2009: Beloppet ska vara 600 000 kr.']],
  ['minutes whose records name no item', 'meeting', meeting(undefined, false),
    meeting({ decisions: [{ text: 'Något.' }], tasks: [{ id: 't1', title: 'Uppgift' }] }, false),
    ['Mötet 14 maj 2009 hölls.', 'Beslut: Något.', 'Ny uppgift: Uppgift.'],
    ['The meeting on 14 May 2009 was held.', 'Decision: Något.', 'New task: Uppgift.']],
];

describe('compareDocument and describeChange', () => {
  it.each(CASES)('%s', (_name, kind, before, after, sv, en) => {
    const changes = compareDocument(kind, before, after, context);
    expect(changes.map((c) => describeChange(c, 'sv'))).toEqual(sv);
    expect(changes.map((c) => describeChange(c, 'en'))).toEqual(en);
  });

  it('marks what may come from a confidential item (a record naming no item, of a group it cannot trust), and everything of a confidential document, as confidential', () => {
    const [before, after] = CASES.at(-1)!.slice(2) as [Doc, Doc];
    expect(compareDocument('meeting', before, after, context).map((c) => c.confidential)).toEqual([false, true, true]);
    // In a complete record (formal items with roles) a record naming no item comes from none of them.
    const complete = compareDocument('meeting', meeting(), meeting({ decisions: [{ text: 'Något.' }] }), context);
    expect(complete.map((c) => c.confidential)).toEqual([false, false]);
    expect(compareDocument('group', undefined, { kind: 'group', id: 'g' }, { ...context, confidential: true }).every((c) => c.confidential)).toBe(true);
  });
});
