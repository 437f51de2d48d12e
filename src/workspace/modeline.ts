/**
 * The first line of a document file that tells an editor (yaml-language-server) which schema to
 * check it with: `# yaml-language-server: $schema=../.schemas/plan.schema.json`. Every command
 * that writes a new file asks here, so that the line always points at the workspace's schema
 * folder, relative to the file, and only at a schema that is there.
 */
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Kind } from '../model/index.js';
import { schemaFileName } from '../schema/index.js';

/** The folder, inside the workspace, that holds the schemas editors read (`samverkan schema --write .schemas`). */
export const SCHEMA_FOLDER = '.schemas';

const MODELINE = /^# yaml-language-server: \$schema=(\S+)[ \t]*$/m;

/**
 * The modeline of a file at `rel` (relative to the workspace root, forward slashes) holding a
 * document of `kind`, with its line break: the schema's path relative to the file.
 */
export function modelineFor(rel: string, kind: Kind): string {
  const target = posix.relative(posix.dirname(rel), `${SCHEMA_FOLDER}/${schemaFileName(kind)}`);
  return `# yaml-language-server: $schema=${target}\n`;
}

/**
 * The modeline for a new file at `rel` in the workspace at `root`, or '' when the workspace has
 * no schema for `kind` in its schema folder: a line that points at nothing makes the editor
 * complain about a missing schema rather than help.
 */
export function schemaModeline(root: string, rel: string, kind: Kind): string {
  return existsSync(join(root, SCHEMA_FOLDER, schemaFileName(kind))) ? modelineFor(rel, kind) : '';
}

/** The schema path a file's modeline names (as written, relative to the file), if it has one. */
export function modelineTarget(text: string): string | undefined {
  return MODELINE.exec(text)?.[1];
}
