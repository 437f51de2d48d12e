/**
 * Swedish spellings of enum values (status: pågående, weekday: torsdag, role: ordförande) are
 * read as the English values where they name one; where a spelling could mean several, the
 * finding names the values to write. The schemas are the one list of spellings: the loader, the
 * editor schema and the flags' reading all follow them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/messages.js';
import { KINDS } from '../../src/model/index.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { ALIASES_KEYWORD, canonicalValue, enumAliases, normaliseAliases } from '../../src/schema/aliases.js';
import { combinedSchema, editorSchema, rawSchema, walkSchema } from '../../src/schema/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { brief, copyWorkspace, example, fixture } from '../helpers/workspaces.js';

const AS_OF = '2009-06-01';

const edit = (dir: string, file: string, find: string, replace: string) => {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(find)) throw new Error(`${find} is not in ${file}`);
  writeFileSync(path, text.replace(find, replace));
};

describe('the schemas list the Swedish spellings next to their enums', () => {
  it('every spelling stands for values of its own enum, and none is itself one of them', () => {
    let count = 0;
    for (const kind of [...KINDS, 'common'] as const) {
      walkSchema(rawSchema(kind), (node, pointer) => {
        const aliases = node[ALIASES_KEYWORD] as Record<string, string | string[]> | undefined;
        if (!aliases) return;
        const allowed = node.enum as string[];
        expect(allowed, `${kind}${pointer}`).toBeInstanceOf(Array);
        for (const [spelling, meaning] of Object.entries(aliases)) {
          count++;
          for (const value of [meaning].flat()) expect(allowed, `${kind}${pointer}: ${spelling}`).toContain(value);
          expect(allowed).not.toContain(spelling);
          if (Array.isArray(meaning)) expect(meaning.length, `${spelling} is ambiguous between at least two`).toBeGreaterThan(1);
        }
      });
    }
    expect(count).toBeGreaterThan(50);
  });

  it('reads a typed value for a field: a value, a spelling in any case, an ambiguous spelling, or nothing', () => {
    expect(canonicalValue('plan', 'actions[].status', 'ongoing')).toEqual({ value: 'ongoing' });
    expect(canonicalValue('plan', 'actions[].status', 'Pågående ')).toEqual({ value: 'ongoing' });
    expect(canonicalValue('plan', 'actions[].status', 'pågående'.normalize('NFD'))).toEqual({ value: 'ongoing' });
    expect(canonicalValue('plan', 'actions[].follow_up[].status', 'klar')).toEqual({ value: 'done' });
    expect(canonicalValue('plan', 'actions[].status', 'avslutad')).toEqual({ ambiguous: ['done', 'cancelled'] });
    expect(canonicalValue('plan', 'actions[].status', 'färdig-ish')).toBeUndefined();
    expect(canonicalValue('group', 'meetings.weekday', 'torsdag')).toEqual({ value: 'thursday' });
    expect(canonicalValue('group', 'members[].role', 'vice ordförande')).toEqual({ value: 'vice-chair' });
    expect(canonicalValue('group', 'type', 'ärendegrupp')).toEqual({ value: 'case' });
    expect(canonicalValue('group', 'no-such-field', 'x')).toBeUndefined();
    expect(enumAliases('group', 'members[].role').chair).toEqual(['ordförande']);
  });
});

describe('every example document written in Swedish', () => {
  it('reads back as the document itself: each value with a Swedish spelling, at every place it stands', async () => {
    let replaced = 0;
    for (const name of ['norra-bohuslan', 'soderhamn', 'dalarna', 'fyrbodal', 'trollhattan']) {
      const workspace = await loadWorkspace({ dir: example(name) });
      for (const doc of workspace.documents) {
        if (!doc.kind) continue;
        const kind = doc.kind;
        const swedish = structuredClone(doc.data);
        // Each value the schema has a Swedish spelling for is written in it, capitalised as in a sentence.
        const swap = (value: unknown, path: string): unknown => {
          if (Array.isArray(value)) return value.map((v) => swap(v, `${path}[]`));
          if (value && typeof value === 'object') {
            for (const [key, v] of Object.entries(value)) (value as Record<string, unknown>)[key] = swap(v, path ? `${path}.${key}` : key);
            return value;
          }
          if (typeof value !== 'string' || !path) return value;
          const spelling = enumAliases(kind, path)[value]?.[0];
          if (!spelling) return value;
          replaced++;
          return spelling[0].toUpperCase() + spelling.slice(1);
        };
        swap(swedish, '');
        normaliseAliases(kind, swedish);
        expect(swedish, `${name}: ${doc.file.rel}`).toEqual(doc.data);
      }
    }
    expect(replaced).toBeGreaterThan(100);
  });
});

describe('a workspace written with Swedish values', () => {
  it('loads them as the English values, and validate finds nothing', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      edit(dir, 'plans/plan.yaml', 'status: ongoing', 'status: pågående');
      edit(dir, 'groups/styrgrupp.yaml', 'type: steering', 'type: styrgrupp');
      edit(dir, 'groups/styrgrupp.yaml', 'weekday: thursday', 'weekday: Torsdag');
      edit(dir, 'groups/styrgrupp.yaml', 'role: chair', 'role: ordförande');
      edit(dir, 'groups/styrgrupp.yaml', 'role: secretary', 'role: sekreterare');
      edit(dir, 'groups/styrgrupp.yaml', 'type: information', 'type: informationsärende');
      const workspace = await loadWorkspace({ dir });
      const { findings } = await checkWorkspace(workspace, { asOf: AS_OF });
      expect(brief(findings, dir)).toEqual([]);
      const group = workspace.index.groups.get('styrgrupp')!.value as {
        type: string;
        meetings: { weekday: string };
        members: Array<{ role: string }>;
        standing_items: Array<{ type: string }>;
      };
      expect([group.type, group.meetings.weekday, group.members.map((m) => m.role), group.standing_items[0].type]).toEqual([
        'steering',
        'thursday',
        ['chair', 'member', 'secretary'],
        'information',
      ]);
      const plan = workspace.documents.find((d) => d.kind === 'plan')!.data as { actions: Array<{ status?: string }> };
      expect(plan.actions.map((a) => a.status)).toContain('ongoing');
      expect(plan.actions.map((a) => a.status)).not.toContain('pågående');
    } finally {
      cleanup();
    }
  });

  it('names the values to write for a spelling that could mean several, in Swedish and English', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      edit(dir, 'plans/plan.yaml', 'status: ongoing', 'status: avslutad');
      for (const [lang, words] of [
        ['sv', /"avslutad" kan betyda både "done" och "cancelled", så det går inte att veta vilket som avses\. Skriv "done" eller "cancelled"\./],
        ['en', /"avslutad" could mean "done" and "cancelled", so which one is meant cannot be known\. Write "done" or "cancelled"\./],
      ] as const) {
        setLanguage(lang);
        const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: AS_OF, lang } as never);
        const enumFinding = findings.filter((f) => f.ruleId === 'schema/enum');
        expect(enumFinding).toHaveLength(1);
        expect(enumFinding[0].line).toBe(26);
        expect(enumFinding[0].message).toMatch(words);
      }
    } finally {
      setLanguage('en');
      cleanup();
    }
  });
});

describe('a misspelt value', () => {
  it('is offered the closest value or Swedish spelling, with the value a spelling stands for', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      edit(dir, 'plans/plan.yaml', 'status: ongoing', 'status: pågånde');
      edit(dir, 'groups/styrgrupp.yaml', 'weekday: thursday', 'weekday: thursdy');
      for (const [lang, swedishGuess, englishGuess] of [
        ['en', 'Did you mean "pågående" (ongoing)?', 'Did you mean "thursday"?'],
        ['sv', 'Menade du "pågående" (ongoing)?', 'Menade du "thursday"?'],
      ] as const) {
        setLanguage(lang);
        const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: AS_OF, lang } as never);
        const messages = findings.filter((f) => f.ruleId === 'schema/enum').map((f) => f.message);
        expect(messages).toHaveLength(2);
        expect(messages.find((m) => m.includes('pågånde'))).toContain(swedishGuess);
        expect(messages.find((m) => m.includes('thursdy'))).toContain(englishGuess);
      }
    } finally {
      setLanguage('en');
      cleanup();
    }
  });
});

describe('the schemas written for editors', () => {
  // A fresh validator each: the combined schema embeds each kind's schema under the same $id.
  const ajv = () => new Ajv({ strict: false, allErrors: true });

  it('take the unambiguous spellings and still refuse the ambiguous ones and typos', () => {
    const validate = ajv().compile(editorSchema('plan', 'sv'));
    const plan = (status: string) => ({
      kind: 'plan',
      id: 'p',
      title: 'Handlingsplan',
      owner: 'styrgrupp',
      period: { start: '2009-01-01', end: '2009-12-31' },
      goals: [{ id: 'g', title: 'Mål' }],
      actions: [{ id: 'a1', title: 'Åtgärd', responsible: 'alfa', due: '2009-12-31', status, follow_up: [{ date: '2009-02-01', status }] }],
    });
    expect(validate(plan('ongoing')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(plan('pågående')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(plan('avslutad'))).toBe(false);
    expect(validate(plan('pågånde'))).toBe(false);
    expect(JSON.stringify(editorSchema('plan', 'sv'))).not.toContain(ALIASES_KEYWORD);
  });

  it('the combined schema takes them too (kind: group with torsdag, ordförande, styrgrupp)', () => {
    const validate = ajv().compile(combinedSchema('en'));
    const group = {
      kind: 'group',
      id: 'styrgrupp',
      name: 'Styrgruppen',
      type: 'styrgrupp',
      meetings: { cadence: 'every 6 weeks', weekday: 'torsdag' },
      members: [{ person: 'samordnare', role: 'ordförande' }],
    };
    expect(validate(group), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...group, type: 'styrgruppen-x' })).toBe(false);
  });
});
