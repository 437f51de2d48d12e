/**
 * agreement/status: the written `status` must agree with the term, as src/model/agreement-term.ts
 * works it out on the day checked: not active after the last day, not ended while the term still
 * runs (a yearly renewed agreement runs on until notice is given), and a termination with the day
 * notice was given.
 */
import { statusConflicts, type StatusConflict } from '../model/agreement-term.js';
import type { PathSegment } from '../workspace/locate.js';
import { defineRules, type FindingData } from './context.js';

const BASE =
  'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\n';

type StatusMessage = 'inForceAfterEnd' | 'terminatedAfterEnd' | 'endedButRenews' | 'endedButRuns' | 'endedButOpen' | 'terminatedWithoutDate' | 'noticeWithoutTermination';

/** Where a conflict points, and which of the rule's phrases says it. */
function describe(conflict: StatusConflict): { path: PathSegment[]; messageId: StatusMessage; data?: FindingData } {
  switch (conflict.type) {
    case 'in-force-after-end':
      return {
        path: ['status'],
        messageId: conflict.status === 'terminated' ? 'terminatedAfterEnd' : 'inForceAfterEnd',
        data: { status: conflict.status, lastDay: conflict.lastDay },
      };
    case 'ended-while-running':
      return {
        path: ['status'],
        messageId: conflict.renews ? 'endedButRenews' : conflict.periodEnd ? 'endedButRuns' : 'endedButOpen',
        data: { periodEnd: conflict.periodEnd },
      };
    case 'terminated-without-date':
      return { path: ['status'], messageId: 'terminatedWithoutDate' };
    case 'notice-without-termination':
      return { path: ['term', 'notice_given'], messageId: 'noticeWithoutTermination', data: { given: conflict.given, status: conflict.status } };
  }
}

export const agreementStatusRules = defineRules({
  rules: [
    {
      id: 'agreement/status',
      severity: 'warning',
      description: {
        sv: 'En överenskommelses status motsäger dess giltighetstid: aktiv efter slutdatum utan förlängning, upphörd medan den fortfarande gäller, eller uppsagd utan den dag då uppsägningen gjordes.',
        en: "An agreement's status contradicts its term: active after the end without renewal, ended while the term runs, or terminated without the day notice was given.",
      },
      fullDescription: {
        sv: 'Statusen är vad den som läser överenskommelsen och `samverkan status` tar för sann; en status som motsäger datumen betyder att någon tror att överenskommelsen gäller när den inte gör det, eller tvärtom. En överenskommelse som förlängs ett år i taget fortsätter att gälla efter sitt första slutdatum tills en part säger upp den. Rätta statusen, eller giltighetstiden (end, renewal, notice_given). Det är en varning, inte ett fel, eftersom svaret beror på vilken dag kontrollen görs.',
        en: 'The status is what readers of the agreement and `samverkan status` take at its word; a status that contradicts the dates means someone believes the agreement is in force when it is not, or the other way round. A yearly renewed agreement stays active after its first end until a party gives notice. Correct the status, or the term (end, renewal, notice_given). It is a warning, not an error, because it depends on the day it is checked.',
      },
      messages: {
        inForceAfterEnd: {
          sv: 'status: {status} säger att överenskommelsen gäller, men dess giltighetstid tog slut {lastDay} och den har inte förlängts. Sätt status: ended, eller förläng den: ett nytt term.end, eller renewal: yearly.',
          en: 'status: {status} says the agreement is in force, but its term ended on {lastDay} and it is not renewed. Set status: ended, or renew it: a new term.end, or renewal: yearly.',
        },
        terminatedAfterEnd: {
          sv: 'status: {status} säger att överenskommelsen gäller, men dess giltighetstid tog slut {lastDay} (det slut som uppsägningen ledde till). Sätt status: ended, eller förläng den: ett nytt term.end, eller renewal: yearly.',
          en: 'status: {status} says the agreement is in force, but its term ended on {lastDay} (the end the notice led to). Set status: ended, or renew it: a new term.end, or renewal: yearly.',
        },
        endedButRenews: {
          sv: 'status: ended, men överenskommelsen förlängs ett år i taget och ingen uppsägning är antecknad, så den gäller till {periodEnd} och vidare. Om en part har sagt upp den, skriv status: terminated och term.notice_given; om den upphörde i förtid, sätt term.end till dess sista dag och renewal: none.',
          en: 'status: ended, but the term renews a year at a time and no notice is recorded, so it runs until {periodEnd} and on. If a party gave notice, write status: terminated and term.notice_given; if the agreement ended early, set term.end to its last day and renewal: none.',
        },
        endedButRuns: {
          sv: 'status: ended, men giltighetstiden löper till {periodEnd}. Om den upphörde i förtid, sätt term.end till dess sista dag; om en part har sagt upp den, skriv status: terminated och term.notice_given.',
          en: 'status: ended, but the term runs until {periodEnd}. If it ended early, set term.end to its last day; if a party gave notice, write status: terminated and term.notice_given.',
        },
        endedButOpen: {
          sv: 'status: ended, men överenskommelsen gäller tills vidare (end: null) och ingen uppsägning är antecknad. Sätt term.end till dess sista dag, eller skriv status: terminated och term.notice_given.',
          en: 'status: ended, but the term runs until further notice (end: null) and no notice is recorded. Set term.end to its last day, or write status: terminated and term.notice_given.',
        },
        terminatedWithoutDate: {
          sv: 'status: terminated, men term.notice_given säger inte när uppsägningen gjordes, så det går inte att räkna ut när överenskommelsen upphör. Lägg till term.notice_given: ÅÅÅÅ-MM-DD.',
          en: 'status: terminated, but term.notice_given does not say when notice was given, so the end it leads to cannot be worked out. Add term.notice_given: YYYY-MM-DD.',
        },
        noticeWithoutTermination: {
          sv: 'term.notice_given säger att en part sade upp överenskommelsen {given}, men status är {status}. Skriv status: terminated, eller ta bort notice_given om uppsägningen har återkallats.',
          en: 'term.notice_given says a party gave notice on {given}, but status is {status}. Write status: terminated, or remove notice_given if the notice was withdrawn.',
        },
      },
      example: {
        file: 'agreements/exempel.yaml',
        bad: `${BASE}status: active\nterm: {start: 2006-01-01, end: 2008-12-31, renewal: none}\n`,
        good: `${BASE}status: ended\nterm: {start: 2006-01-01, end: 2008-12-31, renewal: none}\n`,
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('agreement')) {
      for (const conflict of statusConflicts(data, context.today)) {
        const { path, messageId, data } = describe(conflict);
        context.report('agreement/status', doc, path, messageId, data);
      }
    }
  },
});
