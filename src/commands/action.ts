/**
 * `samverkan action add` and `action set`: add an action to a plan, or record how one goes.
 * Both edit the plan file in place (comments, blank lines and formatting of everything else stay
 * as they were), check the result, and write it atomically.
 */
import { isMap } from 'yaml';
import { didYouMean, notADate, NotFoundError, UsageError } from '../errors.js';
import { commitFileEdit, documentToEdit, editDate, editsOrExplain, notEditable, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, setScalar, styledItem, type TextEdit } from '../edit/text-edits.js';
import { messages } from '../i18n/messages.js';
import type { PlanItemType } from '../workspace/id-index.js';
import { isIsoDate } from '../model/dates.js';
import type { Action, ActionStatus, PlanDoc } from '../model/index.js';
import { closest } from '../rules/words.js';
import { canonicalValue, fieldAmbiguity, fieldNode } from '../schema/aliases.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';

const say = messages('commands/action', {
  notStatus: { sv: '--status "{value}" är ingen status.{guess} Använd någon av {statuses}.', en: '--status "{value}" is not a status.{guess} Use one of {statuses}.' },
  notProgress: {
    sv: '--progress "{value}" är ingen procentsats. Ge ett heltal från 0 till 100, till exempel --progress 40.',
    en: '--progress "{value}" is not a percentage. Give a whole number from 0 to 100, for example --progress 40.',
  },
  notRef: {
    sv: '"{ref}" anger ingen åtgärd. Skriv PLAN/ÅTGÄRD, till exempel handlingsplan-nb/a3.',
    en: '"{ref}" does not name an action. Write PLAN/ACTION, for example handlingsplan-nb/a3.',
  },
  unknown: {
    sv: '{flag} {id}: det finns {none} "{id}" i arbetsytan.{guess} Kontrollera stavningen, eller lägg först in den i {where}.',
    en: '{flag} {id}: there is no {none} "{id}" in the workspace.{guess} Check the spelling, or add it to {where} first.',
  },
  none_organization: { sv: 'ingen organisation', en: 'organisation' },
  none_person: { sv: 'ingen person', en: 'person' },
  none_group: { sv: 'ingen grupp', en: 'group' },
  or: { sv: ' eller ', en: ' or ' },
  groupsFolder: { sv: 'en fil under groups/', en: 'a file under groups/' },
  notId: {
    sv: '--id "{id}" är inget id. Använd små bokstäver a–z, siffror och bindestreck, till exempel a12 eller utbildning-polis.',
    en: '--id "{id}" is not an id. Use lower-case letters a–z, digits and hyphens, for example a12 or utbildning-polis.',
  },
  idTaken: {
    sv: 'Planen {plan} har redan {a} med id {id}. Välj ett annat --id, eller utelämna --id för att få {next}.',
    en: 'Plan {plan} already has {a} with id {id}. Choose another --id, or leave --id out to get {next}.',
  },
  a_goal: { sv: 'ett mål', en: 'a goal' },
  a_subgoal: { sv: 'ett delmål', en: 'a subgoal' },
  a_indicator: { sv: 'en indikator', en: 'an indicator' },
  a_phase: { sv: 'en fas', en: 'a phase' },
  a_action: { sv: 'en åtgärd', en: 'an action' },
  noTitle: {
    sv: '--title är tom. Skriv vad som ska göras, till exempel --title "Utbilda personalen i FREDA".',
    en: '--title is empty. Say what is to be done, for example --title "Utbilda personalen i FREDA".',
  },
  noResponsible: {
    sv: '--responsible saknas. Ge id för den organisation som ansvarar, som det står i organizations.yaml.',
    en: '--responsible is missing. Give the id of the organisation responsible, as in organizations.yaml.',
  },
  startAfterDue: {
    sv: '--start {start} är efter --due {due}. En åtgärd börjar innan den ska vara klar.',
    en: '--start {start} is after --due {due}. An action starts before it is due.',
  },
  noGoal: { sv: '--goal {goal}: planen {plan} har inget mål eller delmål "{goal}".{guess}', en: '--goal {goal}: plan {plan} has no goal or sub-goal "{goal}".{guess}' },
  goalsAre: { sv: ' Planens mål är: {ids}.', en: ' Its goals are: {ids}.' },
  noGoals: { sv: ' Planen har inga mål än.', en: ' The plan has no goals yet.' },
  noPhase: { sv: '--phase {phase}: planen {plan} har ingen fas "{phase}".{guess}', en: '--phase {phase}: plan {plan} has no phase "{phase}".{guess}' },
  phasesAre: { sv: ' Planens faser är: {ids}.', en: ' Its phases are: {ids}.' },
  noPhases: { sv: ' Planen har inga faser; lägg först in dem under phases:.', en: ' The plan has no phases; add them under phases: first.' },
  notAction: {
    sv: '{ref} är {a} i planen, inte en åtgärd. Ge id för en åtgärd.',
    en: '{ref} is {a} of the plan, not an action. Give the id of an action.',
  },
  noAction: { sv: 'Planen {plan} har ingen åtgärd "{action}".{guess}', en: 'Plan {plan} has no action "{action}".{guess}' },
  actionsAre: { sv: ' Planens åtgärder är: {ids}.', en: ' Its actions are: {ids}.' },
  noActions: {
    sv: ' Planen har inga åtgärder än; lägg till en med "samverkan action add".',
    en: ' The plan has no actions yet; add one with "samverkan action add".',
  },
  nothingToRecord: {
    sv: 'Ange vad som ska noteras för {ref}: --status, --progress eller --note, till exempel --status done --note "Alla är utbildade".',
    en: 'Say what to record for {ref}: --status, --progress or --note, for example --status done --note "Alla är utbildade".',
  },
});

