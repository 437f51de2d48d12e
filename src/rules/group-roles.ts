/**
 * group/secretary and group/quorum-unreachable: roles that go missing from a roster. A secretary
 * who leaves without a successor, or members who leave until the group's quorum is more than its
 * voting members, pass every other check; the group only finds out at its next meeting.
 */
import { lastHolderBefore, memberLabel, quorumOf, votingMembers } from '../model/roster.js';
import { defineRules } from './context.js';

export const groupRoleRules = defineRules({
  rules: [
    {
      id: 'group/secretary',
      severity: 'warning',
      description: {
        sv: 'En grupp som för protokoll har haft en sekreterare men har ingen i dag.',
        en: 'A group that keeps minutes had a secretary but has none today.',
      },
      fullDescription: {
        sv: 'Sekreteraren för protokollet vid gruppens sammanträden och skriver under det tillsammans med ordföranden. När sekreterarens medlemskap har upphört utan att någon tagit över, och gruppen fortfarande sammanträder, vet ingen vem som ska skriva nästa protokoll. Ge en nuvarande ledamot role: secretary (samverkan member add GRUPP --person PERSON --role secretary), eller ange i varje sammanträde vem som för protokollet (secretary:).',
        en: 'The secretary takes the minutes of the group\'s meetings and signs them with the chair. When the secretary\'s membership has ended with nobody taking over, and the group still meets, nobody knows who is to write the next minutes. Give a current member role: secretary (samverkan member add GROUP --person PERSON --role secretary), or say in each meeting who takes the minutes (secretary:).',
      },
      messages: {
        noSecretary: {
          sv: '{group} har ingen sekreterare sedan {person} slutade {until}, men gruppen sammanträder. Ge en nuvarande ledamot role: secretary (samverkan member add {id} --person PERSON --role secretary), eller ange i varje sammanträde vem som för protokollet (secretary:).',
          en: '{group} has had no secretary since {person} left on {until}, but the group still meets. Give a current member role: secretary (samverkan member add {id} --person PERSON --role secretary), or say in each meeting who takes the minutes (secretary:).',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmeetings: {cadence: every 6 weeks}\nmembers:\n  - {person: socchef-alfa, role: chair}\n  - {person: samordnare, role: secretary, until: 2009-01-31}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmeetings: {cadence: every 6 weeks}\nmembers:\n  - {person: socchef-alfa, role: chair}\n  - {person: samordnare, role: secretary, until: 2009-01-31}\n  - {person: handlaggare-alfa, role: secretary, from: 2009-02-01}\n',
      },
    },
    {
      id: 'group/quorum-unreachable',
      severity: 'warning',
      description: {
        sv: 'Gruppens beslutförhet (quorum:) kräver fler ledamöter än de röstberättigade ledamöter den har i dag.',
        en: 'The group\'s quorum asks for more members than the voting members it has today.',
      },
      fullDescription: {
        sv: 'En grupp är beslutför när minst så många ledamöter som quorum: anger är närvarande. Kräver quorum: fler än gruppens nuvarande röstberättigade ledamöter (ordförande, vice ordförande, sekreterare och ledamöter; adjungerade och ersättare räknas inte) kan gruppen aldrig fatta beslut. Sänk quorum:, skriv quorum: majority, eller lägg till ledamöter.',
        en: 'A group is quorate when at least as many members as its quorum: are present. When quorum: asks for more than the group\'s current voting members (chair, vice-chair, secretary and members; co-opted members and substitutes do not count), the group can never take a decision. Lower quorum:, write quorum: majority, or add members.',
      },
      messages: {
        unreachable: {
          sv: {
            one: '{group} är beslutför med {quorum} närvarande, men har bara {n} röstberättigad ledamot i dag, så gruppen kan aldrig fatta beslut. Sänk quorum:, skriv quorum: majority, eller lägg till ledamöter.',
            other: '{group} är beslutför med {quorum} närvarande, men har bara {n} röstberättigade ledamöter i dag, så gruppen kan aldrig fatta beslut. Sänk quorum:, skriv quorum: majority, eller lägg till ledamöter.',
          },
          en: {
            one: '{group} needs {quorum} present to be quorate, but has only {n} voting member today, so it can never take a decision. Lower quorum:, write quorum: majority, or add members.',
            other: '{group} needs {quorum} present to be quorate, but has only {n} voting members today, so it can never take a decision. Lower quorum:, write quorum: majority, or add members.',
          },
        },
        noVoters: {
          sv: '{group} har ingen röstberättigad ledamot i dag, så gruppen kan inte bli beslutför. Lägg till ledamöter (role: member, chair, vice-chair eller secretary).',
          en: '{group} has no voting member today, so it can never be quorate. Add members (role: member, chair, vice-chair or secretary).',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nquorum: 3\nmembers:\n  - {person: samordnare, role: chair}\n  - {person: socchef-alfa, role: member}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nquorum: 2\nmembers:\n  - {person: samordnare, role: chair}\n  - {person: socchef-alfa, role: member}\n',
      },
    },
  ],
  check(context) {
    const { index } = context.workspace;
    for (const { doc, data } of context.documents('group')) {
      const left = lastHolderBefore(data, 'secretary', context.today);
      if (left) {
        // Meetings held after the secretary left that name their own minute-taker need no secretary in the roster.
        const since = left.until!;
        const later = index.meetingsOf(data.id).filter((m) => m.value.date > since);
        const meets = data.meetings !== undefined || later.length > 0;
        if (meets && !(later.length > 0 && later.every((m) => m.value.secretary))) {
          context.report('group/secretary', doc, ['members', data.members.indexOf(left), 'until'], 'noSecretary', {
            group: data.name,
            id: data.id,
            person: memberLabel(left.person, index.people),
            until: since,
          });
        }
      }

      const quorum = quorumOf(data, context.today);
      if (quorum === undefined) continue;
      const voting = votingMembers(data, context.today).length;
      if (voting === 0) context.report('group/quorum-unreachable', doc, ['members'], 'noVoters', { group: data.name });
      else if (quorum > voting) context.report('group/quorum-unreachable', doc, ['quorum'], 'unreachable', { group: data.name, quorum, n: voting });
    }
  },
});
