/**
 * The questions the editing commands ask in a terminal, for what their flags leave out, in
 * Swedish or English. Each is shaped like an inquirer prompt, (config, context), so that
 * @inquirer/testing's `render` can drive it in tests; the config carries the choices already
 * worked out from the workspace, so a prompt never reads files.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { SamverkanError } from '../errors.js';
import { isIsoDate } from '../model/dates.js';
import { messages } from '../i18n/messages.js';
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

const TEXTS = {
  sv: {
    title: 'Vad ska göras? (åtgärdens rubrik)',
    titleRequired: 'Skriv vad som ska göras.',
    responsible: 'Vilken organisation är ansvarig?',
    responsibleId: 'Vilken organisation är ansvarig? (id som i organizations.yaml)',
    due: 'När ska den vara klar? (ÅÅÅÅ-MM-DD)',
    notADate: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2010-06-30.',
    goals: 'Vilka mål eller delmål arbetar den mot? (mellanslag väljer, enter går vidare)',
    status: 'Status nu?',
    progress: 'Hur långt har den kommit, i procent? (lämna tomt för att inte ange)',
    notAPercentage: 'Skriv ett heltal från 0 till 100.',
    note: 'Anteckning till uppföljningen (lämna tomt för ingen):',
    person: (group: string) => `Vem ska in i ${group}?`,
    personId: (group: string) => `Vem ska in i ${group}? (id som i people.yaml)`,
    personRequired: 'Skriv personens id.',
    idRequired: 'Skriv ett id.',
    role: 'Vilken roll får hen?',
    leaving: (group: string) => `Vem lämnar ${group}?`,
    task: (meeting: string) => `Vilken uppgift från ${meeting} är klar?`,
    date: (group: string) => `Vilket datum är mötet i ${group}? (ÅÅÅÅ-MM-DD)`,
    commitAdjustment: (file: string) => `Checka in justeringen i git nu (bara ${file})?`,
    statuses: { planned: 'planerad', ongoing: 'pågår', done: 'klar', paused: 'pausad', cancelled: 'avbruten' } as Record<string, string>,
    roles: {
      chair: 'ordförande',
      'vice-chair': 'vice ordförande',
      secretary: 'sekreterare',
      member: 'ledamot',
      'co-opted': 'adjungerad',
      substitute: 'ersättare',
    } as Record<string, string>,
  },
  en: {
    title: 'What is to be done? (the action\'s title)',
    titleRequired: 'Write what is to be done.',
    responsible: 'Which organisation is responsible?',
    responsibleId: 'Which organisation is responsible? (its id, as in organizations.yaml)',
    due: 'When is it due? (YYYY-MM-DD)',
    notADate: 'Write a date as YYYY-MM-DD, for example 2010-06-30.',
    goals: 'Which goals or sub-goals does it serve? (space selects, enter goes on)',
    status: 'Status now?',
    progress: 'How far has it come, in percent? (leave empty to not say)',
    notAPercentage: 'Write a whole number from 0 to 100.',
    note: 'A note for the follow-up (leave empty for none):',
    person: (group: string) => `Who joins ${group}?`,
    personId: (group: string) => `Who joins ${group}? (their id, as in people.yaml)`,
    personRequired: 'Write the person\'s id.',
    idRequired: 'Write an id.',
    role: 'Which role do they get?',
    leaving: (group: string) => `Who leaves ${group}?`,
    task: (meeting: string) => `Which task from ${meeting} is done?`,
    date: (group: string) => `On which date does ${group} meet? (YYYY-MM-DD)`,
    commitAdjustment: (file: string) => `Commit the adjustment to git now (only ${file})?`,
    statuses: { planned: 'planned', ongoing: 'ongoing', done: 'done', paused: 'paused', cancelled: 'cancelled' } as Record<string, string>,
    roles: {
      chair: 'chair',
      'vice-chair': 'vice chair',
      secretary: 'secretary',
      member: 'member',
      'co-opted': 'co-opted',
      substitute: 'substitute',
    } as Record<string, string>,
  },
};

const STATUSES = ['planned', 'ongoing', 'done', 'paused', 'cancelled'];
const ROLES = ['chair', 'vice-chair', 'secretary', 'member', 'co-opted', 'substitute'];
const PAGE = 12;

async function askDateValue(message: string, lang: Lang, context: PromptContext, defaultValue?: string): Promise<string> {
  const value = await input(
    { message, default: defaultValue, validate: (v) => (isIsoDate(v.trim()) ? true : TEXTS[lang].notADate) },
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
  const t = TEXTS[config.lang];
  const title = config.title ?? (await input({ message: t.title, validate: (v) => (v.trim() ? true : t.titleRequired) }, context)).trim();
  const responsible =
    config.responsible ??
    (config.organizations.length > 0
      ? await select({ message: t.responsible, choices: config.organizations, pageSize: PAGE }, context)
      : (await input({ message: t.responsibleId, validate: (v) => (v.trim() ? true : t.idRequired) }, context)).trim());
  const due = config.due ?? (await askDateValue(t.due, config.lang, context));
  const goals =
    config.goals ?? (config.goalChoices.length > 0 ? await checkbox({ message: t.goals, choices: config.goalChoices, pageSize: PAGE }, context) : []);
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
  const t = TEXTS[config.lang];
  const status = await select(
    { message: t.status, choices: STATUSES.map((value) => ({ value, name: t.statuses[value] })), default: config.status },
    context,
  );
  const progressText = (
    await input(
      {
        message: t.progress,
        default: config.progress === undefined ? undefined : String(config.progress),
        validate: (v) => {
          const s = v.trim().replace(/\s*%$/, '');
          return s === '' || (/^\d+$/.test(s) && Number(s) <= 100) ? true : t.notAPercentage;
        },
      },
      context,
    )
  )
    .trim()
    .replace(/\s*%$/, '');
  const note = (await input({ message: t.note }, context)).trim();
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
  const t = TEXTS[config.lang];
  const person =
    config.person ??
    (config.people.length > 0
      ? await select({ message: t.person(config.group), choices: config.people, pageSize: PAGE }, context)
      : (await input({ message: t.personId(config.group), validate: (v) => (v.trim() ? true : t.personRequired) }, context)).trim());
  const role =
    config.role ?? (await select({ message: t.role, choices: ROLES.map((value) => ({ value, name: t.roles[value] })), default: 'member' }, context));
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
  select({ message: TEXTS[config.lang].leaving(config.group), choices: config.members, pageSize: PAGE }, context),
);

export interface TaskPromptConfig {
  lang: Lang;
  meeting: string;
  /** The meeting's open tasks. */
  tasks: Choice[];
}

/** Asks which of a meeting's open tasks is done. */
export const askTask = asPrompt<TaskPromptConfig, string>((config, context) =>
  select({ message: TEXTS[config.lang].task(config.meeting), choices: config.tasks, pageSize: PAGE }, context),
);

export interface DatePromptConfig {
  lang: Lang;
  group: string;
  default?: string;
}

/** Asks for a meeting's date (for a group that meets ad hoc). */
export const askMeetingDate = asPrompt<DatePromptConfig, string>((config, context) =>
  askDateValue(TEXTS[config.lang].date(config.group), config.lang, context, config.default),
);

export interface CommitAdjustmentPromptConfig {
  lang: Lang;
  /** The meeting file, as the user sees its path. */
  file: string;
}

/** Asks whether to commit an adjustment now; yes unless answered otherwise, since the commit is the record. */
export const askCommitAdjustment = asPrompt<CommitAdjustmentPromptConfig, boolean>((config, context) =>
  confirm({ message: TEXTS[config.lang].commitAdjustment(config.file), default: true }, context),
);
