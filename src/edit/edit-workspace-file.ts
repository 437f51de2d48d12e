/**
 * An edit of one workspace file, checked before it is written: the new text must parse, and it
 * must not bring any error the workspace did not already have. Then it is written atomically,
 * and only if the file on disk is still what was read.
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { basename, dirname, extname, relative } from 'node:path';
import { didYouMean, EditConflictError, notADate, NotFoundError, UsageError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { isIsoDate, todayIn } from '../model/dates.js';
import type { DocOfKind } from '../model/index.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import { closest } from '../rules/words.js';
import { buildIdIndex } from '../workspace/id-index.js';
import { parseSource, toPosix } from '../workspace/load.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import { createFileAtomic, fingerprint, writeFileAtomic } from './atomic-write.js';
import { EditPathError } from './text-edits.js';

const say = messages('edit/edit-workspace-file', {
  wouldBeInvalid: {
    sv: 'Ändringen skulle göra {file} ogiltig, så inget skrevs: rad {line}: {message}',
    en: 'The change would make {file} invalid, so nothing was written: line {line}: {message}',
  },
  folderReadOnly: {
    sv: 'samverkan får inte skapa filer i {folder} (du har bara läsrätt i mappen), så inget skrevs. Be den som förvaltar filerna om skrivrätt och kör sedan kommandot igen.',
    en: 'samverkan may not create files in {folder} (the folder is read-only for you), so nothing was written. Ask whoever manages the files for write access, then run the command again.',
  },
  fileReadOnly: {
    sv: 'Du har bara läsrätt till {file}, så inget skrevs. Gör filen skrivbar (i en terminal: chmod u+w {file}) eller fråga den som förvaltar filerna, och kör sedan kommandot igen.',
    en: '{file} is read-only for you, so nothing was written. Make it writable (in a terminal: chmod u+w {file}) or ask whoever manages the files, then run the command again.',
  },
  unreadable: {
    sv: '{file}, där {kind} {id} finns, gick inte att läsa: rad {line}: {message} Rätta det först ("samverkan validate {file}" visar var) och kör sedan kommandot igen.',
    en: '{file}, which holds {kind} {id}, could not be read: line {line}: {message} Fix that first ("samverkan validate {file}" shows where), then run the command again.',
  },
  notFound: { sv: 'Det finns {none} "{id}" i arbetsytan.{guess}{list}', en: 'There is {none} "{id}" in the workspace.{guess}{list}' },
  noneYet: {
    sv: ' Arbetsytan har inga {kinds} än; de ligger i filer under {folder}.',
    en: ' The workspace has no {kinds} yet; they go in files under {folder}.',
  },
  known: { sv: ' De {kinds} som finns är: {ids}.', en: ' The {kinds} are: {ids}.' },
  agreement: { sv: 'överenskommelse', en: 'agreement' },
  group: { sv: 'grupp', en: 'group' },
  plan: { sv: 'plan', en: 'plan' },
  meeting: { sv: 'möte', en: 'meeting' },
  assessment: { sv: 'kartläggning', en: 'assessment' },
  agreements: { sv: 'överenskommelser', en: 'agreements' },
  groups: { sv: 'grupper', en: 'groups' },
  plans: { sv: 'planer', en: 'plans' },
  meetings: { sv: 'möten', en: 'meetings' },
  assessments: { sv: 'kartläggningar', en: 'assessments' },
  none_agreement: { sv: 'ingen överenskommelse', en: 'no agreement' },
  none_group: { sv: 'ingen grupp', en: 'no group' },
  none_plan: { sv: 'ingen plan', en: 'no plan' },
  none_meeting: { sv: 'inget möte', en: 'no meeting' },
  none_assessment: { sv: 'ingen kartläggning', en: 'no assessment' },
  a_agreement: { sv: 'en överenskommelse', en: 'an agreement' },
  a_group: { sv: 'en grupp', en: 'a group' },
  a_plan: { sv: 'en plan', en: 'a plan' },
  a_meeting: { sv: 'ett möte', en: 'a meeting' },
  a_assessment: { sv: 'en kartläggning', en: 'an assessment' },
  notShaped_group: {
    sv: '{file} har inte den form en grupp ska ha ({reason}), så inget skrevs. Kör "samverkan validate {file}" för att se vad som är fel, rätta det och försök igen.',
    en: '{file} is not shaped as a group should be ({reason}), so nothing was written. Run "samverkan validate {file}" to see what is wrong, fix it, and try again.',
  },
  notShaped_plan: {
    sv: '{file} har inte den form en plan ska ha ({reason}), så inget skrevs. Kör "samverkan validate {file}" för att se vad som är fel, rätta det och försök igen.',
    en: '{file} is not shaped as a plan should be ({reason}), so nothing was written. Run "samverkan validate {file}" to see what is wrong, fix it, and try again.',
  },
  notShaped_meeting: {
    sv: '{file} har inte den form ett möte ska ha ({reason}), så inget skrevs. Kör "samverkan validate {file}" för att se vad som är fel, rätta det och försök igen.',
    en: '{file} is not shaped as a meeting should be ({reason}), so nothing was written. Run "samverkan validate {file}" to see what is wrong, fix it, and try again.',
  },
  notMap_group: {
    sv: '{file} har ingen lista över ledamöter som samverkan kan ändra i, så inget skrevs. Kör "samverkan validate {file}" för att se vad som är fel.',
    en: '{file} has no list of members that samverkan can edit, so nothing was written. Run "samverkan validate {file}" to see what is wrong.',
  },
  notMap_plan: {
    sv: '{file} innehåller ingen plan med nycklar och värden, så den kan inte ändras. Kör "samverkan validate {file}" för att se vad som är fel.',
    en: '{file} does not hold a plan as keys and values, so it cannot be edited. Run "samverkan validate {file}" to see what is wrong.',
  },
  notMap_meeting: {
    sv: '{file} innehåller inget möte med nycklar och värden, så det kan inte ändras. Kör "samverkan validate {file}" för att se vad som är fel.',
    en: '{file} does not hold a meeting as keys and values, so it cannot be edited. Run "samverkan validate {file}" to see what is wrong.',
  },
});

/** A kind of document as words of a sentence in the current language: one, several, none, with its article ("möte", "möten", "inget möte", "ett möte"). */
export function kindWords(kind: EditableKind): { one: string; many: string; none: string; a: string } {
  return { one: say(kind), many: say(`${kind}s`), none: say(`none_${kind}`), a: say(`a_${kind}`) };
}

