/**
 * The loader's own findings (an empty file, a file that is not text, a YAML tag, a directive) are
 * said in the language of the check, in Swedish and English, whatever language the files were
 * read in: a workspace is loaded once and may be checked for a report in either language.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/messages.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

describe("the loader's findings in both languages", () => {
  afterAll(() => setLanguage('en'));

  it('says an empty file, a file that is not text, a tag and a directive in the check\'s language', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'plans/tom.yaml'), '');
      writeFileSync(join(dir, 'plans/word.yaml'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0x41]));
      writeFileSync(join(dir, 'plans/tagg.yaml'), 'kind: plan\nid: !secret x\n');
      writeFileSync(join(dir, 'plans/direktiv.yaml'), '%YAML 1.1\n---\nkind: plan\n');
      setLanguage('en');
      const workspace = await loadWorkspace({ dir });
      const said = async (lang: 'sv' | 'en') => {
        const { findings } = await checkWorkspace(workspace, { asOf: '2009-06-01', lang } as never);
        const at = (file: string) => findings.find((f) => f.file.endsWith(file))?.message;
        return [at('tom.yaml'), at('word.yaml'), at('tagg.yaml'), at('direktiv.yaml')];
      };
      expect(await said('sv')).toEqual([
        'Filen är tom. Skriv ett dokument i den (som börjar med kind:), eller ta bort den.',
        'Filen är inte text (det kan vara en Word- eller Excel-fil som döpts om till .yaml). Spara den som vanlig UTF-8-text, eller flytta den ut ur arbetsytan.',
        'Taggen !secret är inte tillåten: filerna innehåller bara vanliga värden (texter, tal, datum, true/false, listor och kartor), så dokumentet lästes inte. Ta bort !secret; sätt värdet inom citattecken om det är en text.',
        'Direktivet %YAML 1.1 är inte tillåtet: filerna är vanlig YAML utan rader som börjar med %, så dokumentet lästes inte. Ta bort raden.',
      ]);
      expect(await said('en')).toEqual([
        'The file is empty. Write a document in it (starting with kind:), or delete it.',
        'The file is not text (it may be a Word or Excel file renamed to .yaml). Save it as plain UTF-8 text, or move it out of the workspace.',
        'The tag !secret is not allowed: these files hold plain values only (texts, numbers, dates, true/false, lists and maps), so the document was not read. Remove !secret; put the value in quotes if it is a text.',
        'The directive %YAML 1.1 is not allowed: these files are plain YAML without % lines, so the document was not read. Remove this line.',
      ]);
    } finally {
      cleanup();
    }
  });
});
