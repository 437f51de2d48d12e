/**
 * Rendering many pages on several cores. This thread builds every page's job (the view models
 * need the loaded, checked workspace, which exists here only) and hands chunks of jobs to worker
 * threads, which render them with the same renderPage (render-page.ts); it renders chunks itself
 * while the workers are busy. Pages come back by their place in the list, so the result is in
 * the same order, and the same, with any number of threads.
 *
 * Whatever goes wrong in a worker is settled here, so the outcome is that of one thread: a page a
 * worker could not render is rendered again here (its error, said in the user's language, is the
 * error), and the chunks of a worker that died or could not be started are rendered here. Of
 * several failing pages, the error is the first one's, as in one thread. From the sources (tests)
 * there is no worker script, and every page is rendered here.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderPage, type PageJob, type PageRenderer, type PageSettings, type RenderedDocument } from './render-page.js';

/** What this thread sends a worker: first the settings, then chunks of jobs. */
export type WorkerRequest = { settings: PageSettings } | { start: number; jobs: PageJob[] };
/** A worker's answer to a chunk: each page, or null for one it could not render. */
export interface WorkerReply {
  start: number;
  pages: Array<RenderedDocument | null>;
}

/** Threads to render with: a number (this one included), or 'auto'. */
export type ThreadCount = number | 'auto';

/**
 * From this many pages 'auto' uses worker threads. A worker takes some 100 ms of a core to start
 * and load the templates; a page takes a few milliseconds, so a few dozen pages pay for it.
 */
const AUTO_THREADS_FROM = 100;
/** 'auto' uses at most this many threads: past it, sending jobs and taking back pages costs this thread more than it saves. */
const AUTO_MAX_THREADS = 4;
/** Pages in a chunk sent to a worker: enough to keep a message's overhead small, few enough to share the pages out evenly. */
const WORKER_CHUNK = 16;
/** Chunks a worker holds at once, so it never waits for this thread, which is building jobs or rendering. */
const WORKER_DEPTH = 3;
/** Pages this thread renders between looking after the workers. */
const OWN_CHUNK = 4;

/**
 * The number of threads `requested` means for `pages` pages on this machine: 'auto' is one per
 * core, whatever the load. The pages are shared out as they go, so a worker the machine gives
 * little time to takes few of them. Measured on 2 idle cores, the 1,000-plan site: about 4.1 s
 * with two threads against 4.75 s with one (one thread already keeps part of the second core
 * busy with V8's compiler and garbage collector, and a worker costs some 0.8 s of CPU).
 */
export function renderThreads(requested: ThreadCount, pages: number): number {
  if (requested !== 'auto') return Math.max(1, Math.floor(requested));
  if (pages < AUTO_THREADS_FROM) return 1;
  return Math.max(1, Math.min(availableParallelism(), AUTO_MAX_THREADS));
}

const WORKER_SCRIPT = new URL('./render-worker.js', import.meta.url);

interface Chunk {
  start: number;
  jobs: PageJob[];
}

interface Helper {
  worker: Worker;
  /** The chunks sent and not answered yet, oldest first. */
  pending: Chunk[];
  alive: boolean;
}

export interface RenderPagesOptions {
  /** Threads, this one included (default 1). */
  threads?: ThreadCount;
  /** The worker script; the built render-worker.js unless given (tests give one). */
  script?: URL;
  /** Workers started ahead with startRenderWorkers, used before any new one is started. */
  started?: StartedWorkers;
}

/** Worker threads started before the pages are known; renderPages takes them over, or close() ends them. */
export interface StartedWorkers {
  take(): Worker | undefined;
  close(): Promise<void>;
}

function workerScriptUsable(script: URL): boolean {
  return script.protocol === 'file:' && script.pathname.endsWith('.js') && existsSync(fileURLToPath(script));
}

/**
 * Starts the worker threads a render of many pages would use (one per core for 'auto'), so
 * that loading their modules overlaps the loading of the workspace, which takes one core. They
 * hold the process open only once renderPages takes them; whatever it does not take, close() ends.
 */
export function startRenderWorkers(threads: ThreadCount, script: URL = WORKER_SCRIPT): StartedWorkers {
  const workers: Worker[] = [];
  if (workerScriptUsable(script)) {
    for (let w = 1; w < renderThreads(threads, Number.POSITIVE_INFINITY); w++) {
      try {
        const worker = new Worker(script);
        // Until taken: one that dies now is simply not there to take.
        worker.on('error', () => undefined);
        worker.once('exit', () => {
          const at = workers.indexOf(worker);
          if (at >= 0) workers.splice(at, 1);
        });
        worker.unref();
        workers.push(worker);
      } catch {
        break;
      }
    }
  }
  return {
    take: () => workers.shift(),
    close: async () => {
      await Promise.all(workers.splice(0).map((w) => w.terminate()));
    },
  };
}

