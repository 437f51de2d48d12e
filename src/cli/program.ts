/**
 * The commander program: every command registered, each from its own file. A command file
 * only parses its options and prints; the work is done in src/commands and the core, loaded
 * inside the command's action (`await import(...)`).
 *
 * Start-up stays fast because a run loads only the one command it runs: the others stand in the
 * program as stubs made from COMMANDS (name, one-line summary from summaries.ts, usage), enough
 * for `samverkan --help` and for "did you mean" on a misspelt command.
 *
 * To add a command: write src/cli/<name>.ts exporting `register<Name>(program, io)`, whose top
 * level imports only ./command.js (commander's classes), ./io.js, ./options.js, ./summaries.js and ../i18n/messages.js (its
 * texts in a `messages('cli/<name>', …)` table); add its one-line summary to summaries.ts and one
 * entry to COMMANDS below.
 */
import { messages } from '../i18n/messages.js';
import { CommanderError, Option, SamverkanCommand, configureCommander, setStubTerm, type Command } from './command.js';
import type { CliIO } from './io.js';
import { placeholder } from './placeholders.js';
import { summary } from './summaries.js';

type Register = (program: Command, io: CliIO) => void;

/** A command of the program, as the list of commands shows it, and the module that registers it. */
interface CommandEntry {
  name: Parameters<typeof summary>[0];
  aliases?: string[];
  /** Its arguments as the usage line shows them, when it takes any. */
  args?: () => string;
  /** Whether it has options of its own (the list then shows [options]). */
  options: boolean;
  /** Loads the module that registers it (a module may register several commands). */
  load: () => Promise<Register>;
}

const createPeople = async () => (await import('./create-people.js')).registerCreatePeople;
const createPlans = async () => (await import('./create-plans.js')).registerCreatePlans;

/** Every command, in the order the help lists them. */
const COMMANDS: CommandEntry[] = [
  { name: 'init', args: () => `[${placeholder('DIR')}]`, options: true, load: async () => (await import('./init.js')).registerInit },
  { name: 'validate', args: () => `[${placeholder('PATH')}...]`, options: true, load: async () => (await import('./validate.js')).registerValidate },
  { name: 'rules', args: () => `[${placeholder('RULE')}]`, options: true, load: async () => (await import('./rules.js')).registerRules },
  { name: 'status', options: true, load: async () => (await import('./status.js')).registerStatus },
  { name: 'render', args: () => `<${placeholder('KIND')}> [${placeholder('ID')}]`, options: true, load: async () => (await import('./render.js')).registerRender },
  { name: 'meeting', options: false, load: async () => (await import('./meeting.js')).registerMeeting },
  { name: 'action', options: false, load: async () => (await import('./action.js')).registerAction },
  { name: 'person', options: false, load: createPeople },
  { name: 'organization', aliases: ['organisation'], options: false, load: createPeople },
  { name: 'group', options: false, load: createPeople },
  { name: 'plan', options: false, load: createPlans },
  { name: 'goal', options: false, load: createPlans },
  { name: 'indicator', options: false, load: createPlans },
  { name: 'agreement', options: false, load: createPlans },
  { name: 'member', options: false, load: async () => (await import('./member.js')).registerMember },
  { name: 'task', options: false, load: async () => (await import('./task.js')).registerTask },
  { name: 'minutes', options: false, load: async () => (await import('./minutes.js')).registerMinutes },
  { name: 'calendar', args: () => `[${placeholder('GROUP')}...]`, options: true, load: async () => (await import('./calendar.js')).registerCalendar },
  { name: 'changes', options: true, load: async () => (await import('./changes.js')).registerChanges },
  { name: 'history', args: () => `<${placeholder('ID')}>`, options: true, load: async () => (await import('./history.js')).registerHistory },
  { name: 'schema', args: () => `[${placeholder('KIND')}]`, options: true, load: async () => (await import('./schema.js')).registerSchema },
];

/**
 * The command a run of `argv` asks for, as commander will find it: the first word after the
 * program's own options (`--lang en`, `-v`), or the one after `help`. Undefined when there is none.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') i++;
    else if (arg === '--') return argv[i + 1];
    else if (!arg.startsWith('-')) return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

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

/**
 * False only when no word of `argv` can be -V, -v or --version, alone or among short flags (-hV);
 * then version.js, and node:fs with it, stay unloaded: that saves --help about 3 ms. Without
 * `argv` (every command loaded), true.
 */
function mayAskVersion(argv: readonly string[] | undefined): boolean {
  return argv === undefined || argv.some((arg) => arg.startsWith('--version') || /^-[^-]*[Vv]/.test(arg));
}

/** True when `name` is one of the program's commands (or an alias of one). */
export function isCommandName(name: string): boolean {
  return COMMANDS.some((e) => e.name === name || e.aliases?.includes(name));
}

/**
 * Builds the program; `io` is where it prints and how it reports its exit code. With `argv`, only
 * the command it runs is loaded and the others are stubs; without, every command is loaded.
 */
export async function createProgram(io: CliIO, argv?: readonly string[]): Promise<SamverkanCommand> {
  const program = new SamverkanCommand('samverkan');
  // Settings given before the commands are added are inherited by them: help words, errors, output.
  configureCommander(program)
    .description(say('description'))
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
  // The version is read from package.json only when asked for, not on every start (commander's
  // .version() wants it up front). -v is what most tools answer to as well, so it prints the same
  // line, hidden from help so that help shows one way to ask.
  program.addOption(new Option('-V, --version', say('version')));
  program.addOption(new Option('-v', say('version')).hideHelp());
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
  program.addHelpText('after', say('examples'));
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
      setStubTerm(stub, [[entry.name, ...(entry.aliases ?? []).slice(0, 1)].join('|'), ...(entry.options ? ['[options]'] : []), ...(entry.args ? [entry.args()] : [])].join(' '));
      // A stub never runs: the command a run asks for is loaded. Should commander ever pick one
      // that commandOf did not, run the whole program again with every command loaded.
      stub.allowUnknownOption().allowExcessArguments().action(async () => {
        await (await createProgram(io)).parseAsync([...(argv ?? [])], { from: 'user' });
      });
    }
  }
  return program;
}
