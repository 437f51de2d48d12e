/**
 * A worker thread of the loader (load.ts parseTexts): takes files off the shared counter and
 * answers for each (fast-parse.ts parseShare). Only the worker loads this file; the loading thread
 * and the tests reach parseShare through fast-parse.ts.
 */
import { parentPort } from 'node:worker_threads';
import { parseShare, type ParseJob } from './fast-parse.js';

parentPort?.once('message', (job: ParseJob) => parseShare(job, (answer) => parentPort?.postMessage(answer)));
