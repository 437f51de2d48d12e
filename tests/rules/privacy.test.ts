/**
 * The privacy rules other than identity numbers, end to end on a copy of the hostile base
 * workspace: case codes outside case groups (consulting only a group file that matched its
 * schema), contact details in confidential items, and tasks that do not name their item.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { privacyRules } from '../../src/rules/privacy.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');

/** Findings of the privacy rules (and schema) after the edits, as "rule file:line:col". */
async function privacyFindings(
  edits: Array<[file: string, find: string | RegExp, replace: string]>,
  lang: 'sv' | 'en' = 'en',
): Promise<{ keys: string[]; messages: string[] }> {
  const dir = copyForTest(base);
  for (const [file, find, replace] of edits) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    expect(typeof find === 'string' ? text.includes(find) : find.test(text), `${find} in ${file}`).toBe(true);
    writeFileSync(path, text.replace(find, replace));
  }
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2009-06-01', lang });
  const wanted = findings.filter((f) => /^(privacy|schema)\//.test(f.ruleId) && f.ruleId !== 'privacy/identity-number');
  return {
    keys: wanted.map((f) => `${f.ruleId} ${relative(dir, f.file)}:${f.line}:${f.column}`),
    messages: wanted.map((f) => f.message),
  };
}

describe('the privacy rules in the rule table', () => {
  it('describe themselves in Swedish and English, with a bad and a good example', () => {
    const ids = ['privacy/identity-number', 'privacy/case-outside-case-group', 'privacy/contact-in-case-item', 'privacy/task-without-item'];
    expect(privacyRules.rules.map((r) => r.id)).toEqual(ids);
    for (const rule of privacyRules.rules) {
      for (const lang of ['sv', 'en'] as const) {
        const short = rule.description[lang] as string;
        const full = rule.fullDescription[lang] as string;
        expect(short.length, `${rule.id} ${lang}`).toBeGreaterThan(20);
        expect(full.length, `${rule.id} ${lang}`).toBeGreaterThan(short.length);
      }
      expect(rule.description.sv).not.toBe(rule.description.en);
      expect(rule.fullDescription.sv).not.toBe(rule.fullDescription.en);
      expect(rule.example.file).toMatch(/\.yaml$/);
      expect(rule.example.bad).toContain('kind: ');
      expect(rule.example.good).toContain('kind: ');
      expect(rule.example.bad).not.toBe(rule.example.good);
    }
    expect(privacyRules.rules.map((r) => r.severity)).toEqual(['error', 'error', 'warning', 'warning']);
  });
});

const STYRGRUPP_JUNI = 'meetings/styrgrupp/2009-06-11.yaml';
const STYRGRUPP_APRIL = 'meetings/styrgrupp/2009-04-30.yaml';
const ARENDE = 'meetings/arendegrupp/2009-05-20.yaml';

