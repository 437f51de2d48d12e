/** group/*: a chair, members who belong to the agreement's parties, a steering group that covers them, confidential case groups. */
import { activeMembers, lastHolderBefore, memberLabel, organizationChain, representedOrganization, VOTING_ROLES } from '../model/roster.js';
import { defineRules } from './context.js';

export const groupRules = defineRules({
  rules: [
    {
      id: 'group/chair',
      severity: 'error',
      description: { sv: 'En grupp som inte har exakt en ordförande i dag.', en: 'A group without exactly one current chair.' },
      fullDescription: {
        sv: 'Ordföranden leder sammanträdena och skriver under protokollet; en grupp utan ordförande, eller med två samtidigt, har ingen som tydligt leder arbetet. Ge en nuvarande ledamot role: chair, och avsluta en tidigare ordförandes medlemskap med until:.',
        en: 'The chair leads the meetings and signs the minutes; a group without one, or with two at the same time, has nobody clearly in charge. Give one current member role: chair, and end a former chair\'s membership with until:.',
      },
      messages: {
        noChair: {
          sv: '{group} har ingen ordförande i dag. Ge en nuvarande ledamot role: chair.',
          en: '{group} has no chair today. Give one current member role: chair.',
        },
        chairLeft: {
          sv: '{group} har ingen ordförande sedan {person} slutade {until}. Utse en ny: samverkan member add {id} --person PERSON --role chair, eller ge en nuvarande ledamot role: chair.',
          en: '{group} has had no chair since {person} left on {until}. Appoint one: samverkan member add {id} --person PERSON --role chair, or give a current member role: chair.',
        },
        twoChairs: {
          sv: '{group} har {n} ordförande i dag, men en grupp har en. Gör den här ledamoten till vice ordförande (vice-chair) eller ledamot (member), eller avsluta den tidigare ordförandens medlemskap med until:.',
          en: '{group} has {n} chairs today, but a group has one. Make this member vice-chair or member, or end the former chair\'s membership with until:.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: member, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'group/member-party',
      severity: 'warning',
      description: {
        sv: 'En ledamot företräder en organisation som inte är part i gruppens samverkansöverenskommelse.',
        en: 'A member represents an organisation that is not a party of the group\'s agreement.',
      },
      fullDescription: {
        sv: 'En ledamot som företräder en organisation utanför överenskommelsen har inget mandat därifrån att agera i gruppen. Rätta represents:, gör ledamoten adjungerad (co-opted) eller lägg till organisationen bland överenskommelsens parter.',
        en: 'A member who represents an organisation outside the agreement has no mandate from it to act in the group. Correct represents:, make the member co-opted, or add the organisation to the agreement.',
      },
      messages: {
        notParty: {
          sv: '{person} företräder {org}, som inte är part i {agreement}. Sätt represents: till den part personen sitter för, gör personen till role: co-opted, eller lägg till {org} bland överenskommelsens parter.',
          en: '{person} represents {org}, which is not a party of {agreement}. Set represents: to the party they sit for, make them role: co-opted, or add {org} to the agreement\'s parties.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: regionen}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
    {
      id: 'group/steering-coverage',
      severity: 'warning',
      description: { sv: 'En part i överenskommelsen har ingen ledamot i styrgruppen.', en: 'A party of the agreement has no member in its steering group.' },
      fullDescription: {
        sv: 'Varje part i överenskommelsen ska ha en röst där samverkan styrs; en part utan ledamot i styrgruppen hamnar lätt utanför besluten. Lägg till en ledamot som företräder parten.',
        en: 'Every party of the agreement should have a say where the collaboration is steered; a party without a member in the steering group is easily left out of its decisions. Add a member who represents the party.',
      },
      messages: {
        partyMissing: {
          sv: '{name} är part i {agreement} men har ingen ledamot i styrgruppen. Lägg till en ledamot som företräder {org}.',
          en: '{name} is a party of {agreement} but has no member in the steering group. Add a member who represents {org}.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: steering\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: steering\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n  - {person: socchef-beta, role: member, represents: beta}\n  - {person: polis, role: member, represents: polisen}\n',
      },
    },
    {
      id: 'group/case-confidential',
      severity: 'error',
      description: { sv: 'En ärendegrupp som inte är markerad som sekretessbelagd.', en: 'A case group that is not marked confidential.' },
      fullDescription: {
        sv: 'En ärendegrupp diskuterar enskilda personer, vars uppgifter skyddas av sekretess; om gruppen inte är markerad som sekretessbelagd kan dess sammanträden publiceras. Lägg till confidentiality: confidential i gruppen.',
        en: 'A case group discusses individuals, whose details are protected by secrecy; unless it is marked confidential, its meetings could be published. Add confidentiality: confidential to the group.',
      },
      messages: {
        notConfidential: {
          sv: 'En ärendegrupp diskuterar enskilda ärenden, som omfattas av sekretess (OSL 26 kap.). Sätt confidentiality: confidential.',
          en: 'A case group discusses individual cases, which fall under confidentiality (OSL 26 kap.). Set confidentiality: confidential.',
        },
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: case\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: case\nconfidentiality: confidential\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
  ],
  check(context) {
    const { index } = context.workspace;
    // Only what matched its schema is read: a broken agreement or people.yaml has its own findings.
    const agreements = index.valid('agreement');
    const people = index.valid('person');
    const organizations = index.valid('organization');
    for (const { doc, data } of context.documents('group')) {
      const current = activeMembers(data, context.today);
      const chairs = data.members.map((m, i) => ({ m, i })).filter(({ m }) => m.role === 'chair' && current.includes(m));
      // A chair whose membership ended with nobody after: say who and since when, at that until:.
      const left = chairs.length === 0 ? lastHolderBefore(data, 'chair', context.today) : undefined;
      if (left) {
        const person = memberLabel(left.person, index.people);
        context.report('group/chair', doc, ['members', data.members.indexOf(left), 'until'], 'chairLeft', { group: data.name, id: data.id, person, until: left.until! });
      } else if (chairs.length === 0) {
        context.report(
          'group/chair',
          doc,
          ['members'],
          'noChair',
          { group: data.name },
        );
      }
      for (const extra of chairs.slice(1)) {
        context.report(
          'group/chair',
          doc,
          ['members', extra.i, 'role'],
          'twoChairs',
          { group: data.name, n: chairs.length },
        );
      }

      if (data.type === 'case' && data.confidentiality !== 'confidential') {
        context.report(
          'group/case-confidential',
          doc,
          data.confidentiality === undefined ? ['type'] : ['confidentiality'],
          'notConfidential',
        );
      }

      const agreement = data.agreement ? agreements.get(data.agreement)?.value : undefined;
      if (!agreement) continue;
      const parties = new Set(agreement.parties.map((p) => p.organization));
      const partyOf = (org: string | undefined) => (org ? organizationChain(org, organizations).find((o) => parties.has(o)) : undefined);

      data.members.forEach((m, i) => {
        if (!current.includes(m) || m.role === 'co-opted') return;
        const org = representedOrganization(m, people);
        if (!org || partyOf(org)) return;
        context.report(
          'group/member-party',
          doc,
          ['members', i, m.represents ? 'represents' : 'person'],
          'notParty',
          { person: m.person, org, agreement: agreement.id },
        );
      });

      if (data.type === 'steering') {
        // Co-opted members and substitutes take part without sitting for a party.
        const seated = current.filter((m) => VOTING_ROLES.has(m.role ?? 'member'));
        // Whom a member sits for is unknown when their person could not be read: judge nothing then.
        if (seated.some((m) => representedOrganization(m, people) === undefined)) continue;
        const covered = new Set(seated.map((m) => partyOf(representedOrganization(m, people))).filter(Boolean));
        for (const party of agreement.parties) {
          if (covered.has(party.organization)) continue;
          const name = organizations.get(party.organization)?.value.name ?? party.organization;
          context.report(
            'group/steering-coverage',
            doc,
            ['members'],
            'partyMissing',
            { name, agreement: agreement.id, org: party.organization },
          );
        }
      }
    }
  },
});
