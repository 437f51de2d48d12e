#!/usr/bin/env node
// Generates src/model/types.generated.ts from the JSON Schemas, so the schemas stay the single
// source of truth for the file format. Run `npm run gen:types` after changing a schema; a test
// fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './types-from-schemas.js';

const target = fileURLToPath(new URL('../src/model/types.generated.ts', import.meta.url));
writeFileSync(target, await generateTypes());
console.log(`wrote ${target}`);