/** The kinds of document whose text the editing commands splice. */
type SplicedKind = 'group' | 'plan' | 'meeting';

/** The refusal for a document that is not the map of keys and values (or has not the list) an edit needs. */
export function notEditable(file: SourceFile, kind: SplicedKind): EditConflictError {
  return new EditConflictError(say(`notMap_${kind}`, { file: file.rel }));
}

/** Makes text edits of `file`, turning "the file is not shaped as expected" (an EditPathError) into a plain refusal. */
export function editsOrExplain<T>(file: SourceFile, kind: SplicedKind, make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof EditPathError) throw new EditConflictError(say(`notShaped_${kind}`, { file: file.rel, reason: error.message }));
    throw error;
  }
}

/** What an editing command did to one file, for the CLI to report and tests to inspect. */
export interface FileEditResult {
  /** Absolute path of the file written. */
  path: string;
  /** The path relative to the workspace root, with forward slashes. */
  rel: string;
  /** True if the command created the file. */
  created: boolean;
  /** The file's text before the edit ('' for a new file). */
  before: string;
  /** The file's text as written. */
  text: string;
  /** Warnings the change brings (an overdue action, a long agenda): written anyway, worth saying. */
  warnings: Finding[];
}

/** Options of every editing command. */
export interface EditOptions {
  /** Today (YYYY-MM-DD) for defaults and date checks; today in the workspace's time zone unless given. */
  asOf?: string;
}

/** The day an edit counts as made: `asOf` (checked to be a date) or today in the workspace's time zone. */
export function editDate(workspace: Workspace, asOf?: string): string {
  if (asOf === undefined) return todayIn(workspace.config.timezone);
  if (!isIsoDate(asOf)) throw new UsageError(notADate('--as-of', asOf));
  return asOf;
}

// A finding is "the same" before and after an edit if its file, rule and message are: lines move
// when text is added above them, so they cannot be part of it.
const key = (f: Finding) => `${f.file}\0${f.ruleId}\0${f.message}`;

/** The workspace as it would be with `file` holding `text` instead. */
export function withFileText(workspace: Workspace, file: SourceFile, text: string): { workspace: Workspace; file: SourceFile } {
  const parsed = parseSource(file.path, file.rel, text);
  const files = workspace.files.map((f) => (f.path === file.path ? parsed.file : f));
  const documents = files.flatMap((f) => f.documents);
  const problems = [...workspace.problems.filter((p) => p.file !== file.path), ...parsed.problems];
  return { workspace: { ...workspace, files, documents, problems, index: buildIdIndex(documents) }, file: parsed.file };
}

/** The workspace as it would be with a new file at `path` (absolute, inside the workspace) holding `text`. */
export function withNewFile(workspace: Workspace, path: string, text: string): { workspace: Workspace; file: SourceFile } {
  const parsed = parseSource(path, toPosix(relative(workspace.root, path)), text);
  const files = [...workspace.files.filter((f) => f.path !== path), parsed.file];
  const documents = files.flatMap((f) => f.documents);
  const problems = [...workspace.problems.filter((p) => p.file !== path), ...parsed.problems];
  return { workspace: { ...workspace, files, documents, problems, index: buildIdIndex(documents) }, file: parsed.file };
}

/**
 * Checks `next` against `workspace`: throws EditConflictError naming the first error the change
 * brings, and returns the warnings it brings (for the command to mention).
 */
