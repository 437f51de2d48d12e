/** `samverkan calendar GROUP`: a group's meetings as an iCalendar (.ics) file. */
import { relative, resolve } from 'node:path';
import type { Command } from './command.js';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/calendar', {
  groups: { sv: 'gruppernas id, t.ex. styrgrupp-nb', en: 'group ids, e.g. styrgrupp-nb' },
  all: { sv: 'alla gruppers möten i en kalender', en: "every group's meetings in one calendar" },
  out: { sv: 'skriv kalendern till {file} (t.ex. styrgrupp.ics) i stället för att visa den', en: 'write the calendar to {file} (e.g. styrgrupp.ics) instead of printing it' },
  after: {
    sv:
      '\nVarje möte behåller sitt UID från en export till nästa, så en ny import uppdaterar händelserna\n' +
      'i stället för att lägga till dem två gånger. När du flyttar ett möte (datum, start, slut eller plats), öka\n' +
      '`sequence:` i dess fil med ett (lägg till `sequence: 1` första gången), annars behåller Outlook den gamla tiden och platsen.\n' +
      'Samma filer ger samma kalender, byte för byte, så den ändras i git bara när ett möte gör det.\n' +
      'Tiderna gäller arbetsytans tidszon (timezone: i samverkan.yaml).\n' +
      'Sekretessbelagda punkter på dagordningen visar bara sitt nummer.\n' +
      '\nExempel:\n  $ samverkan calendar styrgrupp-nb --out styrgrupp.ics\n  $ samverkan calendar --all --out samverkan.ics',
    en:
      '\nEach meeting keeps its UID from one export to the next, so importing again updates the events\n' +
      'instead of adding them twice. When you move a meeting (date, start, end or location), raise\n' +
      '`sequence:` in its file by one (add `sequence: 1` the first time), or Outlook keeps the old time and place.\n' +
      'The same files give the same calendar, byte for byte, so it changes in git only when a meeting does.\n' +
      "Times are in the workspace's time zone (timezone: in samverkan.yaml).\n" +
      'Confidential agenda items show only their number.\n' +
      '\nExamples:\n  $ samverkan calendar styrgrupp-nb --out styrgrupp.ics\n  $ samverkan calendar --all --out samverkan.ics',
  },
  note: { sv: 'Obs: {message}', en: 'Note: {message}' },
  both: { sv: 'Ge antingen gruppernas id ({groups}) eller --all, inte båda.', en: 'Give either group ids ({groups}) or --all, not both.' },
  wrote: {
    sv: { one: 'Skrev {n} möte till {file}.', other: 'Skrev {n} möten till {file}.' },
    en: { one: 'Wrote {n} meeting to {file}.', other: 'Wrote {n} meetings to {file}.' },
  },
});

interface CalendarCliOptions extends WorkspaceOptions {
  out?: string;
  all?: boolean;
}

/** Adds `samverkan calendar GROUP… | --all` to the program: prints the .ics, or writes it atomically with --out. */
export function registerCalendar(program: Command, io: CliIO): void {
  const command = program
    .command('calendar')
    .argument(`[${placeholder('GROUP')}...]`, say('groups'))
    .description(summary('calendar'));
  addWorkspaceOptions(command)
    .option('--all', say('all'))
    .option(`-o, --out <${placeholder('FILE')}>`, say('out', { file: placeholder('FILE') }))
    .addHelpText('after', say('after'))
    .action(async (groups: string[], options: CalendarCliOptions) => {
      if (options.all && groups.length > 0) {
        throw new UsageError(say('both', { groups: groups.join(', ') }));
      }
      const [{ calendar }, { writeOutputFile }] = await Promise.all([import('../commands/calendar.js'), import('../output/write-output.js')]);
      const { statusLabels } = await import('../i18n/status-labels.js');
      const result = await calendar({ cwd: io.cwd, dir: options.dir, groups, all: options.all, lang: options.lang });
      const labels = statusLabels(language());
      for (const group of result.empty) io.stderr(`${say('note', { message: labels.noMeetingFiles(group) })}
`);
      if (options.out) {
        const target = resolve(io.cwd, options.out);
        await writeOutputFile(target, result.ics);
        io.stderr(`${say('wrote', { n: result.events, file: relative(io.cwd, target) || target })}\n`);
      } else {
        io.stdout(result.ics);
      }
    });
}
