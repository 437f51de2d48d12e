/**
 * The questions the editing commands ask in a terminal, for what their flags leave out, in
 * Swedish or English. Each is shaped like an inquirer prompt, (config, context), so that
 * @inquirer/testing's `render` can drive it in tests; the config carries the choices already
 * worked out from the workspace, so a prompt never reads files.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { SamverkanError } from '../errors.js';
import { isIsoDate } from '../model/dates.js';
import { labelsFor } from '../i18n/index.js';
import { messages } from '../i18n/messages.js';
import { fieldNode } from '../schema/aliases.js';
import { forEachPrompt, type PromptContext } from './init-prompts.js';

export type { PromptContext };
export type Lang = 'sv' | 'en';

/** One thing to pick: its id, and how it is shown. */
export interface Choice {
  value: string;
  name: string;
}

const say = messages('cli/prompts', {
  stopped: { sv: 'Avbrutet på din begäran, så ingenting skrevs.', en: 'Stopped at your request, so nothing was written.' },
});

/** The user stopped at a question (Ctrl-C, or Esc where a prompt allows it); nothing was written. */
export class PromptCancelledError extends SamverkanError {
  override readonly exitCode: number = 1;
}

/** True for the errors inquirer throws when a prompt is stopped. */
export function isPromptCancel(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/**
 * Runs `ask`, turning a stop at a question into PromptCancelledError, so that the command ends
 * with one plain sentence and exit code 1, and before anything is written.
 */
export async function whileAsking<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (isPromptCancel(error)) throw new PromptCancelledError(say('stopped'));
    throw error;
  }
}

/** Wraps a conversation as an inquirer-style prompt with `cancel()`. */
function asPrompt<C, V>(ask: (config: C, context: PromptContext) => Promise<V>) {
  return (config: C, context: PromptContext = {}): Promise<V> & { cancel: () => void } => {
    const controller = new AbortController();
    const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
    return Object.assign(ask(config, forEachPrompt({ ...context, signal })), { cancel: () => controller.abort() });
  };
}