/**
 * Renders the pages whose jobs `jobOf(0)`…`jobOf(count - 1)` makes, in that order. Jobs are built
 * in order, in this thread, as the pages are handed out; a job that cannot be built fails as its
 * page would.
 */
export async function renderPages(renderer: PageRenderer, count: number, jobOf: (i: number) => PageJob, options: RenderPagesOptions = {}): Promise<RenderedDocument[]> {
  const script = options.script ?? WORKER_SCRIPT;
  const threads = renderThreads(options.threads ?? 1, count);
  const usable = workerScriptUsable(script);
  const results: Array<RenderedDocument | undefined> = new Array(count);
  // The first page known to fail, and its error: no page after it is needed any more.
  let failed: { at: number; error: unknown } | undefined;
  let next = 0;
  const redo: Chunk[] = [];
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };

  const fail = (at: number, error: unknown) => {
    if (!failed || at < failed.at) failed = { at, error };
  };
  const limit = () => (failed ? failed.at : count);
  /** The next chunk of jobs, built here; one whose job cannot be built ends just before it. */
  const build = (size: number): Chunk | undefined => {
    const start = next;
    const end = Math.min(start + size, limit());
    const jobs: PageJob[] = [];
    for (; next < end; next++) {
      try {
        jobs.push(jobOf(next));
      } catch (error) {
        fail(next, error);
        break;
      }
    }
    return jobs.length > 0 ? { start, jobs } : undefined;
  };
  const renderHere = async (chunk: Chunk) => {
    for (const [k, job] of chunk.jobs.entries()) {
      const at = chunk.start + k;
      if (at >= limit()) return;
      try {
        results[at] = await renderPage(renderer, job);
      } catch (error) {
        fail(at, error);
      }
    }
  };

  const helpers: Helper[] = [];
  const lose = (helper: Helper) => {
    if (!helper.alive) return;
    helper.alive = false;
    redo.push(...helper.pending.splice(0));
    void helper.worker.terminate();
    poke();
  };
  const answer = (helper: Helper, reply: WorkerReply) => {
    const i = helper.pending.findIndex((c) => c.start === reply.start);
    if (i < 0 || !Array.isArray(reply.pages) || reply.pages.length !== helper.pending[i].jobs.length) {
      lose(helper);
      return;
    }
    const [chunk] = helper.pending.splice(i, 1);
    // A page the worker could not render is rendered here: its error is then this thread's own.
    const again: Chunk[] = [];
    reply.pages.forEach((page, k) => {
      if (page) results[chunk.start + k] = page;
      else again.push({ start: chunk.start + k, jobs: [chunk.jobs[k]] });
    });
    redo.push(...again);
    poke();
  };
  if (usable || options.started) {
    for (let w = 1; w < threads; w++) {
      let worker: Worker | undefined;
      try {
        worker = options.started?.take() ?? (usable ? new Worker(script) : undefined);
        if (!worker) break;
        worker.ref();
        const helper: Helper = { worker, pending: [], alive: true };
        worker.on('message', (reply: WorkerReply) => answer(helper, reply));
        worker.on('error', () => lose(helper));
        worker.on('messageerror', () => lose(helper));
        worker.on('exit', () => lose(helper));
        worker.postMessage({ settings: renderer.settings } satisfies WorkerRequest);
        helpers.push(helper);
      } catch {
        // Without it the pages are rendered here; a worker left running would keep the process open.
        void worker?.terminate();
        break;
      }
    }
  }
  const feed = () => {
    for (const helper of helpers) {
      while (helper.alive && helper.pending.length < WORKER_DEPTH) {
        const chunk = build(WORKER_CHUNK);
        if (!chunk) return;
        try {
          helper.worker.postMessage({ start: chunk.start, jobs: chunk.jobs } satisfies WorkerRequest);
          helper.pending.push(chunk);
        } catch {
          // A job that cannot be sent (it should always be plain data) is rendered here.
          redo.push(chunk);
          lose(helper);
        }
      }
    }
  };

  try {
    for (;;) {
      feed();
      const chunk = redo.shift() ?? build(OWN_CHUNK);
      if (chunk) {
        await renderHere(chunk);
        // Lets the workers' answers in before the next chunk.
        if (helpers.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      const waiting = helpers.filter((h) => h.alive && h.pending.some((c) => c.start < limit()));
      if (waiting.length === 0) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    await options.started?.close();
    await Promise.all(helpers.map((h) => {
      h.alive = false;
      return h.worker.terminate();
    }));
  }
  if (failed) throw failed.error;
  return results as RenderedDocument[];
}
