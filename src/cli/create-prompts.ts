/**
 * The building blocks of the creation commands' conversations (person add, organization add,
 * group new, plan new, goal add, indicator add, agreement new): each answer comes from its flag
 * (checked), else from a question in a terminal whose `validate` is the same check, so a wrong
 * answer is refused where it was typed; without a terminal a missing required answer is refused
 * naming its flag (see `answer` in src/commands/create/common.ts).
 */
import { checkbox, input, select } from '@inquirer/prompts';
import { language, messages, type Lang } from '../i18n/messages.js';
import { answer, asValidate, checkFlag, enumValues, meetingsFields, type Check, type Field, type MeetingsInput } from '../commands/create/common.js';
import type { Workspace } from '../workspace/types.js';
import type { PromptContext } from './init-prompts.js';

const say = messages('cli/create-prompts', {
  none: { sv: '(ingen)', en: '(none)' },
  optional: { sv: '(lämna tomt för att hoppa över)', en: '(leave empty to skip)' },
  cadence: { sv: 'Hur ofta träffas gruppen? (weekly, every 6 weeks, monthly, quarterly …)', en: 'How often does the group meet? (weekly, every 6 weeks, monthly, quarterly …)' },
  weekday: { sv: 'Vilken veckodag?', en: 'On which day of the week?' },
  time: { sv: 'Vilken tid börjar mötena? (TT:MM)', en: 'At what time do the meetings start? (HH:MM)' },
  location: { sv: 'Var träffas gruppen?', en: 'Where does the group meet?' },
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
export function typed(field: Field, value: string | undefined, config: Pick<Ask, 'canAsk'>, context: PromptContext, message: string, defaultValue?: string): Promise<string | undefined> {
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
export function picked(field: Field, value: string | undefined, config: Pick<Ask, 'canAsk'>, context: PromptContext, message: string, choices: Choice[], typedMessage = message): Promise<string | undefined> {
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
export function withDefault(field: Field, value: string | undefined, config: Pick<Ask, 'canAsk'>, context: PromptContext, message: string, choices: Choice[], defaultValue: string): Promise<string | undefined> {
  return answer(field, value, {
    canAsk: config.canAsk,
    ask: () => select({ message, choices, default: defaultValue, pageSize: Math.min(choices.length, PAGE) }, context),
  });
}

/** Several answers picked from `choices` (a repeatable flag): the flag's values, else ticked in a terminal, else none. */
export async function ticked(field: Field, values: readonly string[] | undefined, config: Pick<Ask, 'canAsk'>, context: PromptContext, message: string, choices: Choice[]): Promise<string[]> {
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

/** Weekday names in the current language, from the calendar (2024-01-01 was a Monday). */
function weekdayLabels(values: readonly string[], lang: Lang): Record<string, string> {
  const format = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' });
  const order = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  return Object.fromEntries(values.map((v) => [v, format.format(new Date(Date.UTC(2024, 0, 1 + order.indexOf(v))))]));
}

/**
 * Asks when and where a group meets, for what the flags left out: how often; for a group that
 * meets regularly, the weekday and the time; and where. `group new` and `init` ask the same way.
 * The duration is taken from its flag only. `lang` is the questions' language (init asks in its own).
 */
export async function askMeetings(
  given: MeetingsInput,
  config: Pick<Ask, 'canAsk'>,
  context: PromptContext,
  example: string,
  lang: Lang = language(),
): Promise<MeetingsInput> {
  const fields = meetingsFields(example);
  const cadence = await typed(fields.cadence, given.cadence, config, context, say.in(lang, 'cadence'));
  const regular = cadence !== undefined && cadence !== 'ad hoc';
  const weekdays = enumValues('group', 'meetings.weekday');
  const weekday = regular ? await picked(fields.weekday, given.weekday, config, context, say.in(lang, 'weekday'), enumChoices(weekdays, weekdayLabels(weekdays, lang))) : given.weekday;
  const time = regular ? await typed(fields.time, given.time, config, context, say.in(lang, 'time')) : given.time;
  const location = cadence !== undefined || given.location !== undefined ? await typed(fields.location, given.location, config, context, say.in(lang, 'location')) : undefined;
  return { cadence, weekday: weekday || undefined, time, duration: given.duration, location };
}
