/**
 * The JSON Schemas of the file format: reading them, compiling them once, and bundling a kind's
 * schema with the shared definitions so that an editor can use it as one self-contained file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isIsoDate } from '../model/dates.js';
import { KINDS, type Kind } from '../model/index.js';
import { schemaDir } from '../paths.js';

type JsonSchema = Record<string, unknown>;

const COMMON = 'common.schema.json';
/** Formats that only samverkan's validator knows (see validatorFor). */
const OWN_FORMATS: ReadonlySet<string> = new Set(['timezone']);
const cache = new Map<string, JsonSchema>();

/** The schema of one kind as written in src/schema, with its references to common.schema.json. */
export function rawSchema(kind: Kind | 'common'): JsonSchema {
  const file = `${kind}.schema.json`;
  let schema = cache.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as JsonSchema;
    cache.set(file, schema);
  }
  return schema;
}

/**
 * A kind's schema as one file: the shared definitions are copied in and references point
 * inside the file, so editors (yaml-language-server) need nothing else.
 */
export function bundledSchema(kind: Kind): JsonSchema {
  const own = structuredClone(rawSchema(kind));
  const common = rawSchema('common');
  const commonDefs = common.definitions as Record<string, unknown>;
  const ownDefs = (own.definitions ?? {}) as Record<string, unknown>;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node)) {
        // Formats of our own mean nothing to an editor's validator, which would refuse the schema.
        if (key === 'format' && typeof value === 'string' && OWN_FORMATS.has(value)) continue;
        out[key] =
          key === '$ref' && typeof value === 'string' && value.startsWith(`${COMMON}#`)
            ? value.slice(COMMON.length)
            : rewrite(value);
      }
      return out;
    }
    return node;
  };
  const { $id: _id, ...rest } = own;
  const defs: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(commonDefs)) {
    if (name in ownDefs) throw new Error(`definition ${name} is in both ${kind} and common`);
    defs[name] = rewrite(def);
  }
  for (const [name, def] of Object.entries(ownDefs)) defs[name] = rewrite(def);
  return { ...(rewrite(rest) as JsonSchema), definitions: defs };
}

/** The first and last day a date in the files may be: a date outside is a typo, and would make calendars huge. */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2199-12-31';

/** True if `value` is a real calendar date, YYYY-MM-DD, between EARLIEST_DATE and LATEST_DATE. */
export function isDateInRange(value: string): boolean {
  return isIsoDate(value) && value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** True if `value` names a time zone this computer knows (IANA names such as Europe/Stockholm). */
export function isTimeZone(value: string): boolean {
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

let validators: Map<Kind, ValidateFunction> | undefined;

/**
 * The compiled validator of a kind. All kinds are compiled together, once per process, on first
 * use: ajv is the heaviest module of validate, so commands that never check a file never load it.
 */
export async function validatorFor(kind: Kind): Promise<ValidateFunction> {
  if (!validators) {
    const [{ default: Ajv }, { default: addFormats }] = await Promise.all([import('ajv'), import('ajv-formats')]);
    // verbose: errors carry the failing value and schema, which the messages quote.
    const ajv = new Ajv.default({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
    addFormats.default(ajv, ['email', 'uri']);
    // Our own "date": a calendar date within 1900–2199, where ajv-formats would take year 0001.
    ajv.addFormat('date', { type: 'string', validate: isDateInRange });
    ajv.addFormat('timezone', { type: 'string', validate: isTimeZone });
    ajv.addSchema(rawSchema('common'));
    validators = new Map();
    for (const k of KINDS) validators.set(k, ajv.compile(rawSchema(k)));
  }
  return validators.get(kind)!;
}

export type { ErrorObject };
