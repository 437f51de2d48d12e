/** The agenda as a table: how items are numbered, and what a § number or an id names. */
import { describe, expect, it } from 'vitest';
import { AGENDA_ROLES, CLOSING_ROLES, OPENING_ROLES, agendaItemsNamed, agendaOf, findAgendaItem, isAgendaRole, itemWithRole } from '../../src/model/agenda.js';
import { rawSchema } from '../../src/schema/index.js';
import type { AgendaItem, MeetingDoc } from '../../src/model/index.js';

const items = (...titles: Array<string | AgendaItem>): AgendaItem[] => titles.map((t) => (typeof t === 'string' ? { title: t } : t));
const numbers = (meeting: Pick<MeetingDoc, 'items' | 'first_number'>) => agendaOf(meeting).map((e) => e.number);

describe('agendaOf numbers the items', () => {
  it.each<[string, Pick<MeetingDoc, 'items' | 'first_number'>, number[]]>([
    ['no items', {}, []],
    ['in file order from 1', { items: items('a', 'b', 'c') }, [1, 2, 3]],
    ['from first_number', { first_number: 5, items: items('a', 'b', 'c') }, [5, 6, 7]],
    ['an explicit number, and the next one after it', { items: items('a', { title: 'b', number: 10 }, 'c') }, [1, 10, 11]],
    ['explicit numbers throughout', { first_number: 3, items: items({ title: 'a', number: 21 }, { title: 'b', number: 22 }) }, [21, 22]],
    ['a number that goes back (kept as written)', { items: items('a', 'b', { title: 'c', number: 1 }, 'd') }, [1, 2, 1, 2]],
    ['a first_number that is not a whole number counts from 1', { first_number: 0, items: items('a') }, [1]],
  ])('%s', (_name, meeting, expected) => {
    expect(numbers(meeting)).toEqual(expected);
  });

  it('keeps each item and its place in the file', () => {
    const agenda = agendaOf({ first_number: 4, items: items('a', 'b') });
    expect(agenda).toEqual([
      { number: 4, item: { title: 'a' }, index: 0 },
      { number: 5, item: { title: 'b' }, index: 1 },
    ]);
  });
});

describe('findAgendaItem', () => {
  const meeting = { first_number: 5, items: items({ title: 'Öppnande', role: 'opening' }, { title: 'Budget', id: 'budget' }, 'Rapport', { title: 'Avslutande', role: 'closing', number: 5 }) };
  it.each<[string, number | string, string | undefined]>([
    ['a § number', 6, 'Budget'],
    ['the next § number', 7, 'Rapport'],
    ['an id', 'budget', 'Budget'],
    ['a number before the first', 1, undefined],
    ['a number after the last', 8, undefined],
    ['an id that no item has', 'ekonomi', undefined],
    ['a § number two items have (ambiguous)', 5, undefined],
    ['a number written as text is an id, not a number', '6', undefined],
  ])('%s', (_name, ref, title) => {
    expect(findAgendaItem(meeting, ref)?.item.title).toBe(title);
  });

  it('lists every item an ambiguous reference could mean', () => {
    expect(agendaItemsNamed(meeting, 5).map((e) => e.item.title)).toEqual(['Öppnande', 'Avslutande']);
    expect(agendaItemsNamed(meeting, null)).toEqual([]);
  });

  it('finds a formal item by its role', () => {
    expect(itemWithRole(meeting, 'closing')?.number).toBe(5);
    expect(itemWithRole(meeting, 'next')).toBeUndefined();
  });
});

describe('roles', () => {
  it('come from the schema, opening ones up to follow-up and closing ones after', () => {
    const schemaEnum = (rawSchema('common').definitions as Record<string, { properties: { role: { enum: string[] } } }>).agenda_item.properties.role.enum;
    expect(AGENDA_ROLES).toEqual(schemaEnum);
    expect([...OPENING_ROLES, ...CLOSING_ROLES]).toEqual(schemaEnum);
    expect(OPENING_ROLES).toEqual(['opening', 'adjusters', 'agenda', 'previous', 'follow-up']);
    expect(CLOSING_ROLES).toEqual(['other', 'next', 'closing']);
    expect(isAgendaRole('next')).toBe(true);
    expect(isAgendaRole('standing')).toBe(false);
  });
});
