/** Finds the workspace root: the nearest folder, walking up, that holds samverkan.yaml. */
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { WorkspaceError } from '../errors.js';
import { messages } from '../i18n/messages.js';

export const CONFIG_FILE = 'samverkan.yaml';

const say = messages('workspace/discover', {
  noFolder: { sv: 'Mappen {folder} finns inte. Kontrollera sökvägen som gavs med -C.', en: 'The folder {folder} does not exist. Check the path given with -C.' },
  isFile: { sv: '{folder} är en fil, inte en mapp. Ge arbetsytans mapp med -C.', en: '{folder} is a file, not a folder. Give the workspace folder with -C.' },
  configIsFolder: {
    sv: '{path} är en mapp, men det ska vara arbetsytans inställningsfil. Byt namn på mappen.',
    en: "{path} is a folder, but it must be the workspace's settings file. Rename the folder.",
  },
  notHere: {
    sv: 'Det finns ingen {file} i {folder}. Ge den mapp som har {file}, eller kör "samverkan init {start}" för att skapa en arbetsyta där.',
    en: 'No {file} in {folder}. Give the folder that holds {file}, or run "samverkan init {start}" to create a workspace there.',
  },
  notFound: {
    sv: 'Det finns ingen {file} i {folder} eller i någon mapp ovanför. Kör samverkan i en arbetsyta, ge en med -C MAPP, eller skapa en med "samverkan init".',
    en: 'No {file} in {folder} or any folder above it. Run samverkan inside a workspace, give one with -C DIR, or create one with "samverkan init".',
  },
});

/**
 * Returns the absolute path of the workspace root. With `explicit` (the -C option) the folder
 * must itself hold samverkan.yaml; otherwise the search walks up from `start`, like git does.
 */
export async function findWorkspaceRoot(start: string, explicit = false): Promise<string> {
  const from = resolve(start);
  const info = await stat(from).catch(() => undefined);
  if (!info) throw new WorkspaceError(say('noFolder', { folder: from }));
  if (!info.isDirectory()) throw new WorkspaceError(say('isFile', { folder: from }));
  let dir = from;
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    const found = await stat(candidate).catch(() => undefined);
    if (found?.isFile()) return dir;
    if (found?.isDirectory()) {
      throw new WorkspaceError(say('configIsFolder', { path: candidate }));
    }
    const parent = dirname(dir);
    if (explicit || parent === dir) break;
    dir = parent;
  }
  throw new WorkspaceError(explicit ? say('notHere', { file: CONFIG_FILE, folder: from, start }) : say('notFound', { file: CONFIG_FILE, folder: from }));
}
