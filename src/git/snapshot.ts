/**
 * A workspace as it was at a git revision, loaded from the revision's files without checking
 * anything out, by the same loader as the working tree.
 */
import { loadWorkspaceFrom, memorySource } from '../workspace/load.js';
import type { Workspace } from '../workspace/types.js';
import { readTree, type Repo } from './git.js';

/**
 * Loads the workspace at `commit`. `root` is where the workspace is in the working tree, so
 * that its files are named as the user knows them; `repo.prefix` says where it is in the tree.
 */
export async function loadWorkspaceAt(repo: Repo, commit: string, root: string): Promise<Workspace> {
  return loadWorkspaceFrom(memorySource(root, await readTree(repo, commit)));
}
