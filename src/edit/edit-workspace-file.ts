/**
 * An edit of one workspace file, checked before it is written: the new text must parse, and it
 * must not bring any error the workspace did not already have. Then it is written atomically,
 * and only if the file on disk is still what was read.
 */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { basename, dirname, extname, relative } from 'node:path';
import { EditConflictError, NotFoundError, UsageError } from '../errors.js';
import { isIsoDate, todayIn } from '../model/dates.js';
import type { DocOfKind } from '../model/index.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import { closest } from '../rules/words.js';
import { buildIdIndex } from '../workspace/id-index.js';
import { parseSource, toPosix } from '../workspace/load.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import { createFileAtomic, fingerprint, writeFileAtomic } from './atomic-write.js';

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
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of ${asOf} is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.`);
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
    throw new EditConflictError(`The change would make ${rel} invalid, so nothing was written: line ${first.line}: ${first.message}`);
  }
  return introduced.filter((f) => f.severity === 'warning');
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The plain sentence for a file (or folder) samverkan may not write. */
function readOnlyError(rel: string, folder = false): EditConflictError {
  return new EditConflictError(
    folder
      ? `samverkan may not create files in ${rel} (the folder is read-only for you), so nothing was written. Ask whoever manages the files for write access, then run the command again.`
      : `${rel} is read-only for you, so nothing was written. Make it writable (in a terminal: chmod u+w ${rel}) or ask whoever manages the files, then run the command again.`,
  );
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
      throw new EditConflictError(
        `${file.rel}, which holds ${kind} ${id}, could not be read: line ${problem.span.line}: ${problem.message} ` +
          `Fix that first ("samverkan validate ${file.rel}" shows where), then run the command again.`,
      );
    }
    const known = [...workspace.index.of(kind).keys()].sort();
    const guess = closest(id, known);
    const list = known.length === 0
      ? ` The workspace has no ${kind}s yet; they go in files under ${FOLDERS[kind]}.`
      : ` The ${kind}s are: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}.`;
    throw new NotFoundError(`There is no ${kind} "${id}" in the workspace.${guess ? ` Did you mean "${guess}"?` : ''}${list}`);
  }
  const doc = entry.doc;
  return { doc, file: doc.file, data: doc.data as DocOfKind[K] };
}
