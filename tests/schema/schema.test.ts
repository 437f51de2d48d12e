import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KINDS } from '../../src/model/index.js';
import { bundledSchema, validatorFor } from '../../src/schema/index.js';
import { generateTypes } from '../../scripts/types-from-schemas.js';
import { repoRoot } from '../helpers/workspaces.js';

const designPath = join(repoRoot, '../shared/DESIGN.md');

describe('the JSON Schemas', () => {
  it('generate the committed TypeScript types (run npm run gen:types after changing a schema)', async () => {
    const committed = readFileSync(join(repoRoot, 'src/model/types.generated.ts'), 'utf8');
    expect(await generateTypes()).toBe(committed);
  });

  it('bundle into self-contained schemas that a fresh validator compiles without the shared file', () => {
    for (const kind of KINDS) {
      const ajv = new Ajv.default({ strict: true, allowUnionTypes: true });
      addFormats.default(ajv);
      const schema = bundledSchema(kind);
      expect(JSON.stringify(schema)).not.toContain('common.schema.json');
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  // The examples of DESIGN.md §4 are the reference for the format: every field they show must be accepted.
  it.skipIf(!existsSync(designPath))('accept every example document of DESIGN.md §4, field for field', async () => {
    const design = readFileSync(designPath, 'utf8');
    const section = design.slice(design.indexOf('## 4. Documents'), design.indexOf('## 5.'));
    const blocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(blocks.length).toBe(KINDS.length);
    for (const block of blocks) {
      // Some examples elide long texts as "..."; those stay strings and are valid.
      const data = parse(block) as { kind: (typeof KINDS)[number] };
      const validate = await validatorFor(data.kind);
      const ok = validate(data);
      expect({ kind: data.kind, errors: ok ? [] : validate.errors?.map((e) => `${e.instancePath} ${e.message}`) }).toEqual({ kind: data.kind, errors: [] });
    }
  });
});
