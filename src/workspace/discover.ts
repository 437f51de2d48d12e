/** Finds the workspace root: the nearest folder, walking up, that holds samverkan.yaml. */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from '../errors.js';

export const CONFIG_FILE = 'samverkan.yaml';

/**
 * Returns the absolute path of the workspace root. With `explicit` (the -C option) the folder
 * must itself hold samverkan.yaml; otherwise the search walks up from `start`, like git does.
 */
export async function findWorkspaceRoot(start: string, explicit = false): Promise<string> {
  const from = resolve(start);
  const info = await stat(from).catch(() => undefined);
  if (!info) throw new WorkspaceError(`The folder ${from} does not exist. Check the path given with -C.`);
  if (!info.isDirectory()) throw new WorkspaceError(`${from} is a file, not a folder. Give the workspace folder with -C.`);
  let dir = from;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    const found = await stat(candidate).catch(() => undefined);
    if (found?.isFile()) return dir;
    if (found?.isDirectory()) {
      throw new WorkspaceError(`${candidate} is a folder, but it must be the workspace's settings file. Rename the folder.`);
    }
    const parent = dirname(dir);
    if (explicit || parent === dir) break;
    dir = parent;
  }
  throw new WorkspaceError(
    explicit
      ? `No ${CONFIG_FILE} in ${from}. Give the folder that holds ${CONFIG_FILE}, or run "samverkan init ${start}" to create a workspace there.`
      : `No ${CONFIG_FILE} in ${from} or any folder above it. Run samverkan inside a workspace, give one with -C DIR, or create one with "samverkan init".`,
  );
}
