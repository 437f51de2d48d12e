/**
 * The command's entry point: runs the program and turns errors into one plain sentence and an
 * exit code (0 fine, 1 findings or a refused edit, 2 usage, configuration or internal error).
 * A stack trace is printed only with DEBUG=samverkan. Nothing printed carries a control character
 * from the files: see safeIO.
 */
import { CommanderError } from 'commander';
import { SamverkanError } from '../errors.js';
import { processIO, safeIO, type CliIO } from './io.js';
import { createProgram } from './program.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: string[], terminal: CliIO = { ...processIO(), argv }): Promise<number> {
  // Everything printed passes one gate that makes control characters from the files visible.
  const io = safeIO(terminal);
  const debug = /(^|,)samverkan(,|$)|^\*$/.test(io.env.DEBUG ?? '');
  const program = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return io.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version print through exitOverride with code 0; usage errors are already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof SamverkanError) {
      io.stderr(`samverkan: ${error.message}\n`);
      if (debug) io.stderr(`${error.stack ?? ''}\n`);
      return error.exitCode;
    }
    const err = error as NodeJS.ErrnoException;
    const reason =
      err?.code === 'EACCES' || err?.code === 'EPERM'
        ? `permission denied${err.path ? ` for ${err.path}` : ''}`
        : err?.code === 'ENOSPC'
          ? 'the disk is full'
          : (err?.message ?? String(error));
    io.stderr(`samverkan: something went wrong: ${reason}. ${debug ? '' : 'Run again with DEBUG=samverkan to see the details, and report it if it persists.'}\n`);
    if (debug) io.stderr(`${err?.stack ?? ''}\n`);
    return 2;
  }
}