/** "a goal", "an action": a plan item's kind with its article, in the current language. */
function anItem(type: PlanItemType): string {
  return say(`a_${type}`);
}

/** Every status an action can have, in the order of its life (the schema's list). */
export const ACTION_STATUSES = (fieldNode('plan', 'actions[].status')?.enum ?? []) as readonly ActionStatus[];

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface ActionAddInput {
  plan: string;
  /** The new action's id; the next free aN unless given. */
  id?: string;
  title: string;
  /** Organisation id. */
  responsible: string;
  due: string;
  /** planned unless given. */
  status?: ActionStatus;
  /** Goal or sub-goal ids of the plan. */
  goals?: string[];
  phase?: string;
  /** Person or group id. */
  lead?: string;
  start?: string;
}

export interface ActionAddResult extends FileEditResult {
  plan: string;
  /** The action as added. */
  action: Action;
  /** 1-based line of the new action in the file. */
  line: number;
}

export interface ActionSetInput {
  /** PLAN/ACTION. */
  ref: string;
  status?: ActionStatus;
  progress?: number;
  note?: string;
}

export interface FollowUpEntry {
  date: string;
  status?: ActionStatus;
  progress?: number;
  note?: string;
}

export interface ActionSetResult extends FileEditResult {
  plan: string;
  action: string;
  title: string;
  /** Status and progress before and after. */
  was: { status: ActionStatus; progress?: number };
  now: { status: ActionStatus; progress?: number };
  /** The follow-up entry appended to the action. */
  followUp: FollowUpEntry;
}

/** Throws a UsageError unless `value` is a real YYYY-MM-DD date. */
export function requireDate(flag: string, value: string): string {
  if (!isIsoDate(value)) throw new UsageError(notADate(flag, `"${value}"`));
  return value;
}

/** The status `value` names (a Swedish spelling such as pågående included); a UsageError unless it names one. */
export function requireStatus(value: string): ActionStatus {
  const reading = canonicalValue('plan', 'actions[].status', value);
  if (reading && 'value' in reading) return reading.value as ActionStatus;
  const ambiguous = fieldAmbiguity('plan', 'actions[].status', value);
  if (ambiguous) throw new UsageError(`--status: ${ambiguous}`);
  const guess = closest(value, ACTION_STATUSES);
  throw new UsageError(say('notStatus', { value, guess: didYouMean(guess), statuses: ACTION_STATUSES.join(', ') }));
}

/** Throws a UsageError unless `value` is a whole percentage, 0 to 100. */
export function requireProgress(value: number | string): number {
  const n = typeof value === 'number' ? value : /^\s*\d+\s*%?\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 100) {
    throw new UsageError(say('notProgress', { value }));
  }
  return n;
}

/** Splits "PLAN/ACTION"; throws a UsageError naming the form if it is not one. */
export function parseActionRef(ref: string): { plan: string; action: string } {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(ref.trim());
  if (!m) throw new UsageError(say('notRef', { ref }));
  return { plan: m[1], action: m[2] };
}

