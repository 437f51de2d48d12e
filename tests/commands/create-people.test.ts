/**
 * person add, organization add and group new in the core: what they write, that it keeps the
 * file's comments, that the result passes validate (the real loader and checks), and what they
 * refuse, naming the flag, before anything is written.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addOrganization } from '../../src/commands/create/organization.js';
import { addPerson } from '../../src/commands/create/person.js';
import { DEFAULT_SECRECY_PROVISION, groupDefaults, newGroup } from '../../src/commands/create/group.js';
import { checkDate, checkField, checkText, enumValues, meetingsBlock } from '../../src/commands/create/common.js';
import { EditConflictError, UsageError } from '../../src/errors.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';
import { lineDiff } from './line-diff.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  setLanguage('en');
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
});
afterEach(() => cleanup());

const load = () => loadWorkspace({ dir });
const read = (rel: string) => readFileSync(join(dir, rel), 'utf8');
/** The workspace as validate sees it: every finding of every file. */
async function findings(): Promise<string[]> {
  const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF.asOf });
  return checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`);
}

describe('the checks, derived from the schemas', () => {
  it('lists enum values as the schema has them and explains a wrong value in its words, in both languages', () => {
    expect(enumValues('group', 'type')).toContain('resource-team');
    expect(checkField('people', 'people[].email')('nobody')).toMatch(/e-mail/i);
    setLanguage('sv');
    expect(checkField('group', 'meetings.cadence')('varannan vecka')).toMatch(/^Skriv hur ofta/);
    expect(checkField('group', 'type')('styrgrupp!')).toMatch(/Skriv ett av värdena steering, working/);
    expect(checkText('Anna Andersson 330121-9618')).toMatch(/personnummer \(330121-\*\*\*\*\)/);
    expect(checkText('Anna Andersson')).toBeUndefined();
    // validate's date range, said where the date is typed.
    expect(checkDate('2300-01-01')).toBe('Datumet ligger utanför det samverkan tar emot: skriv ett datum från 1900-01-01 till 2199-12-31.');
    expect(checkDate('2009-02-30')).toMatch(/^Skriv ett datum som ÅÅÅÅ-MM-DD/);
    expect(checkDate('2009-02-28')).toBeUndefined();
    expect(checkField('group', 'members[].from')('1899-12-31')).toBeDefined();
  });

  it('makes a meetings: block from flags, refusing a wrong one by its flag', () => {
    expect(meetingsBlock({ cadence: 'every 6 weeks', weekday: 'Thursday', time: '13:00', duration: '90', location: 'Kommunhuset' })).toEqual({
      cadence: 'every 6 weeks',
      weekday: 'thursday',
      time: '13:00',
      duration_minutes: 90,
      location: 'Kommunhuset',
    });
    expect(meetingsBlock({})).toBeUndefined();
    // Swedish spellings the schema lists are taken and written as the schema's value.
    expect(meetingsBlock({ weekday: 'Torsdag' })).toEqual({ weekday: 'thursday' });
    expect(() => meetingsBlock({ time: '25:00' })).toThrow(/^--time "25:00": A time is written HH:MM/);
  });
});

describe('person add', () => {
  it('appends the person to people.yaml, keeping the file as it was around it, and the workspace validates', async () => {
    const before = read('people.yaml');
    const r = await addPerson(await load(), { name: 'Kommunpolis Beta', organization: 'Polisen', email: 'kommunpolis@polisen.example' }, AS_OF);
    expect(r.person).toEqual({ id: 'kommunpolis-beta', name: 'Kommunpolis Beta', organization: 'polisen', email: 'kommunpolis@polisen.example' });
    expect(lineDiff(before, read('people.yaml'))).toEqual({
      removed: [],
      added: ['  - id: kommunpolis-beta', '    name: Kommunpolis Beta', '    organization: polisen', '    email: kommunpolis@polisen.example'],
    });
    expect(await findings()).toEqual([]);
  });

  it('refuses an identity number in the name, an unknown organisation and a wrong e-mail, naming the flag, and writes nothing', async () => {
    const before = read('people.yaml');
    const ws = await load();
    await expect(addPerson(ws, { name: 'Anna 330121-9618', organization: 'alfa' }, AS_OF)).rejects.toThrow(/^--name "Anna 330121-9618": This looks like an identity number \(330121-\*\*\*\*\)/);
    await expect(addPerson(ws, { name: 'Anna', organization: 'polisn' }, AS_OF)).rejects.toThrow(/^--organization "polisn": There is no organisation with the id "polisn" in the workspace\. Did you mean "polisen"\? Choose one of: alfa, /);
    await expect(addPerson(ws, { name: 'Anna', organization: 'alfa', email: 'anna(at)alfa' }, AS_OF)).rejects.toThrow(/^--email "anna\(at\)alfa": /);
    await expect(addPerson(ws, { name: 'Anna', organization: 'alfa', id: 'polis' }, AS_OF)).rejects.toThrow(/^--id "polis": The id polis is already used by the person "Kommunpolis" in people.yaml/);
    await expect(addPerson(ws, { name: 'Polis', organization: 'alfa' }, AS_OF)).rejects.toThrow(/^There is already a person with the id polis \("Kommunpolis"\)\. If this is another person, give it an id of its own with --id, for example --id polis-2\./);
    await expect(addPerson(ws, { name: 'Anna' }, AS_OF)).rejects.toThrow(UsageError);
    expect(read('people.yaml')).toBe(before);
  });

  it('writes a new people.yaml with its modeline and comments in the workspace\'s language when there is none', async () => {
    rmSync(join(dir, 'people.yaml'));
    const ws = await load();
    const r = await addPerson(ws, { name: 'Samordnare', organization: 'alfa' }, AS_OF);
    expect(r.created).toBe(true);
    expect(read('people.yaml')).toMatch(/^# Tjänstepersoner som deltar i samverkan/);
    expect(parse(read('people.yaml'))).toEqual({ kind: 'people', people: [{ id: 'samordnare', name: 'Samordnare', organization: 'alfa' }] });
  });
});

describe('organization add', () => {
  it('guesses the type from a plain name and appends the organisation', async () => {
    const r = await addOrganization(await load(), { name: 'Åklagarkammaren i Uddevalla', shortName: 'Åklagarna' }, AS_OF);
    expect(r.guessedType).toBe(true);
    expect(r.organization).toEqual({ id: 'aklagarkammaren-i-uddevalla', name: 'Åklagarkammaren i Uddevalla', type: 'prosecution', short_name: 'Åklagarna' });
    expect(parse(read('organizations.yaml')).organizations.at(-1)).toEqual(r.organization);
    expect(await findings()).toEqual([]);
  });

  it('takes a Swedish spelling of the type and writes the schema\'s value', async () => {
    const r = await addOrganization(await load(), { name: 'Gamma', type: 'kommun' }, AS_OF);
    expect(r.organization.type).toBe('municipality');
    expect(await findings()).toEqual([]);
  });

  it('needs --type when the name does not say it, and refuses a type outside the schema\'s list', async () => {
    const ws = await load();
    await expect(addOrganization(ws, { name: 'Gamma' }, AS_OF)).rejects.toThrow(/^--type is missing.*--type police/);
    await expect(addOrganization(ws, { name: 'Gamma', type: 'kommunerna' }, AS_OF)).rejects.toThrow(/^--type "kommunerna": Write one of the values municipality, region/);
    await expect(addOrganization(ws, { name: 'Gamma', type: 'ngo', partOf: 'gamma' }, AS_OF)).rejects.toThrow(/^--part-of "gamma": /);
  });
});

describe('group new', () => {
  it('writes a working group that reports to the steering group, with comments and the meetings block, and the workspace validates', async () => {
    const r = await newGroup(
      await load(),
      { type: 'working', name: 'Arbetsgrupp Alfa', chair: 'samordnare', secretary: 'polis', members: ['socchef-beta'], cadence: 'monthly', weekday: 'tuesday', time: '09:00' },
      AS_OF,
    );
    expect(r.rel).toBe('groups/arbetsgrupp-alfa.yaml');
    expect(parse(r.text)).toEqual({
      kind: 'group',
      id: 'arbetsgrupp-alfa',
      name: 'Arbetsgrupp Alfa',
      type: 'working',
      reports_to: 'styrgrupp',
      decides: false,
      confidentiality: 'internal',
      meetings: { cadence: 'monthly', weekday: 'tuesday', time: '09:00' },
      members: [
        { person: 'samordnare', role: 'chair', from: '2009-06-01' },
        { person: 'polis', role: 'secretary', from: '2009-06-01' },
        { person: 'socchef-beta', role: 'member', from: '2009-06-01' },
      ],
    });
    expect(r.text).toMatch(/^# Arbetsgrupp: vem som sitter i gruppen/);
    expect(r.text).toContain('time: "09:00"');
    expect(r.text).toMatch(/reports_to: styrgrupp # gruppen som den här gruppen rapporterar till/);
    expect(await findings()).toEqual([]);
  });

  it('gives each type its defaults: a steering group decides with a majority quorum, a case group is confidential with a provision', async () => {
    expect(groupDefaults('steering')).toEqual({ decides: true, confidentiality: 'open', quorum: 'majority' });
    expect(groupDefaults('reference')).toEqual({ decides: false, confidentiality: 'open' });
    const r = await newGroup(await load(), { type: 'case', name: 'Ärendegrupp Alfa', chair: 'socchef-alfa' }, AS_OF);
    expect(parse(r.text)).toMatchObject({ type: 'case', decides: false, confidentiality: 'confidential', secrecy: { provision: DEFAULT_SECRECY_PROVISION }, reports_to: 'styrgrupp' });
    expect(await findings()).toEqual([]);
  });

  it('takes Swedish spellings of the type, the confidentiality and the weekday', async () => {
    const r = await newGroup(await load(), { type: 'referensgrupp', name: 'Referensgrupp', chair: 'polis', confidentiality: 'intern', weekday: 'onsdag', cadence: 'quarterly' }, AS_OF);
    expect(parse(r.text)).toMatchObject({ type: 'reference', confidentiality: 'internal', meetings: { weekday: 'wednesday' } });
  });

  it('refuses an open case group, an unknown chair, a person twice and a taken id, and writes nothing', async () => {
    const ws = await load();
    await expect(newGroup(ws, { type: 'case', name: 'Ä', chair: 'polis', confidentiality: 'open' }, AS_OF)).rejects.toThrow(/always confidential/);
    await expect(newGroup(ws, { type: 'case', name: 'Ä', chair: 'polis', decides: 'yes' }, AS_OF)).rejects.toThrow(/^--decides "yes": A case group takes no decisions/);
    await expect(newGroup(ws, { type: 'working', name: 'A', chair: 'nobody' }, AS_OF)).rejects.toThrow(/^--chair "nobody": There is no person/);
    await expect(newGroup(ws, { type: 'working', name: 'A', chair: 'polis', members: ['polis'] }, AS_OF)).rejects.toThrow(/polis is given more than once/);
    await expect(newGroup(ws, { type: 'working', name: 'Styrgrupp', chair: 'polis' }, AS_OF)).rejects.toThrow(/already a group with the id styrgrupp/);
    await expect(newGroup(ws, { type: 'working', name: 'A' }, AS_OF)).rejects.toThrow(/^--chair is missing/);
    await expect(newGroup(ws, { type: 'working', name: 'A', chair: 'polis', members: ['nobody'] }, AS_OF)).rejects.toThrow(/^--member "nobody"/);
    expect(() => read('groups/a.yaml')).toThrow();
  });

  it('refuses to write when the new file would bring an error the checks find', async () => {
    const ws = await load();
    // A numeric quorum above the roster is for the rules to warn about; an unreadable people.yaml is not the group's fault.
    await expect(newGroup(ws, { type: 'working', name: 'Arbetsgrupp', chair: 'polis', reportsTo: 'styrgrupp', id: 'styrgrupp' }, AS_OF)).rejects.toThrow(/--id "styrgrupp": The id styrgrupp is already used/);
    await expect(newGroup(ws, { type: 'working', name: 'X', chair: 'polis', id: 'x' }, AS_OF)).resolves.toMatchObject({ created: true });
    await expect(newGroup(await load(), { type: 'working', name: 'X', chair: 'polis', id: 'x' }, AS_OF)).rejects.toThrow(/--id "x"/);
  });
});

describe('appending where the list file does not load', () => {
  it('refuses rather than writing a second people.yaml', async () => {
    writeFileSync(join(dir, 'people.yaml'), 'kind: people\npeople:\n  - id: a\n   name: broken\n');
    await expect(addPerson(await load(), { name: 'Anna', organization: 'alfa' }, AS_OF)).rejects.toThrow(EditConflictError);
  });
});
