/**
 * A worker thread of the loader (load.ts parseTexts): takes files off the shared counter and
 * answers for each (fast-parse.ts parseShare). Only the worker loads this file; the loading thread
 * and the tests reach parseShare through fast-parse.ts.
 */
import { parentPort } from 'node:worker_threads';
import { parseShare, type ParseJob } from './fast-parse.js';

// The loader sends a job for each batch of files it has read; they are taken in the order they come.
parentPort?.on('message', (job: ParseJob) => parseShare(job, (answer) => parentPort?.postMessage(answer)));
