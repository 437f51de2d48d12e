import { messages } from './i18n/messages.js';

const say = messages('errors', {
  didYouMean: { sv: ' Menade du "{guess}"?', en: ' Did you mean "{guess}"?' },
  notDate: {
    sv: '{flag} {value} är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2009-06-10.',
    en: '{flag} {value} is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.',
  },
});

/** ' Did you mean "x"?' in the current language, or '' without a guess: the one wording of a spelling suggestion. */
export function didYouMean(guess: string | undefined): string {
  return guess ? say('didYouMean', { guess }) : '';
}

/** The sentence for a date option (`--as-of`, `--due`) whose value is not YYYY-MM-DD. */
export function notADate(flag: string, value: string): string {
  return say('notDate', { flag, value });
}

/**
 * Typed errors of the core. The CLI prints `message` as one plain sentence and exits with
 * `exitCode`; a stack trace is shown only with DEBUG=samverkan.
 */
export class SamverkanError extends Error {
  /** Exit code the CLI uses for this error. */
  readonly exitCode: number = 2;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The command line was wrong: an unknown option, a missing argument, a bad value. */
export class UsageError extends SamverkanError {}

/** The workspace could not be found or its settings are unusable. */
export class WorkspaceError extends SamverkanError {}

/** Something named on the command line does not exist (a group, plan, action, kind). */
export class NotFoundError extends SamverkanError {}

/** A file changed on disk between reading and writing, or an edit would leave it invalid. */
export class EditConflictError extends SamverkanError {
  override readonly exitCode: number = 1;
}
