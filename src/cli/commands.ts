/**
 * What the program is, apart from commander: its description, its own options, every command
 * (name, usage, one-line summary and the module that registers it) and its examples. program.ts
 * builds the commander program from this; help.ts writes `samverkan --help` from it without
 * loading commander, which is most of what a bare --help would cost.
 */
import { messages } from '../i18n/messages.js';
import type { Command } from './command.js';
import { helpWord } from './help-words.js';
import type { CliIO } from './io.js';
import { placeholder } from './placeholders.js';
import { summary } from './summaries.js';

/** What a command file exports: registers its command (or several) on the program. */
export type Register = (program: Command, io: CliIO) => void;

/** A command of the program, as the list of commands shows it, and the module that registers it. */
export interface CommandEntry {
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
export const COMMANDS: CommandEntry[] = [
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


/** True when `name` is one of the program's commands (or an alias of one). */
export function isCommandName(name: string): boolean {
  return COMMANDS.some((e) => e.name === name || e.aliases?.includes(name));
}

/** What the program says it is, first in its help. */
export function programDescription(): string {
  return say('description');
}

/** The examples that end the program's help. */
export function programExamples(): string {
  return say('examples');
}

/** An option of the program itself, as commander is given it. */
export interface ProgramOption {
  flags: string;
  description: string;
  choices?: readonly string[];
  /** Left out of the help: -v says what -V says, and help shows one way to ask. */
  hidden?: boolean;
}

/** The program's own options, in the order the help lists them (the help option comes after them). */
export function programOptions(): ProgramOption[] {
  return [
    { flags: `--lang <${placeholder('LANG')}>`, description: say('lang'), choices: ['sv', 'en'] },
    { flags: '-V, --version', description: say('version') },
    { flags: '-v', description: say('version'), hidden: true },
  ];
}

/** How the list of commands shows a command ("validate [flaggor] [SÖKVÄG...]"), without loading it. */
export function commandTerm(entry: CommandEntry): string {
  return [[entry.name, ...(entry.aliases ?? []).slice(0, 1)].join('|'), ...(entry.options ? [helpWord('optionsWord')] : []), ...(entry.args ? [entry.args()] : [])].join(' ');
}
