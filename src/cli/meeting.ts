/** `samverkan meeting new GROUP [--date D]`: create the group's next meeting and say where, and how to render its notice. */
import type { Command } from './command.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/meeting', {
  examples: {
    sv: '\nExempel:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new arbetsgrupp-nb --date 2009-09-03',
    en: '\nExamples:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new arbetsgrupp-nb --date 2009-09-03',
  },
  newDescription: {
    sv:
      'skapa gruppens nästa möte, meetings/GRUPP/DATUM.yaml, som hela dess handling: daterat efter gruppens mötesrytm, med de formella punkterna ' +
      '(öppnande, justerare, dagordning, föregående protokoll, uppföljning, övriga frågor, nästa möte, avslutning), de stående punkterna, ' +
      'uppgifterna som fortfarande är öppna från tidigare protokoll och de åtgärder i handlingsplanen som är försenade eller ska vara klara före mötet därefter, ' +
      'som de står i dag; varje punkt numrerad',
    en:
      "create the group's next meeting, meetings/GROUP/DATE.yaml, as its whole record: dated from its cadence, with the formal items " +
      '(opening, adjusters, agenda, previous minutes, follow-up, other business, next meeting, closing), its standing items, ' +
      'the tasks still open from earlier minutes and the plan actions that are overdue or due before the meeting after, as they stand today; every item numbered',
  },
  group: { sv: 'id för gruppen som ska mötas', en: 'id of the group that meets' },
  date: {
    sv: 'mötets datum, ÅÅÅÅ-MM-DD (förval: första datumet i gruppens mötesrytm efter dess senaste möte och i dag)',
    en: "the meeting's date, YYYY-MM-DD (default: the first date of the group's cadence after its last meeting and today)",
  },
  asOf: { sv: 'gör som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'act as if today were {date} (YYYY-MM-DD)' },
  json: { sv: 'skriv det nya mötet som JSON', en: 'print the new meeting as JSON' },
  newAfter: {
    sv:
      '\nDagordningen är en utgångspunkt: ändra i filen som du vill och gör sedan kallelsen med\n' +
      '"samverkan render meeting ID". Kallelsen görs bara av den här filen, så kallelsen och protokollet säger\n' +
      'samma sak som när de skrevs även om arbetsytan ändras senare. En grupp som möts vid behov behöver --date\n' +
      '(i en terminal frågar kommandot).\n' +
      '\nExempel:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new styrgrupp-nb --date 2009-06-10\n  $ samverkan meeting new styrgrupp-nb --as-of 2009-05-01 --json',
    en:
      '\nThe agenda is a starting point: edit the file as you like, then render the notice ("kallelse") with\n' +
      '"samverkan render meeting ID". Rendering reads only this file, so the notice and the minutes keep saying\n' +
      'what they said when the workspace changes later. A group that meets ad hoc needs --date (in a terminal the\n' +
      'command asks).\n' +
      '\nExamples:\n  $ samverkan meeting new styrgrupp-nb\n  $ samverkan meeting new styrgrupp-nb --date 2009-06-10\n  $ samverkan meeting new styrgrupp-nb --as-of 2009-05-01 --json',
  },
  byCadence: { sv: 'nästa datum i gruppens mötesrytm', en: 'the next date of its cadence' },
  byCadenceAfter: { sv: 'nästa datum i gruppens mötesrytm efter mötet {date}', en: 'the next date of its cadence after the meeting of {date}' },
  byDate: { sv: 'datumet som gavs', en: 'the date given' },
  created: {
    sv: 'Skapade {file}: {group} möts {weekday} {date}{time}{place} ({how}).',
    en: 'Created {file}: {group} meets {weekday} {date}{time}{place} ({how}).',
  },
  standing: { sv: { one: '{n} stående punkt', other: '{n} stående punkter' }, en: { one: '{n} standing item', other: '{n} standing items' } },
  openTasks: { sv: { one: '{n} öppen uppgift', other: '{n} öppna uppgifter' }, en: { one: '{n} open task', other: '{n} open tasks' } },
  planActions: { sv: { one: '{n} åtgärd i handlingsplanen', other: '{n} åtgärder i handlingsplanen' }, en: { one: '{n} plan action', other: '{n} plan actions' } },
  agenda: {
    sv: 'Dagordningen har {standing}, {tasks} från tidigare protokoll och {actions} att följa upp. Ändra i filen för att ändra den.',
    en: 'The agenda has {standing}, {tasks} from earlier minutes and {actions} to follow up. Edit the file to change it.',
  },
  render: { sv: 'Gör kallelsen med:  {command}', en: 'Render the notice with:  {command}' },
});

/** A shell word: quoted only if it needs to be. */
function shellWord(word: string): string {
  return /^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

interface MeetingNewCliOptions extends WorkspaceOptions {
  date?: string;
  asOf?: string;
  json?: boolean;
}

export function registerMeeting(program: Command, io: CliIO): void {
  const meeting = program
    .command('meeting')
    .description(summary('meeting'))
    .addHelpText('after', say('examples'));

  const create = meeting
    .command('new')
    .argument(`<${placeholder('GROUP')}>`, say('group'))
    .description(say('newDescription'))
    .option(`--date <${placeholder('DATE')}>`, say('date'), parseDate);
  addWorkspaceOptions(create)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option('--json', say('json'))
    .addHelpText('after', say('newAfter'))
    .action(async (groupId: string, options: MeetingNewCliOptions) => {
      const [{ loadCheckedWorkspace }, { createMeeting, nextCadenceDate }, { documentToEdit, editDate }, { displayPath }, { jsonText }] = await Promise.all([
        import('../workspace/checked.js'),
        import('../commands/meeting-new.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../report/json.js'),
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
          date = await whileAsking(() => askMeetingDate({ lang: language(), group: group.name ?? groupId }));
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
        const lang = language();
        const weekday = new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${result.date}T00:00:00Z`));
        const time = result.start ? `, ${result.start}${result.end ? `–${result.end}` : ''}` : '';
        const place = result.location ? `, ${result.location}` : '';
        const how = result.dated === 'cadence' ? (result.previous ? say('byCadenceAfter', { date: result.previous }) : say('byCadence')) : say('byDate');
        // The same reason the file's header gives, in the language of these messages.
        const moved = result.moved ? `${(await import('../model/cadence.js')).movedNote({ date: result.date, movedFrom: result.moved.from }, lang)}.\n` : '';
        io.stdout(
          `${say('created', { file: where, group: group.name ?? groupId, weekday, date: result.date, time, place, how })}\n` +
            moved +
            `${say('agenda', { standing: say('standing', { n: result.standingItems }), tasks: say('openTasks', { n: result.openTasks.length }), actions: say('planActions', { n: result.actions.length }) })}\n` +
            `${say('render', { command: `samverkan render meeting ${result.id}${dirFlag}` })}\n`,
        );
      }
      for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
    });
}
