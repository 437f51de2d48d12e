/**
 * Ending the membership of a group's chair or secretary says, in the edit itself, that the group
 * is left without one and how to appoint the next; a hand-over in one step says nothing. The CLI
 * prints the sentence, in Swedish and English; roles typed in Swedish are taken.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMember, removeMember } from '../../src/commands/member.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { runInProcess } from '../helpers/cli.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
});
afterEach(() => {
  setLanguage('en');
  cleanup();
});

const load = () => loadWorkspace({ dir });
const roster = () => readFileSync(join(dir, 'groups/styrgrupp.yaml'), 'utf8');

describe('a change that leaves a group without its chair or secretary', () => {
  it('removing the chair says from which day the group has none, and how to appoint one', async () => {
    const r = await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-alfa', until: '2009-06-30' }, AS_OF);
    expect(r.vacated.map(({ role, from }) => ({ role, from }))).toEqual([{ role: 'chair', from: '2009-07-01' }]);
    expect(r.vacated[0].message).toBe(
      'Note: Styrgruppen has no chair from 2009-07-01. Appoint one: samverkan member add styrgrupp --person PERSON --role chair --from 2009-07-01. Until then samverkan validate reports the missing chair (group/chair).',
    );
    expect(roster()).toMatch(/socchef-alfa[\s\S]*?until: 2009-06-30/);
  });

  it('removing the secretary says so in Swedish when Swedish is spoken', async () => {
    setLanguage('sv');
    const r = await removeMember(await load(), { group: 'styrgrupp', person: 'samordnare', until: '2009-06-30' }, AS_OF);
    expect(r.vacated.map((v) => v.message)).toEqual([
      'Observera: Styrgruppen har ingen sekreterare från 2009-07-01. Utse en ny: samverkan member add styrgrupp --person PERSON --role secretary --from 2009-07-01, eller ange i varje sammanträde vem som för protokollet (secretary:).',
    ]);
  });

  it('says nothing for an ordinary member, or when a new chair takes over in the same step', async () => {
    expect((await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-beta', until: '2009-06-30' }, AS_OF)).vacated).toEqual([]);
    const handover = await addMember(await load(), { group: 'styrgrupp', person: 'polis', role: 'ordförande', replaces: 'socchef-alfa', from: '2009-07-01' }, AS_OF);
    expect(handover.member.role).toBe('chair');
    expect(handover.replaced).toMatchObject({ person: 'socchef-alfa', role: 'chair', until: '2009-06-30' });
    expect(handover.vacated).toEqual([]);
  });

  it('a secretary who becomes an ordinary member leaves the secretary\'s seat empty, and is told so', async () => {
    const r = await addMember(await load(), { group: 'styrgrupp', person: 'samordnare', role: 'ledamot', from: '2009-07-01' }, AS_OF);
    expect(r.member.role).toBe('member');
    expect(r.roleChange).toEqual({ from: 'secretary', until: '2009-06-30' });
    expect(r.vacated.map(({ role, from }) => ({ role, from }))).toEqual([{ role: 'secretary', from: '2009-07-01' }]);
  });

  it('a member leaving so that the quorum cannot be met says so, in both languages; one without a vote does not', async () => {
    const withQuorum = roster().replace('quorum: majority', 'quorum: 3');
    writeFileSync(join(dir, 'groups/styrgrupp.yaml'), withQuorum);
    const r = await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-beta', until: '2009-06-30' }, AS_OF);
    expect(r.vacated.map((v) => v.message)).toEqual([
      'Note: from 2009-07-01 Styrgruppen has only 2 voting members, fewer than the 3 it needs to be quorate. Add members, or change quorum: in the group\'s file.',
    ]);
    setLanguage('sv');
    writeFileSync(join(dir, 'groups/styrgrupp.yaml'), withQuorum);
    const again = await removeMember(await load(), { group: 'styrgrupp', person: 'socchef-beta', until: '2009-06-30' }, AS_OF);
    expect(again.vacated.map((v) => v.message)).toEqual([
      'Observera: från 2009-07-01 har Styrgruppen bara 2 röstberättigade ledamöter, färre än de 3 som krävs för att gruppen ska vara beslutför. Lägg till ledamöter, eller ändra quorum: i gruppens fil.',
    ]);
    // A co-opted member has no vote: the quorum is no further away when one leaves.
    writeFileSync(join(dir, 'groups/styrgrupp.yaml'), withQuorum.replace('members:\n', 'members:\n  - {person: polis, role: co-opted}\n'));
    expect((await removeMember(await load(), { group: 'styrgrupp', person: 'polis', until: '2009-06-30' }, AS_OF)).vacated).toEqual([]);
  });

  it('the command prints the sentence, and validate says the same the day after', async () => {
    const removed = await runInProcess(['member', 'remove', 'styrgrupp', '--person', 'socchef-alfa', '--until', '2009-06-30', '--as-of', '2009-06-01', '--lang', 'en', '-C', dir]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stderr).toContain('Note: Styrgruppen has no chair from 2009-07-01. Appoint one: samverkan member add styrgrupp');
    const later = await runInProcess(['validate', '--as-of', '2009-07-01', '--lang', 'en', '-C', dir]);
    expect(later.stdout).toMatch(/group\/chair/);
  });
});
