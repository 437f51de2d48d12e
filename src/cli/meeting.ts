/** `samverkan meeting new GROUP [--date D]`: create the group's next meeting and say where, and how to render its notice. */
import type { Command } from 'commander';
import { jsonText } from '../report/json.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, parseDate, type WorkspaceOptions } from './options.js';

interface MeetingNewCliOptions extends WorkspaceOptions {
  date?: string;
  asOf?: string;
  json?: boolean;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function count(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

/** A shell word: quoted only if it needs to be. */
function shellWord(word: string): string {
  return /^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function registerMeeting(program: Command, io: CliIO): void {
  const meeting = program
    .command('meeting')
    .description('prepare a group\'s meetings')
    .addHelpText('after', '\nExamples:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new arbetsgrupp-nb --date 2009-09-03');

  const create = meeting
    .command('new')
    .argument('<GROUP>', 'id of the group that meets')
    .description(
      'create the group\'s next meeting, meetings/GROUP/DATE.yaml, as its whole record: dated from its cadence, with the\n' +
        'formal items (opening, adjusters, agenda, previous minutes, follow-up, other business, next meeting, closing), its\n' +
        'standing items, and the tasks still open from earlier minutes and the plan actions that are overdue or due before\n' +
        'the meeting after as they stand today; every item numbered',
    )
    .option('--date <DATE>', 'the meeting\'s date, YYYY-MM-DD (default: the first date of the group\'s cadence after its last meeting and today)', parseDate);
  addWorkspaceOptions(create)
    .option('--as-of <DATE>', 'act as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--json', 'print the new meeting as JSON')
    .addHelpText(
      'after',
      '\nThe agenda is a starting point: edit the file as you like, then render the notice (kallelse) with\n' +
        '"samverkan render meeting ID". Rendering reads only this file, so the notice and the minutes keep saying\n' +
        'what they said when the workspace changes later. A group that meets ad hoc needs --date (in a terminal the\n' +
        'command asks).\n' +
        '\nExamples:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new styrgrupp-nb --date 2009-06-10\n  $ samverkan meeting new styrgrupp-nb --as-of 2009-05-01 --json',
    )
    .action(async (groupId: string, options: MeetingNewCliOptions) => {
      const [{ loadCheckedWorkspace }, { createMeeting, nextCadenceDate }, { documentToEdit, editDate }, { displayPath }] = await Promise.all([
        import('../workspace/checked.js'),
        import('../commands/meeting-new.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
      ]);
      // Checked, so that the meetings held so far are known (only those that can be read count).
      const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
      const { workspace } = checked;
      const today = editDate(workspace, options.asOf);
      const { data: group } = documentToEdit(workspace, 'group', groupId);
      let date = options.date;
      if (date === undefined && io.stdinIsTTY && io.isTTY) {
        const held = workspace.index.meetingsOf(groupId);
        if (nextCadenceDate(group, held[held.length - 1]?.value.date, today) === undefined) {
          const { askMeetingDate, whileAsking } = await import('./prompts.js');
          date = await whileAsking(() => askMeetingDate({ lang: options.lang ?? workspace.config.language, group: group.name ?? groupId }));
        }
      }
      const result = await createMeeting(checked, { group: groupId, date }, { asOf: options.asOf });
      const where = displayPath(result.path, io.cwd);
      const dirFlag = options.dir ? ` -C ${shellWord(options.dir)}` : '';
      if (options.json) {
        io.stdout(
          jsonText({
            file: where,
            id: result.id,
            group: result.group,
            date: result.date,
            dated: result.dated,
            moved_from: result.moved?.from ?? [],
            previous: result.previous ?? null,
            following: result.following ?? null,
            start: result.start ?? null,
            end: result.end ?? null,
            location: result.location ?? null,
            items: {
              standing: result.standingItems,
              open_tasks: result.openTasks.map((t) => `${t.meeting}/${t.task.id}`),
              actions: result.actions.map((a) => `${a.plan}/${a.action.id}`),
            },
            render: `samverkan render meeting ${result.id}${dirFlag}`,
            warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })),
          }),
        );
      } else {
        const weekday = WEEKDAY_NAMES[new Date(`${result.date}T00:00:00Z`).getUTCDay()];
        const time = result.start ? `, ${result.start}${result.end ? `–${result.end}` : ''}` : '';
        const place = result.location ? `, ${result.location}` : '';
        const how =
          result.dated === 'cadence'
            ? `the next date of its cadence${result.previous ? ` after the meeting of ${result.previous}` : ''}`
            : 'the date given';
        // The same reason the file's header gives, in the language of these messages.
        const moved = result.moved ? `${(await import('../model/cadence.js')).movedNote({ date: result.date, movedFrom: result.moved.from }, 'en')}.\n` : '';
        io.stdout(
          `Created ${where}: ${group.name ?? groupId} meets ${weekday} ${result.date}${time}${place} (${how}).\n` +
            moved +
            `The agenda has ${count(result.standingItems, 'standing item', 'standing items')}, ` +
            `${count(result.openTasks.length, 'open task', 'open tasks')} from earlier minutes and ` +
            `${count(result.actions.length, 'plan action', 'plan actions')} to follow up. Edit the file to change it.\n` +
            `Render the notice with:  samverkan render meeting ${result.id}${dirFlag}\n`,
        );
      }
      for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
    });
}
