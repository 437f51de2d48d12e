/**
 * The yaml package, loaded on first use. It is the position-keeping parser (load.ts), the one that
 * finds where a finding is (locate.ts) and the one edits go through; loading it takes longer than
 * checking a small workspace, and a check of files the fast parse read (fast-parse.ts) with no
 * finding never needs it. Its main entry is CommonJS, so `require` gives the very instance an
 * `import` would, and nodes made by one are recognised by the other.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/** The yaml package's exports. */
export function yamlPackage(): typeof Yaml {
  loaded ??= require('yaml') as typeof Yaml;
  return loaded;
}
