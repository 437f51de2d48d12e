/** Options every command shares, and parsers for option values that say what is wrong in words. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { isIsoDate } from '../model/dates.js';

/** Adds -C DIR and --lang to a command. */
export function addWorkspaceOptions(command: Command): Command {
  return command
    .option('-C, --dir <DIR>', 'the workspace folder (default: found by walking up from here)')
    .addOption(new Option('--lang <LANG>', 'language of the output: sv or en (default: the workspace\'s language)').choices(['sv', 'en']));
}

/** Parses a YYYY-MM-DD date option. */
export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(`"${value}" is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.`);
  return value;
}

/** Parses a whole number ≥ 0. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`"${value}" is not a whole number.`);
  return Number(value);
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The options from addWorkspaceOptions, as the action receives them. */
export interface WorkspaceOptions {
  dir?: string;
  lang?: 'sv' | 'en';
}

/**
 * A name from the files for a prompt or a message: the text if it is one, else `fallback` (the
 * id). Prompts run before the workspace is checked, so a name may be a map or a list.
 */
export function nameOf(value: unknown, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
