/**
 * The commander program: every command registered, each from its own file. A command file
 * only parses its options and prints; the work is done in src/commands and the core, loaded
 * inside the command's action (`await import(...)`) so that `samverkan --help` stays fast.
 *
 * To add a command: write src/cli/<name>.ts exporting `register<Name>(program, io)`, whose top
 * level imports only commander, ./io.js, ./options.js and ../i18n/messages.js (its texts in a
 * `messages('cli/<name>', …)` table), and add one `register<Name>(program, io);` line below.
 */
import { CommanderError, Option } from 'commander';
import { messages } from '../i18n/messages.js';
import { SamverkanCommand, configureCommander } from './command.js';
import type { CliIO } from './io.js';
import { placeholder } from './options.js';
import { toolVersion } from './version.js';
import { registerCalendar } from './calendar.js';
import { registerChanges } from './changes.js';
import { registerCreatePeople } from './create-people.js';
import { registerCreatePlans } from './create-plans.js';
import { registerHistory } from './history.js';
import { registerAction } from './action.js';
import { registerInit } from './init.js';
import { registerMeeting } from './meeting.js';
import { registerMember } from './member.js';
import { registerMinutes } from './minutes.js';
import { registerRender } from './render.js';
import { registerRules } from './rules.js';
import { registerSchema } from './schema.js';
import { registerStatus } from './status.js';
import { registerTask } from './task.js';
import { registerValidate } from './validate.js';

export { toolVersion };

const say = messages('cli/program', {
  description: {
    sv: 'Håll samverkansöverenskommelser, handlingsplaner, gruppers sammansättning, möten och kartläggningar som kontrollerad YAML i git, och gör dem till dokument som en styrgrupp kan läsa.',
    en: 'Keep collaboration agreements, action plans, rosters, meetings and mappings as checked YAML in git, and render them as documents a steering group can read.',
  },
  version: { sv: 'visa versionen', en: 'print the version' },
  lang: {
    sv: 'språket för utdata, i terminalen och i dokumenten: sv eller en, som kommandots egen --lang (förval: arbetsytans språk, annars systemets)',
    en: "language of the output, in the terminal and the documents: sv or en, as the command's own --lang (default: the workspace's language, else the system's)",
  },
  examples: {
    sv:
      '\nExempel:\n  $ samverkan validate                 kontrollera alla filer i arbetsytan\n  $ samverkan validate -C plans/norra-bohuslan --format github\n' +
      '  $ samverkan render site --public\n  $ samverkan meeting new styrgrupp\n  $ samverkan schema plan > plan.schema.json',
    en:
      '\nExamples:\n  $ samverkan validate                 check every file of the workspace\n  $ samverkan validate -C plans/norra-bohuslan --format github\n' +
      '  $ samverkan render site --public\n  $ samverkan meeting new styrgrupp\n  $ samverkan schema plan > plan.schema.json',
  },
});

/** Builds the program; `io` is where it prints and how it reports its exit code. */
export function createProgram(io: CliIO): SamverkanCommand {
  const program = new SamverkanCommand('samverkan');
  // Settings given before the commands are added are inherited by them: help words, errors, output.
  configureCommander(program)
    .description(say('description'))
    .version(toolVersion(), '-V, --version', say('version'))
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride()
    // --lang before the command (`samverkan --lang en rules`) works for every command; the
    // program's own options end at the command's name, so a command's own --lang stays its own.
    .enablePositionalOptions()
    .addOption(new Option(`--lang <${placeholder('LANG')}>`, say('lang')).choices(['sv', 'en']));
  // Commander takes one short flag for the version; -v is what most tools answer to as well, so
  // it prints the same line, hidden from help so that help shows one way to ask.
  program.addOption(new Option('-v', say('version')).hideHelp());
  program.on('option:v', () => {
    io.stdout(`${toolVersion()}\n`);
    throw new CommanderError(0, 'commander.version', toolVersion());
  });
  // `samverkan --lang en render …` means what `samverkan render … --lang en` does, for every command that has --lang.
  program.hook('preAction', (_, action) => {
    const lang = program.getOptionValue('lang') as string | undefined;
    if (lang !== undefined && action.getOptionValue('lang') === undefined && action.options.some((o) => o.long === '--lang')) action.setOptionValue('lang', lang);
  });
  program.addHelpText('after', say('examples'));
  registerInit(program, io);
  registerValidate(program, io);
  registerRules(program, io);
  registerStatus(program, io);
  registerRender(program, io);
  registerMeeting(program, io);
  registerAction(program, io);
  registerCreatePeople(program, io);
  registerCreatePlans(program, io);
  registerMember(program, io);
  registerTask(program, io);
  registerMinutes(program, io);
  registerCalendar(program, io);
  registerChanges(program, io);
  registerHistory(program, io);
  registerSchema(program, io);
  return program;
}
