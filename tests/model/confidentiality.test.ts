/**
 * The confidentiality module as a table: each way of being confidential, each way of being in
 * doubt, and what is plainly open. Runs in milliseconds, and is the test that mutation testing
 * holds the module to.
 */
import { describe, expect, it } from 'vitest';
import { Confidentiality, Disclosure, isConfidentialGroupDoc, isConfidentialItem, type Definition } from '../../src/model/confidentiality.js';

const open = { id: 'styrgrupp', type: 'steering', confidentiality: 'open', standing_items: [{ title: 'Rapport' }] };
const internal = { id: 'intern', type: 'working', confidentiality: 'internal' };
const unmarked = { id: 'natverk', type: 'network' };
const caseGroup = { id: 'arende', type: 'case', confidentiality: 'confidential' };
const confidentialWorking = { id: 'skyddat', type: 'working', confidentiality: 'confidential' };
const caseStanding = { id: 'med-arende', type: 'steering', standing_items: [{ title: 'x', case: 'Ä-1' }] };

const def = (data: unknown, valid = true): Definition => ({ data, valid });

function source(groups: Record<string, Definition[]>, meetings: Record<string, Definition[]> = {}) {
  return new Confidentiality({ groups: new Map(Object.entries(groups)), meetings: new Map(Object.entries(meetings)) });
}

const groups = {
  styrgrupp: [def(open)],
  intern: [def(internal)],
  natverk: [def(unmarked)],
  arende: [def(caseGroup)],
  skyddat: [def(confidentialWorking)],
  trasig: [def({ ...open, id: 'trasig' }, false)],
  dubbel: [def({ ...open, id: 'dubbel' }), def({ ...open, id: 'dubbel' })],
  'dubbel-arende': [def({ ...open, id: 'dubbel-arende' }), def({ ...caseGroup, id: 'dubbel-arende' })],
  'inte-karta': [def(['styrgrupp'])],
  'med-arende': [def(caseStanding)],
  'udda-staende': [def({ ...open, id: 'udda-staende', standing_items: { title: 'x' } })],
  'blandat-staende': [def({ ...open, id: 'blandat-staende', standing_items: [{ title: 'Rapport' }, { title: 'Ärende', confidential: true }] })],
};

describe('isConfidentialItem', () => {
  it.each([
    ['an item marked confidential', { title: 'x', confidential: true }, true],
    ['an item with a case code', { title: 'x', case: 'Ä-2009-003' }, true],
    ['a case code that is empty', { title: 'x', case: '' }, true],
    ['a case key without a value', { title: 'x', case: null }, true],
    ['confidential written as a text', { title: 'x', confidential: 'ja' }, true],
    ['confidential: null', { title: 'x', confidential: null }, true],
    ['confidential: 0', { title: 'x', confidential: 0 }, true],
    ['not an item but a text', 'Ärende Ä-1', true],
    ['not an item but a list', [{ title: 'x' }], true],
    ['nothing', undefined, true],
    ['null', null, true],
    ['an open item', { title: 'Budget' }, false],
    ['an item marked not confidential', { title: 'Budget', confidential: false }, false],
  ])('%s → %s', (_name, item, expected) => {
    expect(isConfidentialItem(item)).toBe(expected);
  });
});

describe('isConfidentialGroupDoc', () => {
  it.each([
    ['a case group', caseGroup, true],
    ['a case group not marked confidential', { type: 'case', confidentiality: 'open' }, true],
    ['a working group marked confidential', confidentialWorking, true],
    ['a confidentiality level that is misspelt', { type: 'working', confidentiality: 'hemlig' }, true],
    ['confidentiality: null', { type: 'working', confidentiality: null }, true],
    ['not a group', 'styrgrupp', true],
    ['null', null, true],
    ['an open steering group', open, false],
    ['an internal working group', internal, false],
    ['a group that says nothing of confidentiality', unmarked, false],
  ])('%s → %s', (_name, group, expected) => {
    expect(isConfidentialGroupDoc(group)).toBe(expected);
  });
});

describe('Confidentiality.isConfidentialGroup', () => {
  const c = source(groups);
  it.each([
    ['styrgrupp', false],
    ['intern', false],
    ['natverk', false],
    ['arende', true],
    ['skyddat', true],
    ['trasig', true],
    ['dubbel', true],
    ['dubbel-arende', true],
    ['inte-karta', true],
    ['okand', true],
    [42, true],
    [undefined, true],
  ])('%s → %s', (id, expected) => {
    expect(c.isConfidentialGroup(id)).toBe(expected);
  });
});

