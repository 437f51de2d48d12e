/**
 * What every creation command (person add, organization add, group new, plan new, goal add,
 * indicator add, agreement new) shares: checks of one answer that say what `validate` would say
 * (derived from the JSON Schemas, never copied), the rule that an answer comes from its flag, else
 * from a question in a terminal, else is refused naming the flag; ids from names; and writing a new
 * file (schema modeline, comments that explain the fields) or appending an entry to a list,
 * checked against the whole workspace before anything is written.
 *
 * Nothing here asks: the CLI passes the question as a function, so the core never touches a terminal.
 */
import { join } from 'node:path';
import { Document, isMap, isScalar, visit, type Scalar } from 'yaml';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { didYouMean, EditConflictError, NotFoundError, UsageError } from '../../errors.js';
import { commitFileEdit, commitNewFile, type EditOptions, type FileEditResult } from '../../edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, EditPathError, styledItem } from '../../edit/text-edits.js';
import { isIsoDate } from '../../model/dates.js';
import type { Kind } from '../../model/index.js';
import { language, messages, type Lang } from '../../i18n/messages.js';
import { findIdentityNumbers } from '../../rules/identity-numbers.js';
import { closest } from '../../rules/words.js';
import { canonicalValue, enumAliases, fieldAmbiguity, fieldNode } from '../../schema/aliases.js';
import { EARLIEST_DATE, isDateInRange, LATEST_DATE, rawSchema } from '../../schema/index.js';
import { nodeMessage } from '../../schema/messages.js';
import type { Namespace } from '../../workspace/id-index.js';
import { schemaModeline } from '../../workspace/modeline.js';
import type { SourceDocument, Workspace } from '../../workspace/types.js';

const say = messages('commands/create/common', {
  empty: { sv: 'Skriv något här; svaret får inte vara tomt.', en: 'Write something here; the answer must not be empty.' },
  identityNumber: {
    sv: 'Det här ser ut som ett personnummer ({masked}). Personnummer sparas aldrig i samverkan: skriv namnet eller en titel utan nummer.',
    en: 'This looks like an identity number ({masked}). Identity numbers are never kept in samverkan: write the name or a title without the number.',
  },
  notADate: { sv: 'Skriv ett datum som ÅÅÅÅ-MM-DD, till exempel 2010-06-30.', en: 'Write a date as YYYY-MM-DD, for example 2010-06-30.' },
  dateOutOfRange: {
    sv: 'Datumet ligger utanför det samverkan tar emot: skriv ett datum från {earliest} till {latest}.',
    en: 'The date is outside what samverkan takes: write a date from {earliest} to {latest}.',
  },
  idTaken: {
    sv: 'Id:t {id} används redan av {the} {name} i {file}. Välj ett annat id.',
    en: 'The id {id} is already used by {the} {name} in {file}. Choose another id.',
  },
  unknownRef: {
    sv: 'Det finns ingen {what} med id:t "{id}" i arbetsytan.{guess} Välj en av: {known}.',
    en: 'There is no {what} with the id "{id}" in the workspace.{guess} Choose one of: {known}.',
  },
  unknownRefNone: {
    sv: 'Det finns ingen {what} med id:t "{id}", och arbetsytan har ingen {what} än.',
    en: 'There is no {what} with the id "{id}", and the workspace has no {what} yet.',
  },
  idTakenDerived: {
    sv: 'Det finns redan en {what} med id:t {id} ({name}). Är det en annan {what}, ge den ett eget id med --id, till exempel --id {suggestion}.',
    en: 'There is already a {what} with the id {id} ({name}). If this is another {what}, give it an id of its own with --id, for example --id {suggestion}.',
  },
  missingFlag: {
    sv: '{flag} saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Ange {flag}, till exempel: {example}',
    en: '{flag} is missing, and input is not a terminal, so samverkan cannot ask. Give {flag}, for example: {example}',
  },
  unreadable: {
    sv: '{file} kunde inte läsas (rad {line}: {problem}), så ingenting skrevs. Rätta den först ("samverkan validate {file}" visar var), och kör sedan kommandot igen.',
    en: '{file} could not be read (line {line}: {problem}), so nothing was written. Fix it first ("samverkan validate {file}" shows where), then run the command again.',
  },
  notAList: {
    sv: '{file} har ingen lista {key} som samverkan kan lägga till i, så ingenting skrevs. Kör "samverkan validate {file}" för att se vad som är fel.',
    en: '{file} has no list {key} that samverkan can add to, so nothing was written. Run "samverkan validate {file}" to see what is wrong.',
  },
  fileExists: {
    sv: '{file} finns redan, och samverkan skriver aldrig över en fil. Välj ett annat id, eller ändra den befintliga filen.',
    en: '{file} already exists, and samverkan never overwrites a file. Choose another id, or edit the existing file.',
  },
  organization: { sv: 'organisation', en: 'organisation' },
  person: { sv: 'person', en: 'person' },
  agreement: { sv: 'överenskommelse', en: 'agreement' },
  group: { sv: 'grupp', en: 'group' },
  plan: { sv: 'plan', en: 'plan' },
  meeting: { sv: 'möte', en: 'meeting' },
  assessment: { sv: 'kartläggning', en: 'assessment' },
});

