/**
 * The commander program: every command registered, each from its own file. A command file
 * only parses its options and prints; the work is done in src/commands and the core, loaded
 * inside the command's action (`await import(...)`).
 *
 * Start-up stays fast because a run loads only the one command it runs: the others stand in the
 * program as stubs made from COMMANDS (name, one-line summary from summaries.ts, usage), enough
 * for the program's help and for "did you mean" on a misspelt command.
 *
 * To add a command: write src/cli/<name>.ts exporting `register<Name>(program, io)`, whose top
 * level imports only ./command.js (commander's classes), ./io.js, ./options.js, ./summaries.js and ../i18n/messages.js (its
 * texts in a `messages('cli/<name>', …)` table); add its one-line summary to summaries.ts and one
 * entry to COMMANDS in commands.ts (which `samverkan --help` is written from, see help.ts).
 */
import { CommanderError, Option, SamverkanCommand, configureCommander, setStubTerm } from './command.js';
import { COMMANDS, commandOf, commandTerm, programDescription, programExamples, programOptions, type CommandEntry, type Register } from './commands.js';
import type { CliIO } from './io.js';
import { summary } from './summaries.js';

export { commandOf, isCommandName } from './commands.js';

/**
 * False only when no word of `argv` can be -V, -v or --version, alone or among short flags (-hV);
 * then version.js, and node:fs with it, stay unloaded: that saves --help about 3 ms. Without
 * `argv` (every command loaded), true.
 */
function mayAskVersion(argv: readonly string[] | undefined): boolean {
  return argv === undefined || argv.some((arg) => arg.startsWith('--version') || /^-[^-]*[Vv]/.test(arg));
}

/**
 * Builds the program; `io` is where it prints and how it reports its exit code. With `argv`, only
 * the command it runs is loaded and the others are stubs; without, every command is loaded.
 */
export async function createProgram(io: CliIO, argv?: readonly string[]): Promise<SamverkanCommand> {
  const program = new SamverkanCommand('samverkan');
  // Settings given before the commands are added are inherited by them: help words, errors, output.
  configureCommander(program)
    .description(programDescription())
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    })
    .exitOverride()
    // --lang before the command (`samverkan --lang en rules`) works for every command; the
    // program's own options end at the command's name, so a command's own --lang stays its own.
    .enablePositionalOptions();
  // --lang, then -V and --version. The version is read from package.json only when asked for, not
  // on every start (commander's .version() wants it up front). -v is what most tools answer to as
  // well, so it prints the same line, hidden from help so that help shows one way to ask.
  for (const { flags, description, choices, hidden } of programOptions()) {
    const option = new Option(flags, description);
    if (choices) option.choices(choices);
    if (hidden) option.hideHelp();
    program.addOption(option);
  }
  const toolVersion = mayAskVersion(argv) ? (await import('./version.js')).toolVersion : () => '';
  for (const flag of ['version', 'v']) {
    program.on(`option:${flag}`, () => {
      io.stdout(`${toolVersion()}\n`);
      throw new CommanderError(0, 'commander.version', toolVersion());
    });
  }
  // `samverkan --lang en render …` means what `samverkan render … --lang en` does, for every command that has --lang.
  program.hook('preAction', (_, action) => {
    const lang = program.getOptionValue('lang') as string | undefined;
    if (lang !== undefined && action.getOptionValue('lang') === undefined && action.options.some((o) => o.long === '--lang')) action.setOptionValue('lang', lang);
  });
  program.addHelpText('after', programExamples());
  const target = argv === undefined ? undefined : commandOf(argv);
  const registered = new Set<Register>();
  const load = async (entry: CommandEntry) => {
    const register = await entry.load();
    if (!registered.has(register)) register(program, io);
    registered.add(register);
  };
  // The command asked for first, with whatever else its module registers; stubs for the rest.
  const asked = COMMANDS.find((e) => e.name === target || e.aliases?.includes(target ?? ''));
  if (asked) await load(asked);
  for (const entry of COMMANDS) {
    if (program.commands.some((c) => c.name() === entry.name)) continue;
    if (argv === undefined) await load(entry);
    else {
      const stub = program.command(entry.name).aliases(entry.aliases ?? []).description(summary(entry.name)).helpOption(false);
      setStubTerm(stub, commandTerm(entry));
      // A stub never runs: the command a run asks for is loaded. Should commander ever pick one
      // that commandOf did not, run the whole program again with every command loaded.
      stub.allowUnknownOption().allowExcessArguments().action(async () => {
        await (await createProgram(io)).parseAsync([...(argv ?? [])], { from: 'user' });
      });
    }
  }
  return program;
}
