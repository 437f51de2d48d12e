/** `samverkan calendar GROUP`: a group's meetings as an iCalendar (.ics) file. */
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFile } from '../output/write-output.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, type WorkspaceOptions } from './options.js';

interface CalendarCliOptions extends WorkspaceOptions {
  out?: string;
  all?: boolean;
}

/** Adds `samverkan calendar GROUP… | --all` to the program: prints the .ics, or writes it atomically with --out. */
export function registerCalendar(program: Command, io: CliIO): void {
  const command = program
    .command('calendar')
    .argument('[GROUP...]', 'group ids, e.g. styrgrupp-nb')
    .description('the meetings of a group as an iCalendar file (.ics) to import into Outlook, Google or Apple Calendar');
  addWorkspaceOptions(command)
    .option('--all', 'every group\'s meetings in one calendar')
    .option('-o, --out <FILE>', 'write the calendar to FILE (e.g. styrgrupp.ics) instead of printing it')
    .addHelpText(
      'after',
      '\nEach meeting keeps its UID from one export to the next, so importing again updates the events\n' +
        'instead of adding them twice. When you move a meeting (date, start, end or location), raise\n' +
        '`sequence:` in its file by one (add `sequence: 1` the first time), or Outlook keeps the old time and place.\n' +
        'The same files give the same calendar, byte for byte, so it changes in git only when a meeting does.\n' +
        'Times are in the workspace\'s time zone (timezone: in samverkan.yaml).\n' +
        'Confidential agenda items show only their number.\n' +
        '\nExamples:\n  $ samverkan calendar styrgrupp-nb --out styrgrupp.ics\n  $ samverkan calendar --all --out samverkan.ics',
    )
    .action(async (groups: string[], options: CalendarCliOptions) => {
      if (options.all && groups.length > 0) {
        throw new UsageError(`Give either group ids (${groups.join(', ')}) or --all, not both.`);
      }
      const { calendar } = await import('../commands/calendar.js');
      const { statusLabels } = await import('../i18n/status-labels.js');
      const result = await calendar({ cwd: io.cwd, dir: options.dir, groups, all: options.all, lang: options.lang });
      const labels = statusLabels(options.lang ?? 'en');
      for (const group of result.empty) io.stderr(`Note: ${labels.noMeetingFiles(group)}\n`);
      if (options.out) {
        const target = resolve(io.cwd, options.out);
        await writeOutputFile(target, result.ics);
        io.stderr(`Wrote ${result.events} meeting${result.events === 1 ? '' : 's'} to ${relative(io.cwd, target) || target}.\n`);
      } else {
        io.stdout(result.ics);
      }
    });
}
