/** `samverkan changes`: what changed in the plans, groups, agreements and meetings since a revision. */
import { Option, type Command } from 'commander';
import { jsonText } from '../report/json.js';
import { terminalText, type CliIO } from './io.js';
import { addWorkspaceOptions, parseDate, type WorkspaceOptions } from './options.js';

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
    .description(
      'what changed since a revision, by document and in words: actions added, done, moved; new measurements;\n' +
        'members who joined or left; agreement parties, term and cost sharing; meetings held, their decisions and tasks',
    );
  addWorkspaceOptions(command)
    .option('--since <REV>', 'the revision to compare with: a branch, tag or commit (default: HEAD, or with --group the last meeting)')
    .option('--until <REV>', 'compare with this revision instead of the working tree')
    .option('--group <GROUP>', "only what concerns this group; without --since, since the group's last meeting before today")
    .addOption(new Option('--format <FORMAT>', 'text, md (Markdown, e.g. for a pull request summary) or json').choices(['text', 'md', 'json']).default('text'))
    .option('--public', 'leave out what is confidential')
    .option('--as-of <DATE>', 'take DATE as today (YYYY-MM-DD)', parseDate)
    .addHelpText(
      'after',
      '\nUncommitted changes in the working tree are included and marked "ej incheckat" / "not yet committed".\n' +
        'Renamed or moved files are no change: documents are matched by kind and id, their items by id.\n\n' +
        'Examples:\n  $ samverkan changes --since origin/main --format md >> "$GITHUB_STEP_SUMMARY"\n  $ samverkan changes --group styrgrupp-nb\n  $ samverkan changes --since v1.0 --until v1.1 --lang en',
    )
    .action(async (options: ChangesCliOptions) => {
      const [{ changes }, format] = await Promise.all([import('../commands/changes.js'), import('../changes/format.js')]);
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
