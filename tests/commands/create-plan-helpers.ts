/**
 * What the tests of plan new, goal add, indicator add / measure and agreement new share: a copy of
 * the clean workspace, its files as they are (to show that nothing was written), and a command run
 * the way a terminal runs it, driven by @inquirer/testing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { whileAsking } from '../../src/cli/prompts.js';
import type { PromptContext } from '../../src/cli/init-prompts.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import type { Workspace } from '../../src/workspace/types.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';

/** The day the clean workspace passes every check on. */
export const AS_OF = '2009-06-01';

/** A copy of the clean workspace for this test, and the workspace loaded from it. */
export async function cleanWorkspace(): Promise<{ dir: string; workspace: Workspace }> {
  const dir = copyForTest(fixture('clean'));
  return { dir, workspace: await loadWorkspace({ dir }) };
}

/** Every file of a folder with its text, to compare before and after. */
export function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * A command as a terminal runs it, shaped as an inquirer prompt for @inquirer/testing's render:
 * the conversation (where a stop writes nothing), then the core's write with its answers.
 */
export function asCommand<C, I, R>(
  ask: (config: C, context: PromptContext) => Promise<I>,
  write: (input: I) => Promise<R>,
): (config: C, context: PromptContext) => Promise<R> {
  return async (config, context) => write(await whileAsking(() => ask(config, context)));
}

/** `samverkan validate` on the workspace, in English, on the day it is clean. */
export async function validate(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return runInProcess(['validate', '-C', dir, '--as-of', AS_OF, '--lang', 'en']);
}
