/**
 * The rules speak Swedish and English: every rule's descriptions and messages exist in both with
 * the same placeholders, every message id a rule module reports (read from its source) is one its
 * rule has, every message a rule has is reported somewhere, and findings are said in the language
 * the check runs in.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { placeholders, setLanguage, type Lang } from '../../src/i18n/messages.js';
import { checkWorkspace, findingMessage } from '../../src/rules/check-workspace.js';
import { EXAMPLE_AS_OF } from '../../src/rules/docs.js';
import { RULES, ruleById } from '../../src/rules/registry.js';
import { didYouMean, orList } from '../../src/rules/words.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const RULES_DIR = join(repoRoot, 'src/rules');
const LANGS: Lang[] = ['sv', 'en'];

/** A call that reports a finding: `report`/`reportAt` of a context, or a module's own helper that passes both on. */
const REPORTERS: Record<string, { rule: number; message: number }> = {
  report: { rule: 0, message: 3 },
  reportAt: { rule: 0, message: 3 },
  reportOn: { rule: 1, message: 4 },
};

interface ReportCall {
  file: string;
  line: number;
  /** The rule ids the call can report, or undefined when the source does not say. */
  rules?: string[];
  messages?: string[];
}

/** The string values an expression can have, read from the source: literals, `a ? 'x' : 'y'`, and consts. */
function literalValues(node: ts.Expression, consts: Map<string, string>): string[] | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return literalValues(node.expression, consts);
  if (ts.isConditionalExpression(node)) {
    const a = literalValues(node.whenTrue, consts);
    const b = literalValues(node.whenFalse, consts);
    return a && b ? [...a, ...b] : undefined;
  }
  if (ts.isIdentifier(node) && consts.has(node.text)) return [consts.get(node.text)!];
  return undefined;
}

/** Every call that reports a finding in one rule module, and every string literal outside its rule table. */
function readModule(file: string): { calls: ReportCall[]; literals: Set<string> } {
  const text = readFileSync(join(RULES_DIR, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const consts = new Map<string, string>();
  const calls: ReportCall[] = [];
  const literals = new Set<string>();
  const visit = (node: ts.Node, inTable: boolean): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isStringLiteral(node.initializer)) {
      consts.set(node.name.text, node.initializer.text);
    }
    // The rule table (`rules: [...]`) holds the messages; what the checks say is outside it.
    const table = inTable || (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'rules');
    if (!table && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) literals.add(node.text);
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      const at = name !== undefined ? REPORTERS[name] : undefined;
      if (at && node.arguments.length > at.message) {
        calls.push({
          file,
          line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          rules: literalValues(node.arguments[at.rule], consts),
          messages: literalValues(node.arguments[at.message], consts),
        });
      }
    }
    ts.forEachChild(node, (child) => visit(child, table));
  };
  visit(source, false);
  return { calls, literals };
}

