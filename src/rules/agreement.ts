/** agreement/*: a lead party, the prerequisites of collaboration, the term. Cost shares and status have modules of their own. */
import { termState } from '../model/agreement-term.js';
import { daysBetween } from '../model/dates.js';
import type { RuleModule } from './context.js';
import { quoteList } from './words.js';

export const agreementRules: RuleModule = {
  rules: [
    {
      id: 'agreement/lead',
      severity: 'error',
      description: 'An agreement without exactly one party with role: lead (huvudman).',
      fullDescription:
        'The lead party (huvudman) employs the shared staff and holds the budget; without one, or with two, nobody clearly answers for the collaboration. Give role: lead to exactly one party.',
      example: {
        file: 'agreements/exempel.yaml',
        bad: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta, role: lead}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
        good: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
      },
    },
    {
      id: 'agreement/prerequisites',
      severity: 'warning',
      description: 'Mandate, authority or resources missing: to collaborate you need a clear mandate, knowledge, resources and authority.',
      fullDescription:
        'Collaboration that lacks a written mandate, authority to decide, or resources tends to stop at good intentions. Write what the parties have asked the collaboration to do (mandate:), what it may decide (authority:) and what it has to work with (resources:).',
      example: {
        file: 'agreements/exempel.yaml',
        bad: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
        good: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
      },
    },
    {
      id: 'agreement/term',
      severity: 'warning',
      description: 'An agreement that has expired without status: ended (warning), or ends within 90 days and will not be renewed (info).',
      fullDescription:
        'An expired agreement means the groups and plans that rest on it have no mandate; one that ends soon needs a decision to renew in time. A yearly renewed agreement runs on until a party gives notice, so it does not expire. Renew it and set the new end:, or record that it ended with status: ended.',
      example: {
        file: 'agreements/exempel.yaml',
        bad: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2009-03-31}\n',
        good: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('agreement')) {
      const leads = data.parties.map((p, i) => ({ p, i })).filter(({ p }) => p.role === 'lead');
      if (leads.length === 0) {
        context.report(
          'agreement/lead',
          doc,
          ['parties'],
          'No party is the lead (huvudman). Add role: lead to the party that employs the shared staff and holds the budget.',
        );
      }
      for (const extra of leads.slice(1)) {
        context.report(
          'agreement/lead',
          doc,
          ['parties', extra.i, 'role'],
          `${leads.length} parties have role: lead, but an agreement has one lead (huvudman). Keep role: lead on one party and make the others role: party.`,
        );
      }

      const missing = (['mandate', 'authority', 'resources'] as const).filter((k) => data[k] === undefined);
      if (missing.length > 0) {
        const swedish = { mandate: 'uppdrag', authority: 'befogenhet', resources: 'resurser' };
        context.report(
          'agreement/prerequisites',
          doc,
          [],
          `The agreement does not state its ${quoteList(missing.map((m) => `${m}`), 'and')} (${missing.map((m) => swedish[m]).join(', ')}). To collaborate you need a clear mandate, knowledge, resources and authority: add ${missing.map((m) => `${m}:`).join(', ')}.`,
        );
      }

      // The term's state comes from the model; a status that contradicts it is agreement/status's to report.
      if (data.status === 'ended' || data.status === 'draft') continue;
      const state = termState(data, context.today);
      if (state.phase === 'ended' && data.status === undefined && state.lastDay) {
        context.report(
          'agreement/term',
          doc,
          ['term', 'end'],
          `The agreement ended on ${state.lastDay}, ${-daysBetween(context.today, state.lastDay)} days ago. Renew it (a new term.end, and adopted: for the decision), or record that it ended with status: ended.`,
        );
      } else if (state.phase === 'ending' && state.periodEnd) {
        const notice = data.term.notice_months;
        context.report(
          'agreement/term',
          doc,
          ['term', 'end'],
          `The agreement ends on ${state.periodEnd}, in ${state.daysLeft} days. Decide whether to renew it${notice ? ` (the notice period is ${notice} months)` : ''}.`,
          { severity: 'info' },
        );
      }
    }
  },
};
