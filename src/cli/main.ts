/**
 * The command's entry point: settles the language, runs the program and turns errors into one
 * plain sentence and an exit code (0 fine, 1 findings or a refused edit, 2 usage, configuration or
 * internal error). A stack trace is printed only with DEBUG=samverkan. Nothing printed carries a
 * control character from the files: see safeIO.
 */
import { messages, setLanguage } from '../i18n/messages.js';
import { processIO, safeIO, type CliIO } from './io.js';
import { startLanguage } from './language.js';

const say = messages('cli/main', {
  denied: { sv: 'åtkomst nekad', en: 'permission denied' },
  deniedFor: { sv: 'åtkomst nekad till {path}', en: 'permission denied for {path}' },
  diskFull: { sv: 'disken är full', en: 'the disk is full' },
  failed: { sv: 'något gick fel: {reason}.', en: 'something went wrong: {reason}.' },
  seeDetails: {
    sv: 'Kör igen med DEBUG=samverkan för att se detaljerna, och rapportera felet om det kvarstår.',
    en: 'Run again with DEBUG=samverkan to see the details, and report it if it persists.',
  },
});

const VERSION_FLAGS = new Set(['--version', '-V', '-v']);

/** The runs whose whole output is the program's help page (the words of argv, joined by a space). */
const HELP_RUNS = new Set(['--help', '-h', 'help']);

/** True for the errors commander throws through exitOverride (help, version, usage errors). */
function isCommanderError(error: unknown): error is { exitCode: number; code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('commander.') && typeof (error as { exitCode?: unknown }).exitCode === 'number';
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], terminal: CliIO = { ...processIO(), argv }): Promise<number> {
  // Everything printed passes one gate that makes control characters from the files visible.
  const io = safeIO(terminal);
  const debug = /(^|,)samverkan(,|$)|^\*$/.test(io.env.DEBUG ?? '');
  // `--version` alone needs neither commander nor the commands: answer it before loading them.
  if (argv.length === 1 && VERSION_FLAGS.has(argv[0])) {
    const { toolVersion } = await import('./version.js');
    io.stdout(`${toolVersion()}\n`);
    return 0;
  }
  setLanguage(startLanguage(argv, io.env, io.cwd));
  try {
    // The help page alone is written without commander, which would cost it most of its time;
    // as wide as commander takes the terminal to be (process.stdout's, whatever `io` is).
    const help = HELP_RUNS.has(argv.join(' ')) ? (await import('./help.js')).programHelp(process.stdout.isTTY ? process.stdout.columns : undefined) : undefined;
    if (help) {
      io.stdout(help.page);
      io.stdout(help.after);
      return 0;
    }
    const { createProgram, isCommandName } = await import('./program.js');
    // `samverkan help valdate` is a misspelt command, said as one with a guess (commander would
    // print the whole help page and stop).
    const args = argv[0] === 'help' && argv.length === 2 && !argv[1].startsWith('-') && !isCommandName(argv[1]) ? argv.slice(1) : argv;
    await (await createProgram(io, args)).parseAsync(args, { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (isCommanderError(error)) {
      // Help and version print through exitOverride with code 0; usage errors are already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    // The error classes are loaded only when there is an error to tell.
    const { SamverkanError } = await import('../errors.js');
    if (error instanceof SamverkanError) {
      io.stderr(`samverkan: ${error.message}\n`);
      if (debug) io.stderr(`${error.stack ?? ''}\n`);
      return error.exitCode;
    }
    const err = error as NodeJS.ErrnoException;
    const reason =
      err?.code === 'EACCES' || err?.code === 'EPERM'
        ? err.path ? say('deniedFor', { path: err.path }) : say('denied')
        : err?.code === 'ENOSPC'
          ? say('diskFull')
          : (err?.message ?? String(error));
    io.stderr(`samverkan: ${say('failed', { reason })}${debug ? '' : ` ${say('seeDetails')}`}\n`);
    if (debug) io.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
