/**
 * A site rendered with worker threads is the site rendered in one thread: every file the same,
 * byte for byte, in every language and for public and internal readers; a page that fails, or a
 * worker that dies, ends as one thread ends. The threads run the built worker script, so the
 * byte-for-byte comparisons run the built CLI (from the sources every page is rendered in this
 * thread); the jobs' journey to a worker (structured cloning) and the failures are tested here
 * against the sources, with worker scripts written for the purpose.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import type { Lang } from '../../src/i18n/index.js';
import { writeOutputFile, writePageFiles } from '../../src/output/write-output.js';
import { maskIdentityNumbers } from '../../src/rules/identity-numbers.js';
import type { OutputFormat } from '../../src/render/render-context.js';
import { createRenderEnvironment, type RenderEnvironment } from '../../src/render/render-document.js';
import { renderPage } from '../../src/render/render-page.js';
import { renderSite, siteJobs } from '../../src/render/render-site.js';
import { renderThreads, startRenderWorkers } from '../../src/render/render-workers.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { runCli } from '../helpers/cli.js';
import { copyWorkspace, example } from '../helpers/workspaces.js';
import { AS_OF, renderFixture, workspacesToRender } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'samverkan-render-workers-'));
// Small, to render fast: the thread counts are given, so the number of pages does not decide them.
const generated = join(scratch, 'generated');
generateWorkspace(generated, { plans: 40, actionsPerPlan: 3, groups: 3, meetingsPerGroup: 3 });
const GENERATED_AS_OF = '2025-06-01';
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a worker script for renderPages that misbehaves as `body` says, and returns its URL. */
function workerScript(name: string, body: string): URL {
  const path = join(scratch, `${name}.js`);
  writeFileSync(path, `import { parentPort } from 'node:worker_threads';\n${body}\n`);
  return pathToFileURL(path);
}

async function environment(dir: string, options: { lang?: Lang; public?: boolean; asOf?: string } = {}): Promise<RenderEnvironment> {
  return createRenderEnvironment(await loadCheckedWorkspace({ dir, asOf: options.asOf ?? AS_OF }), { lang: options.lang, public: options.public });
}

/** True when `value` is only what survives structured cloning unchanged: plain objects, arrays, strings, numbers, booleans, null. */
function isPlainData(value: unknown, path = 'job'): true | string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return true;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const plain = isPlainData(item, `${path}[${i}]`);
      if (plain !== true) return plain;
    }
    return true;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      // An undefined property survives cloning too, and reads in a template as a missing one.
      if (item === undefined) continue;
      const plain = isPlainData(item, `${path}.${key}`);
      if (plain !== true) return plain;
    }
    return true;
  }
  return `${path} is ${typeof value === 'object' ? Object.getPrototypeOf(value)?.constructor?.name : typeof value}`;
}

describe('the jobs a worker thread is sent', () => {
  const cases: Array<{ name: string; dir: string; asOf?: string }> = [...workspacesToRender(), { name: 'generated', dir: generated, asOf: GENERATED_AS_OF }];
  it.each(cases)('are plain data in $name, and a cloned job renders the same page, masked already', async ({ dir, asOf }) => {
    for (const [lang, isPublic, format] of [['sv', false, 'html'], ['en', true, 'md']] as Array<[Lang, boolean, OutputFormat]>) {
      const env = await environment(dir, { lang, public: isPublic, asOf });
      const { count, jobOf } = await siteJobs(env, format);
      expect(count).toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        const job = jobOf(i);
        expect(isPlainData(job)).toBe(true);
        const here = await renderPage(env.renderer, job);
        const there = await renderPage(env.renderer, structuredClone(job));
        expect(there).toEqual(here);
        // A site's pages are written as they are rendered, without a second pass of the mask.
        expect(maskIdentityNumbers(here.content)).toBe(here.content);
      }
    }
  });
});

