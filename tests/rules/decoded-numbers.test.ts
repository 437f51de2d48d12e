/**
 * privacy/identity-number searches a file's decoded values one by one only when the file's text
 * could give one a number (decodedMayHoldNumber): a value with a number in a file the shortcut
 * passes would be a number nobody is told about. Generated files hide numbers in escapes, folds,
 * hex, octal and exponents; whenever a decoded value holds one, the shortcut must say it may.
 */
import fc from 'fast-check';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodedMayHoldNumber, findIdentityNumbers } from '../../src/rules/identity-numbers.js';

/** Every string and number value (keys too) YAML decodes from `text`, or undefined if it is not YAML. */
function decodedValues(text: string): string[] | undefined {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  if (docs.some((d) => d.errors.length > 0)) return undefined;
  const values: string[] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_k, node) {
        if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) values.push(String(node.value));
      },
    });
  }
  return values;
}

describe('decodedMayHoldNumber', () => {
  it('says a file may hold a number whenever one of its decoded values does', () => {
    // Pieces of 19121212-1212 (a valid test number) and of other digit runs, written every way YAML allows.
    const piece = fc.constantFrom(
      '1912', '1212', '-1212', '191212', '12121212', '19121212-1212', '121212', ' ', '-', '\\x31', '\\u0031', '\\x2D', '\\\n  ', '\n  ', '\n\n  ',
      '0x', '0o', 'e9', 'e+9', '.', '8.501011234', '85010.12349', 'ab', '１９', '\u00ad', '\u2013',
    );
    const scalar = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    const text = fc.tuple(scalar, fc.constantFrom('plain', 'double', 'single', 'folded', 'literal')).map(([value, style]) => {
      const indented = value.replace(/\n(?! )/g, '\n  ');
      if (style === 'double') return `a: "${indented}"\n`;
      if (style === 'single') return `a: '${indented.replace(/'/g, "''")}'\n`;
      if (style === 'folded') return `a: >\n  ${indented}\n`;
      if (style === 'literal') return `a: |\n  ${indented}\n`;
      return `a: ${indented}\n`;
    });
    let holding = 0;
    fc.assert(
      fc.property(text, (t) => {
        const values = decodedValues(t);
        if (!values) return;
        if (values.some((v) => findIdentityNumbers(v).length > 0)) {
          holding++;
          expect(decodedMayHoldNumber(t), JSON.stringify(t)).toBe(true);
        }
      }),
      { numRuns: 4000, seed: 13 },
    );
    expect(holding).toBeGreaterThan(20);
  });

  it('passes a file of plain text, dates and short numbers, and stops at a number written in hex', () => {
    expect(decodedMayHoldNumber('kind: plan\nid: p\nperiod: {start: 2024-01-01, end: 2026-12-31}\nprogress: 35\ntitle: Åtgärd – möte\n')).toBe(false);
    expect(decodedMayHoldNumber('a: 0x1FAB2C3D4\n')).toBe(true);
    expect(decodedMayHoldNumber('a: "19121212\\u002D1212"\n')).toBe(true);
    expect(decodedMayHoldNumber('a: １９１２１２１２-１２１２\n')).toBe(true);
  });
});
