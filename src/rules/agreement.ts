/** agreement/*: a lead party, the prerequisites of collaboration, the term. Cost shares and status have modules of their own. */
import { termState } from '../model/agreement-term.js';
import { daysBetween } from '../model/dates.js';
import { defineRules } from './context.js';
import { andList } from './words.js';

export const agreementRules = defineRules({
  rules: [
    {
      id: 'agreement/lead',
      severity: 'error',
      description: {
        sv: 'En överenskommelse som inte har exakt en part som är huvudman (role: lead).',
        en: 'An agreement without exactly one party with role: lead.',
      },
      fullDescription: {
        sv: 'Huvudmannen anställer den gemensamma personalen och har budgeten; utan huvudman, eller med två, svarar ingen tydligt för samverkan. Ge role: lead till exakt en part.',
        en: 'The lead party employs the shared staff and holds the budget; without one, or with two, nobody clearly answers for the collaboration. Give role: lead to exactly one party.',
      },
      messages: {
        noLead: {
          sv: 'Ingen part är huvudman. Lägg till role: lead på den part som anställer den gemensamma personalen och har budgeten.',
          en: 'No party is the lead. Add role: lead to the party that employs the shared staff and holds the budget.',
        },
        twoLeads: {
          sv: '{n} parter har role: lead, men en överenskommelse har en huvudman. Behåll role: lead på en part och ge de andra role: party.',
          en: '{n} parties have role: lead, but an agreement has one lead. Keep role: lead on one party and make the others role: party.',
        },
      },
      example: {
        file: 'agreements/exempel.yaml',
        bad: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta, role: lead}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
        good: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
      },
    },
    {
      id: 'agreement/prerequisites',
      severity: 'warning',
      description: {
        sv: 'Uppdrag, befogenhet eller resurser saknas: för att samverka behövs ett tydligt uppdrag, kunskap, resurser och befogenheter.',
        en: 'Mandate, authority or resources missing: to collaborate you need a clear mandate, knowledge, resources and authority.',
      },
      fullDescription: {
        sv: 'Samverkan som saknar ett skrivet uppdrag, befogenhet att besluta eller resurser stannar ofta vid goda avsikter. Skriv vad parterna har gett samverkan i uppdrag (mandate:), vad den får besluta (authority:) och vad den har att arbeta med (resources:).',
        en: 'Collaboration that lacks a written mandate, authority to decide, or resources tends to stop at good intentions. Write what the parties have asked the collaboration to do (mandate:), what it may decide (authority:) and what it has to work with (resources:).',
      },
      messages: {
        missing: {
          sv: 'Överenskommelsen anger inte {swedish} ({keys}). För att samverka behövs ett tydligt uppdrag, kunskap, resurser och befogenheter: lägg till {add}.',
          en: 'The agreement does not state its {keys} ({swedish}). To collaborate you need a clear mandate, knowledge, resources and authority: add {add}.',
        },
      },
      example: {
        file: 'agreements/exempel.yaml',
        bad: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
        good: 'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n',
      },
    },
    {
      id: 'agreement/term',
      severity: 'warning',
      description: {
        sv: 'En överenskommelse som har löpt ut utan status: ended (varning), eller som upphör inom 90 dagar och inte förlängs (info).',
        en: 'An agreement that has expired without status: ended (warning), or ends within 90 days and will not be renewed (info).',
      },
      fullDescription: {
        sv: 'När en överenskommelse har löpt ut saknar de grupper och planer som vilar på den mandat; en som snart upphör behöver ett beslut om förlängning i tid. En överenskommelse som förlängs ett år i taget löper vidare tills en part säger upp den, så den löper inte ut. Förnya den och ange det nya end:, eller ange att den har upphört med status: ended.',
        en: 'An expired agreement means the groups and plans that rest on it have no mandate; one that ends soon needs a decision to renew in time. A yearly renewed agreement runs on until a party gives notice, so it does not expire. Renew it and set the new end:, or record that it ended with status: ended.',
      },
      messages: {
        ended: {
          sv: 'Överenskommelsen upphörde {date}, för {days} dagar sedan. Förnya den (ett nytt term.end, och adopted: för beslutet), eller ange att den har upphört med status: ended.',
          en: 'The agreement ended on {date}, {days} days ago. Renew it (a new term.end, and adopted: for the decision), or record that it ended with status: ended.',
        },
        ending: {
          sv: 'Överenskommelsen upphör {date}, om {days} dagar. Besluta om den ska förnyas.',
          en: 'The agreement ends on {date}, in {days} days. Decide whether to renew it.',
        },
        endingNotice: {
          sv: 'Överenskommelsen upphör {date}, om {days} dagar. Besluta om den ska förnyas (uppsägningstiden är {months} månader).',
          en: 'The agreement ends on {date}, in {days} days. Decide whether to renew it (the notice period is {months} months).',
        },
      },
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
          'noLead',
        );
      }
      for (const extra of leads.slice(1)) {
        context.report(
          'agreement/lead',
          doc,
          ['parties', extra.i, 'role'],
          'twoLeads',
          { n: leads.length },
        );
      }

      const missing = (['mandate', 'authority', 'resources'] as const).filter((k) => data[k] === undefined);
      if (missing.length > 0) {
        const swedish = { mandate: 'uppdrag', authority: 'befogenhet', resources: 'resurser' };
        context.report(
          'agreement/prerequisites',
          doc,
          [],
          'missing',
          { keys: andList(missing), swedish: missing.map((m) => swedish[m]).join(', '), add: missing.map((m) => `${m}:`).join(', ') },
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
          'ended',
          { date: state.lastDay, days: -daysBetween(context.today, state.lastDay) },
        );
      } else if (state.phase === 'ending' && state.periodEnd) {
        const notice = data.term.notice_months;
        context.report(
          'agreement/term',
          doc,
          ['term', 'end'],
          notice ? 'endingNotice' : 'ending',
          { date: state.periodEnd, days: state.daysLeft, months: notice },
          { severity: 'info' },
        );
      }
    }
  },
});
