/** The names of the report formats, apart from the formatters so the CLI can list them cheaply. */
import type { Formatter } from './types.js';

export const FORMATS = ['stylish', 'json', 'github', 'sarif', 'gitlab', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

/**
 * Each format's formatter, loaded on its own: a run prints one or two formats, and loading all
 * six would cost a re-run answered from the cache a noticeable part of its time (issue 13).
 */
const LOADERS: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  github: async () => (await import('./github.js')).github,
  sarif: async () => (await import('./sarif.js')).sarif,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  junit: async () => (await import('./junit.js')).junit,
};

/** The formatter of `format`, loading only its module. */
export async function loadFormatter(format: FormatName): Promise<Formatter> {
  const load = LOADERS[format];
  // The CLI checks the name, but the programmatic API takes whatever a caller passes.
  if (!load) throw new TypeError(`"${String(format)}" is not a report format.`);
  return load();
}

/** The environment variable that names the repository samverkan is kept in, for links to its rule pages. */
export const REPOSITORY_URL_VARIABLE = 'SAMVERKAN_REPOSITORY_URL';