/** The definite form of each namespace's word, as a sentence names one thing: "personen", "the person". */
const sayThe = messages('commands/create/common/definite', {
  organization: { sv: 'organisationen', en: 'the organisation' },
  person: { sv: 'personen', en: 'the person' },
  agreement: { sv: 'överenskommelsen', en: 'the agreement' },
  group: { sv: 'gruppen', en: 'the group' },
  plan: { sv: 'planen', en: 'the plan' },
  meeting: { sv: 'mötet', en: 'the meeting' },
  assessment: { sv: 'kartläggningen', en: 'the assessment' },
});

type JsonSchema = Record<string, unknown>;

/** The problem with an answer in the current language, or undefined when it is fine. */
export type Check = (value: string) => string | undefined;

// ---------------------------------------------------------------------------------------------
// The schema of one field

function resolve(kind: Kind | 'common', node: JsonSchema): { kind: Kind | 'common'; node: JsonSchema } {
  let current = { kind, node };
  for (let guard = 0; typeof current.node.$ref === 'string' && guard < 10; guard++) {
    const ref = current.node.$ref;
    const [file, pointer = ''] = ref.split('#');
    let owner: Kind | 'common' = file === '' ? current.kind : file === 'common.schema.json' ? 'common' : (file.replace('.schema.json', '') as Kind);
    const follow = (from: Kind | 'common') => pointer.split('/').filter(Boolean).reduce<unknown>((t, part) => (t as JsonSchema | undefined)?.[part], rawSchema(from));
    let target = follow(owner);
    // A field's node comes without its file: a reference inside the shared definitions is one of them.
    if (target === undefined && owner !== 'common') target = follow((owner = 'common'));
    // The node's own words (description) stay; the constraints come from the definition.
    const { $ref: _ref, ...own } = current.node;
    current = { kind: owner, node: { ...(target as JsonSchema), ...own } };
  }
  return current;
}

/**
 * The schema of one field of a kind, its references followed: `fieldSchema('people', 'people[].email')`,
 * `fieldSchema('group', 'meetings.weekday')`. A segment ending in `[]` steps into the list's items.
 * Throws for a path the schema does not have (a mistake in the code, not in the input).
 */
export function fieldSchema(kind: Kind, path: string): JsonSchema {
  const node = fieldNode(kind, path);
  if (!node) throw new Error(`the ${kind} schema has no field ${path}`);
  return node;
}

/** The values a field takes, as the schema lists them (its enum). */
export function enumValues<T extends string = string>(kind: Kind, path: string): readonly T[] {
  const values = fieldSchema(kind, path).enum;
  if (!Array.isArray(values)) throw new Error(`${kind} ${path} is not a list of values in the schema`);
  return values as T[];
}

const FORMATS: Record<string, (value: string) => boolean> = {
  email: (v) => (fullFormats.email as RegExp).test(v),
  uri: (v) => (fullFormats.uri as (s: string) => boolean)(v),
  date: (v) => isDateInRange(v),
};

