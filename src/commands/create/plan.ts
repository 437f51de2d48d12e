/**
 * `samverkan plan new`: a new action plan (handlingsplan) file with its first goal, and the pieces
 * goal add, indicator add and indicator measure share to edit an existing plan: the plan's items
 * (one id namespace per plan), the next free id of a series, numbers and periods as typed.
 */
import { didYouMean } from '../../errors.js';
import { commitFileEdit, editDate, editsOrExplain, type EditOptions, type FileEditResult } from '../../edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, insertIntoSequence, styledItem } from '../../edit/text-edits.js';
import { lineAt, nextItemId, planToEdit } from '../action.js';
import { messages, type Lang } from '../../i18n/messages.js';
import type { PlanDoc } from '../../model/index.js';
import { periodEnd } from '../../model/plan-status.js';
import { closest } from '../../rules/words.js';
import type { PlanItemType } from '../../workspace/id-index.js';
import type { PathSegment } from '../../workspace/locate.js';
import type { Workspace } from '../../workspace/types.js';
import { both, checkDate, checkField, checkGiven, checkNewId, checkRef, checkText, firstMissing, freeId, writeNewDocument, type Check, type Field } from './common.js';

const say = messages('commands/create/plan', {
  ownerUnknown: {
    sv: 'Det finns ingen grupp eller organisation med id:t "{id}" i arbetsytan.{guess} Planen ägs av en grupp (till exempel styrgruppen) eller en organisation; skriv dess id.',
    en: 'There is no group or organisation with the id "{id}" in the workspace.{guess} A plan is owned by a group (the steering group, say) or an organisation; write its id.',
  },
  endBeforeStart: {
    sv: 'Slutet ({end}) ligger före början ({start}). Skriv ett slutdatum som är samma dag som början eller senare.',
    en: 'The end ({end}) is before the start ({start}). Write an end date on or after the start.',
  },
  itemTaken: {
    sv: 'Planen {plan} har redan {what} med id:t {id}. Välj ett annat id, till exempel {free}.',
    en: 'Plan {plan} already has {what} with the id {id}. Choose another id, for example {free}.',
  },
  notAPeriod: {
    sv: 'Skriv perioden som ett år (2010), ett halvår (2010-H1), ett kvartal (2010-Q3), en månad (2010-03) eller ett datum (2010-06-30).',
    en: 'Write the period as a year (2010), a half-year (2010-H1), a quarter (2010-Q3), a month (2010-03) or a date (2010-06-30).',
  },
  notANumber: {
    sv: 'Skriv ett tal, till exempel 12 eller 3,5, utan enhet.',
    en: 'Write a number, for example 12 or 3.5, without a unit.',
  },
  noItem: {
    sv: 'Planen {plan} har inte {what} med id:t "{id}".{guess} Välj en av: {known}.',
    en: 'Plan {plan} has no {what} "{id}".{guess} Choose one of: {known}.',
  },
  noItemYet: {
    sv: 'Planen {plan} har inte {what} med id:t "{id}"; den har inga än.',
    en: 'Plan {plan} has no {what} "{id}"; it has none yet.',
  },
  fileTaken: {
    sv: '{file} finns redan. Välj ett annat id.',
    en: '{file} already exists. Choose another id.',
  },
  item_goal: { sv: 'ett mål', en: 'a goal' },
  item_subgoal: { sv: 'ett delmål', en: 'a sub-goal' },
  item_indicator: { sv: 'en indikator', en: 'an indicator' },
  item_phase: { sv: 'ett steg', en: 'a phase' },
  item_action: { sv: 'en åtgärd', en: 'an action' },
  // The comments of a new plan file, in the workspace's language.
  fileTop: {
    sv: 'Handlingsplan: mål med delmål och indikatorer, och åtgärderna som genomför dem. Kontrollera med: samverkan validate',
    en: 'Action plan: goals with sub-goals and indicators, and the actions that carry them out. Check it with: samverkan validate',
  },
  commentTitle: { sv: 'planens namn, som det står på dokumentet', en: 'the plan\'s title, as the document shows it' },
  commentOwner: { sv: 'gruppen eller organisationen som äger planen', en: 'the group or organisation that owns the plan' },
  commentAgreement: { sv: 'överenskommelsen som planen genomför', en: 'the agreement the plan carries out' },
  commentPeriod: { sv: 'åren planens arbete omfattar', en: 'the years the plan\'s work covers' },
  commentGoals: {
    sv: 'Övergripande mål. Fler mål: samverkan goal add; indikatorer: samverkan indicator add; åtgärder: samverkan action add',
    en: 'Overall goals. More goals: samverkan goal add; indicators: samverkan indicator add; actions: samverkan action add',
  },
});