describe('renderPages when a worker fails', () => {
  let env: RenderEnvironment;
  let oneThread: string[];
  beforeAll(async () => {
    env = await environment(renderFixture);
    oneThread = (await renderSite(env, 'html')).pages.map((p) => p.content);
  });

  it.each([
    ['dies as it starts', 'process.exit(3);'],
    ['throws on its first chunk', "parentPort.on('message', (m) => { if (m.jobs) throw new Error('boom'); });"],
    ['cannot render any page', "parentPort.on('message', (m) => { if (m.jobs) parentPort.postMessage({ start: m.start, pages: m.jobs.map(() => null) }); });"],
    ['answers for a chunk it was not sent', "parentPort.on('message', (m) => { if (m.jobs) parentPort.postMessage({ start: -1, pages: [] }); });"],
  ])('renders the same site when the worker %s', async (_, body) => {
    const script = workerScript(`worker-${oneThread.length}-${body.length}`, body);
    const site = await renderSite(env, 'html', { threads: 3, script });
    expect(site.pages.map((p) => p.content)).toEqual(oneThread);
    // Started ahead, while the workspace loads: one that died before it was taken is not waited for.
    const started = startRenderWorkers(3, script);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ahead = await renderSite(env, 'html', { threads: 3, script, started });
    expect(ahead.pages.map((p) => p.content)).toEqual(oneThread);
  });

  it('gives the error of the first failing page, as one thread does', async () => {
    const copy = copyWorkspace(renderFixture);
    try {
      mkdirSync(join(copy.dir, 'templates'), { recursive: true });
      // Every meeting page fails (the partial is missing); the first of them is the one reported.
      writeFileSync(join(copy.dir, 'templates/meeting-notice.md.liquid'), "# {{ meeting.title }}\n\n{% include 'no-such-part' %}\n");
      writeFileSync(join(copy.dir, 'templates/meeting-minutes.md.liquid'), "# {{ meeting.title }}\n\n{% include 'no-such-part' %}\n");
      const broken = await environment(copy.dir);
      const one = await renderSite(broken, 'html').then(() => undefined, (error: unknown) => error as Error);
      expect(one?.message).toMatch(/The template meeting-(notice|minutes)\.md\.liquid could not be rendered/);
      const script = workerScript('nulls', "parentPort.on('message', (m) => { if (m.jobs) parentPort.postMessage({ start: m.start, pages: m.jobs.map(() => null) }); });");
      for (const options of [{ threads: 3, script }, { threads: 2, script: workerScript('dies', 'process.exit(1);') }]) {
        const many = await renderSite(broken, 'html', options).then(() => undefined, (error: unknown) => error as Error);
        expect(many?.constructor).toBe(one?.constructor);
        expect(many?.message).toBe(one?.message);
      }
    } finally {
      copy.cleanup();
    }
  });
});

describe('writePageFiles', () => {
  it('writes what writeOutputFile writes, and leaves no temporary file', async () => {
    const env = await environment(renderFixture);
    const { pages } = await renderSite(env, 'html');
    const fast = join(scratch, 'pages-fast');
    const slow = join(scratch, 'pages-slow');
    const paths = writePageFiles(fast, pages);
    for (const page of pages) await writeOutputFile(join(slow, page.fileName), page.content);
    expect(paths).toEqual(pages.map((p) => join(fast, p.fileName)));
    expect(filesOf(fast)).toEqual(filesOf(slow));
  });

  it('names a page it cannot write in a sentence, and leaves no temporary file', () => {
    const folder = join(scratch, 'pages-blocked');
    mkdirSync(join(folder, 'plan-x.html'), { recursive: true });
    expect(() => writePageFiles(folder, [{ fileName: 'index.html', content: 'a' }, { fileName: 'plan-x.html', content: 'b' }])).toThrow(/plan-x\.html: it is a folder/);
    expect(readdirSync(folder).sort()).toEqual(['index.html', 'plan-x.html']);
  });
});

