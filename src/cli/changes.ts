/** `samverkan changes`: what changed in the plans, groups, agreements and meetings since a revision. */
import { Option, type Command } from './command.js';
import { messages } from '../i18n/messages.js';
import { terminalText, type CliIO } from './io.js';
import { addWorkspaceOptions, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/changes', {
  since: {
    sv: 'versionen att jämföra med: en gren, en tagg eller en incheckning (förval: HEAD, eller med --group det senaste mötet)',
    en: 'the revision to compare with: a branch, tag or commit (default: HEAD, or with --group the last meeting)',
  },
  until: { sv: 'jämför med den här versionen i stället för med arbetskatalogen', en: 'compare with this revision instead of the working tree' },
  group: {
    sv: 'bara det som rör den här gruppen; utan --since, sedan gruppens senaste möte före i dag',
    en: "only what concerns this group; without --since, since the group's last meeting before today",
  },
  format: { sv: 'text, md (Markdown, t.ex. för en sammanfattning av en pull request) eller json', en: 'text, md (Markdown, e.g. for a pull request summary) or json' },
  public: { sv: 'utelämna det som är sekretessbelagt', en: 'leave out what is confidential' },
  asOf: { sv: 'räkna med {date} som i dag (ÅÅÅÅ-MM-DD)', en: 'take {date} as today (YYYY-MM-DD)' },
  after: {
    sv:
      '\nÄndringar i arbetskatalogen som inte är incheckade räknas med och märks "ej incheckat".\n' +
      'Filer som bytt namn eller flyttats är ingen ändring: dokument matchas på slag och id, deras delar på id.\n\n' +
      'Exempel:\n  $ samverkan changes --since origin/main --format md >> "$GITHUB_STEP_SUMMARY"\n  $ samverkan changes --group styrgrupp-nb\n  $ samverkan changes --since v1.0 --until v1.1 --lang en',
    en:
      '\nUncommitted changes in the working tree are included and marked "not yet committed".\n' +
      'Renamed or moved files are no change: documents are matched by kind and id, their items by id.\n\n' +
      'Examples:\n  $ samverkan changes --since origin/main --format md >> "$GITHUB_STEP_SUMMARY"\n  $ samverkan changes --group styrgrupp-nb\n  $ samverkan changes --since v1.0 --until v1.1 --lang en',
  },
});

interface ChangesCliOptions extends WorkspaceOptions {
  since?: string;
  until?: string;
  group?: string;
  format: 'text' | 'md' | 'json';
  public?: boolean;
  asOf?: string;
}

export function registerChanges(program: Command, io: CliIO): void {
  const command = program
    .command('changes')
    .description(summary('changes'));
  addWorkspaceOptions(command)
    .option(`--since <${placeholder('REV')}>`, say('since'))
    .option(`--until <${placeholder('REV')}>`, say('until'))
    .option(`--group <${placeholder('GROUP')}>`, say('group'))
    .addOption(new Option(`--format <${placeholder('FORMAT')}>`, say('format')).choices(['text', 'md', 'json']).default('text'))
    .option('--public', say('public'))
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .addHelpText('after', say('after'))
    .action(async (options: ChangesCliOptions) => {
      const [{ changes }, format, { jsonText }] = await Promise.all([import('../commands/changes.js'), import('../changes/format.js'), import('../report/json.js')]);
      const report = await changes({
        cwd: io.cwd,
        dir: options.dir,
        since: options.since,
        until: options.until,
        group: options.group,
        lang: options.lang,
        public: options.public,
        asOf: options.asOf,
      });
      if (options.format === 'json') io.stdout(jsonText(format.changesJson(report)));
      else if (options.format === 'md') io.stdout(format.changesMarkdown(report));
      else io.stdout(terminalText(format.changesText(report), false));
    });
}
