/** The tool's version, read from package.json once per process. */
import { readFileSync } from 'node:fs';

let version: string | undefined;

/** The version in package.json (the one next to src/ and dist/). */
export function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return version;
}
