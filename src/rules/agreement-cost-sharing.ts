/**
 * agreement/cost-sharing: the parties' shares are shares of the parties' part (the budget less
 * the external funding). They must add up to 100 %, be paid by parties, and leave the parties a
 * part that is not below zero. Worked out by src/model/agreement-costs.ts, as the rendered
 * agreement does.
 */
import { costSharing, sharesAddUp } from '../model/agreement-costs.js';
import { defineRules } from './context.js';

const BASE =
  'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  budget: {amount: 900000, currency: SEK, per: year}\n  funding:\n    - {source: lansstyrelsen, amount: {amount: 600000, currency: SEK, per: year}}\n';

export const agreementCostSharingRules = defineRules({
  rules: [
    {
      id: 'agreement/cost-sharing',
      severity: 'error',
      description: {
        sv: 'Kostnadsandelar som inte summerar till 100 %, som nämner en organisation som inte är part, eller extern finansiering som är större än budgeten.',
        en: 'Cost shares that do not sum to 100 %, that name an organisation that is not a party, or external funding larger than the budget.',
      },
      fullDescription: {
        sv: 'Kostnadsandelarna avgör vad varje part betalar av parternas del: budgeten minus den externa finansieringen (till exempel ett bidrag från länsstyrelsen, under funding:). Andelar som inte blir 100 procent, eller en betalare som inte har skrivit under, lämnar en del av kostnaden obetald eller oöverenskommen; finansiering som är större än budgeten lämnar inget åt parterna att dela på. Rätta andelarna (som de är skrivna, t.ex. 3.6), lägg till betalaren som part, eller rätta budgeten eller finansieringen.',
        en: "Cost shares decide what each party pays of the parties' part: the budget less the external funding (a county board's grant, under funding:). Shares that do not add up to 100 per cent, or a payer that has not signed, leave part of the cost unpaid or unagreed; funding larger than the budget leaves the parties nothing to share. Correct the shares (as written, e.g. 3.6), add the payer as a party, or correct the budget or the funding.",
      },
      messages: {
        fundingOverBudget: {
          sv: 'Den externa finansieringen ({external}) är större än budgeten ({budget}), så parterna skulle betala mindre än ingenting. Rätta budgeten (hela kostnaden, finansieringen inräknad) eller finansieringens belopp.',
          en: 'The external funding ({external}) is larger than the budget ({budget}), so the parties would pay less than nothing. Correct the budget (the whole cost, funding included) or the funding amounts.',
        },
        payerNotParty: {
          sv: '"{org}" betalar en andel men är inte part i överenskommelsen. Lägg till den under parties:, eller ta bort dess andel. Externa finansiärer hör hemma under funding:, inte cost_sharing:.',
          en: '"{org}" pays a share but is not a party of the agreement. Add it under parties:, or remove its share. External funders go under funding:, not cost_sharing:.',
        },
        underHundred: {
          sv: 'Kostnadsandelarna blir {total} %, inte 100 %. De är andelar av parternas del (budgeten minus den externa finansieringen), så tillsammans ska de vara 100 %: {gap} % är inte täckt. Justera andelarna.',
          en: 'The cost shares add up to {total} %, not 100 %. They are shares of the parties\' part (the budget less the external funding), so together they must be 100 %: {gap} % is not covered. Adjust the shares.',
        },
        overHundred: {
          sv: 'Kostnadsandelarna blir {total} %, inte 100 %. De är andelar av parternas del (budgeten minus den externa finansieringen), så tillsammans ska de vara 100 %: {gap} % för mycket debiteras. Justera andelarna.',
          en: 'The cost shares add up to {total} %, not 100 %. They are shares of the parties\' part (the budget less the external funding), so together they must be 100 %: {gap} % too much is charged. Adjust the shares.',
        },
      },
      example: {
        file: 'agreements/exempel.yaml',
        bad: `${BASE}  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 30}\nterm: {start: 2009-01-01, end: 2011-12-31}\n`,
        good: `${BASE}  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\nterm: {start: 2009-01-01, end: 2011-12-31}\n`,
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('agreement')) {
      const costs = costSharing(data);
      if (costs.budget && costs.externalTotal !== null && costs.externalTotal > costs.budget.amount) {
        context.report(
          'agreement/cost-sharing',
          doc,
          ['resources', 'funding'],
          'fundingOverBudget',
          { external: costs.externalTotal, budget: costs.budget.amount },
        );
      }
      const sharing = data.resources?.cost_sharing;
      if (!sharing || sharing.length === 0) continue;
      const parties = new Set(data.parties.map((p) => p.organization));
      sharing.forEach((s, i) => {
        if (!parties.has(s.organization)) {
          context.report(
            'agreement/cost-sharing',
            doc,
            ['resources', 'cost_sharing', i, 'organization'],
            'payerNotParty',
            { org: s.organization },
          );
        }
      });
      if (!sharesAddUp(costs.shareTotal)) {
        const total = costs.shareTotal;
        const gap = Math.round(Math.abs(100 - total) * 1000) / 1000;
        context.report(
          'agreement/cost-sharing',
          doc,
          ['resources', 'cost_sharing'],
          total < 100 ? 'underHundred' : 'overHundred',
          { total, gap },
        );
      }
    }
  },
});
