/**
 * agreement/status: the written `status` must agree with the term, as src/model/agreement-term.ts
 * works it out on the day checked: not active after the last day, not ended while the term still
 * runs (a yearly renewed agreement runs on until notice is given), and a termination with the day
 * notice was given.
 */
import { statusConflicts, type StatusConflict } from '../model/agreement-term.js';
import type { PathSegment } from '../workspace/locate.js';
import type { RuleModule } from './context.js';

const BASE =
  'kind: agreement\nid: avtal-exempel\ntitle: Samverkansavtal Exempel\ntype: collaboration-agreement\nparties:\n  - {organization: alfa, role: lead}\n  - {organization: beta}\npurpose: Gemensam samordnare mot våld i nära relationer.\nmandate: Samordna parternas arbete och ta fram en handlingsplan.\nauthority: Styrgruppen beslutar inom ramen för budgeten.\nresources:\n  cost_sharing:\n    - {organization: alfa, share: 60}\n    - {organization: beta, share: 40}\n';

/** Where a conflict points, and what it says. */
function describe(conflict: StatusConflict): { path: PathSegment[]; message: string } {
  switch (conflict.type) {
    case 'in-force-after-end':
      return {
        path: ['status'],
        message: `status: ${conflict.status} says the agreement is in force, but its term ended on ${conflict.lastDay}${conflict.status === 'terminated' ? ' (the end the notice led to)' : ' and it is not renewed'}. Set status: ended, or renew it: a new term.end, or renewal: yearly.`,
      };
    case 'ended-while-running':
      return {
        path: ['status'],
        message: conflict.renews
          ? `status: ended, but the term renews a year at a time and no notice is recorded, so it runs until ${conflict.periodEnd} and on. If a party gave notice, write status: terminated and term.notice_given; if the agreement ended early, set term.end to its last day and renewal: none.`
          : conflict.periodEnd
            ? `status: ended, but the term runs until ${conflict.periodEnd}. If it ended early, set term.end to its last day; if a party gave notice, write status: terminated and term.notice_given.`
            : 'status: ended, but the term runs until further notice (end: null) and no notice is recorded. Set term.end to its last day, or write status: terminated and term.notice_given.',
      };
    case 'terminated-without-date':
      return {
        path: ['status'],
        message: 'status: terminated, but term.notice_given does not say when notice was given, so the end it leads to cannot be worked out. Add term.notice_given: YYYY-MM-DD.',
      };
    case 'notice-without-termination':
      return {
        path: ['term', 'notice_given'],
        message: `term.notice_given says a party gave notice on ${conflict.given}, but status is ${conflict.status}. Write status: terminated, or remove notice_given if the notice was withdrawn.`,
      };
  }
}

export const agreementStatusRules: RuleModule = {
  rules: [
    {
      id: 'agreement/status',
      severity: 'warning',
      description: "An agreement's status contradicts its term: active after the end without renewal, ended while the term runs, or terminated without the day notice was given.",
      fullDescription:
        'The status is what readers of the agreement and `samverkan status` take at its word; a status that contradicts the dates means someone believes the agreement is in force when it is not, or the other way round. A yearly renewed agreement stays active after its first end until a party gives notice. Correct the status, or the term (end, renewal, notice_given). It is a warning, not an error, because it depends on the day it is checked.',
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
        const { path, message } = describe(conflict);
        context.report('agreement/status', doc, path, message);
      }
    }
  },
};
