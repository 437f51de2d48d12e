/**
 * Commander, speaking the CLI's language: the words of its help ("Usage:", "Options:", …), the
 * help option and command, and its usage errors, each said as one sentence in Swedish or English
 * with what to do about it. Commander's own English is replaced, never shown.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';
import { messages } from '../i18n/messages.js';
import { HELP_OPTION, helpCommandTerm, helpWord, TITLES, withExtras } from './help-words.js';

// Commander is a CommonJS package. Required rather than imported, it skips its ES wrapper and the
// scan of its exports that importing it from an ES module costs every start-up: about 3 ms of
// `samverkan --help`, which must stay within 1.5 times a bare `node`, and of a re-run of validate
// answered from the cache (issue 13). Every command file takes commander's classes from here.
const commander = createRequire(import.meta.url)('commander') as typeof Commander;

/** Commander's classes, for every module of the CLI (so that none loads commander's ES wrapper). */
export const { Command, CommanderError, Help, InvalidArgumentError, Option } = commander;
export type Command = Commander.Command;
export type Option = Commander.Option;
type Argument = Commander.Argument;
type Help = Commander.Help;

const say = messages('cli/command', {
  unknownOption: {
    sv: '"{command}" har ingen flagga {option}.{suggestion} Skriv "{command} --help" för att se vilka flaggor som finns.',
    en: '"{command}" has no option {option}.{suggestion} Run "{command} --help" to see its options.',
  },
  unknownCommand: {
    sv: '"{command}" har inget kommando "{name}".{suggestion} Skriv "{command} --help" för att se vilka kommandon som finns.',
    en: '"{command}" has no command "{name}".{suggestion} Run "{command} --help" to see its commands.',
  },
  suggestOne: { sv: ' Menade du {candidate}?', en: ' Did you mean {candidate}?' },
  suggestSome: { sv: ' Menade du något av {candidates}?', en: ' Did you mean one of {candidates}?' },
  missingArgument: {
    sv: '"{command}" behöver {argument}{about}. Skriv "{command} --help" för att se hur kommandot används.',
    en: '"{command}" needs {argument}{about}. Run "{command} --help" to see how to use it.',
  },
  missingValue: {
    sv: 'Flaggan {option} behöver ett värde{about}. Skriv det efter flaggan, till exempel {option} {placeholder}.',
    en: 'The option {option} needs a value{about}. Write it after the option, as in {option} {placeholder}.',
  },
  missingOption: {
    sv: '"{command}" behöver flaggan {option}{about}.',
    en: '"{command}" needs the option {option}{about}.',
  },
  notAChoice: {
    sv: '{option}: "{value}" går inte att välja. Välj ett av: {choices}.',
    en: '{option}: "{value}" is not a value it takes. Use one of: {choices}.',
  },
  invalidOption: { sv: '{option}: {reason}', en: '{option}: {reason}' },
  invalidArgument: { sv: '{argument}: {reason}', en: '{argument}: {reason}' },
  tooManyNone: {
    sv: '"{command}" tar inga argument, men fick {got}. Skriv "{command} --help" för att se hur kommandot används.',
    en: '"{command}" takes no arguments, but got {got}. Run "{command} --help" to see how to use it.',
  },
  tooMany: {
    sv: {
      one: '"{command}" tar högst {n} argument, men fick {got}. Sätt citattecken runt en text med mellanslag, som "Utbilda personalen".',
      other: '"{command}" tar högst {n} argument, men fick {got}. Sätt citattecken runt en text med mellanslag, som "Utbilda personalen".',
    },
    en: {
      one: '"{command}" takes at most {n} argument, but got {got}. Put quotes around a text with spaces, as in "Train the staff".',
      other: '"{command}" takes at most {n} arguments, but got {got}. Put quotes around a text with spaces, as in "Train the staff".',
    },
  },
  conflicting: { sv: '{first} kan inte ges tillsammans med {second}: välj en av dem.', en: '{first} cannot be given together with {second}: choose one of them.' },
  otherUsage: {
    sv: 'Kommandoraden gick inte att tolka. Skriv "{command} --help" för att se hur kommandot används.',
    en: 'The command line could not be read. Run "{command} --help" to see how to use it.',
  },
});

/** How the list of commands shows a command that is only a stub ("validate [options] [PATH...]"). */
const stubTerms = new WeakMap<Command, string>();

/** Sets how the list of commands shows a stub, which has none of the real command's arguments and options. */
export function setStubTerm(command: Command, term: string): void {
  stubTerms.set(command, term);
}

/** Help that speaks the current language; everything else is commander's. */
export const HELP_CONFIGURATION: Partial<Help> = {
  styleTitle: (title: string) => (TITLES[title] ? helpWord(TITLES[title]) : title),
  commandUsage(cmd: Command): string {
    return Help.prototype.commandUsage
      .call(this, cmd)
      .replace('[options]', helpWord('optionsWord'))
      .replace('[command]', helpWord('commandWord'));
  },
  subcommandTerm(cmd: Command): string {
    return (stubTerms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd)).replace('[options]', helpWord('optionsWord'));
  },
  optionDescription(option: Option): string {
    // Defaults of flags that take no value are for the programmer, not the reader, as in commander.
    const showDefault = option.defaultValue !== undefined && (option.required || option.optional);
    return withExtras(option.description, option.argChoices, showDefault ? (option.defaultValueDescription ?? String(option.defaultValue)) : undefined);
  },
  argumentDescription(argument: Argument): string {
    const value = argument.defaultValue === undefined ? undefined : (argument.defaultValueDescription ?? String(argument.defaultValue));
    return withExtras(argument.description, argument.argChoices, value);
  },
};

