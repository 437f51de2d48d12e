/** Running npm as a user would, for the packaging tests. */
import { spawnSync } from 'node:child_process';

/**
 * The machine's environment (its certificates and proxies reach the registry), without the npm
 * settings that `npm test` passes to its children, which would steer an install (a prefix, a
 * global flag) away from what a user's own `npm install` does.
 */
export function installEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm ARGS` in `cwd`; code null when it did not finish within `timeout`. */
export function npm(args: string[], cwd: string, timeout = 30_000): Run {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout, env: installEnv() });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Why an install could not reach the registry, if that is why it failed; undefined otherwise. */
export function offlineReason(run: Run): string | undefined {
  if (run.code === null) return 'npm did not finish in time: the npm registry is probably out of reach, and npm\'s cache lacks the dependencies';
  if (run.code !== 0 && /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ENETUNREACH|network|ENOTCACHED/i.test(run.stderr)) {
    return `the npm registry cannot be reached and npm's cache lacks the dependencies: ${run.stderr.trim().split('\n')[0]}`;
  }
  return undefined;
}
