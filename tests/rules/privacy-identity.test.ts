/**
 * The privacy/identity-number rule end to end: a workspace whose files hide identity numbers in
 * comments, keys, block scalars, flow sequences and YAML escape codes must give one finding per
 * number at the right line and column, with the number masked in the message.
 * The numbers are from the personnummer libraries' public test data.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-privacy-'));
  cpSync(base, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The identity-number findings of `plans/x.yaml` written with `text`, as "line:col message", said in `lang`. */
async function findingsFor(text: string, lang: 'sv' | 'en' = 'en'): Promise<Array<{ at: string; message: string }>> {
  writeFileSync(join(dir, 'plans/x.yaml'), text);
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01', lang });
  return findings
    .filter((f) => f.ruleId === 'privacy/identity-number' && f.file.endsWith('x.yaml'))
    .map((f) => ({ at: `${f.line}:${f.column}`, message: f.message }));
}

const plan = (body: string) =>
  `kind: plan\nid: x\ntitle: X\nowner: alfa\nperiod: {start: 2008-01-01, end: 2010-12-31}\ngoals: []\nvision: Ett liv fritt från våld.\n${body}`;

describe('privacy/identity-number over the files', () => {
  it.each([
    ['a comment', '# 821105-9954\n', '8:3', '821105-****'],
    ['a key', '"901211-9948": x\n', '8:2', '901211-****'],
    ['a block scalar', 'background: |\n  Rad ett.\n  Anna,901211-9948 bor här.\n', '10:8', '901211-****'],
    ['a flow sequence without spaces', 'target_groups: [a,8211059954,b]\n', '8:19', '821105-****'],
    ['a long form with a plus', 'background: "Född 19090527+1474"\n', '8:19', '19090527+****'],
    ['an interim number in lower case', 'background: Ref 000101-t220\n', '8:17', '000101-****'],
    ['a full-width number', 'background: ８２１１０５－９９５４\n', '8:13', '８２１１０５－****'],
  ])('in %s', async (_what, body, at, masked) => {
    const found = await findingsFor(plan(body));
    expect(found.map((f) => f.at)).toEqual([at]);
    expect(found[0].message).toContain(masked);
  });

  it('in YAML escape codes, at the start of the quoted value', async () => {
    const escaped = '"\\x38\\x32\\x31\\x31\\x30\\x35-\\u0039\\u0039\\u0035\\u0034"';
    const found = await findingsFor(plan(`background: ${escaped}\n`));
    expect(found.map((f) => f.at)).toEqual(['8:13']);
    expect(found[0].message).toContain('821105-****');
    expect(found[0].message).toContain('escape codes');
  });

  it('in a key written in escape codes, and in a value folded over two lines', async () => {
    const found = await findingsFor(plan('"\\U00000039\\x30\\x31\\x32\\x31\\x31-9948": x\nbackground: >\n  Anna 901211\n  9948\n'));
    expect(found.map((f) => f.at)).toEqual(['8:1', '9:13']);
  });

  it('in a key written in escape codes, when nothing else in the file holds a number', async () => {
    const found = await findingsFor(plan('"\\U00000039\\x30\\x31\\x32\\x31\\x31-9948": x\n'));
    expect(found.map((f) => f.at)).toEqual(['8:1']);
  });

  it('in a number written in hexadecimal, which YAML reads as the number itself', async () => {
    // 0x1E96AD4F2 is 8211059954.
    const found = await findingsFor(plan('budget: 0x1E96AD4F2\n'));
    expect(found.map((f) => f.at)).toEqual(['8:9']);
  });

  it('once per number, whether the value is plain, quoted or both', async () => {
    const found = await findingsFor(plan('background: "821105-9954 och 901211-9948"\nsummary: 821105-9954\n'));
    expect(found.map((f) => f.at)).toEqual(['8:14', '8:30', '9:10']);
  });

  it('never with the number itself in the message', async () => {
    const text = plan('# 821105-9954\nbackground: "\\x38\\x32\\x31\\x31\\x30\\x35\\x39\\x39\\x35\\x34"\n');
    const found = await findingsFor(text);
    expect(found).toHaveLength(2);
    for (const f of found) {
      expect(f.message).not.toMatch(/9954/);
      expect(f.message).not.toContain('8211059954');
    }
  });

  it('names the kind of number, and says how to fix it, in English and in Swedish', async () => {
    const body = plan('background: 821105-9954, 701063-2391 och 000101-T220\n');
    const en = (await findingsFor(body)).map((f) => f.message);
    expect(en).toHaveLength(3);
    expect(en[0]).toMatch(/^This looks like a Swedish personal identity number \(personnummer\) \(821105-\*\*\*\*\)\. Identity numbers must never be written in these files: remove it, and refer to a case by its case code \(case: Ä-2009-003\) instead\. If it is already committed, ask whoever manages the repository to remove it from the history too\.$/);
    expect(en[1]).toContain('a Swedish coordination number (samordningsnummer) (701063-****).');
    expect(en[2]).toContain('a Swedish interim identity number (interimistiskt personnummer, reservnummer) (000101-****).');
    const sv = (await findingsFor(body, 'sv')).map((f) => f.message);
    expect(sv[0]).toMatch(/^Det här ser ut som ett svenskt personnummer \(821105-\*\*\*\*\)\. Personnummer och andra identitetsnummer får aldrig skrivas i de här filerna: ta bort numret, och hänvisa till ett ärende med dess ärendekod \(case: Ä-2009-003\) i stället\. Om det redan är incheckat, be den som förvaltar arkivet att ta bort det ur historiken också\.$/);
    expect(sv[1]).toContain('ett svenskt samordningsnummer (701063-****).');
    expect(sv[2]).toContain('ett svenskt interimistiskt personnummer (reservnummer) (000101-****).');
    const escaped = plan('background: "\\x38\\x32\\x31\\x31\\x30\\x35-\\u0039\\u0039\\u0035\\u0034"\n');
    expect((await findingsFor(escaped, 'sv'))[0].message).toContain(
      '(821105-****). Det är skrivet med escape-koder (som \\x33 eller \\u0033) eller delat över flera rader, så det syns inte som det står: titta igenom hela värdet som börjar här. Personnummer',
    );
    expect((await findingsFor(escaped))[0].message).toContain(
      '(821105-****). It is written in escape codes (like \\x33 or \\u0033) or split over lines, so it is not visible as it stands: look through the whole value that starts here. Identity numbers',
    );
  });

  it('finds nothing in the base workspace, whose dates, phone and diary numbers are not identity numbers', async () => {
    rmSync(join(dir, 'plans/x.yaml'), { force: true });
    const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
    expect(findings.filter((f) => f.ruleId === 'privacy/identity-number')).toEqual([]);
    expect(readFileSync(join(dir, 'people.yaml'), 'utf8')).toContain('kind: people');
  });
});

describe('every finding message', () => {
  it('shows an identity number masked, whichever rule quotes it', async () => {
    writeFileSync(join(dir, 'plans/x.yaml'), plan('revised: "821105-9954"\n'));
    const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01' });
    const mine = findings.filter((f) => f.file.endsWith('x.yaml'));
    expect(mine.map((f) => f.ruleId)).toContain('privacy/identity-number');
    for (const f of mine) expect(f.message).not.toContain('821105-9954');
    // The schema quotes the text it got where a date belongs: masked.
    expect(mine.find((f) => f.ruleId === 'schema/format' || f.ruleId === 'schema/type')?.message).toContain('"821105-****"');
  });
});
