/**
 * What is confidential, decided in one place for every output: rendered documents and sites,
 * calendars and the status overview ask this module and never work it out themselves.
 *
 * Something is confidential when a case group or a group marked confidential owns it, when an
 * agenda item says so or carries a case code, and when a task, decision or note comes from such
 * an item. The module fails closed: whenever it cannot be sure, because a file did not load or
 * does not match its schema, an id is defined twice, or a reference names nothing, it answers
 * "withhold". Pure functions over plain data; the workspace layer says which documents loaded.
 */
import { findAgendaItem, type AgendaItemRef, type AgendaSource } from './agenda.js';

/** One definition of an id: the document's data and whether it matched its schema. */
export interface Definition {
  data: unknown;
  valid: boolean;
}

/** What the rules need to know of a workspace: every definition of every group and meeting id. */
export interface ConfidentialitySource {
  /** Group id → each document that defines it (more than one when the id is duplicated). */
  groups: ReadonlyMap<string, readonly Definition[]>;
  /** Meeting id → each document that defines it. */
  meetings: ReadonlyMap<string, readonly Definition[]>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The one trustworthy definition of an id, or undefined when it is missing, duplicated or invalid. */
function trusted(definitions: readonly Definition[] | undefined): Record<string, unknown> | undefined {
  if (!definitions || definitions.length !== 1) return undefined;
  const [only] = definitions;
  return only.valid && isRecord(only.data) ? only.data : undefined;
}

/**
 * True if an agenda item is confidential: marked `confidential` (anything but false), carrying a
 * `case` key (a case code is confidential whatever its value), or not an item at all.
 */
export function isConfidentialItem(item: unknown): boolean {
  if (!isRecord(item)) return true;
  if ('case' in item) return true;
  return item.confidential !== undefined && item.confidential !== false;
}

/**
 * True if a group's documents are for its members only: a case group, a group whose
 * confidentiality is not plainly open or internal, and any group that cannot be trusted.
 */
export function isConfidentialGroupDoc(group: unknown): boolean {
  if (!isRecord(group)) return true;
  if (group.type === 'case') return true;
  const level = group.confidentiality;
  return level !== undefined && level !== 'open' && level !== 'internal';
}

/**
 * The item a task, decision or note names by § number or id, as the agenda module resolves it for
 * every output. A reference that names no item, or more than one, gives undefined: an item that
 * cannot be trusted.
 */
function itemNamed(meeting: Record<string, unknown>, ref: unknown): unknown {
  if (meeting.items !== undefined && !Array.isArray(meeting.items)) return undefined;
  if (typeof ref !== 'string' && !Number.isInteger(ref)) return undefined;
  return findAgendaItem(meeting as AgendaSource, ref as AgendaItemRef)?.item;
}

/**
 * True if a meeting file is a complete record, as `meeting new` writes it: its items include the
 * formal ones (with a role), and so the standing items it had. Then nothing of the group's
 * standing items as they are now was on its agenda.
 */
function isCompleteRecord(items: readonly unknown[]): boolean {
  return items.some((item) => isRecord(item) && typeof item.role === 'string');
}

/**
 * True if any item of the meeting is confidential, or, in a meeting file written before meetings
 * were complete records, a standing item of its (trusted) group: then a task, decision or note
 * that names no item may come from one.
 */
export function hasConfidentialItems(meeting: object, group: object | undefined): boolean {
  const { items } = meeting as Record<string, unknown>;
  if (items !== undefined && !Array.isArray(items)) return true;
  if ((items ?? []).some(isConfidentialItem)) return true;
  if (isCompleteRecord((items ?? []) as unknown[])) return false;
  if (!group) return true;
  const standing = (group as Record<string, unknown>).standing_items;
  if (standing !== undefined && !Array.isArray(standing)) return true;
  return (standing ?? []).some(isConfidentialItem);
}

/** The answers for one workspace. */
export class Confidentiality {
  constructor(private readonly source: ConfidentialitySource) {}

  /** True if the group's own documents (its roster, its meetings) must be withheld from public output. */
  isConfidentialGroup(groupId: unknown): boolean {
    return isConfidentialGroupDoc(this.trustedGroup(groupId));
  }

  /** True if the meeting as a whole must be withheld: its group is confidential or cannot be trusted, or the meeting itself cannot. */
  isConfidentialMeeting(meetingId: unknown): boolean {
    const meeting = trusted(this.source.meetings.get(meetingId as string));
    return meeting === undefined || this.isConfidentialGroup(meeting.group);
  }

  /** True if an agenda item must be withheld (see isConfidentialItem). */
  isConfidentialItem(item: unknown): boolean {
    return isConfidentialItem(item);
  }

  /**
   * True if a task, decision or note of a meeting's minutes must be withheld: it comes from a
   * confidential item, names an item the meeting does not have, or names none in a meeting
   * where it might have come from a confidential item (its own or a standing item of its group).
   */
  isConfidentialRecord(meeting: unknown, record: unknown): boolean {
    if (!isRecord(meeting) || !isRecord(record)) return true;
    if (record.item !== undefined) return isConfidentialItem(itemNamed(meeting, record.item));
    return hasConfidentialItems(meeting, this.trustedGroup(meeting.group));
  }

  private trustedGroup(groupId: unknown): Record<string, unknown> | undefined {
    return trusted(this.source.groups.get(groupId as string));
  }
}

/** What one output may show: everything, or (public) nothing the module says is confidential. */
export class Disclosure {
  constructor(
    readonly confidentiality: Confidentiality,
    /** Output for people outside the groups. */
    readonly isPublic: boolean,
  ) {}

  /** True if a group's page may be part of this output. */
  showsGroup(groupId: unknown): boolean {
    return !this.isPublic || !this.confidentiality.isConfidentialGroup(groupId);
  }

  /** True if a meeting (its notice or minutes, its link, its place) may be part of this output. */
  showsMeeting(meetingId: unknown): boolean {
    return !this.isPublic || !this.confidentiality.isConfidentialMeeting(meetingId);
  }

  /** True if an agenda item may be shown in full; otherwise only its number and the withheld sentence. */
  showsItem(item: unknown): boolean {
    return !this.isPublic || !this.confidentiality.isConfidentialItem(item);
  }

  /** True if a task, decision or note of the minutes may be shown. */
  showsRecord(meeting: unknown, record: unknown): boolean {
    return !this.isPublic || !this.confidentiality.isConfidentialRecord(meeting, record);
  }
}
