/** group/*: a chair, members who belong to the agreement's parties, a steering group that covers them, confidential case groups. */
import { activeMembers, organizationChain, representedOrganization, VOTING_ROLES } from '../model/roster.js';
import type { RuleModule } from './context.js';

export const groupRules: RuleModule = {
  rules: [
    { id: 'group/chair', severity: 'error', description: 'A group without exactly one current chair.' },
    { id: 'group/member-party', severity: 'warning', description: "A member represents an organisation that is not a party of the group's agreement." },
    { id: 'group/steering-coverage', severity: 'warning', description: 'A party of the agreement has no member in its steering group.' },
    { id: 'group/case-confidential', severity: 'error', description: 'A case group (ärendegrupp) that is not marked confidential.' },
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
      if (chairs.length === 0) {
        context.report(
          'group/chair',
          doc,
          ['members'],
          `${data.name} has no chair (ordförande) today. Give one current member role: chair.`,
        );
      }
      for (const extra of chairs.slice(1)) {
        context.report(
          'group/chair',
          doc,
          ['members', extra.i, 'role'],
          `${data.name} has ${chairs.length} chairs today, but a group has one. Make this member vice-chair or member, or end the former chair's membership with until:.`,
        );
      }

      if (data.type === 'case' && data.confidentiality !== 'confidential') {
        context.report(
          'group/case-confidential',
          doc,
          data.confidentiality === undefined ? ['type'] : ['confidentiality'],
          'A case group (ärendegrupp) discusses individual cases, which fall under confidentiality (OSL 26 kap.). Set confidentiality: confidential.',
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
          `${m.person} represents ${org}, which is not a party of ${agreement.id}. Set represents: to the party they sit for, make them role: co-opted, or add ${org} to the agreement's parties.`,
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
            `${name} is a party of ${agreement.id} but has no member in the steering group. Add a member who represents ${party.organization}.`,
          );
        }
      }
    }
  },
};
