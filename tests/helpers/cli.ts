/** Spawns the built CLI (bin/samverkan.js) the way a user or CI runs it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './workspaces.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `samverkan ARGS` with a clean environment: no colour, no CI variables unless given. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', ...options.env };
  const result = spawnSync(process.execPath, [join(repoRoot, 'bin/samverkan.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
