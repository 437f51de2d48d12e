/**
 * A worker thread of the loader (load.ts parseTexts): runs the fast parse on the texts it is sent
 * and sends back each one's data, or null where the file must take the slow path.
 */
import { parentPort } from 'node:worker_threads';
import { fastParse } from './fast-parse.js';

parentPort?.once('message', (texts: string[]) => {
  parentPort?.postMessage(texts.map((text) => fastParse(text) ?? null));
});
