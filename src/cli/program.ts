/**
 * The commander program: every command registered, each from its own file. A command file
 * only parses its options and prints; the work is done in src/commands and the core, loaded
 * when the command runs so that `samverkan --help` stays fast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { packageRoot } from '../paths.js';
import type { CliIO } from './io.js';
import { registerCalendar } from './calendar.js';
import { registerChanges } from './changes.js';
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

/** The version in package.json. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Builds the program; `io` is where it prints and how it reports its exit code. */
export function createProgram(io: CliIO): Command {
  const program = new Command('samverkan')
    .description(
      'Keep collaboration agreements, action plans, rosters, meetings and mappings as checked YAML in git,\n' +
        'and render them as documents a steering group can read.',
    )
    .version(toolVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help to see how to use it)')
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .exitOverride();
  // Commander takes one short flag for the version; -v is what most tools answer to as well, so
  // it prints the same line, hidden from help so that help shows one way to ask.
  program.addOption(new Option('-v', 'print the version').hideHelp());
  program.on('option:v', () => {
    io.stdout(`${toolVersion()}\n`);
    throw new CommanderError(0, 'commander.version', toolVersion());
  });
  program.addHelpText(
    'after',
    '\nExamples:\n  $ samverkan validate                 check every file of the workspace\n  $ samverkan validate -C plans/norra-bohuslan --format github\n  $ samverkan render site --public\n  $ samverkan meeting new styrgrupp\n  $ samverkan schema plan > plan.schema.json',
  );
  registerInit(program, io);
  registerValidate(program, io);
  registerRules(program, io);
  registerStatus(program, io);
  registerRender(program, io);
  registerMeeting(program, io);
  registerAction(program, io);
  registerMember(program, io);
  registerTask(program, io);
  registerMinutes(program, io);
  registerCalendar(program, io);
  registerChanges(program, io);
  registerHistory(program, io);
  registerSchema(program, io);
  return program;
}
