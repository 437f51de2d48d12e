/** How a report names a file. */
import { basename, relative, sep } from 'node:path';

/**
 * `file` relative to `cwd`, with forward slashes on every platform, as CI systems and editors
 * expect. (On Windows a file on another drive has no relative path and keeps its absolute one.)
 */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  // relative() is empty when a file was given as the folder itself; its name still says more.
  return (rel === '' ? basename(file) : rel).split(sep).join('/');
}