/** True if `value`, as typed, meets the node's constraints (the ones a one-line answer can break). */
function meets(node: JsonSchema, value: string, kind: Kind | 'common'): boolean {
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    return branches.some((b) => {
      const r = resolve(kind, b);
      return r.node.type !== 'null' && meets(r.node, value, r.kind);
    });
  }
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return false;
  if (node.const !== undefined && node.const !== value) return false;
  if (node.type === 'integer' || node.type === 'number') {
    if (!/^-?\d+(\.\d+)?$/.test(value) || (node.type === 'integer' && value.includes('.'))) return false;
    const n = Number(value);
    if (typeof node.minimum === 'number' && n < node.minimum) return false;
    if (typeof node.maximum === 'number' && n > node.maximum) return false;
    return true;
  }
  if (typeof node.minLength === 'number' && value.length < node.minLength) return false;
  if (typeof node.pattern === 'string' && !new RegExp(node.pattern, 'u').test(value)) return false;
  if (typeof node.format === 'string' && FORMATS[node.format] && !FORMATS[node.format](value)) return false;
  return true;
}

function schemaProblem(node: JsonSchema, lang: Lang): string {
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const first = branches.map((b) => resolve('common', b).node).find((b) => b.type !== 'null');
    if (first) return schemaProblem(first, lang);
  }
  return nodeMessage(node, lang) ?? say.in(lang, 'empty');
}

/**
 * The schema's value for what was typed into an enum field: the value itself, a Swedish spelling
 * the schema lists for one value (torsdag, styrgrupp), or the value written with other capitals.
 * Undefined for anything else, an ambiguous spelling included.
 */
export function enumValue(kind: Kind, path: string, typed: string): string | undefined {
  const reading = canonicalValue(kind, path, typed.trim());
  if (reading && 'value' in reading) return reading.value;
  const wanted = typed.trim().toLowerCase();
  return enumValues(kind, path).find((v) => v.toLowerCase() === wanted);
}

/**
 * How an enum value is said in `lang`: in Swedish the first Swedish spelling the schema lists for
 * it (police → polis), in English the value itself; the value when the schema lists no spelling.
 */
export function valueWord(kind: Kind, path: string, value: string, lang: Lang = language()): string {
  return lang === 'sv' ? (enumAliases(kind, path)[value]?.[0] ?? value) : value;
}

/**
 * Checks an answer to an enum field: one of its values or their Swedish spellings is fine; a
 * spelling that could mean several values gets the sentence naming them; anything else the
 * schema's own words (the values to write).
 */
export function checkEnum(kind: Kind, path: string): Check {
  const wrong = checkField(kind, path);
  return (value) => (enumValue(kind, path, value) !== undefined ? undefined : (fieldAmbiguity(kind, path, value.trim()) ?? wrong(value)));
}

/**
 * Checks a typed answer against the field's schema: the same constraints `validate` applies, and
 * the same words when it is wrong (the schema's x-message, or the sentences of its constraints).
 */
export function checkField(kind: Kind, path: string): Check {
  const node = fieldSchema(kind, path);
  return (value) => (meets(node, value, kind) ? undefined : schemaProblem(node, language()));
}

/** A free text: not empty, and never an identity number (the same detector as privacy/identity-number). */
export const checkText: Check = (value) => {
  if (value.trim() === '') return say('empty');
  const found = findIdentityNumbers(value)[0];
  return found ? say('identityNumber', { masked: found.masked }) : undefined;
};

/** A date written YYYY-MM-DD that exists. */
export const checkDate: Check = (value) => {
  const date = value.trim();
  if (!isIsoDate(date)) return say('notADate');
  // The same range as validate's date format, so a date is refused where it is typed, not at the end.
  return isDateInRange(date) ? undefined : say('dateOutOfRange', { earliest: EARLIEST_DATE, latest: LATEST_DATE });
};

