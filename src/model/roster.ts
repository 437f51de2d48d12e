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
