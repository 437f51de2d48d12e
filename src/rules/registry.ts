/** Every rule module, in the order they run, and the list of every rule id with its default severity. */
import type { RuleModule } from './context.js';
import { fileRules } from './files.js';
import { schemaRules } from './schema.js';
import { idRules } from './ids.js';
import { refRules } from './refs.js';
import { agreementRules } from './agreement.js';
import { agreementCostSharingRules } from './agreement-cost-sharing.js';
import { agreementStatusRules } from './agreement-status.js';
import { assessmentRefRules } from './assessment-refs.js';
import { groupRules } from './group.js';
import { groupSecrecyRules } from './group-secrecy.js';
import { planRules } from './plan.js';
import { meetingRules } from './meeting.js';
import { meetingItemRules } from './meeting-items.js';
import { privacyRules } from './privacy.js';
import type { RuleMeta } from './types.js';

const configRules: RuleModule = {
  rules: [
    {
      id: 'config/unknown-rule',
      severity: 'warning',
      description: 'samverkan.yaml sets the severity of a rule that does not exist.',
      fullDescription:
        'A setting under rules: in samverkan.yaml that names no rule does nothing, so the rule someone meant to turn off or down still reports as before. This is usually a misspelling; the message suggests the closest rule, and `samverkan rules` lists them all.',
      example: {
        file: 'samverkan.yaml',
        bad: 'kind: workspace\nname: Kvinnofrid Testbygden\nrules:\n  plan/overdu: off\n',
        good: 'kind: workspace\nname: Kvinnofrid Testbygden\nrules:\n  plan/overdue: off\n',
      },
    },
  ],
  check() {
    // Reported by the engine while it reads the severity settings.
  },
};

/** Schema checks run first: the other rules only look at documents that match their schema. */
export const RULE_MODULES: readonly RuleModule[] = [
  fileRules,
  configRules,
  schemaRules,
  idRules,
  refRules,
  assessmentRefRules,
  agreementRules,
  agreementCostSharingRules,
  agreementStatusRules,
  groupRules,
  groupSecrecyRules,
  planRules,
  meetingRules,
  meetingItemRules,
  privacyRules,
];

/** Every rule, with its id, default severity and description. */
export const RULES: readonly RuleMeta[] = RULE_MODULES.flatMap((m) => m.rules);

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id);
}
