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
import { groupRoleRules } from './group-roles.js';
import { planRules } from './plan.js';
import { meetingRules } from './meeting.js';
import { meetingItemRules } from './meeting-items.js';
import { meetingAttachmentRules } from './meeting-attachments.js';
import { minutesAdjustedRules } from './minutes-adjusted.js';
import { privacyRules } from './privacy.js';
import type { RuleMeta } from './types.js';

/** Schema checks run first: the other rules only look at documents that match their schema. */
export const RULE_MODULES: readonly RuleModule[] = [
  fileRules,
  schemaRules,
  idRules,
  refRules,
  assessmentRefRules,
  agreementRules,
  agreementCostSharingRules,
  agreementStatusRules,
  groupRules,
  groupSecrecyRules,
  groupRoleRules,
  planRules,
  meetingRules,
  meetingItemRules,
  meetingAttachmentRules,
  minutesAdjustedRules,
  privacyRules,
];

/** Every rule, with its id, default severity and description. */
export const RULES: readonly RuleMeta[] = RULE_MODULES.flatMap((m) => m.rules);

const byId = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleMeta | undefined {
  return byId.get(id);
}
