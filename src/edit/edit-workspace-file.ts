/**
 * An edit of one workspace file, checked before it is written: the new text must parse, and it
 * must not bring any error the workspace did not already have. Then it is written atomically,
 * and only if the file on disk is still what was read.
 */
import { EditConflictError } from '../errors.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import { buildIdIndex } from '../workspace/id-index.js';
import { parseSource } from '../workspace/load.js';
import type { SourceFile, Workspace } from '../workspace/types.js';
import { fingerprint, writeFileAtomic } from './atomic-write.js';

const key = (f: Finding) => `${f.ruleId}\0${f.message}`;

/** The workspace as it would be with `file` holding `text` instead. */
export function withFileText(workspace: Workspace, file: SourceFile, text: string): { workspace: Workspace; file: SourceFile } {
  const parsed = parseSource(file.path, file.rel, text);
  const files = workspace.files.map((f) => (f.path === file.path ? parsed.file : f));
  const documents = files.flatMap((f) => f.documents);
  const problems = [...workspace.problems.filter((p) => p.file !== file.path), ...parsed.problems];
  return { workspace: { ...workspace, files, documents, problems, index: buildIdIndex(documents) }, file: parsed.file };
}

/**
 * Writes `newText` to `file` if the result is as valid as before. Throws EditConflictError naming
 * the first new error otherwise, or if the file changed on disk since the workspace was loaded.
 */
export async function commitFileEdit(workspace: Workspace, file: SourceFile, newText: string, options: { asOf?: string } = {}): Promise<void> {
  const before = await checkWorkspace(workspace, options);
  const known = new Set(before.findings.filter((f) => f.severity === 'error').map(key));
  const next = withFileText(workspace, file, newText);
  const after = await checkWorkspace(next.workspace, options);
  const introduced = after.findings.filter((f) => f.severity === 'error' && !known.has(key(f)));
  if (introduced.length > 0) {
    const first = introduced[0];
    throw new EditConflictError(
      `The change would make ${file.rel} invalid, so nothing was written: line ${first.line}: ${first.message}`,
    );
  }
  await writeFileAtomic(file.path, file.hadBom ? `\ufeff${newText}` : newText, fingerprint(originalBytes(file)));
}

/** The file's text as it was on disk (the loader strips a byte-order mark; put it back). */
export function originalBytes(file: SourceFile): string {
  return file.hadBom ? `\ufeff${file.text}` : file.text;
}
