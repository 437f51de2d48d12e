/**
 * Whatever slip breaks a real file (a space more or less, a tab, a lost colon, quote, bracket or
 * dash, a line doubled), the YAML findings are said in whole sentences in both languages: never a
 * crash, never a placeholder left unfilled, never the parser's English in the Swedish text, and
 * always at a line of the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/workspace/load.js';
import { example } from '../helpers/workspaces.js';

const FILES = ['people.yaml', 'groups/styrgrupp-nb.yaml', 'plans/projektplan-nb.yaml'].map((rel) => ({
  rel,
  text: readFileSync(join(example('norra-bohuslan'), rel), 'utf8'),
}));

/** One slip a person makes while typing, at a line and a column of it. */
const SLIPS = [
  (line: string, at: number) => `${line.slice(0, at)} ${line.slice(at)}`,
  (line: string, at: number) => line.slice(0, at) + line.slice(at + 1),
  (line: string) => `\t${line.trimStart()}`,
  (line: string) => line.replace(':', ''),
  (line: string) => line.replace(/: /, ': "'),
  (line: string) => line.replace(/: /, ': ['),
  (line: string) => line.replace('- ', '-'),
  (line: string) => `  ${line}`,
  (line: string) => `${line}\n${line}`,
];

describe('YAML findings after any slip in a real file', () => {
  it('are whole sentences in both languages at a line of the file', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.nat(),
        fc.nat(200),
        fc.integer({ min: 0, max: SLIPS.length - 1 }),
        ({ rel, text }, lineSeed, column, slip) => {
          const lines = text.split('\n');
          const at = lineSeed % lines.length;
          lines[at] = SLIPS[slip](lines[at], Math.min(column, lines[at].length));
          const broken = lines.join('\n');
          const { problems } = parseSource(`/w/${rel}`, rel, broken);
          const lineCount = broken.split('\n').length;
          for (const p of problems.filter((q) => q.ruleId.startsWith('yaml/'))) {
            expect(p.span.line).toBeGreaterThanOrEqual(1);
            expect(p.span.line).toBeLessThanOrEqual(lineCount);
            for (const words of [p.said?.sv, p.said?.en]) {
              expect(words).toBeTypeOf('string');
              expect(words).not.toMatch(/\{[A-Za-z_]+\}|undefined|NaN/);
            }
            expect(p.said!.sv).not.toMatch(/\b(the|is|not|line|must|Nested|Implicit|Unexpected)\b/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
