/**
 * The fast paths of src/rules/identity-numbers.ts find, mask and let through what the previous
 * implementation did (identity-numbers-reference.ts) over real text: every file and every value
 * of the example workspaces under plans/, the test fixtures and a generated workspace, and the
 * rendered HTML pages of the render fixture (with its planted numbers) and the generated one.
 * Left out of the mutation runs (vitest.mutation.config.ts): it renders whole workspaces, and
 * the seeded texts of identity-numbers-equivalence.test.ts try every path faster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { fixture } from '../helpers/workspaces.js';
import { renderAll, renderFixture, workspacesToRender } from '../render/helpers.js';
import { freshPair, strings, type Module } from './identity-numbers-compare.js';

describe('identity numbers: the fast paths find what the reference finds in real workspaces', () => {
  it('on every file, value and rendered page of the example workspaces, the fixtures and a generated workspace', async () => {
    const generated = mkdtempSync(join(tmpdir(), 'samverkan-id-equivalence-'));
    afterAll(() => rmSync(generated, { recursive: true, force: true }));
    generateWorkspace(generated, { plans: 12, actionsPerPlan: 6, groups: 3, meetingsPerGroup: 2 });
    const texts: string[] = [];
    for (const dir of [...workspacesToRender().map((w) => w.dir), fixture('clean'), fixture('faults'), generated]) {
      const { workspace } = await loadCheckedWorkspace({ dir, asOf: '2025-06-01' });
      for (const file of workspace.files) {
        texts.push(file.text);
        for (const doc of file.documents) texts.push(...strings(doc.data));
      }
    }
    // Pages as written, HTML around text, of the fixture with its planted numbers and of the generated workspace.
    for (const dir of [renderFixture, generated]) {
      for (const page of await renderAll(dir, { format: 'html', asOf: '2025-06-01' })) texts.push(page.content);
    }
    expect(texts.length).toBeGreaterThan(5000);
    const [fast, slow] = await freshPair();
    // All at once: an expectation per text would take longer than the search.
    const says = (m: Module) => texts.map((t) => ({ text: t, found: m.findIdentityNumbers(t), masked: m.maskIdentityNumbers(t), decoded: m.decodedMayHoldNumber(t) }));
    expect(says(fast)).toEqual(says(slow));
  }, 120_000);
});