describe('renderThreads', () => {
  it('takes a number as given, at least one; auto is one thread for a few pages, else one per core up to four', () => {
    expect(renderThreads(3, 10)).toBe(3);
    expect(renderThreads(0, 10_000)).toBe(1);
    expect(renderThreads('auto', 20)).toBe(1);
    expect(renderThreads('auto', 10_000)).toBe(Math.min(availableParallelism(), 4));
  });
});

/** Every file under `dir`, by its path inside it, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (at: string, rel: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path, name);
      else files.set(name, readFileSync(path));
    }
  };
  walk(dir, '');
  return files;
}

describe('render site --workers (the built CLI)', () => {
  type Variant = { lang: Lang; public: boolean; format: OutputFormat };
  // One variant per site, between them both languages, both formats, public and internal: each
  // spawned render takes seconds on a loaded machine, and the in-thread tests above cover every
  // workspace's pages as cloned jobs.
  const sites: Array<{ name: string; dir: string; asOf: string; variant: Variant }> = [
    { name: 'norra-bohuslan', dir: example('norra-bohuslan'), asOf: AS_OF, variant: { lang: 'sv', public: false, format: 'html' } },
    { name: 'generated', dir: generated, asOf: GENERATED_AS_OF, variant: { lang: 'en', public: true, format: 'md' } },
  ];
  const render = (dir: string, asOf: string, v: Variant, workers: string, out: string) =>
    runCli(['render', 'site', '-C', dir, '--as-of', asOf, '--lang', v.lang, '--format', v.format, ...(v.public ? ['--public'] : []), '--workers', workers, '--out', out]);

  it.each(sites)('writes the same files in $name with one and three threads', ({ name, dir, asOf, variant }) => {
    const outs = ['1', '3'].map((w) => ({ w, out: join(scratch, `site-${name}-${w}`) }));
    const runs = outs.map(({ w, out }) => render(dir, asOf, variant, w, out));
    expect(runs[0].code, runs[0].stderr).toBe(0);
    const one = filesOf(outs[0].out);
    expect(one.size).toBeGreaterThan(2);
    for (const [k, run] of runs.entries()) {
      // The report names the folder (whole, or relative to where the run began), which differs; the rest of it is the same.
      const report = (i: number) => runs[i].stderr.replaceAll(outs[i].out, 'OUT').replaceAll(`site-${name}-${outs[i].w}`, 'OUT');
      expect([run.code, run.stdout, report(k)]).toEqual([runs[0].code, runs[0].stdout, report(0)]);
      expect(filesOf(outs[k].out)).toEqual(one);
    }
  }, 120_000);

  it('fails as one thread does when a page cannot be rendered, and writes no site', { timeout: 60_000 }, () => {
    const copy = copyWorkspace(generated);
    try {
      mkdirSync(join(copy.dir, 'templates'), { recursive: true });
      // One plan in the middle of the site fails.
      writeFileSync(join(copy.dir, 'templates/plan.md.liquid'), "# {{ plan.title }}\n\n{% if plan.id == 'plan-0020' %}{% include 'no-such-part' %}{% endif %}\n");
      const v = sites[1].variant;
      const one = render(copy.dir, GENERATED_AS_OF, v, '1', join(copy.dir, 'out-1'));
      const three = render(copy.dir, GENERATED_AS_OF, v, '3', join(copy.dir, 'out-3'));
      expect(one.code).toBe(2);
      expect(one.stderr).toMatch(/plan\.md\.liquid could not be rendered/);
      expect(one.stderr).not.toMatch(/\n\s+at /);
      expect([three.code, three.stdout, three.stderr]).toEqual([one.code, one.stdout, one.stderr]);
      expect(existsSync(join(copy.dir, 'out-3'))).toBe(false);
    } finally {
      copy.cleanup();
    }
  });

  it('refuses a thread count that is not a number', () => {
    const r = runCli(['render', 'site', '-C', generated, '--workers', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/many/);
  });
});
