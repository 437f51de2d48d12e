/**
 * A file that is not valid YAML gets a finding that says, in words and in both languages, which
 * line is wrong and what to write there. Each case breaks a real file of a copied workspace the
 * way a coordinator would (one key too far in, a tab, a quote left open, a colon forgotten …) and
 * loads the workspace from disk.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage, type Lang } from '../../src/i18n/messages.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

const PEOPLE = `kind: people
people:
  - id: samordnare
    name: Samordnare Alfa–Beta
    title: Samordnare kvinnofrid
    organization: alfa
  - id: polis
    name: Kommunpolis
    organization: polisen
`;

/** Replaces `find` (which must be there) in the people file. */
const people = (find: string, replace: string) => {
  if (!PEOPLE.includes(find)) throw new Error(`${find} is not in people.yaml`);
  return PEOPLE.replace(find, replace);
};

interface Case {
  name: string;
  text: string;
  rule?: string;
  line: number;
  column: number;
  en: RegExp;
  sv: RegExp;
}

const cases: Case[] = [
  {
    name: 'a key indented more than the key above it',
    text: people('    name: Kommunpolis', '      name: Kommunpolis'),
    line: 8,
    column: 7,
    en: /^The file is not valid YAML: line 8 is indented more than the line above it \("name:" on line 8 is indented more than "id:" on line 7\)\. .*move "name:" left to column 5\.$/,
    sv: /^Filen är inte giltig YAML: rad 8 är indragen mer än raden ovanför \("name:" på rad 8 börjar längre in än "id:" på rad 7\)\. .*flytta "name:" till vänster, till kolumn 5\.$/,
  },
  {
    name: 'a key indented less than the key above it',
    text: people('    organization: polisen', '   organization: polisen'),
    line: 9,
    column: 4,
    en: /line 9 is indented less than the line above it \("organization:" starts in column 4, but "name:" on line 8 starts in column 5\)\. .*move "organization:" right to column 5\.$/,
    sv: /rad 9 är indragen mindre än raden ovanför \("organization:" börjar i kolumn 4, men "name:" på rad 8 börjar i kolumn 5\)\. .*flytta "organization:" till höger, till kolumn 5\.$/,
  },
  {
    name: 'a tab used to indent',
    text: people('    title: Samordnare', '\ttitle: Samordnare'),
    line: 5,
    column: 1,
    en: /line 5 is indented with a tab\. Indent with spaces, not tabs: replace the tab at the start of line 5 with spaces\.$/,
    sv: /rad 5 är indragen med tabb\. Dra in med mellanslag, inte tabbar: byt tabben i början av rad 5 mot mellanslag\.$/,
  },
  {
    name: 'a quote that is never closed',
    text: people('title: Samordnare kvinnofrid', 'title: "Samordnare kvinnofrid'),
    line: 5,
    column: 12,
    en: /the quote " on line 5 is never closed, so the rest of the file is read as one text\. Write a closing " at the end of the text on line 5\.$/,
    sv: /citattecknet " på rad 5 avslutas aldrig, så resten av filen läses som en enda text\. Skriv ett avslutande " i slutet av texten på rad 5\.$/,
  },
  {
    name: 'a key without its colon',
    text: people('    title: Samordnare kvinnofrid', '    title Samordnare kvinnofrid'),
    line: 5,
    column: 5,
    en: /line 5 has no colon \("title Samordnare kvinnofrid"\)\. Write a colon and a space after the key, for example "title: Samordnare kvinnofrid"/,
    sv: /rad 5 saknar kolon \("title Samordnare kvinnofrid"\)\. Skriv ett kolon och ett mellanslag efter nyckeln, till exempel "title: Samordnare kvinnofrid"/,
  },
  {
    name: 'a key written twice in the same entry',
    text: people('    organization: alfa\n', '    organization: alfa\n    name: Samordnaren\n'),
    rule: 'yaml/duplicate-key',
    line: 7,
    column: 5,
    en: /^This key appears twice in the same map: "name:" on line 7 is already on line 4, so one value would be lost\. Remove or rename one of them\.$/,
    sv: /^Den här nyckeln finns två gånger i samma post: "name:" på rad 7 står redan på rad 4, så ett av värdena skulle gå förlorat\. Ta bort eller byt namn på den ena\.$/,
  },
  {
    name: 'a value with ": " in it, not quoted',
    text: people('title: Samordnare kvinnofrid', 'title: Steg 1: kartlägga'),
    line: 5,
    column: 12,
    en: /the value on line 5 contains ": ", which YAML reads as another key\. Put the value in quotes: title: "Steg 1: kartlägga"\.$/,
    sv: /värdet på rad 5 innehåller ": ", som YAML läser som en ny nyckel\. Sätt värdet inom citattecken: title: "Steg 1: kartlägga"\.$/,
  },
  {
    name: 'a list opened with [ and never closed',
    text: `${PEOPLE}    roles: [ordförande, sekreterare\n`,
    line: 10,
    column: 12,
    en: /the list opened with \[ on line 10 is never closed with \]\. Write \] at the end of the list on line 10/,
    sv: /listan som börjar med \[ på rad 10 avslutas aldrig med \]\. Skriv \] i slutet av listan på rad 10/,
  },
  {
    name: 'a list item without a space after the dash',
    text: people('  - id: polis', '  -id: polis'),
    line: 7,
    column: 3,
    en: /line 7 starts with "-" without a space after it\. A list item has a space after the dash: "- id: polis"\.$/,
    sv: /rad 7 börjar med "-" utan mellanslag efter\. En listpost skrivs med ett mellanslag efter strecket: "- id: polis"\.$/,
  },
  {
    name: 'a value starting with a character YAML reserves',
    text: people('organization: polisen', 'organization: @polisen'),
    line: 9,
    column: 19,
    en: /the value on line 9 starts with @, a character YAML reserves\. Put the value in quotes: "@polisen"\.$/,
    sv: /värdet på rad 9 börjar med @, ett tecken som YAML reserverar\. Sätt värdet inom citattecken: "@polisen"\.$/,
  },
  {
    name: 'a backslash inside double quotes',
    text: people('title: Samordnare kvinnofrid', 'title: "Samordnare\\kvinnofrid"'),
    line: 5,
    column: 23,
    en: /line 5 has \\k inside "double quotes", where a backslash starts an escape\. Use single quotes instead/,
    sv: /rad 5 har \\k inom "dubbla citattecken", där ett omvänt snedstreck inleder en specialkod\. Använd enkla citattecken i stället/,
  },
  {
    name: 'an alias that names no anchor',
    text: people('organization: polisen', 'organization: *polisen'),
    line: 9,
    column: 19,
    en: /^The alias \*polisen on line 9 names no anchor &polisen above it, so the document was not read\. Write the value out, or put &polisen on the value it repeats, above this line\.$/,
    sv: /^Aliaset \*polisen på rad 9 hänvisar till ett ankare &polisen som inte finns ovanför, så dokumentet lästes inte\./,
  },
  {
    name: 'a list item indented more than the items before it',
    text: people('  - id: polis', '      - id: polis'),
    line: 7,
    column: 7,
    en: /^The file is not valid YAML: line 7 is indented more than the line above it \(the list item "- id:" starts in column 7, but the items of the list, like the one on line 3, start in column 3\)\. Move the "-" left to column 3\.$/,
    sv: /^Filen är inte giltig YAML: rad 7 är indragen mer än raden ovanför \(listposten "- id:" börjar i kolumn 7, men posterna i listan, som den på rad 3, börjar i kolumn 3\)\. Flytta "-" till vänster, till kolumn 3\.$/,
  },
  {
    name: 'a key among list items',
    text: people('  - id: polis\n', '  id: polis\n'),
    line: 7,
    column: 3,
    en: /line 7 has a key where the lines above it are list items|line 7 does not line up with the lines above it/,
    sv: /rad 7 har en nyckel där raderna ovanför är listposter|rad 7 står inte i linje med raderna ovanför/,
  },
];

