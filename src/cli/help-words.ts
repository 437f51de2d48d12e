/**
 * The words of a help page in the CLI's language ("Usage:", "[options]", "one of: sv, en"), apart
 * from commander: the program's help is made from them by commander (command.ts) and, for
 * `samverkan --help` alone, without loading commander (help.ts).
 */
import { messages } from '../i18n/messages.js';

const say = messages('cli/help', {
  usage: { sv: 'Användning:', en: 'Usage:' },
  options: { sv: 'Flaggor:', en: 'Options:' },
  commands: { sv: 'Kommandon:', en: 'Commands:' },
  arguments: { sv: 'Argument:', en: 'Arguments:' },
  globalOptions: { sv: 'Globala flaggor:', en: 'Global options:' },
  optionsWord: { sv: '[flaggor]', en: '[options]' },
  commandWord: { sv: '[kommando]', en: '[command]' },
  choices: { sv: 'ett av: {list}', en: 'one of: {list}' },
  default: { sv: 'förval: {value}', en: 'default: {value}' },
  helpOption: { sv: 'visa hjälpen', en: 'show help' },
  helpCommand: { sv: 'visa hjälpen för ett kommando', en: 'show help for a command' },
});

type HelpWord = 'usage' | 'options' | 'commands' | 'arguments' | 'globalOptions' | 'optionsWord' | 'commandWord' | 'helpOption' | 'helpCommand';

/** One word of the help page in the current language. */
export function helpWord(key: HelpWord): string {
  return say(key);
}

/** The words commander puts in a help page, by the English it writes them in. */
export const TITLES: Record<string, HelpWord> = {
  'Usage:': 'usage',
  'Options:': 'options',
  'Commands:': 'commands',
  'Arguments:': 'arguments',
  'Global Options:': 'globalOptions',
};

/** The flags of the help option. */
export const HELP_OPTION = '-h, --help';

/** The help command as the list of commands shows it: `help [kommando]`. */
export function helpCommandTerm(): string {
  return `help ${say('commandWord')}`;
}

/** How the help shows the extras commander adds to a description: allowed values and the default. */
export function withExtras(description: string, choices: readonly string[] | undefined, defaultValue: string | undefined): string {
  // A description that names every allowed value already ("sv or en") needs no list of them.
  const named = choices?.every((c) => new RegExp(`(^|[\\s,(:])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\s,);]|$)`).test(description));
  const extras = [
    ...(choices && !named ? [say('choices', { list: choices.join(', ') })] : []),
    ...(defaultValue !== undefined ? [say('default', { value: defaultValue })] : []),
  ];
  if (extras.length === 0) return description;
  return description ? `${description} (${extras.join('; ')})` : `(${extras.join('; ')})`;
}
