/** `samverkan history ID`: the life of an action, goal, indicator, roster or meeting through the commits. */
import { Option, type Command } from 'commander';
import { jsonText } from '../report/json.js';
import { terminalText, type CliIO } from './io.js';
import { addWorkspaceOptions, type WorkspaceOptions } from './options.js';

interface HistoryCliOptions extends WorkspaceOptions {
  format: 'text' | 'md' | 'json';
  public?: boolean;
}

/** Adds `samverkan history ID` to the program. */
export function registerHistory(program: Command, io: CliIO): void {
  const command = program
    .command('history')
    .argument('<ID>', 'PLAN/ACTION, PLAN/GOAL or PLAN/INDICATOR; a GROUP for its roster; a MEETING for its minutes')
    .description('the life of one thing through the commits: each change with its date, author and message, and what changed in words');
  addWorkspaceOptions(command)
    .addOption(new Option('--format <FORMAT>', 'text, md (Markdown) or json').choices(['text', 'md', 'json']).default('text'))
    .option('--public', 'leave out what is confidential (a confidential group\'s roster or meeting shows nothing)')
    .addHelpText(
      'after',
      '\nThe thing is followed by its id, so a renamed file, or a plan moved to another file, is the same thing.\n' +
        'Changes in the working tree that are not committed yet come last.\n\n' +
        'Examples:\n  $ samverkan history norra-bohuslan/a3\n  $ samverkan history styrgrupp-nb --format md\n  $ samverkan history styrgrupp-nb-2025-11-06 --lang en --format json',
    )
    .action(async (id: string, options: HistoryCliOptions) => {
      const history = await import('../commands/history.js');
      const report = await history.history({ cwd: io.cwd, dir: options.dir, id, lang: options.lang, public: options.public });
      if (options.format === 'json') io.stdout(jsonText(history.historyJson(report)));
      else if (options.format === 'md') io.stdout(await history.historyMarkdown(report));
      else io.stdout(terminalText(history.historyText(report), false));
    });
}