// ---------------------------------------------------------------------------------------------
// What goal add, indicator add and indicator measure share

/** A plan's item as its edits need it: what it is, and where it sits in the plan document. */
export interface PlanItem {
  id: string;
  type: PlanItemType;
  path: PathSegment[];
  value: Record<string, unknown>;
}

/** The items of a plan (goals, sub-goals, indicators, phases, actions) by id. */
export function planItems(workspace: Workspace, planId: string): Map<string, PlanItem> {
  const items = new Map<string, PlanItem>();
  for (const [id, entry] of workspace.index.planItems.get(planId) ?? []) {
    items.set(id, { id, type: entry.type, path: entry.path, value: entry.value as Record<string, unknown> });
  }
  return items;
}

/** A new id for an item of `planId`: written as an id, and not used by any other item of the plan. */
export function checkNewItemId(workspace: Workspace, planId: string, prefix: string): Check {
  const pattern = checkField('plan', 'goals[].id');
  return (value) => {
    const problem = pattern(value);
    if (problem) return problem;
    const taken = planItems(workspace, planId).get(value);
    if (!taken) return undefined;
    return say('itemTaken', { plan: planId, what: say(`item_${taken.type}`), id: value, free: nextItemId(workspace, planId, prefix) });
  };
}

/**
 * An item of the plan of one of `types`, with a guess and the list of those there are when it is
 * not; `what` names what was looked for in the sentence ("någon indikator", "indicator").
 */
export function checkItemRef(workspace: Workspace, planId: string, types: readonly PlanItemType[], what: string): Check {
  return (value) => {
    const items = [...planItems(workspace, planId).values()].filter((i) => types.includes(i.type)).map((i) => i.id);
    if (items.includes(value)) return undefined;
    if (items.length === 0) return say('noItemYet', { plan: planId, what, id: value });
    return say('noItem', { plan: planId, what, id: value, guess: didYouMean(closest(value, items)), known: items.join(', ') });
  };
}

/** A measurement period as plans write it: a year, half-year, quarter, tertial, month or date. */
export const checkPeriod: Check = (value) => (periodEnd(value) === null ? say('notAPeriod') : undefined);

