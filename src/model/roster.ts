/** Who is in a group on a given day, and whom each member represents. */
import type { GroupDoc, Member, Organization, Person } from './index.js';

/** True if the member is in the group on `date` (from ≤ date ≤ until, either end open). */
export function isActiveOn(member: Member, date: string): boolean {
  return (member.from === undefined || member.from <= date) && (member.until == null || member.until >= date);
}

/** The members in the group on `date`, in roster order. */
export function activeMembers(group: GroupDoc, date: string): Member[] {
  return group.members.filter((m) => isActiveOn(m, date));
}

/** Roles that count towards a quorum: co-opted members and substitutes take part without a vote. */
export const VOTING_ROLES: ReadonlySet<string> = new Set(['chair', 'vice-chair', 'secretary', 'member']);

/** The members in the group on `date` who have a vote, in roster order. */
export function votingMembers(group: GroupDoc, date: string): Member[] {
  return activeMembers(group, date).filter((m) => VOTING_ROLES.has(m.role ?? 'member'));
}

/** The members who hold `role` in the group on `date`. */
export function holdersOn(group: GroupDoc, role: string, date: string): Member[] {
  return activeMembers(group, date).filter((m) => (m.role ?? 'member') === role);
}

/** How many members must be present on `date`: the group's number, or a majority of its voting members. */
export function quorumOf(group: GroupDoc, date: string): number | undefined {
  if (group.quorum === undefined) return undefined;
  if (group.quorum === 'majority') return Math.floor(votingMembers(group, date).length / 2) + 1;
  return group.quorum;
}

/**
 * The last member to hold `role` before `date` when nobody holds it on `date`: whose leaving left
 * the role empty. Undefined while someone holds it, or if nobody ever did.
 */
export function lastHolderBefore(group: GroupDoc, role: string, date: string): Member | undefined {
  if (holdersOn(group, role, date).length > 0) return undefined;
  const former = group.members.filter((m) => (m.role ?? 'member') === role && m.until != null && m.until < date);
  return former.sort((a, b) => (a.until! < b.until! ? -1 : a.until! > b.until! ? 1 : 0)).at(-1);
}

/** How a member is named in a sentence: "Name (id)", or the id alone when the person's name cannot be read. */
export function memberLabel(person: string, people: ReadonlyMap<string, { value: Person }>): string {
  const name: unknown = people.get(person)?.value.name;
  return typeof name === 'string' && name ? `${name} (${person})` : person;
}

/** The organisation a member represents: `represents`, or else the person's employer. */
export function representedOrganization(member: Member, people: ReadonlyMap<string, { value: Person }>): string | undefined {
  return member.represents ?? people.get(member.person)?.value.organization;
}

/**
 * The organisation and every organisation it is part of, nearest first (a förvaltning, then its
 * municipality). Stops at a cycle.
 */
export function organizationChain(id: string, organizations: ReadonlyMap<string, { value: Organization }>): string[] {
  const chain: string[] = [];
  let current: string | null | undefined = id;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = organizations.get(current)?.value.part_of;
  }
  return chain;
}
