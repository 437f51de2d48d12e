/**
 * The privacy rules against someone who tries to slip an identity number or a contact detail
 * past them: numbers that only the decoded YAML shows (numbers written in hexadecimal or with an
 * exponent, keys, flow maps, aliases, later documents of a multi-document file, documents that
 * are not read as data), and texts that look like contact details but are not (diary numbers,
 * long reference numbers, identity numbers next to each other). Written to kill the mutants
 * Stryker makes of src/rules/privacy.ts (npm run test:mutation); each case asserts the exact
 * findings, so a rule that misses one, or reports one too many, fails here.
 *
 * Mutants of privacy.ts that no test can kill, because they change how much work a check does
 * but never what it finds or says (in brackets: the mutant's number in a Stryker run of privacy.ts
 * alone with these tests, 2026-12-03: 323 mutants, 91.6 % killed, these 26 and [184] left):
 * - decodedValuesHoldNumber answering yes more often (a string, number or key counted as holding
 *   a number [41 43 54 67 86], the closing `return false` made true [89], a boolean taken for an
 *   object, which has no entries [77]) or the shortcut before the walk turned off or made
 *   stricter [97 102]: the tree is then walked for more documents, and the walk reports exactly
 *   the decoded numbers the text does not show. This holds because decodedMayHoldNumber never
 *   says no to a text whose decoded values hold a number (tests/rules/decoded-numbers.test.ts).
 * - its array branch turned off [83]: Object.entries of an array gives the same items, under the
 *   keys "0", "1" …, which hold no number.
 * - the bigint cases [63 65 122 123 124]: the loader reads YAML without intAsBigInt, so no value
 *   is ever a bigint.
 * - the guard `!isScalar(node) || !node.range` [108 109]: every scalar of a parsed document has
 *   its range; a boolean or null read as "true"/"null" [116], an undefined value searched [126 177]
 *   or an empty list of decoded numbers looped over [129] finds nothing.
 * - a written number that starts inside a scalar but ends after it counted as seen [139]: after a
 *   scalar comes a quote, a flow indicator, a colon, a comment or a line break, none of which
 *   continues a number.
 * - an item without documents given one made-up document [169]: "Stryker was here" holds no
 *   contact detail; EMAIL's local part matched by one character instead of several [0]: the
 *   pattern is not anchored, so it matches a text exactly when the original does; the scope name
 *   of the messages table made empty [20]: it names the table in the catalogue only.
 * [184], the whole rule module made `{}`, is reported as surviving but is not: with it every test
 * file that loads the rules fails at import (tried by hand in a copy); Stryker did not turn this
 * static mutant on when it reloaded the test files.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-privacy-attacks-'));
  cpSync(base, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The findings of `rule` in `file` after writing `text` there, as "line:col" or "line:col message key". */
async function findingsIn(file: string, text: string, rule: string): Promise<Array<{ at: string; message: string }>> {
  writeFileSync(join(dir, file), text);
  try {
    const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01', lang: 'en' });
    return findings.filter((f) => f.ruleId === rule && f.file.endsWith(file)).map((f) => ({ at: `${f.line}:${f.column}`, message: f.message }));
  } finally {
    rmSync(join(dir, file), { force: true });
  }
}

const plan = (body: string) =>
  `kind: plan\nid: x\ntitle: X\nowner: alfa\nperiod: {start: 2008-01-01, end: 2010-12-31}\ngoals: []\nvision: Ett liv fritt från våld.\n${body}`;

/** 821105-9954 in YAML double-quoted escape codes: nothing in the text as written shows it. */
const ESCAPED = '"\\x38\\x32\\x31\\x31\\x30\\x35-\\u0039\\u0039\\u0035\\u0034"';