async function checkChange(workspace: Workspace, next: Workspace, rel: string, options: { asOf?: string }): Promise<Finding[]> {
  const before = await checkWorkspace(workspace, options);
  const known = new Set(before.findings.map(key));
  const after = await checkWorkspace(next, options);
  const introduced = after.findings.filter((f) => !known.has(key(f)));
  const errors = introduced.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0];
    throw new EditConflictError(say('wouldBeInvalid', { file: rel, line: first.line, message: first.message }));
  }
  return introduced.filter((f) => f.severity === 'warning');
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The plain sentence for a file (or folder) samverkan may not write. */
function readOnlyError(rel: string, folder = false): EditConflictError {
  return new EditConflictError(folder ? say('folderReadOnly', { folder: rel }) : say('fileReadOnly', { file: rel }));
}

/** Runs a write, turning "permission denied" and "read-only file system" into that plain sentence. */
async function explainWriteErrors<T>(rel: string, write: () => Promise<T>, folder = false): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (PERMISSION_CODES.has((error as NodeJS.ErrnoException)?.code ?? '')) throw readOnlyError(rel, folder);
    throw error;
  }
}

/**
 * Writes `newText` to `file` if the result is as valid as before. Throws EditConflictError naming
 * the first new error otherwise, if the file changed on disk since the workspace was loaded, or if
 * the file may not be written. Returns what was written and the warnings the change brings.
 */
export async function commitFileEdit(workspace: Workspace, file: SourceFile, newText: string, options: { asOf?: string } = {}): Promise<FileEditResult> {
  const next = withFileText(workspace, file, newText);
  const warnings = await checkChange(workspace, next.workspace, file.rel, options);
  // The write replaces the file by renaming a new one over it, which the folder's permissions
  // allow even for a file marked read-only; so ask about the file itself first.
  await explainWriteErrors(file.rel, () => access(file.path, constants.W_OK));
  await explainWriteErrors(file.rel, () =>
    writeFileAtomic(file.path, file.hadBom ? `\ufeff${newText}` : newText, fingerprint(originalBytes(file))),
  );
  return { path: file.path, rel: file.rel, created: false, before: file.text, text: newText, warnings };
}

/**
 * Creates a new workspace file at `path` (absolute) with `text`, after checking that the workspace
 * with it brings no new error; makes its folder if missing. Refuses (EditConflictError) if the file
 * exists or may not be written. Returns the warnings the new file brings.
 */
export async function commitNewFile(workspace: Workspace, path: string, text: string, options: { asOf?: string } = {}): Promise<Finding[]> {
  const next = withNewFile(workspace, path, text);
  const warnings = await checkChange(workspace, next.workspace, next.file.rel, options);
  const folder = toPosix(relative(workspace.root, dirname(path))) || '.';
  await explainWriteErrors(folder, () => mkdir(dirname(path), { recursive: true }), true);
  await explainWriteErrors(folder, () => createFileAtomic(path, text), true);
  return warnings;
}

/** The file's text as it was on disk (the loader strips a byte-order mark; put it back). */
export function originalBytes(file: SourceFile): string {
  return file.hadBom ? `\ufeff${file.text}` : file.text;
}

/** Kinds of document a command can edit by id. */
export type EditableKind = 'agreement' | 'group' | 'plan' | 'meeting' | 'assessment';

const FOLDERS: Record<EditableKind, string> = {
  agreement: 'agreements/',
  group: 'groups/',
  plan: 'plans/',
  meeting: 'meetings/<group>/',
  assessment: 'assessments/',
};

const UNREADABLE = new Set(['yaml/syntax', 'yaml/duplicate-key', 'yaml/too-many-aliases']);

/**
 * The document of `kind` with `id`, and its file, ready to edit. Throws NotFoundError (with a
 * "did you mean" and the ids there are) if there is none, and EditConflictError if the document
 * is probably in a file that is not valid YAML (so it could not be read, let alone edited).
 */
export function documentToEdit<K extends EditableKind>(
  workspace: Workspace,
  kind: K,
  id: string,
): { doc: SourceDocument; file: SourceFile; data: DocOfKind[K] } {
  const entry = workspace.index.of(kind).get(id);
  if (!entry) {
    const idLine = new RegExp(`^id:[ \\t]*(["']?)${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1[ \\t]*(#.*)?$`, 'm');
    for (const file of workspace.files) {
      const problem = workspace.problems.find((p) => p.file === file.path && UNREADABLE.has(p.ruleId));
      if (!problem) continue;
      if (basename(file.rel, extname(file.rel)) !== id && !idLine.test(file.text)) continue;
      throw new EditConflictError(say('unreadable', { file: file.rel, kind: kindWords(kind).one, id, line: problem.span.line, message: problem.message }));
    }
    const known = [...workspace.index.of(kind).keys()].sort();
    const guess = closest(id, known);
    const words = kindWords(kind);
    const kinds = words.many;
    const list = known.length === 0
      ? say('noneYet', { kinds, folder: FOLDERS[kind] })
      : say('known', { kinds, ids: `${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}` });
    throw new NotFoundError(say('notFound', { none: words.none, id, guess: didYouMean(guess), list }));
  }
  const doc = entry.doc;
  return { doc, file: doc.file, data: doc.data as DocOfKind[K] };
}