/** "samverkan meeting new": the command as the user types it. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The option with these flags on the command or one it belongs to. */
function optionOf(command: Command, flags: string): Option | undefined {
  for (let c: Command | null = command; c; c = c.parent) {
    const found = c.options.find((o) => o.flags === flags);
    if (found) return found;
  }
  return undefined;
}

/** The name to show for an option: its long flag (--as-of), else its short one. */
function optionName(option: Option | undefined, flags: string): string {
  return option?.long ?? option?.short ?? flags.split(/[ ,|]+/)[0];
}

/** ": the date of the meeting" when there is a description to add; commander's descriptions start in lower case. */
function about(description: string | undefined): string {
  const first = description?.split('\n')[0].replace(/\s*\(.*$/, '').trim();
  return first ? ` (${first})` : '';
}

/** Commander's "(Did you mean --format?)", said in the current language. */
function suggestion(text: string | undefined): string {
  if (!text) return '';
  const some = /^one of (.*)$/.exec(text);
  return some ? say('suggestSome', { candidates: some[1] }) : say('suggestOne', { candidate: text });
}

/**
 * A commander error message, by its code, as one sentence in the current language. Commander
 * builds these from a few fixed English patterns (commander 14's lib/command.js); each is taken
 * apart here and said again in our words.
 */
export function usageSentence(command: Command, code: string, message: string): string {
  const path = commandPath(command);
  const text = message.replace(/^error: /, '');
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(text))) {
        return say('unknownOption', { command: path, option: m[1], suggestion: suggestion(m[2]) });
      }
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(text))) {
        return say('unknownCommand', { command: path, name: m[1], suggestion: suggestion(m[2]) });
      }
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '(.*)'$/.exec(text))) {
        const argument = command.registeredArguments.find((a) => a.name() === m![1]);
        return say('missingArgument', { command: path, argument: m[1], about: about(argument?.description) });
      }
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '(.*)' argument missing$/.exec(text))) {
        const option = optionOf(command, m[1]);
        const placeholder = /[<[](.*?)[>\]]/.exec(m[1])?.[1] ?? '';
        return say('missingValue', { option: optionName(option, m[1]), about: about(option?.description), placeholder });
      }
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^required option '(.*)' not specified$/.exec(text))) {
        const option = optionOf(command, m[1]);
        return say('missingOption', { command: path, option: optionName(option, m[1]), about: about(option?.description) });
      }
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '(.*?)' argument '(.*)' is invalid\. (.*)$/s.exec(text))) {
        const option = optionOf(command, m[1]);
        const name = optionName(option, m[1]);
        // The choices commander checks itself; every other reason is our own parser's, said already.
        if (option?.argChoices && /^Allowed choices are /.test(m[3])) return say('notAChoice', { option: name, value: m[2], choices: option.argChoices.join(', ') });
        return say('invalidOption', { option: name, reason: m[3] });
      }
      if ((m = /^command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s.exec(text))) {
        const argument = command.registeredArguments.find((a) => a.name() === m![2]);
        if (argument?.argChoices && /^Allowed choices are /.test(m[3])) return say('notAChoice', { option: m[2], value: m[1], choices: argument.argChoices.join(', ') });
        return say('invalidArgument', { argument: m[2], reason: m[3] });
      }
      break;
    case 'commander.excessArguments':
      if ((m = /Expected (\d+) arguments? but got (\d+)\.$/.exec(text))) {
        const n = Number(m[1]);
        return n === 0 ? say('tooManyNone', { command: path, got: m[2] }) : say('tooMany', { command: path, n, got: m[2] });
      }
      break;
    case 'commander.conflictingOption':
      if ((m = /^option '(.*?)' cannot be used with option '(.*?)'$/.exec(text))) {
        return say('conflicting', { first: optionName(optionOf(command, m[1]), m[1]), second: optionName(optionOf(command, m[2]), m[2]) });
      }
      break;
  }
  return say('otherUsage', { command: path });
}

/**
 * A commander Command whose usage errors are said in the CLI's language, as "samverkan: …" and
 * one sentence, like every other error. Subcommands are made of the same class.
 */
export class SamverkanCommand extends Command {
  override createCommand(name?: string): Command {
    return new SamverkanCommand(name);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const code = errorOptions?.code ?? 'commander.error';
    // Errors the CLI raises itself through command.error() are its own words already.
    const sentence = code === 'commander.error' ? message : usageSentence(this, code, message);
    return super.error(`samverkan: ${sentence}`, errorOptions);
  }
}

/** The help option's and help command's own descriptions, in the current language. */
export function configureCommander(program: Command): Command {
  return program
    .configureHelp(HELP_CONFIGURATION)
    .helpOption(HELP_OPTION, helpWord('helpOption'))
    .helpCommand(helpCommandTerm(), helpWord('helpCommand'))
    .showSuggestionAfterError(true);
}
