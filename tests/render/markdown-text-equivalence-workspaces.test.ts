/**
 * The fast paths of src/render/markdown-text.ts give what the previous implementation gave
 * (markdown-text-reference.ts) over real text: every value of the example workspaces under
 * plans/, the test fixtures and a generated workspace, and their pages rendered as Markdown, as
 * they are and with their tables' padding taken out, and those pages made HTML (the traffic-light
 * signs, markdown-lights-reference.ts). Left out of the mutation runs
 * (vitest.mutation.config.ts): it renders whole workspaces.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { createMarkdownIt } from '../../src/render/markdown.js';
import { escapeInline, headingText, markdownBlock, tidyMarkdown } from '../../src/render/markdown-text.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { fixture } from '../helpers/workspaces.js';
import { renderAll, workspacesToRender } from './helpers.js';
import { strings } from '../rules/identity-numbers-compare.js';
import { createReferenceMarkdownIt } from './markdown-lights-reference.js';
import * as reference from './markdown-text-reference.js';

describe('markdown-text: the fast paths give what the reference gives in real workspaces', () => {
  it('on every value of the example workspaces, the fixtures and a generated workspace, and on their rendered pages', async () => {
    const generated = mkdtempSync(join(tmpdir(), 'samverkan-md-equivalence-'));
    afterAll(() => rmSync(generated, { recursive: true, force: true }));
    generateWorkspace(generated, { plans: 12, actionsPerPlan: 6, groups: 3, meetingsPerGroup: 2 });
    const workspaces = [
      ...workspacesToRender().map((w) => w.dir),
      fixture('clean'),
      fixture('faults'),
      generated,
    ];
    const values: string[] = [];
    const pages: string[] = [];
    for (const dir of workspaces) {
      const { workspace } = await loadCheckedWorkspace({ dir, asOf: '2025-06-01' });
      for (const file of workspace.files) for (const doc of file.documents) values.push(...strings(doc.data));
      if (dir === fixture('faults')) continue;
      for (const page of await renderAll(dir, { format: 'md', asOf: '2025-06-01' })) {
        // The page as rendered, and with its tables' padding taken out again, as a template leaves them.
        pages.push(page.content, page.content.replace(/ {2,}\|/g, ' |').replace(/-{4,}/g, '---'));
      }
    }
    // Enough real text goes through both to mean something; all at once, as an expectation per text takes longer than the work.
    expect(values.length).toBeGreaterThan(5000);
    expect(pages.length).toBeGreaterThan(100);
    expect(values.map(escapeInline)).toEqual(values.map(reference.escapeInline));
    expect(values.map(headingText)).toEqual(values.map(reference.headingText));
    expect(values.map((v) => markdownBlock(v))).toEqual(values.map((v) => reference.markdownBlock(v)));
    expect([...values, ...pages].map(tidyMarkdown)).toEqual([...values, ...pages].map(reference.tidyMarkdown));
    // And the pages made HTML, with the traffic-light signs wrapped as text is written and as they were.
    const fast = createMarkdownIt({ tableName: 'Tabell' });
    const slow = createReferenceMarkdownIt({ tableName: 'Tabell' });
    expect(pages.map((p) => fast.render(p))).toEqual(pages.map((p) => slow.render(p)));
  }, 120_000);
});