describe('Confidentiality.isConfidentialMeeting', () => {
  const meeting = (id: string, group: unknown) => ({ id, group, date: '2009-05-14', items: [] });
  const c = source(groups, {
    'styrgrupp-1': [def(meeting('styrgrupp-1', 'styrgrupp'))],
    'arende-1': [def(meeting('arende-1', 'arende'))],
    'skyddat-1': [def(meeting('skyddat-1', 'skyddat'))],
    'trasig-grupp': [def(meeting('trasig-grupp', 'trasig'))],
    'okand-grupp': [def(meeting('okand-grupp', 'okand'))],
    'dubbel-grupp': [def(meeting('dubbel-grupp', 'dubbel'))],
    'trasigt-mote': [def(meeting('trasigt-mote', 'styrgrupp'), false)],
    'dubbelt-mote': [def(meeting('dubbelt-mote', 'styrgrupp')), def(meeting('dubbelt-mote', 'arende'))],
    'grupp-som-tal': [def(meeting('grupp-som-tal', 7))],
    'inte-karta': [def('styrgrupp-1')],
  });
  it.each([
    ['styrgrupp-1', false],
    ['arende-1', true],
    ['skyddat-1', true],
    ['trasig-grupp', true],
    ['okand-grupp', true],
    ['dubbel-grupp', true],
    ['trasigt-mote', true],
    ['dubbelt-mote', true],
    ['grupp-som-tal', true],
    ['inte-karta', true],
    ['finns-inte', true],
    [null, true],
  ])('%s → %s', (id, expected) => {
    expect(c.isConfidentialMeeting(id)).toBe(expected);
  });
});

