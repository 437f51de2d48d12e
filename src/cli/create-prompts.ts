/**
 * The building blocks of the creation commands' conversations (person add, organization add,
 * group new, plan new, goal add, indicator add, agreement new): each answer comes from its flag
 * (checked), else from a question in a terminal whose `validate` is the same check, so a wrong
 * answer is refused where it was typed; without a terminal a missing required answer is refused
 * naming its flag (see `answer` in src/commands/create/common.ts).
 */
import { checkbox, input, select } from '@inquirer/prompts';
import { messages } from '../i18n/messages.js';
import { answer, asValidate, checkFlag, type Check, type Field } from '../commands/create/common.js';
import type { Workspace } from '../workspace/types.js';
import type { PromptContext } from './init-prompts.js';

const say = messages('cli/create-prompts', {
  none: { sv: '(ingen)', en: '(none)' },
  optional: { sv: '(lämna tomt för att hoppa över)', en: '(leave empty to skip)' },
});

/** What every conversation knows: the workspace (for choices and checks) and whether a terminal can ask. */
export type Ask = { workspace: Workspace; canAsk: boolean };

/** One thing to pick: the value written, and how it is shown. */
export interface Choice {
  value: string;
  name: string;
}

/** Most choices a list shows at once. */
export const PAGE = 12;

/** A check that lets an empty answer through: for questions that may be skipped. */
export function optional(check: Check | undefined): Check {
  return (value) => (value.trim() === '' || !check ? undefined : check(value));
}

/** A question in words, with `(leave empty to skip)` when it may be skipped (and no default fills it in). */
export function question(message: string, field: Field, defaultValue?: string): string {
  return field.required || defaultValue !== undefined ? message : `${message} ${say('optional')}`;
}

/** One typed answer: the flag's, else asked with the field's check as the question's validate. */
export function typed(field: Field, value: string | undefined, config: Ask, context: PromptContext, message: string, defaultValue?: string): Promise<string | undefined> {
  return answer(field, value, {
    canAsk: config.canAsk,
    ask: () =>
      input(
        { message: question(message, field, defaultValue), default: defaultValue, validate: asValidate(field.required ? (field.check ?? (() => undefined)) : optional(field.check)) },
        context,
      ),
  });
}

/** One answer picked from `choices` (with a "none" first when it may be skipped); typed when there is nothing to pick from. */
export function picked(field: Field, value: string | undefined, config: Ask, context: PromptContext, message: string, choices: Choice[], typedMessage = message): Promise<string | undefined> {
  if (choices.length === 0) return typed(field, value, config, context, typedMessage);
  const all = field.required ? choices : [{ value: '', name: say('none') }, ...choices];
  return answer(field, value, {
    canAsk: config.canAsk,
    ask: () => select({ message, choices: all, pageSize: Math.min(all.length, PAGE) }, context),
  });
}

/**
 * One answer picked from `choices` that has a default the core also takes: asked with it chosen
 * in a terminal, and left to the core (undefined) elsewhere.
 */
export function withDefault(field: Field, value: string | undefined, config: Ask, context: PromptContext, message: string, choices: Choice[], defaultValue: string): Promise<string | undefined> {
  return answer(field, value, {
    canAsk: config.canAsk,
    ask: () => select({ message, choices, default: defaultValue, pageSize: Math.min(choices.length, PAGE) }, context),
  });
}

/** Several answers picked from `choices` (a repeatable flag): the flag's values, else ticked in a terminal, else none. */
export async function ticked(field: Field, values: readonly string[] | undefined, config: Ask, context: PromptContext, message: string, choices: Choice[]): Promise<string[]> {
  if (values && values.length > 0) return values.map((v) => checkFlag(field, v)!);
  if (!config.canAsk || choices.length === 0) return [];
  return checkbox({ message, choices, pageSize: Math.min(choices.length, PAGE) }, context);
}

/** The values of an enum field as choices: the words a reader knows, and the value written. */
export function enumChoices(values: readonly string[], labels: Record<string, string> | undefined): Choice[] {
  return values.map((value) => ({ value, name: labels?.[value] ? `${labels[value]} (${value})` : value }));
}

/** The entries of a namespace as choices, `Name (id)`, sorted as the files list them. */
export function entryChoices(entries: Iterable<{ id: string; value: unknown }>, exclude: ReadonlySet<string> = new Set()): Choice[] {
  const choices: Choice[] = [];
  for (const { id, value } of entries) {
    if (exclude.has(id)) continue;
    const { name, title } = (value ?? {}) as { name?: unknown; title?: unknown };
    const shown = typeof name === 'string' && name ? name : typeof title === 'string' && title ? title : undefined;
    choices.push({ value: id, name: shown ? `${shown} (${id})` : id });
  }
  return choices;
}
