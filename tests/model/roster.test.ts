/**
 * The roster on a date, the one home of who sits in a group when: who holds a role (a chair who
 * joins later does not chair today), the voting members and the quorum, and whose leaving left a
 * role empty.
 */
import { describe, expect, it } from 'vitest';
import type { GroupDoc } from '../../src/model/index.js';
import { holdersOn, lastHolderBefore, memberLabel, quorumOf, votingMembers } from '../../src/model/roster.js';

const group = (members: GroupDoc['members'], quorum?: GroupDoc['quorum']): GroupDoc =>
  ({ kind: 'group', id: 'g', name: 'Gruppen', type: 'working', members, ...(quorum === undefined ? {} : { quorum }) }) as GroupDoc;

describe('roster on a date', () => {
  const roster = group([
    { person: 'gammal', role: 'chair', until: '2009-03-31' },
    { person: 'ny', role: 'chair', from: '2009-04-01' },
    { person: 'a', role: 'member' },
    { person: 'b' },
    { person: 'c', role: 'co-opted' },
    { person: 'd', role: 'substitute' },
    { person: 'sekr', role: 'secretary', until: '2009-05-31' },
  ]);

  it('holders of a role: the one in office that day, neither a former nor a future one', () => {
    expect(holdersOn(roster, 'chair', '2009-03-31').map((m) => m.person)).toEqual(['gammal']);
    expect(holdersOn(roster, 'chair', '2009-04-01').map((m) => m.person)).toEqual(['ny']);
    expect(holdersOn(roster, 'member', '2009-06-01').map((m) => m.person)).toEqual(['a', 'b']);
  });

  it('voting members and the quorum: co-opted members and substitutes have no vote', () => {
    expect(votingMembers(roster, '2009-06-01').map((m) => m.person)).toEqual(['ny', 'a', 'b']);
    expect(quorumOf(group(roster.members, 'majority'), '2009-06-01')).toBe(2);
    expect(quorumOf(group(roster.members, 4), '2009-06-01')).toBe(4);
    expect(quorumOf(roster, '2009-06-01')).toBeUndefined();
  });

  it('whose leaving left a role empty, and only while it is empty', () => {
    expect(lastHolderBefore(roster, 'secretary', '2009-06-01')?.person).toBe('sekr');
    expect(lastHolderBefore(roster, 'secretary', '2009-05-31')).toBeUndefined();
    expect(lastHolderBefore(roster, 'chair', '2009-06-01')).toBeUndefined();
    expect(lastHolderBefore(roster, 'vice-chair', '2009-06-01')).toBeUndefined();
  });

  it('names a member by name and id, or by id when the name cannot be read', () => {
    const people = new Map([['a', { value: { id: 'a', name: 'Anna Andersson', organization: 'x' } }], ['b', { value: { id: 'b', name: 42 as unknown as string, organization: 'x' } }]]);
    expect(memberLabel('a', people)).toBe('Anna Andersson (a)');
    expect(memberLabel('b', people)).toBe('b');
    expect(memberLabel('okand', people)).toBe('okand');
  });
});
