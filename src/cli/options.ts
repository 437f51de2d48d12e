/** Options every command shares, and parsers for option values that say what is wrong in words. */
import { InvalidArgumentError, Option, type Command } from './command.js';
import { messages } from '../i18n/messages.js';
import { isIsoDate } from '../model/dates.js';
import { placeholder } from './placeholders.js';

const say = messages('cli/options', {
  dir: { sv: 'arbetsytans mapp (förval: den som hittas uppåt härifrån)', en: 'the workspace folder (default: found by walking up from here)' },
  lang: {
    sv: 'språket för utdata: sv eller en (förval: arbetsytans språk, annars systemets)',
    en: "language of the output: sv or en (default: the workspace's language, else the system's)",
  },
  notADate: { sv: '"{value}" är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2009-06-10.', en: '"{value}" is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.' },
  note: { sv: 'Obs: {where}: {message}', en: 'Note: {where}: {message}' },
  notACount: { sv: '"{value}" är inget heltal. Skriv ett heltal från 0 och uppåt, till exempel 10.', en: '"{value}" is not a whole number. Write a whole number from 0 up, for example 10.' },
});

export { placeholder } from './placeholders.js';

/** Adds -C DIR and --lang to a command. */
export function addWorkspaceOptions(command: Command): Command {
  return command
    .option(`-C, --dir <${placeholder('DIR')}>`, say('dir'))
    .addOption(new Option(`--lang <${placeholder('LANG')}>`, say('lang')).choices(['sv', 'en']));
}

/** Parses a YYYY-MM-DD date option. */
export function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError(say('notADate', { value }));
  return value;
}

/** Parses a whole number ≥ 0. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(say('notACount', { value }));
  return Number(value);
}

/** Parses --workers: a number of threads (at least 1), or auto. */
export function parseWorkers(value: string): number | 'auto' {
  return value === 'auto' ? 'auto' : Math.max(1, parseCount(value));
}

/** The line an edit prints for a warning about what it wrote: "Obs: groups/x.yaml:12: …". */
export function noteLine(where: string, message: string): string {
  return `${say('note', { where, message })}\n`;
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
