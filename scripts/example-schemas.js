#!/usr/bin/env node
// Writes plans/<example>/.schemas: the schemas `samverkan schema --write` writes (src/schema, built
// into dist/), in each example's language, so that the modelines of the example files resolve in an
// editor. A test fails when a folder is out of date: run `npm run build && node
// scripts/example-schemas.js` after changing a schema.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const plans = fileURLToPath(new URL('../plans/', import.meta.url));
const { schemaFiles } = await import('../dist/schema/index.js');
const { SCHEMA_FOLDER } = await import('../dist/workspace/modeline.js');

for (const example of readdirSync(plans, { withFileTypes: true }).filter((e) => e.isDirectory())) {
  const root = join(plans, example.name);
  const language = parse(readFileSync(join(root, 'samverkan.yaml'), 'utf8'))?.language === 'en' ? 'en' : 'sv';
  const dir = join(root, SCHEMA_FOLDER);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of schemaFiles(language)) writeFileSync(join(dir, name), text);
  console.log(`wrote ${dir} (${language})`);
}
