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
import type { Lang } from '../i18n/index.js';
import { ALIASES_KEYWORD, unambiguousAliases } from './aliases.js';
import { MESSAGE_KEYWORD, nodeMessage } from './messages.js';

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
        // The words of the messages are samverkan's own; editorSchema turns them into errorMessage.
        if (key === MESSAGE_KEYWORD) continue;
        // Editors do not know the Swedish spellings' keyword; they get them as allowed values instead.
        if (key === ALIASES_KEYWORD) continue;
        out[key] =
          key === '$ref' && typeof value === 'string' && value.startsWith(`${COMMON}#`)
            ? value.slice(COMMON.length)
            : rewrite(value);
      }
      if (ALIASES_KEYWORD in node && Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), ...unambiguousAliases(node as JsonSchema)];
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

/** Where the schemas say they live: their `$id`s share this base, so they can refer to each other. */
export const SCHEMA_BASE = 'https://samverkan.invalid/schema/';

/** The file name of the schema that covers every kind, for editors that apply one schema to every file. */
export const COMBINED_SCHEMA_FILE = 'samverkan.schema.json';

/** The file name of a kind's schema as `schema --write` and `init` write it. */
export function schemaFileName(kind: Kind): string {
  return `${kind}.schema.json`;
}

/**
 * Visits every schema node of `schema` (the root, properties, items, definitions, branches of
 * anyOf/oneOf/allOf, …) with its JSON pointer; values of enum, const, default or examples are data,
 * not schemas, and are not visited.
 */
export function walkSchema(schema: unknown, visit: (node: JsonSchema, pointer: string) => void, pointer = ''): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const node = schema as JsonSchema;
  visit(node, pointer);
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'additionalItems']) {
    const child = node[key];
    if (Array.isArray(child)) child.forEach((c, i) => walkSchema(c, visit, `${pointer}/${key}/${i}`));
    else walkSchema(child, visit, `${pointer}/${key}`);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const list = node[key];
    if (Array.isArray(list)) list.forEach((c, i) => walkSchema(c, visit, `${pointer}/${key}/${i}`));
  }
  for (const key of ['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']) {
    const map = node[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      for (const [name, child] of Object.entries(map)) walkSchema(child, visit, `${pointer}/${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  }
}

/**
 * A kind's schema as editors get it (`samverkan schema`, `schema --write`, the .schemas folder that
 * `init` writes): bundled as one file, with its `$id`, and with an `errorMessage` in `lang` on every
 * node that has a constraint, which yaml-language-server shows in place of its own English
 * "String does not match the pattern of …".
 */
export function editorSchema(kind: Kind, lang: Lang): JsonSchema {
  const schema = bundledSchema(kind);
  const raw = rawSchema(kind);
  // The messages are read from the source, where x-message sits next to its constraint.
  const sources = new Map<string, JsonSchema>();
  walkSchema(raw, (node, pointer) => sources.set(pointer, node));
  const commonSources = new Map<string, JsonSchema>();
  walkSchema(rawSchema('common'), (node, pointer) => commonSources.set(pointer, node));
  walkSchema(schema, (node, pointer) => {
    const source = sources.get(pointer) ?? commonSources.get(pointer) ?? node;
    const message = nodeMessage(source, lang);
    if (message) node.errorMessage = message;
  });
  return { $schema: schema.$schema, $id: `${SCHEMA_BASE}${schemaFileName(kind)}`, ...schema };
}

/**
 * The schema of every kind in one file, for an editor to apply to every YAML file of a workspace
 * without a modeline: each kind's editor schema is embedded as its own resource (its `$id`), and
 * the document's `kind:` chooses which one applies (if/then), so a plan gets the plan's
 * completions and checks and a meeting the meeting's.
 */
export function combinedSchema(lang: Lang): JsonSchema {
  const kinds = [...KINDS];
  const definitions: Record<string, unknown> = {};
  for (const kind of kinds) {
    const { $schema: _s, ...own } = editorSchema(kind, lang);
    definitions[kind] = own;
  }
  const message = nodeMessage({ type: 'object', required: ['kind'] }, lang);
  const kindMessage = nodeMessage({ enum: kinds }, lang);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}${COMBINED_SCHEMA_FILE}`,
    title: 'samverkan: every kind of document',
    description: 'A samverkan document of any kind; its kind: line says which.',
    type: 'object',
    required: ['kind'],
    ...(message ? { errorMessage: message } : {}),
    properties: {
      kind: {
        description: 'What the document is.',
        type: 'string',
        enum: kinds,
        ...(kindMessage ? { errorMessage: kindMessage } : {}),
      },
    },
    allOf: kinds.map((kind) => ({
      if: { properties: { kind: { const: kind } }, required: ['kind'] },
      then: { $ref: schemaFileName(kind) },
    })),
    definitions,
  };
}

/**
 * The files of a schema folder (.schemas): `<kind>.schema.json` for every kind and
 * samverkan.schema.json for all of them, as the text that is written, by file name. `schema
 * --write` and `init` both write exactly these, and a test holds the examples' .schemas to them.
 */
export function schemaFiles(lang: Lang): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of KINDS) files.set(schemaFileName(kind), `${JSON.stringify(editorSchema(kind, lang), null, 2)}\n`);
  files.set(COMBINED_SCHEMA_FILE, `${JSON.stringify(combinedSchema(lang), null, 2)}\n`);
  return files;
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
    // The words that explain a constraint (src/schema/messages.ts): no constraint of their own.
    ajv.addKeyword({ keyword: MESSAGE_KEYWORD, schemaType: 'object' });
    // Swedish spellings are read as their values when a file loads (src/schema/aliases.ts): no constraint here.
    ajv.addKeyword({ keyword: ALIASES_KEYWORD, schemaType: 'object' });
    ajv.addSchema(rawSchema('common'));
    validators = new Map();
    for (const k of KINDS) validators.set(k, ajv.compile(rawSchema(k)));
  }
  return validators.get(kind)!;
}

export type { ErrorObject };
