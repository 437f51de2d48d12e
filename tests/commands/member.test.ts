import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addMember, removeMember } from '../../src/commands/member.js';
import { EditConflictError, NotFoundError, UsageError } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';
import { lineDiff } from './line-diff.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
let groupPath: string;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
  groupPath = join(dir, 'groups/styrgrupp.yaml');
});
afterEach(() => cleanup());

const load = () => loadWorkspace({ dir });
const read = () => readFileSync(groupPath, 'utf8');

describe('member add', () => {
  it('appends a member from today (the --as-of date) and touches nothing else', async () => {
    const before = read();
    const r = await addMember(await load(), { group: 'styrgrupp', person: 'polis', role: 'co-opted' }, AS_OF);
    expect(r.member).toEqual({ person: 'polis', role: 'co-opted', from: '2009-06-01' });
    expect(lineDiff(before, read())).toEqual({ removed: [], added: ['  - person: polis', '    role: co-opted', '    from: 2009-06-01'] });
  });

  it('writes a member as a one-line map where the roster is written so', async () => {
    writeFileSync(
      groupPath,
      read().replace(/members:[\s\S]*$/, 'members:\n  - {person: socchef-alfa, role: chair, represents: alfa}   # ordförande sedan 2008\n  - {person: socchef-beta}\n'),
    );
    const before = read();
    await addMember(await load(), { group: 'styrgrupp', person: 'ers-beta', represents: 'beta', from: '2009-07-01' }, AS_OF);
    expect(lineDiff(before, read())).toEqual({ removed: [], added: ['  - {person: ers-beta, role: member, represents: beta, from: 2009-07-01}'] });
  });

  it('refuses an edit that would leave the group with two chairs, and writes nothing', async () => {
    const before = read();
    await expect(addMember(await load(), { group: 'styrgrupp', person: 'polis', role: 'chair' }, AS_OF)).rejects.toThrow(
      /The change would make groups\/styrgrupp\.yaml invalid, so nothing was written: line \d+: Styrgruppen has 2 chairs today/,
    );
    expect(read()).toBe(before);
  });

  it('hands over the chair in one edit with --replaces, keeping the former chair as history', async () => {
    const r = await addMember(await load(), { group: 'styrgrupp', person: 'polis', role: 'chair', replaces: 'socchef-alfa', from: '2009-06-01' }, AS_OF);
    expect(r.replaced).toEqual({ person: 'socchef-alfa', role: 'chair', until: '2009-05-31' });
    const members = parse(read()).members;
    expect(members[0]).toEqual({ person: 'socchef-alfa', role: 'chair', represents: 'alfa', until: '2009-05-31' });
    expect(members[3]).toEqual({ person: 'polis', role: 'chair', from: '2009-06-01' });
  });

  it('gives a member a new role by ending the old membership the day before, keeping whom they represent', async () => {
    const r = await addMember(await load(), { group: 'styrgrupp', person: 'socchef-beta', role: 'vice-chair', from: '2009-09-01' }, AS_OF);
    expect(r.roleChange).toEqual({ from: 'member', until: '2009-08-31' });
    const members = parse(read()).members;
    expect(members[1]).toEqual({ person: 'socchef-beta', role: 'member', substitute: 'ers-beta', until: '2009-08-31' });
    expect(members[3]).toEqual({ person: 'socchef-beta', role: 'vice-chair', substitute: 'ers-beta', from: '2009-09-01' });
  });

  it('says what is wrong with each bad value', async () => {
    const ws = await load();
    await expect(addMember(ws, { group: 'styrgrupp', person: 'socchef-beta' }, AS_OF)).rejects.toThrow(
      /Socialchef Beta \(socchef-beta\) is already in styrgrupp as member\. Nothing to add/,
    );
    await expect(addMember(ws, { group: 'styrgrup', person: 'polis' }, AS_OF)).rejects.toThrow(/There is no group "styrgrup" in the workspace\. Did you mean "styrgrupp"\?/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polisen' }, AS_OF)).rejects.toThrow(/--person polisen: there is no person "polisen" in people\.yaml\. Did you mean "polis"\?/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polis', represents: 'polis' }, AS_OF)).rejects.toThrow(/--represents polis: there is no organisation "polis".*Did you mean "alfa"|--represents polis: there is no organisation "polis"/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polis', role: 'boss' as never }, AS_OF)).rejects.toThrow(/--role "boss" is not a role\. Use one of chair/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polis', from: '2009-6-1' }, AS_OF)).rejects.toThrow(/--from "2009-6-1" is not a date/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polis', replaces: 'ers-beta' }, AS_OF)).rejects.toThrow(/--replaces ers-beta: Enhetschef Beta \(ers-beta\) is not a member of styrgrupp/);
    await expect(addMember(ws, { group: 'styrgrupp', person: 'polis' }, AS_OF).then(() => undefined)).resolves.toBeUndefined();
  });
});

describe('member remove', () => {
  it('sets until on the current membership (today by default); the entry stays', async () => {
    const before = read();
    const r = await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-beta' }, AS_OF);
    expect(r).toMatchObject({ person: 'socchef-beta', role: 'member', until: '2009-06-01' });
    expect(lineDiff(before, read())).toEqual({ removed: [], added: ['    until: 2009-06-01'] });
    expect(parse(read()).members[1]).toEqual({ person: 'socchef-beta', role: 'member', substitute: 'ers-beta', until: '2009-06-01' });
  });

  it('replaces an until: null in place', async () => {
    writeFileSync(groupPath, read().replace('    substitute: ers-beta\n', '    substitute: ers-beta\n    until: null   # tills vidare\n'));
    const before = read();
    await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-beta', until: '2009-12-31' }, AS_OF);
    expect(lineDiff(before, read())).toEqual({ removed: ['    until: null   # tills vidare'], added: ['    until: 2009-12-31   # tills vidare'] });
  });

  it('explains why there is nothing to end', async () => {
    const ws = await load();
    await expect(removeMember(ws, { group: 'styrgrupp', person: 'polis' }, AS_OF)).rejects.toThrow(/Kommunpolis \(polis\) is not a member of styrgrupp/);
    await expect(removeMember(ws, { group: 'styrgrupp', person: 'polis' }, AS_OF)).rejects.toBeInstanceOf(NotFoundError);
    await removeMember(ws, { group: 'styrgrupp', person: 'socchef-beta', until: '2009-05-31' }, AS_OF);
    const again = await load();
    await expect(removeMember(again, { group: 'styrgrupp', person: 'socchef-beta' }, AS_OF)).rejects.toThrow(/already left styrgrupp on 2009-05-31\. Nothing to end/);
    await expect(removeMember(again, { group: 'styrgrupp', person: 'socchef-beta' }, AS_OF)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses to leave the group without a chair', async () => {
    const before = read();
    // Until yesterday: today the group would have no chair.
    await expect(removeMember(await load(), { group: 'styrgrupp', person: 'socchef-alfa', until: '2009-05-31' }, AS_OF)).rejects.toBeInstanceOf(EditConflictError);
    await expect(removeMember(await load(), { group: 'styrgrupp', person: 'socchef-alfa', until: '2009-05-31' }, AS_OF)).rejects.toThrow(
      /would make groups\/styrgrupp\.yaml invalid, so nothing was written: line \d+: Styrgruppen has had no chair since .*\(socchef-alfa\) left on 2009-05-31\. Appoint one/,
    );
    expect(read()).toBe(before);
    // Ending the chair's membership in the future is fine: there is a chair today.
    await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-alfa', until: '2009-12-31' }, AS_OF);
    expect(parse(read()).members[0].until).toBe('2009-12-31');
  });
});
