/** `samverkan rules`: every rule of the rule table, or those matching an id or a family (plan/*). */
import { didYouMean, NotFoundError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import { ruleDocPath } from '../rules/docs.js';
import { RULES } from '../rules/registry.js';
import type { RuleMeta } from '../rules/types.js';
import { closest } from '../rules/words.js';

const say = messages('commands/rules', {
  unknown: {
    sv: '"{pattern}" är ingen regel som samverkan har.{guess} Kör "samverkan rules" för att se alla regler.',
    en: '"{pattern}" is not a rule samverkan has.{guess} Run "samverkan rules" to see every rule.',
  },
});

/** A rule as `samverkan rules` shows it: the rule table's entry in the current language and the path of its page. */
export interface RuleListing extends Omit<RuleMeta, 'description' | 'fullDescription' | 'messages'> {
  /** One sentence: what the rule checks. */
  description: string;
  /** Why the problem matters and how to fix it. */
  fullDescription: string;
  /** The rule's page, relative to samverkan's repository root (docs/rules/plan/overdue.md, in Swedish docs/rules/sv/plan/overdue.md). */
  documentation: string;
}

function matches(pattern: string, id: string): boolean {
  return pattern === id || (pattern.endsWith('/*') && id.startsWith(pattern.slice(0, -1))) || pattern === id.split('/')[0];
}

/**
 * Every rule in the order they run, or only those `pattern` names: a rule id, a family (`plan` or
 * `plan/*`). Throws NotFoundError, with the closest id, when it names none.
 */
export function listRules(pattern?: string): RuleListing[] {
  const chosen = pattern === undefined ? RULES : RULES.filter((r) => matches(pattern, r.id));
  if (chosen.length === 0) {
    const guess = closest(pattern ?? '', RULES.map((r) => r.id));
    throw new NotFoundError(say('unknown', { pattern, guess: didYouMean(guess) }));
  }
  const lang = language();
  return chosen.map(({ id, severity, description, fullDescription, example }) => ({
    id,
    severity,
    description: description[lang] as string,
    fullDescription: fullDescription[lang] as string,
    example,
    documentation: ruleDocPath(id, lang),
  }));
}
