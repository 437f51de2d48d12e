/** `samverkan history ID`: the life of an action, goal, indicator, roster or meeting through the commits. */
import { Option, type Command } from './command.js';
import { messages } from '../i18n/messages.js';
import { terminalText, type CliIO } from './io.js';
import { addWorkspaceOptions, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/history', {
  id: {
    sv: 'PLAN/ÅTGÄRD, PLAN/MÅL eller PLAN/INDIKATOR; en GRUPP för dess sammansättning; ett MÖTE för dess protokoll',
    en: 'PLAN/ACTION, PLAN/GOAL or PLAN/INDICATOR; a GROUP for its roster; a MEETING for its minutes',
  },
  format: { sv: 'text, md (Markdown) eller json', en: 'text, md (Markdown) or json' },
  public: {
    sv: 'utelämna det som är sekretessbelagt (en sekretessbelagd grupps sammansättning eller möte visar ingenting)',
    en: "leave out what is confidential (a confidential group's roster or meeting shows nothing)",
  },
  after: {
    sv:
      '\nSaken följs genom sitt id, så en fil som bytt namn, eller en plan som flyttats till en annan fil, är samma sak.\n' +
      'Ändringar i arbetskatalogen som inte är incheckade än kommer sist.\n\n' +
      'Exempel:\n  $ samverkan history norra-bohuslan/a3\n  $ samverkan history styrgrupp-nb --format md\n  $ samverkan history styrgrupp-nb-2025-11-06 --lang en --format json',
    en:
      '\nThe thing is followed by its id, so a renamed file, or a plan moved to another file, is the same thing.\n' +
      'Changes in the working tree that are not committed yet come last.\n\n' +
      'Examples:\n  $ samverkan history norra-bohuslan/a3\n  $ samverkan history styrgrupp-nb --format md\n  $ samverkan history styrgrupp-nb-2025-11-06 --lang en --format json',
  },
});

interface HistoryCliOptions extends WorkspaceOptions {
  format: 'text' | 'md' | 'json';
  public?: boolean;
}

/** Adds `samverkan history ID` to the program. */
export function registerHistory(program: Command, io: CliIO): void {
  const command = program
    .command('history')
    .argument(`<${placeholder('ID')}>`, say('id'))
    .description(summary('history'));
  addWorkspaceOptions(command)
    .addOption(new Option(`--format <${placeholder('FORMAT')}>`, say('format')).choices(['text', 'md', 'json']).default('text'))
    .option('--public', say('public'))
    .addHelpText('after', say('after'))
    .action(async (id: string, options: HistoryCliOptions) => {
      const [history, { jsonText }] = await Promise.all([import('../commands/history.js'), import('../report/json.js')]);
      const report = await history.history({ cwd: io.cwd, dir: options.dir, id, lang: options.lang, public: options.public });
      if (options.format === 'json') io.stdout(jsonText(history.historyJson(report)));
      else if (options.format === 'md') io.stdout(await history.historyMarkdown(report));
      else io.stdout(terminalText(history.historyText(report), false));
    });
}
