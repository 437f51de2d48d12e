/** Spawns the built CLI (bin/samverkan.js) the way a user or CI runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workspaces.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The language and cache tests run with unless they give their own. English (SAMVERKAN_LANG,
 * which beats a workspace's `language:` for what the terminal says, and the locale), so the
 * tests written before the CLI spoke Swedish keep asserting English messages; a test that gives
 * SAMVERKAN_LANG, LANG, LC_ALL or LC_MESSAGES decides alone. The cache folder is the test run's
 * own (tests/helpers/global-setup.ts), never the user's.
 */
export function testLocale(env: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
  const cache: Record<string, string> = process.env.XDG_CACHE_HOME && env.XDG_CACHE_HOME === undefined ? { XDG_CACHE_HOME: process.env.XDG_CACHE_HOME } : {};
  const given = [env.SAMVERKAN_LANG, env.LANG, env.LC_ALL, env.LC_MESSAGES].some((v) => v !== undefined);
  return given ? cache : { ...cache, LANG: 'en_US.UTF-8', SAMVERKAN_LANG: 'en' };
}

/** Runs `samverkan ARGS` with a clean environment: no colour, no CI variables unless given, English unless a locale is given. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...testLocale(options.env), ...options.env };
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/samverkan.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `samverkan ARGS` in this process, as the CLI would, with output captured: no terminal,
 * no colour. Much faster than spawning, for tests that run many commands.
 */
export async function runInProcess(
  argv: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; /** What standard input holds; none to read when not given. */ stdin?: string | Buffer } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { run } = await import('../../src/cli/main.js');
  const { language, setLanguage } = await import('../../src/i18n/messages.js');
  // The CLI settles its language for the run; the test's own calls to the core afterwards keep theirs.
  const before = language();
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    stdinIsTTY: false,
    env: { ...testLocale(options.env), ...options.env },
    cwd: options.cwd ?? repoRoot,
    argv,
    exitCode: 0,
    ...(options.stdin === undefined ? {} : { readStdin: async () => Buffer.from(options.stdin!) }),
  }).finally(() => setLanguage(before));
  return { code, stdout, stderr };
}
