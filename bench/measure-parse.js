// Child process of the benchmark: the baseline. Reads every YAML file of the workspace and parses
// it with the yaml package alone (the same options validate uses), printing wall time and peak memory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LineCounter, parseAllDocuments } from 'yaml';
const [dir] = process.argv.slice(2);
const t0 = performance.now();
const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
let docs = 0;
for (const file of files) {
  const lineCounter = new LineCounter();
  for (const doc of parseAllDocuments(await readFile(file, 'utf8'), { lineCounter })) {
    doc.toJS({ maxAliasCount: 100 });
    docs++;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, fileCount: files.length, docs }));
