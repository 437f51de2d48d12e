/** Where the CLI writes and what it knows of its terminal; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal: colour and prompts are allowed. */
  isTTY: boolean;
  /** True when stdin is a terminal: prompts are allowed. */
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The arguments the CLI was started with (without node and the script). */
  argv: readonly string[];
  /** The exit code the command asks for; main() exits with it. */
  exitCode: number;
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    env: process.env,
    cwd: process.cwd(),
    argv: process.argv.slice(2),
    exitCode: 0,
  };
}

/** Colour only on a terminal and never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}
