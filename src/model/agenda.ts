/**
 * A meeting's agenda, decided in one place: the items exactly as the meeting file records them,
 * each with its § number. Rendering, the rules, `meeting new` and the minutes commands ask this
 * module, so that "§ 7" or an item id means the same item everywhere.
 *
 * The meeting file is the record: nothing here looks at the group, at other meetings or at the
 * date, so an agenda once written numbers the same way for ever.
 */
import { rawSchema } from '../schema/index.js';
import type { AgendaItem, MeetingDoc } from './index.js';

/** The formal items `meeting new` writes (opening, adjusters, …), as the schema lists them. */
export type AgendaRole = NonNullable<AgendaItem['role']>;

/** One item of the agenda with the § number it is printed with. */
export interface AgendaRecordItem {
  /** The § number: the item's `number`, or one after the item before it (first_number for the first). */
  number: number;
  item: AgendaItem;
  /** The item's place in the meeting file's items (0-based). */
  index: number;
}

/** What agendaOf needs of a meeting: its items and where their numbering starts. */
export type AgendaSource = Pick<MeetingDoc, 'items' | 'first_number'>;

/** A reference to an agenda item from the minutes: its § number, or its id. */
export type AgendaItemRef = number | string;

function schemaRoles(): readonly AgendaRole[] {
  const definitions = rawSchema('common').definitions as Record<string, { properties: Record<string, { enum?: string[] }> }>;
  return (definitions.agenda_item.properties.role.enum ?? []) as AgendaRole[];
}

/** Every formal role, in the order the agenda has them (the schema's order). */
export const AGENDA_ROLES: readonly AgendaRole[] = schemaRoles();

/** Formal items that come before the meeting's own business. */
export const OPENING_ROLES: readonly AgendaRole[] = AGENDA_ROLES.slice(0, AGENDA_ROLES.indexOf('follow-up') + 1);

/** Formal items that come after it. */
export const CLOSING_ROLES: readonly AgendaRole[] = AGENDA_ROLES.slice(AGENDA_ROLES.indexOf('follow-up') + 1);

/** True for a value the schema allows as an item's role. */
export function isAgendaRole(value: unknown): value is AgendaRole {
  return typeof value === 'string' && (AGENDA_ROLES as readonly string[]).includes(value);
}

/** The meeting's agenda: every item of the file in file order, with its § number. */
export function agendaOf(meeting: AgendaSource): AgendaRecordItem[] {
  const items: readonly AgendaItem[] = Array.isArray(meeting.items) ? meeting.items : [];
  const first = Number.isInteger(meeting.first_number) && (meeting.first_number as number) >= 1 ? (meeting.first_number as number) : 1;
  let next = first;
  return items.map((item, index) => {
    const number = Number.isInteger(item?.number) && (item.number as number) >= 1 ? (item.number as number) : next;
    next = number + 1;
    return { number, item, index };
  });
}

/** Every item a reference could mean: those with that § number (a number) or that id (text). */
export function agendaItemsNamed(meeting: AgendaSource, ref: unknown): AgendaRecordItem[] {
  if (typeof ref === 'number') return agendaOf(meeting).filter((entry) => entry.number === ref);
  if (typeof ref === 'string') return agendaOf(meeting).filter((entry) => entry.item?.id === ref);
  return [];
}

/**
 * The agenda item a decision, note or task names by § number or id, or undefined when the
 * reference names no item or more than one (then it cannot say which one it means).
 */
export function findAgendaItem(meeting: AgendaSource, ref: AgendaItemRef): AgendaRecordItem | undefined {
  const named = agendaItemsNamed(meeting, ref);
  return named.length === 1 ? named[0] : undefined;
}

/** The agenda's first item with a formal role, if it has one. */
export function itemWithRole(meeting: AgendaSource, role: AgendaRole): AgendaRecordItem | undefined {
  return agendaOf(meeting).find((entry) => entry.item?.role === role);
}

/** True if a record is attached to this agenda entry: its `item` names exactly this one. */
export function isRecordedUnder(meeting: AgendaSource, record: { item?: AgendaItemRef }, entry: AgendaRecordItem): boolean {
  return record.item !== undefined && findAgendaItem(meeting, record.item)?.index === entry.index;
}

/** The next meeting as the minutes record it; null when they name none. Nothing else decides it. */
export function recordedNextMeeting(meeting: Pick<MeetingDoc, 'minutes'>): NonNullable<NonNullable<MeetingDoc['minutes']>['next_meeting']> | null {
  return meeting.minutes?.next_meeting ?? null;
}