describe('Confidentiality.isConfidentialRecord', () => {
  const c = source(groups);
  const items = [{ title: 'Budget' }, { title: 'Ärende', confidential: true }, { title: 'Ärende', case: 'Ä-1' }];
  const withSecrets = { group: 'styrgrupp', items };
  const openOnly = { group: 'styrgrupp', items: [{ title: 'Budget' }, { title: 'Rutiner' }] };
  const withIds = { group: 'styrgrupp', items: [{ title: 'Budget', id: 'budget' }, { title: 'Ärende', id: 'arende', confidential: true }] };
  it.each([
    ['from an open item', withSecrets, { item: 1, title: 't' }, false],
    ['from a confidential item', withSecrets, { item: 2, title: 't' }, true],
    ['from an item with a case code', withSecrets, { item: 3, title: 't' }, true],
    ['from an item the meeting does not have', openOnly, { item: 3, title: 't' }, true],
    ['from item 0', openOnly, { item: 0, title: 't' }, true],
    ['from an item given as a text', openOnly, { item: '1', title: 't' }, true],
    ['from an item given as a fraction', openOnly, { item: 1.5, title: 't' }, true],
    ['naming no item, in a meeting with confidential items', withSecrets, { title: 't' }, true],
    ['naming no item, in a meeting with only open items', openOnly, { title: 't' }, false],
    ['naming no item, in a meeting without items', { group: 'styrgrupp' }, { title: 't' }, false],
    ['naming no item, in an open meeting of a group without standing items', { group: 'natverk', items: [{ title: 'Budget' }] }, { title: 't' }, false],
    ['naming no item, when one of the standing items is confidential', { group: 'blandat-staende', items: [{ title: 'Budget' }] }, { title: 't' }, true],
    ['from item 1 of a meeting without items', { group: 'styrgrupp' }, { item: 1, title: 't' }, true],
    ['from the last item', withSecrets, { item: 3, title: 't' }, true],
    ['from item 2 of two open items', openOnly, { item: 2, title: 't' }, false],
    ['from item -1', openOnly, { item: -1, title: 't' }, true],
    ['naming item: null', openOnly, { item: null, title: 't' }, true],
    ['naming no item, when items is not a list', { group: 'styrgrupp', items: 'Budget' }, { title: 't' }, true],
    ['naming no item, when the group has a standing case item', { group: 'med-arende', items: [] }, { title: 't' }, true],
    ['naming no item, when the group cannot be trusted', { group: 'trasig', items: [] }, { title: 't' }, true],
    ['naming no item, when the group is unknown', { group: 'okand', items: [] }, { title: 't' }, true],
    ['naming no item, when the group names no group', { items: [] }, { title: 't' }, true],
    ['naming no item, when standing items is not a list', { group: 'udda-staende', items: [] }, { title: 't' }, true],
    ['that is not a record', openOnly, 'Boka lokal', true],
    ['of a meeting that is not a meeting', 'styrgrupp-1', { item: 1, title: 't' }, true],
    ['from an open item named by its id', withIds, { item: 'budget', title: 't' }, false],
    ['from a confidential item named by its id', withIds, { item: 'arende', title: 't' }, true],
    ['from an id no item has', withIds, { item: 'ekonomi', title: 't' }, true],
    ['from an id two items have, one of them confidential', { group: 'styrgrupp', items: [{ title: 'A', id: 'x' }, { title: 'B', id: 'x', confidential: true }] }, { item: 'x', title: 't' }, true],
    ['from an id two open items have', { group: 'styrgrupp', items: [{ title: 'A', id: 'x' }, { title: 'B', id: 'x' }] }, { item: 'x', title: 't' }, true],
    ['from the § number of an open item, counted from first_number', { ...withIds, first_number: 5 }, { item: 5, title: 't' }, false],
    ['from the § number of a confidential item, counted from first_number', { ...withIds, first_number: 5 }, { item: 6, title: 't' }, true],
    ['from a place in the file that is not the § number, counted from first_number', { ...withIds, first_number: 5 }, { item: 1, title: 't' }, true],
    ['from an explicit § number of a confidential item', { group: 'styrgrupp', items: [{ title: 'A', number: 3 }, { title: 'B', number: 9, case: 'Ä-2' }] }, { item: 9, title: 't' }, true],
    ['from a § number two items have, one of them confidential', { group: 'styrgrupp', items: [{ title: 'A', number: 3 }, { title: 'B', number: 3, confidential: true }] }, { item: 3, title: 't' }, true],
    ['from a formal item (role) that is open', { group: 'styrgrupp', items: [{ title: 'Mötets öppnande', role: 'opening' }, ...items] }, { item: 1, title: 't' }, false],
    ['naming no item, in a complete record with only open items, when the group has a standing case item now', { group: 'med-arende', items: [{ title: 'Mötets öppnande', role: 'opening' }, { title: 'Budget' }] }, { title: 't' }, false],
    ['naming no item, in a complete record of a group that cannot be trusted', { group: 'trasig', items: [{ title: 'Mötets öppnande', role: 'opening' }] }, { title: 't' }, false],
    ['naming no item, in a complete record with a confidential item', { group: 'styrgrupp', items: [{ title: 'Mötets öppnande', role: 'opening' }, { title: 'Ärende', case: 'Ä-1' }] }, { title: 't' }, true],
    ['naming no item, when only a role that is not text makes it look like a record', { group: 'med-arende', items: [{ title: 'x', role: 1 }] }, { title: 't' }, true],
    ['from an item whose number comes after a formal item', { group: 'styrgrupp', items: [{ title: 'Mötets öppnande', role: 'opening' }, ...items] }, { item: 3, title: 't' }, true],
  ])('%s → %s', (_name, meeting, record, expected) => {
    expect(c.isConfidentialRecord(meeting, record)).toBe(expected);
  });
});

describe('Disclosure', () => {
  const c = source(groups, {
    'styrgrupp-1': [def({ id: 'styrgrupp-1', group: 'styrgrupp', items: [{ title: 'a' }, { title: 'b', confidential: true }] })],
    'arende-1': [def({ id: 'arende-1', group: 'arende' })],
  });
  const meeting = { group: 'styrgrupp', items: [{ title: 'a' }, { title: 'b', confidential: true }] };

  it('shows everything in internal output', () => {
    const d = new Disclosure(c, false);
    expect([d.showsGroup('arende'), d.showsMeeting('arende-1'), d.showsItem({ title: 'b', case: 'Ä-1' }), d.showsRecord(meeting, { item: 2 })]).toEqual([true, true, true, true]);
    expect(d.isPublic).toBe(false);
  });

  it('in public output shows only what is plainly open', () => {
    const d = new Disclosure(c, true);
    expect([d.showsGroup('styrgrupp'), d.showsGroup('arende'), d.showsGroup('okand')]).toEqual([true, false, false]);
    expect([d.showsMeeting('styrgrupp-1'), d.showsMeeting('arende-1'), d.showsMeeting('okand')]).toEqual([true, false, false]);
    expect([d.showsItem({ title: 'a' }), d.showsItem({ title: 'b', confidential: true })]).toEqual([true, false]);
    expect([d.showsRecord(meeting, { item: 1 }), d.showsRecord(meeting, { item: 2 }), d.showsRecord(meeting, {})]).toEqual([true, false, false]);
  });
});