/** The first problem of several checks, in order. */
export function both(...checks: Check[]): Check {
  return (value) => {
    for (const check of checks) {
      const problem = check(value);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
}

/** How a namespace is named in a sentence. */
export function namespaceWord(namespace: Namespace): string {
  return say(namespace);
}

function displayName(value: unknown, id: string): string {
  const name = (value as { name?: unknown; title?: unknown } | undefined)?.name ?? (value as { title?: unknown } | undefined)?.title;
  return typeof name === 'string' && name !== '' ? `"${name}"` : id;
}

/** Every id is written as the shared definition says (a slug), whatever it names. */
function checkIdForm(value: string): string | undefined {
  const { node } = resolve('common', { $ref: 'common.schema.json#/definitions/id' });
  return meets(node, value, 'common') ? undefined : schemaProblem(node, language());
}

/** A new id in a namespace: written as the schema's id pattern, and not used there already. */
export function checkNewId(workspace: Workspace, namespace: Namespace): Check {
  return (value) => {
    const problem = checkIdForm(value);
    if (problem) return problem;
    const entry = workspace.index.of(namespace).get(value);
    if (!entry) return undefined;
    return say('idTaken', { id: value, the: sayThe(namespace), name: displayName(entry.value, value), file: entry.doc.file.rel });
  };
}

/** A reference to something the workspace has: an id of the namespace, with a guess when it is not there. */
export function checkRef(workspace: Workspace, namespace: Namespace): Check {
  return (value) => {
    const known = [...workspace.index.of(namespace).keys()].sort();
    if (known.includes(value)) return undefined;
    if (known.length === 0) return say('unknownRefNone', { what: say(namespace), id: value });
    const shown = `${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}`;
    return say('unknownRef', { what: say(namespace), id: value, guess: didYouMean(closest(value, known)), known: shown });
  };
}

/**
 * An id from a name: lower case, å/ä→a, ö→o, other accents dropped, anything else → hyphen,
 * at most 64 characters. `fallback` is used when nothing of the name is left.
 */
export function slugify(name: string, fallback = 'x'): string {
  const slug = name
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/[öø]/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… — the first that is not in `taken` (which it is then added to). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) {
    const suffix = `-${n}`;
    id = `${base.slice(0, 64 - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  taken.add(id);
  return id;
}

/** The first id from `name` (slugified) that is free in the namespace: `base`, `base-2`, … */
export function freeId(workspace: Workspace, namespace: Namespace, name: string, fallback: string): string {
  return uniqueId(slugify(name, fallback), new Set(workspace.index.of(namespace).keys()));
}

/**
 * The id of something new: `given` (checked by its field), or one from the name. A name whose id
 * is taken is refused naming --id, since it is as likely the same one again as another one.
 */
export function idFromName(workspace: Workspace, namespace: Namespace, given: string | undefined, name: string, fallback: string): string {
  if (given !== undefined) return given;
  const id = slugify(name, fallback);
  const taken = workspace.index.of(namespace).get(id);
  if (!taken) return id;
  throw new UsageError(say('idTakenDerived', { what: say(namespace), id, name: displayName(taken.value, id), suggestion: freeId(workspace, namespace, name, fallback) }));
}

/** An inquirer `validate` from a check: true, or the problem to show under the question. */
export function asValidate(check: Check): (value: string) => true | string {
  return (value) => check(value.trim()) ?? true;
}

// ---------------------------------------------------------------------------------------------
// Flag, question or refusal

/** One answer a command needs. */
export interface Field {
  /** The flag that gives it, such as --name. */
  flag: string;
  /** True if the command cannot do without it. */
  required: boolean;
  /** Its check; what the flag or the question gets is refused when this finds a problem. */
  check?: Check;
  /** A whole command line that gives it, for the sentence when it is missing. */
  example: string;
}

/** A flag's value and what is wrong with it: the same shape in every language. */
export function flagProblem(flag: string, value: string, problem: string): string {
  return `${flag} "${value}": ${problem}`;
}

/** Throws a UsageError (exit 2) saying what is wrong with a flag's value, naming the flag. */
export function checkFlag(field: Pick<Field, 'flag' | 'check'>, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const problem = field.check?.(trimmed);
  if (problem !== undefined) throw new UsageError(flagProblem(field.flag, value, problem));
  return trimmed;
}

/** The UsageError (exit 2) for an answer that is missing where no one can be asked: it names the flag to give. */
export function missingFlag(field: Pick<Field, 'flag' | 'example'>): UsageError {
  return new UsageError(say('missingFlag', { flag: field.flag, example: field.example }));
}

/**
 * One answer: the flag's value (checked), else the question's when a terminal can ask, else a
 * UsageError naming the flag if the answer is required, else undefined.
 */
export async function answer(
  field: Field,
  value: string | undefined,
  options: { canAsk: boolean; ask: () => Promise<string | undefined> },
): Promise<string | undefined> {
  const given = checkFlag(field, value);
  if (given !== undefined) return given;
  if (options.canAsk) {
    const asked = (await options.ask())?.trim();
    return asked === '' ? undefined : asked;
  }
  if (field.required) throw missingFlag(field);
  return undefined;
}

/** The first missing required answer of `fields`, in their order, as the UsageError to throw; undefined if none. */
export function firstMissing<T extends string>(fields: Record<T, Field>, input: Partial<Record<T, unknown>>): UsageError | undefined {
  for (const key of Object.keys(fields) as T[]) {
    if (fields[key].required && (input[key] === undefined || input[key] === '')) return missingFlag(fields[key]);
  }
  return undefined;
}

/**
 * The given answers of `input`, trimmed, each checked by its field: the first wrong one is thrown
 * as a UsageError naming its flag. Empty answers count as not given.
 */
export function checkGiven<T extends string>(fields: Record<T, Field>, input: Partial<Record<T, string | undefined>>): Partial<Record<T, string>> {
  const given: Partial<Record<T, string>> = {};
  for (const key of Object.keys(fields) as T[]) {
    const value = checkFlag(fields[key], input[key] === '' ? undefined : input[key]);
    if (value !== undefined && value !== '') given[key] = value;
  }
  return given;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Comments of a new file, in the workspace's language: a line at the top, and one per key. */
export interface FileComments {
  top: string;
  /** Comment for a top-level key: after a single value on its line, or above a list or map. */
  keys?: Record<string, string>;
}

/** The YAML text of a new document: modeline (when the workspace has its schemas), the top comment, the data with comments. */
export function newDocumentText(workspace: Workspace, rel: string, kind: Kind, data: Record<string, unknown>, comments: FileComments): string {
  const doc = new Document(data);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const comment = isScalar(pair.key) ? comments.keys?.[String(pair.key.value)] : undefined;
      if (!comment) continue;
      if (isScalar(pair.value)) pair.value.comment = ` ${comment}`;
      else if (isScalar(pair.key)) pair.key.commentBefore = ` ${comment}`;
    }
  }
  // A time of day in quotes, as the format asks: a YAML 1.1 reader takes 13:00 for a number.
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === 'string' && /^\d{2}:\d{2}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `${schemaModeline(workspace.root, rel, kind)}# ${comments.top}\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * Writes a new document file at `rel` (relative to the workspace root, forward slashes), with its
 * modeline and comments, once the workspace with it brings no new error. Refuses to replace a file.
 */
export async function writeNewDocument(
  workspace: Workspace,
  rel: string,
  kind: Kind,
  data: Record<string, unknown>,
  comments: FileComments,
  options: EditOptions = {},
): Promise<FileEditResult> {
  if (workspace.files.some((f) => f.rel === rel)) throw new EditConflictError(say('fileExists', { file: rel }));
  const path = join(workspace.root, ...rel.split('/'));
  const text = newDocumentText(workspace, rel, kind, data, comments);
  try {
    const warnings = await commitNewFile(workspace, path, text, options);
    return { path, rel, created: true, before: '', text, warnings };
  } catch (error) {
    if (error instanceof EditConflictError && /already exists/.test(error.message)) throw new EditConflictError(say('fileExists', { file: rel }));
    throw error;
  }
}

/** The kinds that are one list in one file: organizations.yaml, people.yaml. */
export type ListKind = 'organizations' | 'people';

/** The document holding the list of `kind`, if the workspace has one. */
export function listDocument(workspace: Workspace, kind: ListKind): SourceDocument | undefined {
  return workspace.documents.find((d) => d.kind === kind);
}

/**
 * Adds `entry` to the list of `kind` (people: or organizations:) where the workspace keeps it,
 * splicing it in so that every comment and the layout of the file stay; or, when the workspace has
 * no such file yet, writes `<kind>.yaml` with `newFile`'s comments. Checked like every edit.
 */
export async function appendListEntry(
  workspace: Workspace,
  kind: ListKind,
  entry: Record<string, unknown>,
  newFile: FileComments,
  options: EditOptions = {},
): Promise<FileEditResult> {
  const rel = `${kind}.yaml`;
  const doc = listDocument(workspace, kind);
  if (!doc) {
    // A people.yaml that did not load holds the list, most likely: writing a second one would hide the fault.
    const broken = workspace.files.find((f) => f.rel === rel || f.rel === `${kind}.yml`);
    if (broken) {
      const problem = workspace.problems.find((p) => p.file === broken.path);
      throw new EditConflictError(say('unreadable', { file: broken.rel, line: problem?.span.line ?? 1, problem: problem?.message ?? '' }));
    }
    return writeNewDocument(workspace, rel, kind, { kind, [kind]: [entry] }, newFile, options);
  }
  const file = doc.file;
  let text: string;
  try {
    if (!isMap(doc.yaml.contents)) throw new EditPathError('no map');
    text = applyEdits(file.text, [appendToSequence(doc.yaml, file.text, [kind], styledItem(doc.yaml, [kind], entry))]);
  } catch (error) {
    if (error instanceof EditPathError) throw new EditConflictError(say('notAList', { file: file.rel, key: `${kind}:` }));
    throw error;
  }
  return commitFileEdit(workspace, file, text, options);
}

/** Throws NotFoundError with `checkRef`'s sentence when `value` names nothing in the namespace. */
export function requireRef(workspace: Workspace, namespace: Namespace, flag: string, value: string): string {
  const problem = checkRef(workspace, namespace)(value);
  if (problem) throw new NotFoundError(flagProblem(flag, value, problem));
  return value;
}

// ---------------------------------------------------------------------------------------------
// A group's meetings: block

/** When and where a group meets, as typed (flags or answers). */
export interface MeetingsInput {
  cadence?: string;
  weekday?: string;
  time?: string;
  duration?: string;
  location?: string;
}

/** The answers of a group's meetings: block, with their flags and the schema's checks. */
export function meetingsFields(example: string): Record<keyof MeetingsInput, Field> {
  return {
    cadence: { flag: '--cadence', required: false, check: checkField('group', 'meetings.cadence'), example: `${example} --cadence "every 6 weeks"` },
    weekday: { flag: '--weekday', required: false, check: checkEnum('group', 'meetings.weekday'), example: `${example} --weekday torsdag` },
    time: { flag: '--time', required: false, check: checkField('group', 'meetings.time'), example: `${example} --time 13:00` },
    duration: { flag: '--duration', required: false, check: checkField('group', 'meetings.duration_minutes'), example: `${example} --duration 120` },
    location: { flag: '--location', required: false, check: checkText, example: `${example} --location "Kommunhuset"` },
  };
}

/**
 * A group's `meetings:` block from the answers given (each checked, a wrong one refused naming its
 * flag), or undefined when none is. Init's first group and `group new` both write it this way.
 */
export function meetingsBlock(input: MeetingsInput, example = 'samverkan group new'): Record<string, unknown> | undefined {
  const given = checkGiven(meetingsFields(example), input);
  const block: Record<string, unknown> = {};
  if (given.cadence) block.cadence = given.cadence;
  if (given.weekday) block.weekday = enumValue('group', 'meetings.weekday', given.weekday);
  if (given.time) block.time = given.time;
  if (given.duration) block.duration_minutes = Number(given.duration);
  if (given.location) block.location = given.location;
  return Object.keys(block).length > 0 ? block : undefined;
}