describe('privacy/identity-number: a number only the decoded YAML shows', () => {
  it.each([
    // 0x1E96AD4F2 and 8.211059954e9 are both 8211059954, the digits of 821105-9954.
    ['a hexadecimal number in a flow sequence', 'target_groups: [a, 0x1E96AD4F2]\n', ['8:20']],
    ['a number with an exponent', 'budget: 8.211059954e9\n', ['8:9']],
    ['a hexadecimal key of a nested map', 'budget:\n  0x1E96AD4F2: x\n', ['9:3']],
    ['an escaped value in a flow map inside a sequence', `steps:\n  - {note: ${ESCAPED}}\n`, ['9:12']],
    // The empty value and the booleans after it are read first: the search must pass them by.
    ['an escaped value deep in block maps and sequences', `a:\n  b:\n    - c:\n        - ${ESCAPED}\nflags: [true, false]\nnotes: ~\n`, ['11:11']],
    ['an escaped value under an anchor, used again by an alias: once, at the anchor', `a: &n ${ESCAPED}\nb: *n\n`, ['8:7']],
    ['an escaped value in a map used again by an alias', `a: &m {k: ${ESCAPED}}\nb: *m\n`, ['8:11']],
  ])('in %s', async (_what, body, at) => {
    const found = await findingsIn('plans/x.yaml', plan(body), 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(at);
    for (const f of found) {
      expect(f.message).toContain('821105-****');
      expect(f.message).toContain('It is written in escape codes');
    }
  });

  it('in a number that the text search takes for an amount (after budget:), since its decoded value stands alone', async () => {
    const found = await findingsIn('plans/x.yaml', plan('budget: 8211059954\n'), 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['8:9']);
    expect(found[0].message).toContain('821105-****');
  });

  it.each([
    ['a string', `${ESCAPED}\n`, '1:1'],
    ['a number', '0x1E96AD4F2\n', '1:1'],
  ])('in a file that is nothing but %s', async (_what, text, at) => {
    const found = await findingsIn('plans/x.yaml', text, 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual([at]);
  });

  it('in the second document of a file whose first document holds none', async () => {
    const found = await findingsIn('plans/x.yaml', `${plan('')}---\n${plan(`background: ${ESCAPED}\n`)}`, 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['16:13']);
  });

  it('in the first document of a file whose second document holds none', async () => {
    const found = await findingsIn('plans/x.yaml', `${plan(`background: ${ESCAPED}\n`)}---\n${plan('')}`, 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['8:13']);
  });

  it('in a document that is not read as data because it has a tag', async () => {
    const found = await findingsIn('plans/x.yaml', plan(`background: !!str ${ESCAPED}\n`), 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['8:19']);
  });

  it('in a document that is not read as data because it has a syntax error', async () => {
    const found = await findingsIn('plans/x.yaml', plan(`background: ${ESCAPED}\nsummary: [oops\n`), 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['8:13']);
  });

  it('once for a plain number that the text shows too, whether a value or a key', async () => {
    const found = await findingsIn('plans/x.yaml', plan('reference: 8211059954\nextra:\n  8211059954: x\n'), 'privacy/identity-number');
    expect(found.map((f) => f.at)).toEqual(['8:12', '10:3']);
    for (const f of found) expect(f.message).not.toContain('escape codes');
  });

  it('nowhere in escape codes, hexadecimal numbers or exponents that decode to no identity number', async () => {
    const found = await findingsIn(
      'plans/x.yaml',
      plan('background: "\\x41\\x6e\\x6e\\x61 \\u00e4r h\\u00e4r"\nbudget: 0x1E96AD4F3\nshare: 8.211059955e9\n"\\x31\\x32": x\n'),
      'privacy/identity-number',
    );
    expect(found).toEqual([]);
  });
});

const ARENDE = 'meetings/arendegrupp/2009-05-20.yaml';
/** The case group's meeting with one confidential item whose description is `text`. */
const caseMeeting = (text: string) =>
  `kind: meeting\nid: arendegrupp-2009-05-20\ngroup: arendegrupp\ndate: 2009-05-20\nitems:\n  - title: Ärende\n    type: discussion\n    case: Ä-2009-003\n    confidential: true\n    description: ${JSON.stringify(text)}\n`;

describe('privacy/contact-in-case-item: what is a contact detail and what is not', () => {
  it.each([
    ['a mobile number in groups', 'Ring mamman på 070-123 45 67.', 'phone'],
    ['a mobile number without spaces', 'Ring 0701234567', 'phone'],
    ['a Stockholm number', 'Växeln 08-123 456 78', 'phone'],
    ['a number with +46', 'Ring +46 70 123 45 67', 'phone'],
    ['a number with +46 and no spaces', 'Ring +46701234567', 'phone'],
    ['a phone number after an identity number', 'Gäller 821105-9954, ring 070-123 45 67', 'phone'],
    ['an e-mail address', 'Skriv till anna.svensson@example.org', 'email'],
    ['an e-mail address with å, ä and ö', 'Mejla åsa.öberg@kommunen.se', 'email'],
    ['an e-mail address with a plus and a number', 'socialtjansten+2009@kommun.se', 'email'],
    ['an e-mail address with a number in its domain', 'Skriv till anna@mail2.kommun.se', 'email'],
    ['a number with +46 and a three-digit area code', 'Ring +46 481 123 45 67', 'phone'],
    ['a long number after a three-digit area code', 'Ring 0480-1234567', 'phone'],
    ['an e-mail address after an identity number', '821105-9954 nås på anna@example.org', 'email'],
  ])('%s is a contact detail', async (_what, text, kind) => {
    const found = await findingsIn(ARENDE, caseMeeting(text), 'privacy/contact-in-case-item');
    const message = kind === 'phone' ? 'contains a phone number' : 'contains an e-mail address';
    expect(found.map((f) => f.at)).toEqual(['10:18']);
    expect(found[0].message).toContain(message);
  });

  it.each([
    ['in escape codes', '    description: "Ring \\x30\\x37\\x30-123 45 67"\n', 'phone', '10:18'],
    ['folded over two lines', '    description: >\n      Ring 070-123\n      45 67\n', 'phone', '10:18'],
    ['in a block scalar', '    description: |\n      Bakgrund.\n      Mejla anna@example.org\n', 'email', '10:18'],
    ['in a flow sequence of documents', '    documents: [Utredning, "mejl från anna@example.org"]\n', 'email', '10:28'],
  ])('a contact detail written %s is found in the decoded value', async (_what, field, kind, at) => {
    const text = caseMeeting('x').replace(/    description: .*\n/, field);
    const found = await findingsIn(ARENDE, text, 'privacy/contact-in-case-item');
    expect(found.map((f) => f.at)).toEqual([at]);
    expect(found[0].message).toContain(kind === 'phone' ? 'contains a phone number' : 'contains an e-mail address');
  });

  it.each([
    ['a diary number', 'Dnr 2009-12345 hos socialtjänsten'],
    ['a long reference number', 'OCR 01234567890123456'],
    ['a short number', 'Ring 070-12'],
    ['a date and a time', 'Möte 2009-05-20 kl 10.00'],
    ['an address with a one-letter ending', 'Se anna@kommun.x'],
    ['an at sign between words', 'Träffas @ kontoret.se'],
    ['two identity numbers, the second starting with 0', 'Gäller 821105-9954 och 051231-1234'],
    ['an identity number alone', 'Gäller 051231-1234'],
  ])('%s is not a contact detail', async (_what, text) => {
    expect(await findingsIn(ARENDE, caseMeeting(text), 'privacy/contact-in-case-item')).toEqual([]);
  });
});

describe('privacy/task-without-item: minutes without tasks', () => {
  const meeting = (minutes: string) =>
    `kind: meeting\nid: styrgrupp-2009-09-10\ngroup: styrgrupp\ndate: 2009-09-10\nitems:\n  - {title: Budget 2010, type: decision}\n  - {title: Ärende, type: discussion, confidential: true}\nminutes:\n${minutes}`;

  it('says nothing when the minutes of a meeting with a confidential item have notes but no tasks', async () => {
    const file = 'meetings/styrgrupp/2009-09-10.yaml';
    expect(await findingsIn(file, meeting('  notes:\n    - {item: 1, text: Budgeten antogs.}\n'), 'privacy/task-without-item')).toEqual([]);
    const withTask = meeting('  tasks:\n    - {id: t1, title: Skicka ut protokollet, responsible: samordnare}\n');
    expect((await findingsIn(file, withTask, 'privacy/task-without-item')).map((f) => f.at)).toEqual(['10:7']);
  });
});
