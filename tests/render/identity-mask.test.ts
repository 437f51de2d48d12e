/**
 * Rendering itself (not only the CLI's output guard) never returns an identity number: the
 * programmatic API hands pages straight to its caller. Here the rule is off, so nothing refuses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';
import { renderAll, renderOne } from './helpers.js';

describe('rendered pages', () => {
  it('mask an identity number in a plan and in a workspace template, in Markdown and HTML', async () => {
    const dir = copyForTest(join(repoRoot, 'tests/fixtures/hostile/base'));
    const config = join(dir, 'samverkan.yaml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}rules:\n  privacy/identity-number: off\n`);
    const plan = join(dir, 'plans/handlingsplan.yaml');
    writeFileSync(plan, readFileSync(plan, 'utf8').replace('vision: Kvinnor och barn', 'vision: Anna 821105-9954, Kvinnor och barn'));
    for (const format of ['md', 'html'] as const) {
      const page = await renderOne(dir, 'plan', 'handlingsplan', { format });
      expect(page.content).toContain('821105-****');
      expect(page.content).not.toContain('9954');
      const site = await renderAll(dir, { format, public: true });
      for (const p of site) expect(p.content, p.fileName).not.toContain('821105-9954');
    }
  });
});