const t = messages('cli/prompts/questions', {
  title: { sv: 'Vad ska göras? (åtgärdens rubrik)', en: "What is to be done? (the action's title)" },
  titleRequired: { sv: 'Skriv vad som ska göras.', en: 'Write what is to be done.' },
  responsible: { sv: 'Vilken organisation är ansvarig?', en: 'Which organisation is responsible?' },
  responsibleId: { sv: 'Vilken organisation är ansvarig? (id som i organizations.yaml)', en: 'Which organisation is responsible? (its id, as in organizations.yaml)' },
  due: { sv: 'När ska den vara klar? (ÅÅÅÅ-MM-DD)', en: 'When is it due? (YYYY-MM-DD)' },
  notADate: { sv: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2010-06-30.', en: 'Write a date as YYYY-MM-DD, for example 2010-06-30.' },
  goals: {
    sv: 'Vilka mål eller delmål arbetar den mot? (mellanslag väljer, enter går vidare)',
    en: 'Which goals or sub-goals does it serve? (space selects, enter goes on)',
  },
  status: { sv: 'Status nu?', en: 'Status now?' },
  progress: { sv: 'Hur långt har den kommit, i procent? (lämna tomt för att inte ange)', en: 'How far has it come, in percent? (leave empty to not say)' },
  notAPercentage: { sv: 'Skriv ett heltal från 0 till 100.', en: 'Write a whole number from 0 to 100.' },
  note: { sv: 'Anteckning till uppföljningen (lämna tomt för ingen):', en: 'A note for the follow-up (leave empty for none):' },
  person: { sv: 'Vem ska in i {group}?', en: 'Who joins {group}?' },
  personId: { sv: 'Vem ska in i {group}? (id som i people.yaml)', en: 'Who joins {group}? (their id, as in people.yaml)' },
  personRequired: { sv: 'Skriv personens id.', en: "Write the person's id." },
  idRequired: { sv: 'Skriv ett id.', en: 'Write an id.' },
  role: { sv: 'Vilken roll får hen?', en: 'Which role do they get?' },
  leaving: { sv: 'Vem lämnar {group}?', en: 'Who leaves {group}?' },
  task: { sv: 'Vilken uppgift från {meeting} är klar?', en: 'Which task from {meeting} is done?' },
  date: { sv: 'Vilket datum är mötet i {group}? (ÅÅÅÅ-MM-DD)', en: 'On which date does {group} meet? (YYYY-MM-DD)' },
  commitAdjustment: { sv: 'Checka in justeringen i git nu (bara {file})?', en: 'Commit the adjustment to git now (only {file})?' },
});

/** The values of a field, each with its word in `lang` ("ledamot", "pågår"), for a list to pick from. */
function valueChoices(kind: 'plan' | 'group', path: string, words: Record<string, string>): Choice[] {
  return ((fieldNode(kind, path)?.enum ?? []) as string[]).map((value) => ({ value, name: (words[value] ?? value).toLowerCase() }));
}

const PAGE = 12;

async function askDateValue(message: string, lang: Lang, context: PromptContext, defaultValue?: string): Promise<string> {
  const value = await input(
    { message, default: defaultValue, validate: (v) => (isIsoDate(v.trim()) ? true : t.in(lang, 'notADate')) },
    context,
  );
  return value.trim();
}

export interface ActionAddPromptConfig {
  lang: Lang;
  /** Answers given as flags: not asked again. */
  title?: string;
  responsible?: string;
  due?: string;
  /** Given with --goal; asked (when the plan has goals) only if undefined. */
  goals?: string[];
  /** The organisations, to pick the responsible one from. */
  organizations: Choice[];
  /** The plan's goals and sub-goals. */
  goalChoices: Choice[];
}

export interface ActionAddAnswers {
  title: string;
  responsible: string;
  due: string;
  goals: string[];
}

/** Asks for an action's title, responsible organisation, due date and goals, where not given. */
export const askActionAdd = asPrompt<ActionAddPromptConfig, ActionAddAnswers>(async (config, context) => {
  const l = config.lang;
  const title = config.title ?? (await input({ message: t.in(l, 'title'), validate: (v) => (v.trim() ? true : t.in(l, 'titleRequired')) }, context)).trim();
  const responsible =
    config.responsible ??
    (config.organizations.length > 0
      ? await select({ message: t.in(l, 'responsible'), choices: config.organizations, pageSize: PAGE }, context)
      : (await input({ message: t.in(l, 'responsibleId'), validate: (v) => (v.trim() ? true : t.in(l, 'idRequired')) }, context)).trim());
  const due = config.due ?? (await askDateValue(t.in(l, 'due'), l, context));
  const goals =
    config.goals ?? (config.goalChoices.length > 0 ? await checkbox({ message: t.in(l, 'goals'), choices: config.goalChoices, pageSize: PAGE }, context) : []);
  return { title, responsible, due, goals };
});

export interface ActionSetPromptConfig {
  lang: Lang;
  /** The action's current status and progress: the defaults. */
  status: string;
  progress?: number;
}

export interface ActionSetAnswers {
  status: string;
  progress?: number;
  note?: string;
}

/** Asks for an action's new status, progress and a note for its follow-up. */
export const askActionSet = asPrompt<ActionSetPromptConfig, ActionSetAnswers>(async (config, context) => {
  const l = config.lang;
  const status = await select(
    { message: t.in(l, 'status'), choices: valueChoices('plan', 'actions[].status', labelsFor(l).action_status), default: config.status },
    context,
  );
  const progressText = (
    await input(
      {
        message: t.in(l, 'progress'),
        default: config.progress === undefined ? undefined : String(config.progress),
        validate: (v) => {
          const s = v.trim().replace(/\s*%$/, '');
          return s === '' || (/^\d+$/.test(s) && Number(s) <= 100) ? true : t.in(l, 'notAPercentage');
        },
      },
      context,
    )
  )
    .trim()
    .replace(/\s*%$/, '');
  const note = (await input({ message: t.in(l, 'note') }, context)).trim();
  return {
    status,
    ...(progressText !== '' ? { progress: Number(progressText) } : {}),
    ...(note ? { note } : {}),
  };
});

export interface MemberAddPromptConfig {
  lang: Lang;
  /** The group's name, for the question. */
  group: string;
  person?: string;
  role?: string;
  /** People who could join: not in the group now. */
  people: Choice[];
}

/** Asks who joins a group and in which role, where not given. */
export const askMemberAdd = asPrompt<MemberAddPromptConfig, { person: string; role: string }>(async (config, context) => {
  const l = config.lang;
  const person =
    config.person ??
    (config.people.length > 0
      ? await select({ message: t.in(l, 'person', { group: config.group }), choices: config.people, pageSize: PAGE }, context)
      : (await input({ message: t.in(l, 'personId', { group: config.group }), validate: (v) => (v.trim() ? true : t.in(l, 'personRequired')) }, context)).trim());
  const role =
    config.role ??
    (await select({ message: t.in(l, 'role'), choices: valueChoices('group', 'members[].role', labelsFor(l).member_role), default: 'member' }, context));
  return { person, role };
});

export interface MemberRemovePromptConfig {
  lang: Lang;
  group: string;
  /** The current members. */
  members: Choice[];
}

/** Asks which current member leaves a group. */
export const askMemberRemove = asPrompt<MemberRemovePromptConfig, string>((config, context) =>
  select({ message: t.in(config.lang, 'leaving', { group: config.group }), choices: config.members, pageSize: PAGE }, context),
);

export interface TaskPromptConfig {
  lang: Lang;
  meeting: string;
  /** The meeting's open tasks. */
  tasks: Choice[];
}

/** Asks which of a meeting's open tasks is done. */
export const askTask = asPrompt<TaskPromptConfig, string>((config, context) =>
  select({ message: t.in(config.lang, 'task', { meeting: config.meeting }), choices: config.tasks, pageSize: PAGE }, context),
);

export interface DatePromptConfig {
  lang: Lang;
  group: string;
  default?: string;
}

/** Asks for a meeting's date (for a group that meets ad hoc). */
export const askMeetingDate = asPrompt<DatePromptConfig, string>((config, context) =>
  askDateValue(t.in(config.lang, 'date', { group: config.group }), config.lang, context, config.default),
);

export interface CommitAdjustmentPromptConfig {
  lang: Lang;
  /** The meeting file, as the user sees its path. */
  file: string;
}

/** Asks whether to commit an adjustment now; yes unless answered otherwise, since the commit is the record. */
export const askCommitAdjustment = asPrompt<CommitAdjustmentPromptConfig, boolean>((config, context) =>
  confirm({ message: t.in(config.lang, 'commitAdjustment', { file: config.file }), default: true }, context),
);
