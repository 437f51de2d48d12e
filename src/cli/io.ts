import { isatty } from 'node:tty';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';

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
  /** Reads standard input to its end (`validate -`); absent where there is none to read. */
  readStdin?: () => Promise<Buffer>;
}

/** Everything on the process's standard input, until it closes. */
async function readProcessStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

export function processIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    // isatty(0) rather than process.stdin.isTTY, which would set up the stdin stream on every start.
    stdinIsTTY: isatty(0),
    env: process.env,
    cwd: process.cwd(),
    argv: process.argv.slice(2),
    exitCode: 0,
    readStdin: readProcessStdin,
  };
}

/** Colour only on a terminal and never with NO_COLOR (https://no-color.org) or TERM=dumb. */
export function useColor(io: CliIO): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY && io.env.TERM !== 'dumb';
}

// Our own colour codes travel as markers that carry a number drawn when the process starts, so
// text from the files cannot forge one: it can hold "\x1b[31m" or U+FDD0, but not the nonce.
// The files are written before the process starts and cannot see its state, so V8's generator,
// seeded from the system's entropy, is unguessable to them; node:crypto would cost every start-up
// (--version, --help) a few milliseconds for nothing more.
const NONCE = Array.from({ length: 3 }, () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0')).join('');
const STYLE_MARK = new RegExp(`\uFDD0${NONCE}(\\d{1,3}(?:;\\d{1,3})*)\uFDD1`, 'g');

/**
 * A colour code (SGR, such as 31 for red) as the CLI's own output writes it. `safeIO` turns it
 * into the escape sequence after escaping everything else, or drops it when colour is off.
 */
export function sgr(code: number): string {
  return `\uFDD0${NONCE}${code}\uFDD1`;
}

/** `text` between the colour codes `open` and `close` when `color`, else `text` as it is. */
export function paint(color: boolean, [open, close]: readonly [number, number], text: string): string {
  return color ? `${sgr(open)}${text}${sgr(close)}` : text;
}

/**
 * Marks the SGR sequences in `text` as the CLI's own. Only for text whose every other control
 * character was already made visible (the stylish report escapes the text it takes from files).
 */
export function trustStyles(text: string): string {
  return text.replace(/\u001b\[(\d{1,3}(?:;\d{1,3})*)m/g, (_, code: string) => `\uFDD0${NONCE}${code}\uFDD1`);
}

// Every C0 control but tab and line feed, DEL, and C1 (U+009B is a one-character CSI). A carriage
// return right before a line feed is a line ending (an iCalendar file's, printed by calendar), and
// harmless; alone, it would let a text overwrite the line it is on.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/g;

/**
 * What may reach a terminal: control characters from the files shown as their visible symbols
 * (ESC as ␛, C1 as �), so a title cannot move the cursor, clear the screen, ring the bell or
 * recolour the text; then the CLI's own colour codes, when `color`, and nothing of them otherwise.
 */
export function terminalText(text: string, color: boolean): string {
  const visible = text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\uFFFD';
  });
  // And never an identity number, whichever command printed it: the last line of defence.
  return maskIdentityNumbers(visible).replace(STYLE_MARK, (_, code: string) => (color ? `\u001b[${code}m` : ''));
}

/**
 * The same terminal with everything written to stdout and stderr passed through `terminalText`:
 * the one place where the CLI's output is made safe, whatever command wrote it.
 */
export function safeIO(io: CliIO): CliIO {
  const color = useColor(io);
  return {
    stdout: (text) => io.stdout(terminalText(text, color)),
    stderr: (text) => io.stderr(terminalText(text, color)),
    get isTTY() {
      return io.isTTY;
    },
    get stdinIsTTY() {
      return io.stdinIsTTY;
    },
    get env() {
      return io.env;
    },
    get cwd() {
      return io.cwd;
    },
    get argv() {
      return io.argv;
    },
    get exitCode() {
      return io.exitCode;
    },
    set exitCode(code: number) {
      io.exitCode = code;
    },
    // What is read is input, not output: it passes unchanged.
    readStdin: io.readStdin,
  };
}
