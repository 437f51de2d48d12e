/** `samverkan task done MEETING/TASK`: mark a task from a meeting's minutes as done. */
import type { Command } from 'commander';
import { jsonText } from '../report/json.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, parseDate, type WorkspaceOptions } from './options.js';

interface TaskDoneCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

export function registerTask(program: Command, io: CliIO): void {
  const task = program
    .command('task')
    .description('follow up the tasks (uppgifter) given in meetings\' minutes')
    .addHelpText('after', '\nExample:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1');

  const done = task
    .command('done')
    .argument('<MEETING/TASK>', 'the task, as meeting id/task id, e.g. styrgrupp-nb-2009-06-10/t1 (in a terminal, MEETING alone lets you pick)')
    .description('mark a task from a meeting\'s minutes as done, so that it is no longer carried to the next agenda');
  addWorkspaceOptions(done)
    .option('--as-of <DATE>', 'check dates as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--json', 'print what was done as JSON')
    .addHelpText('after', '\nExamples:\n  $ samverkan task done styrgrupp-nb-2009-06-10/t1\n  $ samverkan task done styrgrupp-nb-2009-06-10        (in a terminal: pick one of its open tasks)');
  done.action(async (ref: string, options: TaskDoneCliOptions) => {
    const [{ loadWorkspace }, { markTaskDone, meetingTasks, parseTaskRef }, { editDate }, { displayPath }] = await Promise.all([
      import('../workspace/load.js'),
      import('../commands/task.js'),
      import('../edit/edit-workspace-file.js'),
      import('../report/display-path.js'),
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
            lang: options.lang ?? workspace.config.language,
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
      io.stdout(`Task ${result.task.id} ("${result.task.title}") of ${result.meeting} is already done; nothing was changed.\n`);
    } else {
      io.stdout(`Marked task ${result.task.id} ("${result.task.title}") of ${result.meeting} done in ${where}.\n`);
    }
    for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
  });
}
