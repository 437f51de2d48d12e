/** `samverkan task done MEETING/TASK`: mark a task from a meeting's minutes as done. */
import type { Command } from './command.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/task', {
  example: { sv: '\nExempel:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1', en: '\nExample:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1' },
  ref: {
    sv: 'uppgiften, som mötets id/uppgiftens id, t.ex. styrgrupp-nb-2009-06-10/t1 (i en terminal räcker MÖTE, så får du välja)',
    en: 'the task, as meeting id/task id, e.g. styrgrupp-nb-2009-06-10/t1 (in a terminal, MEETING alone lets you pick)',
  },
  doneDescription: {
    sv: 'markera en uppgift från ett mötes protokoll som klar, så att den inte längre förs över till nästa dagordning',
    en: "mark a task from a meeting's minutes as done, so that it is no longer carried to the next agenda",
  },
  asOf: { sv: 'kontrollera datum som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'check dates as if today were {date} (YYYY-MM-DD)' },
  json: { sv: 'skriv vad som gjordes som JSON', en: 'print what was done as JSON' },
  after: {
    sv: '\nExempel:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1\n  $ samverkan task done styrgrupp-nb-2009-06-10        (i en terminal: välj en av mötets öppna uppgifter)',
    en: '\nExamples:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1\n  $ samverkan task done styrgrupp-nb-2009-06-10        (in a terminal: pick one of its open tasks)',
  },
  already: {
    sv: 'Uppgift {task} ("{title}") från {meeting} är redan klar; ingenting ändrades.',
    en: 'Task {task} ("{title}") of {meeting} is already done; nothing was changed.',
  },
  marked: { sv: 'Markerade uppgift {task} ("{title}") från {meeting} som klar i {where}.', en: 'Marked task {task} ("{title}") of {meeting} done in {where}.' },
});

interface TaskDoneCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

export function registerTask(program: Command, io: CliIO): void {
  const task = program
    .command('task')
    .description(summary('task'))
    .addHelpText('after', say('example'));

  const done = task
    .command('done')
    .argument(`<${placeholder('MEETING')}/${placeholder('TASK')}>`, say('ref'))
    .description(say('doneDescription'));
  addWorkspaceOptions(done)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option('--json', say('json'))
    .addHelpText('after', say('after'));
  done.action(async (ref: string, options: TaskDoneCliOptions) => {
    const [{ loadWorkspace }, { markTaskDone, meetingTasks, parseTaskRef }, { editDate }, { displayPath }, { jsonText }] = await Promise.all([
      import('../workspace/load.js'),
      import('../commands/task.js'),
      import('../edit/edit-workspace-file.js'),
      import('../report/display-path.js'),
      import('../report/json.js'),
    ]);
    const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
    editDate(workspace, options.asOf);
    let target = ref;
    const parsed = parseTaskRef(ref);
    if (parsed.task === undefined && io.stdinIsTTY && io.isTTY) {
      const { tasks } = meetingTasks(workspace, parsed.meeting);
      const open = tasks.filter((t) => t && !t.done);
      // With no open task the command below says so; there is nothing to pick.
      if (open.length > 0) {
        const { askTask, whileAsking } = await import('./prompts.js');
        const id = await whileAsking(() =>
          askTask({
            lang: language(),
            meeting: parsed.meeting,
            tasks: open.map((t) => ({ value: t.id, name: `${t.id}: ${t.title} (${t.responsible}${t.due ? `, ${t.due}` : ''})` })),
          }),
        );
        target = `${parsed.meeting}/${id}`;
      }
    }
    const result = await markTaskDone(workspace, { ref: target }, { asOf: options.asOf });
    const where = displayPath(result.path, io.cwd);
    if (options.json) {
      io.stdout(jsonText({ file: where, meeting: result.meeting, task: result.task, changed: result.changed, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
    } else if (!result.changed) {
      io.stdout(`${say('already', { task: result.task.id, title: result.task.title, meeting: result.meeting })}\n`);
    } else {
      io.stdout(`${say('marked', { task: result.task.id, title: result.task.title, meeting: result.meeting, where })}\n`);
    }
    for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
  });
}
