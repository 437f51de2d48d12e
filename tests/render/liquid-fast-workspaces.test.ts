/**
 * The compiled templates give what liquidjs gives, byte for byte, on every page of real
 * workspaces: the example workspaces under plans/, the workspaces under tests/fixtures/ and a
 * generated one (bench/generate.js), in Swedish and English, public and internal, Markdown and
 * HTML. Every template run of the render pipeline is intercepted: liquidjs renders it (that is
 * what the pipeline gets) and the compiled closures render the same data, which must match.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Liquid } from 'liquidjs';
import { compileTemplates } from '../../src/render/liquid-fast.js';
import { repoRoot } from '../helpers/workspaces.js';
import { createRenderEnvironment } from '../../src/render/render-document.js';
import { renderSite } from '../../src/render/render-site.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { workspacesToRender, AS_OF } from './helpers.js';
// @ts-expect-error: the generator is plain JavaScript without types.
import { generateWorkspace } from '../../bench/generate.js';

interface Run {
  file: string;
  compiled: boolean;
  same: boolean;
  /** The first line that differs, to read in a failure. */
  diff?: string;
}

const runs = vi.hoisted(() => [] as Run[]);

vi.mock('../../src/render/liquid.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/liquid.js')>();
  const liquidjs = new WeakMap<Liquid, Liquid['renderFileSync']>();
  /** Runs `file` with liquidjs, which the pipeline gets, and checks the compiled closures against it. */
  const both = (engine: Liquid, file: string, data: object): string => {
    const slow = liquidjs.get(engine)!(file, data) as string;
    const fast = compileTemplates(engine, engine.parseFileSync(file));
    const out = fast?.(data);
    const run: Run = { file, compiled: fast !== undefined, same: out === slow };
    if (out !== undefined && out !== slow) {
      const a = out.split('\n');
      const b = slow.split('\n');
      const at = a.findIndex((line, i) => line !== b[i]);
      run.diff = `line ${at + 1}: fast ${JSON.stringify(a[at])} liquidjs ${JSON.stringify(b[at])}`;
    }
    runs.push(run);
    return slow;
  };
  return {
    ...real,
    createLiquid: (options: Parameters<typeof real.createLiquid>[0]) => {
      const env = real.createLiquid(options);
      for (const engine of [env.markdown, env.html]) {
        liquidjs.set(engine, engine.renderFileSync.bind(engine));
        // Whichever way the pipeline runs a template, it is checked.
        engine.renderFileSync = ((file: string, data: object) => both(engine, file, data)) as Liquid['renderFileSync'];
      }
      return env;
    },
    renderLiquidFile: (engine: Liquid, file: string, data: object) => both(engine, file, data),
  };
});

const BUILT_IN = readdirSync(join(repoRoot, 'templates')).filter((f) => f.endsWith('.liquid'));

function fixtureWorkspaces(): Array<{ name: string; dir: string }> {
  const out: Array<{ name: string; dir: string }> = [];
  const walk = (dir: string, depth: number): void => {
    if (existsSync(join(dir, 'samverkan.yaml'))) out.push({ name: relative(repoRoot, dir), dir });
    else if (depth < 3) for (const d of readdirSync(dir, { withFileTypes: true })) if (d.isDirectory()) walk(join(dir, d.name), depth + 1);
  };
  walk(join(repoRoot, 'tests/fixtures'), 0);
  return out;
}

const generated = mkdtempSync(join(tmpdir(), 'liquid-fast-generated-'));
generateWorkspace(generated, { plans: 20, groups: 5, meetingsPerGroup: 4 });
afterAll(() => rmSync(generated, { recursive: true, force: true }));

const workspaces = [
  ...workspacesToRender().map((w) => ({ ...w, asOf: AS_OF })),
  ...fixtureWorkspaces()
    .filter((w) => !workspacesToRender().some((r) => r.dir === w.dir))
    .map((w) => ({ ...w, asOf: AS_OF })),
  { name: 'generated', dir: generated, asOf: '2025-06-01' },
];

const seen = new Set<string>();

describe('liquid-fast: the same pages as liquidjs', () => {
  it.each(workspaces)('$name', async ({ dir, asOf }) => {
    runs.length = 0;
    // Loaded and checked once, as a command does; every variant renders from it.
    const checked = await loadCheckedWorkspace({ dir, asOf });
    for (const lang of ['sv', 'en'] as const) {
      for (const isPublic of [false, true]) {
        for (const format of ['md', 'html'] as const) {
          // In this thread: the interception above does not reach worker threads.
          const env = await createRenderEnvironment(checked, { lang, public: isPublic });
          await renderSite(env, format, { threads: 1 });
        }
      }
    }
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) {
      seen.add(run.file);
      expect(run.compiled, run.file).toBe(true);
      expect(run.same, `${run.file}: ${run.diff}`).toBe(true);
    }
  });

  it('ran every built-in template', () => {
    expect([...seen].sort()).toEqual(BUILT_IN.sort());
  });
});