/** The YAML findings of a copy of the clean workspace whose people.yaml is `text`, said in `lang`. */
async function yamlFindings(dir: string, lang: Lang) {
  setLanguage(lang);
  const ws = await loadWorkspace({ dir });
  return ws.problems.filter((p) => p.ruleId.startsWith('yaml/'));
}

describe('a file that is not valid YAML says where it went wrong, in words', () => {
  afterAll(() => setLanguage('en'));

  it.each(cases)('$name', async ({ text, rule = 'yaml/syntax', line, column, en, sv }) => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'people.yaml'), text);
      // The broken file really is on disk as the case wrote it.
      expect(readFileSync(join(dir, 'people.yaml'), 'utf8')).toBe(text);
      const inEnglish = await yamlFindings(dir, 'en');
      expect(inEnglish.map((p) => [p.ruleId, p.file.endsWith('people.yaml'), p.span.line, p.span.column])).toContainEqual([rule, true, line, column]);
      const english = inEnglish.find((p) => p.span.line === line)!.message;
      expect(english).toMatch(en);
      expect(english).not.toMatch(/\brad \d|error code/);
      const swedish = (await yamlFindings(dir, 'sv')).find((p) => p.span.line === line)!.message;
      expect(swedish).toMatch(sv);
      expect(swedish).not.toMatch(/felkod/);
    } finally {
      cleanup();
    }
  });

  it('is said in the language of the check, whatever the language was when the file was read', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'people.yaml'), cases[2].text);
      setLanguage('en');
      const workspace = await loadWorkspace({ dir });
      const { findings } = await checkWorkspace(workspace, { asOf: '2009-06-01', lang: 'sv' } as never);
      expect(findings.find((f) => f.ruleId === 'yaml/syntax')?.message).toMatch(cases[2].sv);
    } finally {
      cleanup();
    }
  });

  it('names the line, column and the YAML reader\'s code for a case without words of its own (two anchors on one value)', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'people.yaml'), people('organization: polisen', 'organization: &a &b polisen'));
      const [english] = await yamlFindings(dir, 'en');
      expect(english.message).toMatch(/^The file is not valid YAML: line 9, column \d+ cannot be read \(the YAML reader's error code MULTIPLE_ANCHORS\)\. .*at most one anchor \(&\) and one tag per value\.$/);
      const [swedish] = await yamlFindings(dir, 'sv');
      expect(swedish.message).toMatch(/^Filen är inte giltig YAML: rad 9, kolumn \d+ går inte att läsa \(YAML-läsarens felkod MULTIPLE_ANCHORS\)\./);
    } finally {
      cleanup();
    }
  });
});