/** The rule modules: the files of src/rules that define rules (`defineRules`). */
const moduleFiles = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && /defineRules\(\{/.test(readFileSync(join(RULES_DIR, f), 'utf8')));

/** The rules a module file defines, read from the registry by the ids written in the file. */
function rulesOf(file: string): string[] {
  const text = readFileSync(join(RULES_DIR, file), 'utf8');
  const consts = new Map([...text.matchAll(/const (\w+) = '([^']+)'/g)].map((m) => [m[1], m[2]]));
  return [...text.matchAll(/^\s+id: (?:'([^']+)'|(\w+)),$/gm)].map((m) => m[1] ?? consts.get(m[2])!).filter((id) => ruleById(id) !== undefined);
}

describe('rule messages', () => {
  afterEach(() => setLanguage('en'));

  it('finds the rule modules and every rule in them', () => {
    expect(moduleFiles.length).toBeGreaterThanOrEqual(15);
    expect(moduleFiles.flatMap(rulesOf).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  it('describes every rule in Swedish and English', () => {
    for (const rule of RULES) {
      for (const text of [rule.description, rule.fullDescription]) {
        for (const lang of LANGS) expect(typeof text[lang] === 'string' && text[lang].length > 10, `${rule.id} ${lang}`).toBe(true);
        // A Swedish text that is the English one was not translated.
        expect(text.sv, rule.id).not.toBe(text.en);
      }
    }
  });

  it('has every message of every rule in both languages, with the same placeholders', () => {
    let count = 0;
    for (const rule of RULES) {
      for (const [id, message] of Object.entries(rule.messages)) {
        count++;
        expect(placeholders(message.sv), `${rule.id} ${id}`).toEqual(placeholders(message.en));
        const texts = LANGS.flatMap((lang) => (typeof message[lang] === 'string' ? [message[lang]] : [message[lang].one, message[lang].other]));
        for (const text of texts) expect(text.trim().length, `${rule.id} ${id}`).toBeGreaterThan(0);
      }
    }
    expect(count).toBeGreaterThan(60);
  });

  const calls = moduleFiles.map((file) => ({ file, ...readModule(file) }));

  it('reports only message ids that the reported rule has', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { file, calls: list } of calls) {
      const own = rulesOf(file);
      for (const call of list) {
        if (!call.messages) continue;
        // A rule id the call works out (refs.ts: the rule of the namespace) may be any of the module's rules.
        const rules = call.rules ?? own.filter((id) => call.messages!.some((m) => m in ruleById(id)!.messages));
        if (rules.length === 0) wrong.push(`${file}:${call.line} reports ${call.messages.join('|')}, which no rule of ${file} has`);
        for (const rule of call.rules ?? []) {
          for (const message of call.messages) {
            checked++;
            if (!(message in (ruleById(rule)?.messages ?? {}))) wrong.push(`${file}:${call.line} reports ${rule} "${message}", which ${rule} does not have`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('reports every message a rule has somewhere in its module', () => {
    const unused: string[] = [];
    for (const { file, literals } of calls) {
      for (const id of rulesOf(file)) {
        for (const message of Object.keys(ruleById(id)!.messages)) if (!literals.has(message)) unused.push(`${id} ${message} (${file})`);
      }
    }
    expect(unused).toEqual([]);
  });

  it('refuses to say a message id that the rule does not have', () => {
    expect(() => findingMessage('group/chair', 'noChiar', {}, 'en')).toThrow('Rule group/chair has no message "noChiar".');
    expect(() => findingMessage('no/such-rule', 'noChair', {}, 'en')).toThrow(/no\/such-rule/);
  });

  it('says a phrase given as data in the language of the finding', () => {
    const data = { group: 'Styrgrupp Exempel', n: 2 };
    expect(findingMessage('group/chair', 'twoChairs', data, 'sv')).toMatch(/^Styrgrupp Exempel har 2 ordförande i dag/);
    expect(findingMessage('group/chair', 'twoChairs', data, 'en')).toMatch(/^Styrgrupp Exempel has 2 chairs today/);
    const guess = { kind: 'grupp', guess: didYouMean('group'), kinds: orList(['group', 'plan']) };
    expect(findingMessage('schema/unknown-kind', 'unknownKind', guess, 'sv')).toBe(
      'kind: grupp är inte en sort som samverkan känner till. Menade du "group"? Använd en av "group" eller "plan".',
    );
    expect(findingMessage('schema/unknown-kind', 'unknownKind', guess, 'en')).toBe('kind: grupp is not a kind samverkan knows. Did you mean "group"? Use one of "group" or "plan".');
    expect(findingMessage('schema/unknown-kind', 'unknownKind', { ...guess, guess: didYouMean(undefined) }, 'en')).toBe('kind: grupp is not a kind samverkan knows. Use one of "group" or "plan".');
  });

  it('says plural phrases by the count', () => {
    const data = { quorum: 3 };
    expect(findingMessage('meeting/quorum', 'notQuorate', { ...data, n: 1 }, 'sv')).toMatch(/^1 ledamot var närvarande/);
    expect(findingMessage('meeting/quorum', 'notQuorate', { ...data, n: 2 }, 'sv')).toMatch(/^2 ledamöter var närvarande/);
    expect(findingMessage('meeting/quorum', 'notQuorate', { ...data, n: 1 }, 'en')).toMatch(/^1 member was present/);
    expect(findingMessage('meeting/quorum', 'notQuorate', { ...data, n: 2 }, 'en')).toMatch(/^2 members were present/);
  });
});

describe('findings in the language of the check', () => {
  afterEach(() => setLanguage('en'));

  /** The base workspace of the rule examples with a group that has no chair, a misspelt kind, and `extra` files. */
  async function workspace(extra: Record<string, string> = {}) {
    const dir = copyForTest(join(repoRoot, 'tests/fixtures/hostile/base'));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    write('groups/utan-ordforande.yaml', 'kind: group\nid: utan-ordforande\nname: Arbetsgrupp Utan\ntype: working\nmembers:\n  - {person: samordnare, role: member}\n');
    write('groups/fel-sort.yaml', 'kind: grou\nid: fel-sort\n');
    for (const [file, text] of Object.entries(extra)) write(file, text);
    return loadWorkspace({ dir });
  }

  const of = (findings: Array<{ ruleId: string; message: string }>, ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);

  it('says findings in the language given, and in the current language when none is', async () => {
    const ws = await workspace();
    const sv = (await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'sv' })).findings;
    const en = (await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'en' })).findings;
    expect(of(sv, 'group/chair')).toEqual(['Arbetsgrupp Utan har ingen ordförande i dag. Ge en nuvarande ledamot role: chair.']);
    expect(of(en, 'group/chair')).toEqual(['Arbetsgrupp Utan has no chair today. Give one current member role: chair.']);
    expect(of(sv, 'schema/unknown-kind')[0]).toMatch(/^kind: grou är inte en sort som samverkan känner till\. Menade du "group"\?/);
    // The same findings, in the same places, whatever the language.
    expect(sv.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`)).toEqual(en.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`));
    setLanguage('sv');
    expect(of((await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF })).findings, 'group/chair')).toEqual(of(sv, 'group/chair'));
  });

  it('says the schema findings in the language of the check', async () => {
    const ws = await workspace({ 'groups/fel-typ.yaml': 'kind: group\nid: fel-typ\nname: Fel typ\ntype: xyzgrupp\nmembers:\n  - {person: samordnare, role: chair}\n' });
    const sv = of((await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'sv' })).findings, 'schema/enum');
    const en = of((await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'en' })).findings, 'schema/enum');
    expect(sv).toHaveLength(1);
    expect(sv[0]).toMatch(/som inte är ett av de tillåtna värdena/);
    expect(en[0]).toMatch(/which is not one of the allowed values/);
  });

  it('says a load problem made in both languages in the language of the check', async () => {
    const ws = await workspace();
    const said = { sv: 'Rad 3 är indragen mer än raden ovanför.', en: 'Line 3 is indented more than the line above it.' };
    ws.problems.push({ ruleId: 'yaml/syntax', message: 'Line 3 is indented more than the line above it.', said, file: join(ws.root, 'groups/fel-sort.yaml'), span: { line: 3, column: 1, endLine: 3, endColumn: 2 } });
    const sv = of((await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'sv' })).findings, 'yaml/syntax');
    const en = of((await checkWorkspace(ws, { asOf: EXAMPLE_AS_OF, lang: 'en' })).findings, 'yaml/syntax');
    expect(sv).toEqual(['Rad 3 är indragen mer än raden ovanför.']);
    expect(en).toEqual(['Line 3 is indented more than the line above it.']);
  });
});
