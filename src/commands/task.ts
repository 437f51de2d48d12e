/**
 * `samverkan task done MEETING/TASK`: marks a task from a meeting's minutes as done, so that it
 * is no longer carried to the next agenda.
 */
import { isMap } from 'yaml';
import { didYouMean, NotFoundError, UsageError } from '../errors.js';
import { commitFileEdit, documentToEdit, editDate, editsOrExplain, notEditable, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { applyEdits, setScalar } from '../edit/text-edits.js';
import { messages } from '../i18n/messages.js';
import type { MeetingDoc, MeetingTask } from '../model/index.js';
import { closest } from '../rules/words.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';

const say = messages('commands/task', {
  notRef: {
    sv: '"{ref}" anger ingen uppgift. Skriv MÖTE/UPPGIFT, till exempel styrgrupp-nb-2009-06-10/t1.',
    en: '"{ref}" does not name a task. Write MEETING/TASK, for example styrgrupp-nb-2009-06-10/t1.',
  },
  whichTask: { sv: 'Ange vilken uppgift från {meeting} som är klar: skriv {meeting}/UPPGIFT.', en: 'Say which task of {meeting} is done: write {meeting}/TASK.' },
  openAre: { sv: ' De öppna uppgifterna är: {ids}.', en: ' Its open tasks are: {ids}.' },
  noneOpen: { sv: ' Mötet har inga öppna uppgifter.', en: ' It has no open tasks.' },
  noTask: { sv: 'Protokollet från {meeting} har ingen uppgift "{task}".{guess}', en: 'The minutes of {meeting} have no task "{task}".{guess}' },
  tasksAre: { sv: ' Uppgifterna är: {ids}.', en: ' Its tasks are: {ids}.' },
  noTasks: { sv: ' Protokollet har inga uppgifter (minutes: tasks:).', en: ' They list no tasks (minutes: tasks:).' },
});

export interface TaskDoneInput {
  /** MEETING/TASK, e.g. styrgrupp-nb-2009-06-10/t1. */
  ref: string;
}

export interface TaskDoneResult extends FileEditResult {
  meeting: string;
  task: MeetingTask;
  /** False if the task was already done; then nothing was written. */
  changed: boolean;
}

/** Splits "MEETING/TASK" (the task part may be missing: then `task` is undefined). */
export function parseTaskRef(ref: string): { meeting: string; task?: string } {
  const m = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(ref.trim());
  if (!m) throw new UsageError(say('notRef', { ref }));
  return { meeting: m[1], task: m[2] };
}

/** The meeting to edit and its tasks, as written in its minutes. */
export function meetingTasks(workspace: Workspace, meetingId: string): { doc: SourceDocument; file: SourceFile; meeting: MeetingDoc; tasks: MeetingTask[] } {
  const { doc, file, data } = documentToEdit(workspace, 'meeting', meetingId);
  if (!isMap(doc.yaml.contents)) {
    throw notEditable(file, 'meeting');
  }
  const tasks = Array.isArray(data.minutes?.tasks) ? data.minutes.tasks : [];
  return { doc, file, meeting: data, tasks };
}

/** Works out the edit that marks a task done, without writing anything; `text` is undefined if it already is. */
export function prepareTaskDone(workspace: Workspace, input: TaskDoneInput): { file: SourceFile; text?: string; meeting: string; task: MeetingTask } {
  const ref = parseTaskRef(input.ref);
  const { doc, file, meeting, tasks } = meetingTasks(workspace, ref.meeting);
  const ids = tasks.map((t) => t?.id).filter((id): id is string => typeof id === 'string');
  if (ref.task === undefined) {
    const open = tasks.filter((t) => t && !t.done).map((t) => t.id);
    throw new UsageError(
      say('whichTask', { meeting: meeting.id }) + (open.length > 0 ? say('openAre', { ids: open.join(', ') }) : say('noneOpen')),
    );
  }
  const index = tasks.findIndex((t) => t?.id === ref.task);
  if (index < 0) {
    const guess = closest(ref.task, ids);
    throw new NotFoundError(
      say('noTask', { meeting: meeting.id, task: ref.task, guess: didYouMean(guess && `${meeting.id}/${guess}`) }) +
        (ids.length > 0 ? say('tasksAre', { ids: ids.join(', ') }) : say('noTasks')),
    );
  }
  const task = tasks[index];
  if (task.done === true) return { file, meeting: meeting.id, task };
  const text = applyEdits(file.text, editsOrExplain(file, 'meeting', () => [setScalar(doc.yaml, file.text, ['minutes', 'tasks', index, 'done'], true)]));
  return { file, text, meeting: meeting.id, task: { ...task, done: true } };
}

/** Sets `done: true` on a task in a meeting's minutes and writes the meeting file; does nothing if it is already done. */
export async function markTaskDone(workspace: Workspace, input: TaskDoneInput, options: EditOptions = {}): Promise<TaskDoneResult> {
  editDate(workspace, options.asOf);
  const { file, text, meeting, task } = prepareTaskDone(workspace, input);
  if (text === undefined) {
    return { path: file.path, rel: file.rel, created: false, before: file.text, text: file.text, warnings: [], meeting, task, changed: false };
  }
  return { ...(await commitFileEdit(workspace, file, text, options)), meeting, task, changed: true };
}
