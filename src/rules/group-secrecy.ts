/** group/secrecy-provision: a confidential or case group that does not say which secrecy provision its documents fall under. */
import { lacksSecrecyProvision } from '../model/group-record.js';
import { defineRules } from './context.js';

export const groupSecrecyRules = defineRules({
  rules: [
    {
      id: 'group/secrecy-provision',
      severity: 'warning',
      description: {
        sv: 'En sekretessbelagd grupp eller ärendegrupp anger ingen sekretessbestämmelse (secrecy:) för märkningen av sina handlingar.',
        en: 'A confidential or case group names no secrecy provision (secrecy:) for the marking of its documents.',
      },
      fullDescription: {
        sv: 'Varje kallelse, protokoll och förteckning över ledamöter från en sekretessbelagd grupp eller ärendegrupp märks överst med den sekretess som gäller. Utan secrecy: hänvisar märkningen bara till offentlighets- och sekretesslagen i allmänhet, och den som ombeds lämna ut en handling måste själv ta reda på bestämmelsen igen. Lägg till secrecy: med bestämmelsen (till exempel 26 kap. 1 § OSL), vem som gjorde bedömningen (by:) och när (date:).',
        en: 'Every notice, set of minutes and roster of a confidential or case group is marked at the top with the secrecy that applies. Without secrecy: the marking only refers to the Public Access to Information and Secrecy Act in general, and whoever is asked to release a document has to work out the provision again. Add secrecy: with the provision (for example 26 kap. 1 § OSL), and who marked it (by:) and when (date:).',
      },
      messages: {
        caseGroup: {
          sv: '{group} är en ärendegrupp, så dess handlingar märks som hemliga, men det framgår inte enligt vilken bestämmelse. Lägg till secrecy: {provision: 26 kap. 1 § OSL, by: PERSON, date: ÅÅÅÅ-MM-DD} med den bestämmelse som gäller.',
          en: '{group} is a case group, so its documents are marked as secret, but it does not say under which provision. Add secrecy: {provision: 26 kap. 1 § OSL, by: PERSON, date: YYYY-MM-DD} with the provision that applies.',
        },
        confidentialGroup: {
          sv: '{group} är en sekretessbelagd grupp, så dess handlingar märks som hemliga, men det framgår inte enligt vilken bestämmelse. Lägg till secrecy: {provision: 26 kap. 1 § OSL, by: PERSON, date: ÅÅÅÅ-MM-DD} med den bestämmelse som gäller.',
          en: '{group} is a confidential group, so its documents are marked as secret, but it does not say under which provision. Add secrecy: {provision: 26 kap. 1 § OSL, by: PERSON, date: YYYY-MM-DD} with the provision that applies.',
        },
      },
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
      context.report(
        'group/secrecy-provision',
        doc,
        data.type === 'case' ? ['type'] : ['confidentiality'],
        data.type === 'case' ? 'caseGroup' : 'confidentialGroup',
        { group: data.name },
      );
    }
  },
});
