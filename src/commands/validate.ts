/** `samverkan validate`: load the workspace, run every check, keep the findings of the asked-for paths. */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import { loadWorkspace } from '../workspace/load.js';

export interface ValidateOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** Files or folders to report on; the whole workspace is still loaded for cross-document rules. */
  paths?: string[];
  asOf?: string;
}

export interface ValidateResult {
  root: string;
  findings: Finding[];
  fileCount: number;
}

function within(path: string, scope: string): boolean {
  const rel = relative(scope, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** Checks the workspace and returns the findings, limited to `paths` when given. */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  const scopes: string[] = [];
  for (const p of options.paths ?? []) {
    const abs = resolve(options.cwd, p);
    if (!(await stat(abs).catch(() => undefined))) throw new UsageError(`${p} does not exist. Give a file or folder inside the workspace.`);
    scopes.push(abs);
  }
  // Without -C the workspace is found from the first path given (so a path outside the current
  // folder works), or else from the current folder.
  const from = scopes[0] && (await stat(scopes[0])).isFile() ? dirname(scopes[0]) : (scopes[0] ?? options.cwd);
  const workspace = await loadWorkspace(options.dir ? { dir: resolve(options.cwd, options.dir) } : { cwd: from });
  for (const scope of scopes) {
    if (!within(scope, workspace.root)) throw new UsageError(`${scope} is outside the workspace ${workspace.root}. Give paths inside it.`);
  }
  const result = await checkWorkspace(workspace, { asOf: options.asOf });
  const findings = scopes.length === 0 ? result.findings : result.findings.filter((f) => scopes.some((s) => within(f.file, s)));
  const fileCount =
    scopes.length === 0 ? result.fileCount : workspace.files.filter((f) => scopes.some((s) => within(f.path, s))).length;
  return { root: workspace.root, findings, fileCount };
}