/** The plan to edit, with a map at its root (which any edit needs). */
export function planToEdit(workspace: Workspace, planId: string): { doc: SourceDocument; file: SourceFile; data: PlanDoc } {
  const target = documentToEdit(workspace, 'plan', planId);
  if (!isMap(target.doc.yaml.contents)) {
    throw notEditable(target.file, 'plan');
  }
  return target;
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The next free id of the form `<prefix>N` in the plan (aN, mN, iN): one more than the highest there is. */
export function nextItemId(workspace: Workspace, planId: string, prefix: string): string {
  const items = workspace.index.planItems.get(planId) ?? new Map();
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let n = 0;
  for (const id of items.keys()) {
    const m = pattern.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  while (items.has(`${prefix}${n + 1}`)) n++;
  return `${prefix}${n + 1}`;
}

/** The next free id of the form aN in the plan: one more than the highest there is. */
export function nextActionId(workspace: Workspace, planId: string): string {
  return nextItemId(workspace, planId, 'a');
}

/** Checks that `id` is in `namespace`; throws NotFoundError with a suggestion and where to add it otherwise. */
function requireKnown(workspace: Workspace, flag: string, id: string, namespaces: Array<'organization' | 'person' | 'group'>): void {
  if (namespaces.some((ns) => workspace.index.of(ns).has(id))) return;
  const guess = closest(id, namespaces.flatMap((ns) => [...workspace.index.of(ns).keys()]));
  const names = namespaces.map((ns) => say(`none_${ns}`));
  // "ingen person eller grupp": Swedish says the negation once, English ("no person or group") too.
  const none = [names[0], ...names.slice(1).map((n) => n.replace(/^ingen /, ''))].join(say('or'));
  const where = namespaces[0] === 'organization' ? 'organizations.yaml' : namespaces[0] === 'person' ? 'people.yaml' : say('groupsFolder');
  throw new NotFoundError(say('unknown', { flag, id, none, guess: didYouMean(guess), where }));
}

/** The new action's fields, checked one by one so that each mistake gets its own plain message. */
function checkedAction(workspace: Workspace, input: ActionAddInput): Action {
  const planId = input.plan;
  const items = workspace.index.planItems.get(planId) ?? new Map();
  const id = input.id ?? nextActionId(workspace, planId);
  if (!SLUG.test(id)) {
    throw new UsageError(say('notId', { id }));
  }
  const taken = items.get(id);
  if (taken) {
    throw new UsageError(say('idTaken', { plan: planId, a: anItem(taken.type), id, next: nextActionId(workspace, planId) }));
  }
  const title = input.title?.trim();
  if (!title) throw new UsageError(say('noTitle'));
  if (!input.responsible) throw new UsageError(say('noResponsible'));
  requireKnown(workspace, '--responsible', input.responsible, ['organization']);
  requireDate('--due', input.due);
  if (input.start !== undefined) requireDate('--start', input.start);
  if (input.start !== undefined && input.start > input.due) {
    throw new UsageError(say('startAfterDue', { start: input.start, due: input.due }));
  }
  const status = requireStatus(input.status ?? 'planned');
  const goalIds = [...items.values()].filter((e) => e.type === 'goal' || e.type === 'subgoal').map((e) => e.id);
  for (const goal of input.goals ?? []) {
    if (goalIds.includes(goal)) continue;
    const guess = closest(goal, goalIds);
    throw new NotFoundError(
      say('noGoal', { goal, plan: planId, guess: didYouMean(guess) }) + (goalIds.length > 0 ? say('goalsAre', { ids: goalIds.join(', ') }) : say('noGoals')),
    );
  }
  if (input.phase !== undefined) {
    const phaseIds = [...items.values()].filter((e) => e.type === 'phase').map((e) => e.id);
    if (!phaseIds.includes(input.phase)) {
      const guess = closest(input.phase, phaseIds);
      throw new NotFoundError(
        say('noPhase', { phase: input.phase, plan: planId, guess: didYouMean(guess) }) +
          (phaseIds.length > 0 ? say('phasesAre', { ids: phaseIds.join(', ') }) : say('noPhases')),
      );
    }
  }
  if (input.lead !== undefined) requireKnown(workspace, '--lead', input.lead, ['person', 'group']);
  // Key order as in the format's description of an action.
  const action: Record<string, unknown> = { id, title };
  if (input.goals && input.goals.length > 0) action.goals = [...new Set(input.goals)];
  if (input.phase !== undefined) action.phase = input.phase;
  action.responsible = input.responsible;
  if (input.lead !== undefined) action.lead = input.lead;
  if (input.start !== undefined) action.start = input.start;
  action.due = input.due;
  action.status = status;
  return action as unknown as Action;
}

/** Works out the edit that adds an action, without writing anything. */
export function prepareActionAdd(workspace: Workspace, input: ActionAddInput): { file: SourceFile; text: string; action: Action; line: number } {
  const { doc, file } = planToEdit(workspace, input.plan);
  const action = checkedAction(workspace, input);
  const [edit] = editsOrExplain(file, 'plan', () => [
    appendToSequence(doc.yaml, file.text, ['actions'], styledItem(doc.yaml, ['actions'], action as unknown as Record<string, unknown>)),
  ]);
  const text = applyEdits(file.text, [edit]);
  // The edit's text may start with the line break the file lacked at its end.
  const firstChar = edit.start + (edit.insert.match(/^\r?\n/)?.[0].length ?? 0);
  return { file, text, action, line: lineAt(text, firstChar) };
}

/** Adds an action to a plan and writes the plan file; see prepareActionAdd for what is checked. */
export async function addAction(workspace: Workspace, input: ActionAddInput, options: EditOptions = {}): Promise<ActionAddResult> {
  editDate(workspace, options.asOf);
  const { file, text, action, line } = prepareActionAdd(workspace, input);
  return { ...(await commitFileEdit(workspace, file, text, options)), plan: input.plan, action, line };
}

/** The action PLAN/ACTION: its plan document, file and position in `actions`. */
export function findAction(workspace: Workspace, ref: string): { doc: SourceDocument; file: SourceFile; plan: PlanDoc; index: number; action: Action } {
  const { plan: planId, action: actionId } = parseActionRef(ref);
  const { doc, file, data } = planToEdit(workspace, planId);
  const actions = Array.isArray(data.actions) ? data.actions : [];
  const index = actions.findIndex((a) => a && typeof a === 'object' && a.id === actionId);
  if (index < 0) {
    const other = workspace.index.planItems.get(planId)?.get(actionId);
    if (other) throw new NotFoundError(say('notAction', { ref: `${planId}/${actionId}`, a: anItem(other.type) }));
    const ids = actions.map((a) => a?.id).filter((id): id is string => typeof id === 'string');
    const guess = closest(actionId, ids);
    throw new NotFoundError(
      say('noAction', { plan: planId, action: actionId, guess: didYouMean(guess && `${planId}/${guess}`) }) +
        (ids.length > 0 ? say('actionsAre', { ids: `${ids.slice(0, 15).join(', ')}${ids.length > 15 ? ', …' : ''}` }) : say('noActions')),
    );
  }
  return { doc, file, plan: data, index, action: actions[index] };
}

/** Works out the edit that records a change of an action, without writing anything. */
export function prepareActionSet(
  workspace: Workspace,
  input: ActionSetInput,
  today: string,
): { file: SourceFile; text: string; plan: string; action: Action; now: ActionSetResult['now']; followUp: FollowUpEntry } {
  const { doc, file, plan, index, action } = findAction(workspace, input.ref);
  if (input.status === undefined && input.progress === undefined && (input.note === undefined || input.note.trim() === '')) {
    throw new UsageError(say('nothingToRecord', { ref: input.ref }));
  }
  const status = input.status === undefined ? action.status : requireStatus(input.status);
  const progress = input.progress === undefined ? action.progress : requireProgress(input.progress);
  const note = input.note?.trim() || undefined;
  const followUp: FollowUpEntry = { date: today, status };
  if (progress !== undefined) followUp.progress = progress;
  if (note) followUp.note = note;

  const path = ['actions', index];
  const edits = editsOrExplain(file, 'plan', () => {
    const list: TextEdit[] = [];
    // A new progress key goes right after status, so never inside or after the follow-up list.
    list.push(appendToSequence(doc.yaml, file.text, [...path, 'follow_up'], styledItem(doc.yaml, [...path, 'follow_up'], { ...followUp })));
    if (input.progress !== undefined && progress !== action.progress) {
      list.push(setScalar(doc.yaml, file.text, [...path, 'progress'], progress!, { after: 'status' }));
    }
    if (input.status !== undefined && status !== action.status) list.push(setScalar(doc.yaml, file.text, [...path, 'status'], status));
    return list;
  });
  return { file, text: applyEdits(file.text, edits), plan: plan.id, action, now: { status, ...(progress !== undefined ? { progress } : {}) }, followUp };
}

/**
 * Records how an action goes: sets the status and progress given and appends a dated follow-up
 * entry {date, status, progress, note} to the action, then writes the plan file.
 */
export async function setAction(workspace: Workspace, input: ActionSetInput, options: EditOptions = {}): Promise<ActionSetResult> {
  const today = editDate(workspace, options.asOf);
  const { file, text, plan, action, now, followUp } = prepareActionSet(workspace, input, today);
  return {
    ...(await commitFileEdit(workspace, file, text, options)),
    plan,
    action: action.id,
    title: action.title,
    was: { status: action.status, ...(action.progress !== undefined ? { progress: action.progress } : {}) },
    now,
    followUp,
  };
}
