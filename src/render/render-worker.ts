/**
 * A worker thread of renderPages (render-workers.ts): given the settings, then chunks of page
 * jobs, it renders each with renderPage and sends the pages back, null for a page it could not
 * render (the main thread renders that one again, and its error is the one the user sees).
 */
import { parentPort } from 'node:worker_threads';
import { createPageRenderer, renderPage, type PageRenderer } from './render-page.js';
import type { WorkerReply, WorkerRequest } from './render-workers.js';

let renderer: PageRenderer | undefined;
// One chunk at a time, in the order sent: a page may wait for the charts' modules to load.
let queue = Promise.resolve();

parentPort?.on('message', (request: WorkerRequest) => {
  queue = queue.then(async () => {
    if ('settings' in request) {
      renderer = createPageRenderer(request.settings);
      return;
    }
    const pages: WorkerReply['pages'] = [];
    for (const job of request.jobs) pages.push(renderer ? await renderPage(renderer, job).catch(() => null) : null);
    parentPort?.postMessage({ start: request.start, pages } satisfies WorkerReply);
  });
});