describe('privacy/task-without-item', () => {
  it('is quiet on the base, whose published meetings name the item of every task', async () => {
    expect((await privacyFindings([])).keys).toEqual([]);
  });

  it('warns about a task without item: in a meeting with a confidential item, at the task', async () => {
    const { keys, messages } = await privacyFindings([
      [STYRGRUPP_APRIL, '    - {id: t2, item: 2, title: Boka', '    - {id: t2, title: Boka'],
    ]);
    expect(keys).toEqual([`privacy/task-without-item ${STYRGRUPP_APRIL}:33:7`]);
    expect(messages[0]).toContain('Task t2 does not say which agenda item');
    expect(messages[0]).toContain('(item: N');
    expect(messages[0]).toContain('withheld from public output');
  });

  it('says so in Swedish', async () => {
    const { messages } = await privacyFindings([[STYRGRUPP_APRIL, '    - {id: t2, item: 2, title: Boka', '    - {id: t2, title: Boka']], 'sv');
    expect(messages).toEqual([
      'Uppgiften t2 anger inte vilket ärende på dagordningen den kommer från, och det här sammanträdet har sekretessbelagda ärenden. Ange vilket ärende uppgiften kommer från (item: N med dess §-nummer, eller item: ID med dess id); till dess hålls den inne från offentliga utskrifter tillsammans med de sekretessbelagda ärendena.',
    ]);
  });

  it('warns when only the group\'s standing items are confidential', async () => {
    const { keys } = await privacyFindings([
      ['groups/styrgrupp.yaml', 'duration_minutes: 15}', 'duration_minutes: 15, confidential: true}'],
      [STYRGRUPP_APRIL, '    confidential: true\n', ''],
      [STYRGRUPP_APRIL, '    - {id: t1, item: 1, title: Skicka', '    - {id: t1, title: Skicka'],
    ]);
    expect(keys).toEqual([`privacy/task-without-item ${STYRGRUPP_APRIL}:31:7`]);
  });

  it('says nothing when the meeting has no confidential item', async () => {
    const { keys } = await privacyFindings([
      [STYRGRUPP_APRIL, '    confidential: true\n', ''],
      [STYRGRUPP_APRIL, '    - {id: t1, item: 1, title: Skicka', '    - {id: t1, title: Skicka'],
    ]);
    expect(keys).toEqual([]);
  });

  it('says nothing in a case group, whose meetings are withheld whole', async () => {
    const { keys } = await privacyFindings([[ARENDE, /- \{id: t1, (item: 1, )?title:/, '- {id: t1, title:']]);
    expect(keys).toEqual([]);
  });

  it('says nothing when the group file failed its schema, since the meeting is withheld whole then', async () => {
    const { keys } = await privacyFindings([
      ['groups/styrgrupp.yaml', 'type: steering', 'type: styrning'],
      [STYRGRUPP_APRIL, '    - {id: t2, item: 2, title: Boka', '    - {id: t2, title: Boka'],
    ]);
    expect(keys.filter((k) => k.startsWith('privacy/'))).toEqual([]);
  });
});

describe('privacy/case-outside-case-group', () => {
  it('reports a case code in a meeting of a steering group', async () => {
    const { keys, messages } = await privacyFindings([
      [STYRGRUPP_JUNI, '    confidential: true\n    presenter: polis', '    case: Ä-2009-007\n    presenter: polis'],
    ]);
    expect(keys).toEqual([`privacy/case-outside-case-group ${STYRGRUPP_JUNI}:27:11`]);
    expect(messages[0]).toBe('Case codes belong only in meetings of a case group, and Styrgrupp Kvinnofrid Testbygden is a steering group. Take the case to the case group, and remove case: here.');
    const sv = await privacyFindings([[STYRGRUPP_JUNI, '    confidential: true\n    presenter: polis', '    case: Ä-2009-007\n    presenter: polis']], 'sv');
    expect(sv.messages).toEqual(['Ärendekoder hör bara hemma i sammanträden för en ärendegrupp, och Styrgrupp Kvinnofrid Testbygden är en grupp av typen steering. Ta upp ärendet i ärendegruppen, och ta bort case: här.']);
  });

  it('reports a case code among the standing items of a group that is not a case group', async () => {
    const { keys, messages } = await privacyFindings([
      ['groups/styrgrupp.yaml', 'duration_minutes: 15}', 'duration_minutes: 15, case: Ä-2009-008}'],
    ]);
    expect(keys).toEqual(['privacy/case-outside-case-group groups/styrgrupp.yaml:18:109']);
    expect(messages).toEqual(['Case codes belong only in case groups, and Styrgrupp Kvinnofrid Testbygden is a steering group. Remove case: here.']);
    const sv = await privacyFindings([['groups/styrgrupp.yaml', 'duration_minutes: 15}', 'duration_minutes: 15, case: Ä-2009-008}']], 'sv');
    expect(sv.messages).toEqual(['Ärendekoder hör bara hemma i ärendegrupper, och Styrgrupp Kvinnofrid Testbygden är en grupp av typen steering. Ta bort case: här.']);
  });

  it('consults only a group file that matched its schema: a misspelt case group type gives the schema finding alone', async () => {
    const { keys, messages } = await privacyFindings([['groups/arendegrupp.yaml', 'type: case', 'type: arende']]);
    expect(keys).toEqual(['schema/enum groups/arendegrupp.yaml:4:7']);
    expect(messages.join(' ')).not.toContain('is a arende group');
  });
});

describe('privacy/contact-in-case-item', () => {
  it('warns about a phone number or e-mail address in an item that is confidential or has a case code', async () => {
    const edits: Array<[string, string, string]> = [
      [STYRGRUPP_JUNI, 'description: PLANTED-SEKRETESS-BESKRIVNING-2', 'description: Ring 070-123 45 67'],
      [ARENDE, 'description: PLANTED-ARENDE-BESKRIVNING}', 'description: skriv till anna@example.org}'],
    ];
    const { keys, messages } = await privacyFindings(edits);
    expect(keys).toEqual([`privacy/contact-in-case-item ${ARENDE}:6:104`, `privacy/contact-in-case-item ${STYRGRUPP_JUNI}:29:18`]);
    expect(messages).toEqual([
      'This confidential item contains an e-mail address, which can identify the people in the case. Remove it; the group keeps contact details in its case records, not in the agenda.',
      'This confidential item contains a phone number, which can identify the people in the case. Remove it; the group keeps contact details in its case records, not in the agenda.',
    ]);
    expect((await privacyFindings(edits, 'sv')).messages).toEqual([
      'Det här sekretessbelagda ärendet innehåller en e-postadress, som kan identifiera personerna i ärendet. Ta bort den; gruppen förvarar kontaktuppgifter i sina ärendeakter, inte i dagordningen.',
      'Det här sekretessbelagda ärendet innehåller ett telefonnummer, som kan identifiera personerna i ärendet. Ta bort det; gruppen förvarar kontaktuppgifter i sina ärendeakter, inte i dagordningen.',
    ]);
  });

  it('looks in the title, the description and each listed document, and points at the one that has it', async () => {
    const { keys } = await privacyFindings([
      [STYRGRUPP_JUNI, 'title: PLANTED-SEKRETESS-TITEL-2', 'title: Samtal med anna@example.org'],
      [STYRGRUPP_JUNI, 'documents: [PLANTED-SEKRETESS-HANDLING-2]', 'documents: [Protokoll, Ring +46 70 123 45 67]'],
    ]);
    expect(keys).toEqual([`privacy/contact-in-case-item ${STYRGRUPP_JUNI}:25:12`, `privacy/contact-in-case-item ${STYRGRUPP_JUNI}:30:28`]);
  });

  it("looks in a group's confidential standing items, at the standing item", async () => {
    const { keys } = await privacyFindings([
      ['groups/styrgrupp.yaml', 'duration_minutes: 15}', 'duration_minutes: 15, confidential: true, description: Ring 070-123 45 67}'],
    ]);
    expect(keys).toEqual(['privacy/contact-in-case-item groups/styrgrupp.yaml:18:136']);
  });

  it('does not take an identity number for a phone number: that is privacy/identity-number\'s finding', async () => {
    const { keys } = await privacyFindings([
      [STYRGRUPP_JUNI, 'description: PLANTED-SEKRETESS-BESKRIVNING-2', 'description: Gäller 821105-9954 och 901211-9948'],
    ]);
    expect(keys).toEqual([]);
  });

  it('says nothing of a meeting without items or tasks, or of an unknown group', async () => {
    const { keys } = await privacyFindings([
      [STYRGRUPP_JUNI, /^items:[\s\S]*$/m, ''],
      ['meetings/styrgrupp/2009-04-30.yaml', 'group: styrgrupp', 'group: okand-grupp'],
    ]);
    expect(keys).toEqual([]);
  });

  it('leaves contact details in an open item alone', async () => {
    const { keys } = await privacyFindings([
      [STYRGRUPP_JUNI, 'documents: [Rapport tillsynsanalys 2008]', 'documents: [Ring 070-123 45 67]'],
    ]);
    expect(keys).toEqual([]);
  });
});
