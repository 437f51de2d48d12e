/**
 * Every constraint of every schema has words a coordinator understands, in Swedish and English,
 * and those words are what validate and the editor show: never ajv's or yaml-language-server's
 * "must match pattern ^[a-z0-9]…".
 */
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/model/index.js';
import { editorSchema, rawSchema, validatorFor, walkSchema } from '../../src/schema/index.js';
import { CONSTRAINT_KEYWORDS, MESSAGE_KEYWORD, constraintRule, constraintsOf, type ConstraintKeyword } from '../../src/schema/messages.js';
import { translate } from '../../src/rules/schema.js';

/** Keywords that would constrain a value but that messages.ts does not explain yet: a schema must not use them. */
const UNEXPLAINED = ['multipleOf', 'maxProperties', 'minProperties', 'propertyNames', 'contains', 'dependencies', 'dependentRequired', 'not', 'if'];

/** Text that looks like a regular expression or a JSON pointer rather than words. */
const MACHINE_TEXT = /\^\[|\]\{|\$\)|\(\?|#\/definitions/;

const SOURCES = ['common', ...KINDS] as const;

describe('messages for every schema constraint', () => {
  it('exist in Swedish and English for every constraint of every schema, and read as words', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const source of SOURCES) {
      walkSchema(rawSchema(source), (node, pointer) => {
        for (const keyword of UNEXPLAINED) if (keyword in node) missing.push(`${source}${pointer}: ${keyword} has no words in src/schema/messages.ts`);
        for (const keyword of constraintsOf(node)) {
          checked++;
          const sv = constraintRule(node, keyword, 'sv');
          const en = constraintRule(node, keyword, 'en');
          if (!sv || !en) {
            missing.push(`${source}${pointer}: ${keyword} has no message${keyword === 'pattern' ? ` (add "${MESSAGE_KEYWORD}": { "sv": "…", "en": "…" } next to it)` : ''}`);
            continue;
          }
          if (sv === en) missing.push(`${source}${pointer}: ${keyword} says the same in both languages: ${sv}`);
          for (const text of [sv, en]) if (MACHINE_TEXT.test(text)) missing.push(`${source}${pointer}: ${keyword} shows machine text: ${text}`);
        }
        const own = node[MESSAGE_KEYWORD] as Record<string, unknown> | undefined;
        if (own !== undefined && (typeof own.sv !== 'string' || typeof own.en !== 'string' || Object.keys(own).length !== 2)) {
          missing.push(`${source}${pointer}: ${MESSAGE_KEYWORD} must have exactly "sv" and "en"`);
        }
      });
    }
    expect(missing).toEqual([]);
    // Each schema has dozens of constraints; a walk that found few would prove nothing.
    expect(checked).toBeGreaterThan(200);
  });

  it('every constraint keyword has words, even those no schema uses yet', () => {
    const node = { type: 'integer', minimum: 1, maximum: 9, exclusiveMinimum: 0, exclusiveMaximum: 10, minLength: 2, maxLength: 9, minItems: 1, maxItems: 3, uniqueItems: true, enum: [1, 2], const: 1, pattern: '^x$', [MESSAGE_KEYWORD]: { sv: 'Skriv x.', en: 'Write x.' }, format: 'date', required: ['a'], additionalProperties: false, properties: { a: {} } };
    for (const keyword of CONSTRAINT_KEYWORDS) {
      for (const lang of ['sv', 'en'] as const) expect(constraintRule(node, keyword as ConstraintKeyword, lang), `${keyword} ${lang}`).toMatch(/\w/);
    }
  });

  it('are the errorMessage of every constrained node of the schemas written for editors, in the chosen language', () => {
    for (const kind of KINDS) {
      for (const lang of ['sv', 'en'] as const) {
        const schema = editorSchema(kind, lang);
        expect(JSON.stringify(schema)).not.toContain(MESSAGE_KEYWORD);
        walkSchema(schema, (node, pointer) => {
          if (constraintsOf(node).length > 0) expect(typeof node.errorMessage, `${kind} ${lang} ${pointer}`).toBe('string');
        });
      }
    }
    const id = editorSchema('group', 'sv').definitions as Record<string, { errorMessage: string }>;
    expect(id.id.errorMessage).toBe('Ett id skrivs med små bokstäver a–z, siffror och bindestreck, börjar med en bokstav eller siffra och har högst 64 tecken, till exempel styrgrupp-nb.');
    expect((editorSchema('group', 'en').definitions as typeof id).id.errorMessage).toMatch(/^An id is written in lower-case letters/);
  });
});

describe('validate\'s schema findings', () => {
  /** The findings' words for a group document, in both languages. */
  async function findings(data: Record<string, unknown>): Promise<Record<'sv' | 'en', string[]>> {
    const validate = await validatorFor('group');
    expect(validate(data)).toBe(false);
    const errors = validate.errors ?? [];
    return { sv: errors.map((e) => translate(e, 'sv').message), en: errors.map((e) => translate(e, 'en').message) };
  }
  const group = { kind: 'group', id: 'styrgrupp', name: 'Styrgruppen', type: 'steering', members: [{ person: 'samordnare', role: 'chair' }] };

  it('explain a pattern with the schema\'s words, not the regular expression', async () => {
    const { sv, en } = await findings({ ...group, id: 'Styrgrupp 1' });
    expect(sv).toContain('"id" är texten "Styrgrupp 1". Ett id skrivs med små bokstäver a–z, siffror och bindestreck, börjar med en bokstav eller siffra och har högst 64 tecken, till exempel styrgrupp-nb.');
    expect(en).toContain('"id" is the text "Styrgrupp 1". An id is written in lower-case letters a–z, digits and hyphens, starts with a letter or digit and has at most 64 characters, for example styrgrupp-nb.');
    for (const text of [...sv, ...en]) expect(text).not.toMatch(MACHINE_TEXT);
  });

  it('say in Swedish what is missing, unknown, of the wrong type or not an allowed value', async () => {
    // styrgrupp is a Swedish spelling of steering, read as such when a file loads; ledningsgrupp is none.
    const { sv } = await findings({ kind: 'group', id: 'styrgrupp', type: 'ledningsgrupp', members: 'alla', syfte: 'x' });
    expect(sv).toEqual(
      expect.arrayContaining([
        'Dokumentet saknar "name". Lägg till name: med ett värde.',
        expect.stringMatching(/^"syfte" är inte en nyckel som hör hemma här\. Nycklarna som hör hemma här är "kind", "id", .* och "/),
        '"type" är texten "ledningsgrupp", som inte är ett av de tillåtna värdena "steering", "working", "case", "reference", "coordination", "network" eller "resource-team".',
        '"members" ska vara en lista (rader som börjar med "- "), inte texten "alla".',
      ]),
    );
  });
});
