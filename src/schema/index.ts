/**
 * The JSON Schemas of the file format: reading them, compiling them once, and bundling a kind's
 * schema with the shared definitions so that an editor can use it as one self-contained file.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isIsoDate } from '../model/dates.js';
import { KINDS, type Kind } from '../model/index.js';
import { schemaDir } from '../paths.js';
import type { Lang } from '../i18n/index.js';
import { ALIASES_KEYWORD, unambiguousAliases } from './aliases.js';
import { MESSAGE_KEYWORD, nodeMessage } from './messages.js';
import { cacheDir, hashOf, readCacheFile, writeCacheFile } from '../workspace/cache-dir.js';

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

/** The name the compiled code asks for the formats by (see compiledValidators). */
const FORMATS_MODULE = 'samverkan:schema-formats';

/** The formats the schemas use, by name: ajv-formats' email and uri, and samverkan's own. */
async function schemaFormats(): Promise<Record<string, unknown>> {
  const { fullFormats } = await import('ajv-formats/dist/formats.js');
  return {
    email: fullFormats.email,
    uri: fullFormats.uri,
    // Our own "date": a calendar date within 1900–2199, where ajv-formats would take year 0001.
    date: { type: 'string', validate: isDateInRange },
    timezone: { type: 'string', validate: isTimeZone },
  };
}

/** What the compiled validators depend on: the schemas as written, ajv's version and how it compiles. */
function validatorKey(): string {
  const require = createRequire(import.meta.url);
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const formatsVersion = (require('ajv-formats/package.json') as { version: string }).version;
  const schemas = ['common', ...KINDS].map((k) => readFileSync(join(schemaDir, `${k}.schema.json`), 'utf8'));
  // The compiling code is part of the key: another option to ajv makes other code.
  return hashOf(['validators v1', ajvVersion, formatsVersion, compileValidators.toString(), MESSAGE_KEYWORD, ALIASES_KEYWORD, ...schemas]);
}

/** Every kind's validator compiled by ajv, and the same as standalone code for the cache. */
async function compileValidators(): Promise<{ validators: Map<Kind, ValidateFunction>; code: string }> {
  const [{ default: Ajv, _ }, { default: addFormats }, { default: standaloneCode }, formats] = await Promise.all([
    import('ajv'),
    import('ajv-formats'),
    import('ajv/dist/standalone/index.js'),
    schemaFormats(),
  ]);
  // verbose: errors carry the failing value and schema, which the messages quote. code: the
  // compiled code is kept, and asks for the formats by name when it is loaded from the cache.
  const ajv = new Ajv.default({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true, formats: _`require(${FORMATS_MODULE})` } });
  addFormats.default(ajv, ['email', 'uri']);
  ajv.addFormat('date', formats.date as { type: 'string'; validate: (v: string) => boolean });
  ajv.addFormat('timezone', formats.timezone as { type: 'string'; validate: (v: string) => boolean });
  // The words that explain a constraint (src/schema/messages.ts): no constraint of their own.
  ajv.addKeyword({ keyword: MESSAGE_KEYWORD, schemaType: 'object' });
  // Swedish spellings are read as their values when a file loads (src/schema/aliases.ts): no constraint here.
  ajv.addKeyword({ keyword: ALIASES_KEYWORD, schemaType: 'object' });
  ajv.addSchema(rawSchema('common'));
  const compiled = new Map<Kind, ValidateFunction>();
  for (const k of KINDS) compiled.set(k, ajv.compile(rawSchema(k)));
  const code = standaloneCode.default(ajv, Object.fromEntries(KINDS.map((k) => [k, rawSchema(k).$id as string])));
  return { validators: compiled, code };
}

/** The validators from compiled code kept in the cache; undefined if the code does not load. */
async function loadValidators(code: string): Promise<Map<Kind, ValidateFunction> | undefined> {
  try {
    const formats = await schemaFormats();
    const require = createRequire(import.meta.url);
    const module = { exports: {} as Record<string, ValidateFunction> };
    // The code is what compileValidators wrote, checked against its hash by readCacheFile.
    new Function('exports', 'require', 'module', code)(module.exports, (id: string) => (id === FORMATS_MODULE ? formats : require(id)), module);
    const loaded = new Map<Kind, ValidateFunction>();
    for (const k of KINDS) {
      if (typeof module.exports[k] !== 'function') return undefined;
      loaded.set(k, module.exports[k]);
    }
    return loaded;
  } catch {
    return undefined;
  }
}

/**
 * The compiled validator of a kind. All kinds are compiled together, once, on first use: ajv is
 * the heaviest module of validate, so commands that never check a file never load it. The
 * compiled code is kept in the user's cache folder, keyed by the schemas and ajv's version, so a
 * later run loads it instead of compiling (a third of a second); see useValidatorCache.
 */
export async function validatorFor(kind: Kind): Promise<ValidateFunction> {
  if (!validators) validators = await validatorsOnce(validatorCache.enabled);
  return validators.get(kind)!;
}

/** Whether validatorFor may use the cache folder, and which environment names it. */
const validatorCache: { enabled: boolean; env?: NodeJS.ProcessEnv } = { enabled: true };

/** Sets whether the compiled validators are read from and written to the cache (--no-cache), and where it is. */
export function useValidatorCache(enabled: boolean, env?: NodeJS.ProcessEnv): void {
  validatorCache.enabled = enabled;
  validatorCache.env = env;
}

async function validatorsOnce(useCache: boolean): Promise<Map<Kind, ValidateFunction>> {
  const dir = cacheDir(validatorCache.env);
  const key = useCache ? validatorKey() : '';
  const name = 'validators.js';
  const kept = useCache ? readCacheFile(dir, name, key) : undefined;
  const loaded = kept !== undefined ? await loadValidators(kept) : undefined;
  if (loaded) return loaded;
  const { validators: compiled, code } = await compileValidators();
  if (useCache) writeCacheFile(dir, name, key, code);
  return compiled;
}

/** Compiles every validator afresh and returns them with the code the cache keeps; for tests. */
export async function compileValidatorsForTest(): Promise<{ compiled: Map<Kind, ValidateFunction>; loaded: Map<Kind, ValidateFunction> | undefined }> {
  const { validators: compiled, code } = await compileValidators();
  return { compiled, loaded: await loadValidators(code) };
}

export type { ErrorObject };