/** A number as a person types it: 12, 3.5 or 3,5, spaces between thousands allowed; undefined if it is none. */
export function parseNumber(value: string): number | undefined {
  const text = value.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** A number, as parseNumber reads it. */
export const checkNumber: Check = (value) => (parseNumber(value) === undefined ? say('notANumber') : undefined);

export { nextItemId, planToEdit };

/** What appending to a plan's list did: the file as written, and the line the new entry starts on. */
export interface PlanAppendResult extends FileEditResult {
  /** 1-based line of the new entry in the file. */
  line: number;
}

/**
 * Appends `value` to the list at `path` of the plan (creating the list when missing), or inserts it
 * before the item `at` when given, keeping every comment and the layout of the rest, and writes the
 * file once the workspace with it is as valid as before.
 */
export async function appendToPlan(
  workspace: Workspace,
  planId: string,
  path: PathSegment[],
  value: Record<string, unknown>,
  options: EditOptions & { at?: number } = {},
): Promise<PlanAppendResult> {
  const { doc, file } = planToEdit(workspace, planId);
  const item = styledItem(doc.yaml, path, value);
  const edit = editsOrExplain(file, 'plan', () =>
    options.at === undefined ? appendToSequence(doc.yaml, file.text, path, item) : insertIntoSequence(doc.yaml, file.text, path, options.at, item),
  );
  const text = applyEdits(file.text, [edit]);
  // The edit's text may start with the line break the file lacked at its end.
  const line = lineAt(text, edit.start + (edit.insert.match(/^\r?\n/)?.[0].length ?? 0));
  return { ...(await commitFileEdit(workspace, file, text, { asOf: options.asOf })), line };
}

/**
 * Checks each given answer with its field (the first problem throws, naming its flag) and that every
 * required one is there (else a UsageError naming the flag). What the prompts already checked is
 * checked again, so that the core refuses the same whoever calls it.
 */
export function requireAnswers<T extends string>(fields: Record<T, Field>, input: Partial<Record<T, string | undefined>>): void {
  checkGiven(fields, input);
  const missing = firstMissing(fields, input);
  if (missing) throw missing;
}

// ---------------------------------------------------------------------------------------------
// plan new

/** The answers `plan new` needs; all as typed. */
export interface PlanNewInput {
  title?: string;
  /** The plan's id; from the title unless given. */
  id?: string;
  /** Group or organisation id. */
  owner?: string;
  /** Agreement id the plan carries out. */
  agreement?: string;
  start?: string;
  end?: string;
  /** The first goal, as a sentence (a plan has at least one). */
  goal?: string;
}

/** A plan's owner: a group, or else an organisation, of the workspace. */
function checkOwner(workspace: Workspace): Check {
  return (value) => {
    if (workspace.index.groups.has(value) || workspace.index.organizations.has(value)) return undefined;
    const known = [...workspace.index.groups.keys(), ...workspace.index.organizations.keys()];
    return say('ownerUnknown', { id: value, guess: didYouMean(closest(value, known)) });
  };
}

/** A term's end: a date, and not before `start` (when that is a date). */
export function checkEndAfter(start: string | undefined): Check {
  return both(checkDate, (value) => (start && checkDate(start) === undefined && value < start ? say('endBeforeStart', { start, end: value }) : undefined));
}

/** The fields of `plan new`, in the order they are asked; `start` is the start given, for the end's check. */
export function planNewFields(workspace: Workspace, start?: string): Record<keyof PlanNewInput, Field> {
  const ex = 'samverkan plan new --title "Handlingsplan 2025–2026" --owner styrgrupp --start 2025-01-01 --end 2026-12-31 --goal "Fler våldsutsatta får stöd i tid"';
  return {
    title: { flag: '--title', required: true, check: checkText, example: ex },
    id: { flag: '--id', required: false, check: both(checkNewId(workspace, 'plan'), checkFileFree(workspace, planFile)), example: `${ex} --id handlingsplan` },
    owner: { flag: '--owner', required: true, check: checkOwner(workspace), example: ex },
    agreement: { flag: '--agreement', required: false, check: checkRef(workspace, 'agreement'), example: `${ex} --agreement samverkansavtal` },
    start: { flag: '--start', required: true, check: checkDate, example: ex },
    end: { flag: '--end', required: true, check: checkEndAfter(start), example: ex },
    goal: { flag: '--goal', required: true, check: checkText, example: ex },
  };
}

/** The file a new plan is written to. */
export function planFile(id: string): string {
  return `plans/${id}.yaml`;
}

/** An id whose file (`fileOf(id)`) is not there yet: the id may be free while a file of that name holds another. */
export function checkFileFree(workspace: Workspace, fileOf: (id: string) => string): Check {
  return (id) => {
    const rel = fileOf(id);
    return workspace.files.some((f) => f.rel === rel) ? say('fileTaken', { file: rel }) : undefined;
  };
}

/** The id a new plan gets when none is given: from its title, free in the workspace. */
export function defaultPlanId(workspace: Workspace, title: string): string {
  return freeId(workspace, 'plan', title, 'handlingsplan');
}

export interface PlanNewResult extends FileEditResult {
  plan: PlanDoc;
}

/** Writes a new plan with its first goal (m1); every answer checked as the prompts check it. */
export async function createPlan(workspace: Workspace, input: PlanNewInput, options: EditOptions = {}): Promise<PlanNewResult> {
  editDate(workspace, options.asOf);
  requireAnswers(planNewFields(workspace, input.start), input);
  const title = input.title!.trim();
  const id = input.id?.trim() || defaultPlanId(workspace, title);
  const plan: Record<string, unknown> = { kind: 'plan', id, title, owner: input.owner!.trim() };
  if (input.agreement?.trim()) plan.agreement = input.agreement.trim();
  plan.period = { start: input.start!.trim(), end: input.end!.trim() };
  plan.goals = [{ id: 'm1', title: input.goal!.trim() }];
  const lang: Lang = workspace.config.language;
  const result = await writeNewDocument(workspace, planFile(id), 'plan', plan, {
    top: say.in(lang, 'fileTop'),
    keys: {
      title: say.in(lang, 'commentTitle'),
      owner: say.in(lang, 'commentOwner'),
      agreement: say.in(lang, 'commentAgreement'),
      period: say.in(lang, 'commentPeriod'),
      goals: say.in(lang, 'commentGoals'),
    },
  }, options);
  return { ...result, plan: plan as unknown as PlanDoc };
}
