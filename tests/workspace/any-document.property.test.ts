/**
 * Any document, however wrong, gives findings and never a crash: documents of every kind made
 * from arbitrary values, and the valid documents of the hostile base workspace with one value
 * at any depth replaced by something of another type, are loaded and checked. (Wrong settings in
 * samverkan.yaml are a configuration error instead, exit 2, which names the line.) (What the outputs
 * do with them: any-document-outputs.property.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KINDS, type Kind } from '../../src/model/index.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { validatorFor } from '../../src/schema/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { CONFIG_FILE } from '../../src/workspace/discover.js';
import { WorkspaceError } from '../../src/errors.js';
import { arbitraryDocument, hostileBase, mutatedDocument, TARGETS } from '../helpers/strange-documents.js';

const AS_OF = '2009-06-01';

let dir: string;
const originals = new Map<string, string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-any-document-'));
  cpSync(hostileBase, dir, { recursive: true });
  for (const [, rel] of TARGETS) originals.set(rel, readFileSync(join(dir, rel), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Loads and checks the copy with `text` in `rel`, and returns what was found there. */
async function exercise(rel: string, text: string): Promise<{ findingsInFile: number; valid: boolean }> {
  writeFileSync(join(dir, rel), text);
  try {
    const workspace = await loadWorkspace({ dir });
    const { findings } = await checkWorkspace(workspace, { asOf: AS_OF }).catch((error: unknown) => {
      // Wrong settings stop the check with a configuration error (exit 2, naming the line): that is their finding.
      if (rel === CONFIG_FILE && error instanceof WorkspaceError) return { findings: [{ file: join(dir, rel) }] };
      throw error;
    });
    const data = parse(text) as unknown;
    const kind = (data as { kind?: unknown } | null)?.kind;
    const valid = typeof kind === 'string' && (KINDS as readonly string[]).includes(kind) && (await validatorFor(kind as Kind))(data);
    return { findingsInFile: findings.filter((f) => f.file === join(dir, rel)).length, valid: Boolean(valid) };
  } finally {
    writeFileSync(join(dir, rel), originals.get(rel)!);
  }
}

/** Runs per property; RUNS=2000 in the environment for a longer hunt. */
const RUNS = Number(process.env.RUNS ?? 40);

describe('any document', () => {
  it('one value of a valid document replaced, at any depth: findings, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDocument(), async ({ rel, text, where }) => {
        const { findingsInFile, valid } = await exercise(rel, text);
        if (!valid) expect(findingsInFile, `${rel} at ${where}`).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('a document of any kind made from arbitrary values: findings, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDocument(), async ({ rel, text }) => {
        const { findingsInFile, valid } = await exercise(rel, text);
        if (!valid) expect(findingsInFile, rel).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
