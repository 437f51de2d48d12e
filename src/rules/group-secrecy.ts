/** group/secrecy-provision: a confidential or case group that does not say which secrecy provision its documents fall under. */
import { lacksSecrecyProvision } from '../model/group-record.js';
import type { RuleModule } from './context.js';

export const groupSecrecyRules: RuleModule = {
  rules: [
    {
      id: 'group/secrecy-provision',
      severity: 'warning',
      description: 'A confidential or case group names no secrecy provision (secrecy:) for the marking of its documents.',
      fullDescription:
        'Every notice, set of minutes and roster of a confidential or case group is marked at the top with the secrecy that applies. Without secrecy: the marking only refers to the Public Access to Information and Secrecy Act in general, and whoever is asked to release a document has to work out the provision again. Add secrecy: with the provision (for example 26 kap. 1 § OSL), and who marked it (by:) and when (date:).',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Ärendegrupp Exempel\ntype: case\nconfidentiality: confidential\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
        good: 'kind: group\nid: exempel\nname: Ärendegrupp Exempel\ntype: case\nconfidentiality: confidential\nsecrecy: {provision: 26 kap. 1 § OSL, by: samordnare, date: 2009-01-15}\nagreement: avtal-testbygden\nmembers:\n  - {person: samordnare, role: chair, represents: alfa}\n',
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('group')) {
      if (!lacksSecrecyProvision(data)) continue;
      const why = data.type === 'case' ? 'a case group' : 'a confidential group';
      context.report(
        'group/secrecy-provision',
        doc,
        data.type === 'case' ? ['type'] : ['confidentiality'],
        `${data.name} is ${why}, so its documents are marked as secret, but it does not say under which provision. Add secrecy: {provision: 26 kap. 1 § OSL, by: PERSON, date: YYYY-MM-DD} with the provision that applies.`,
      );
    }
  },
};
