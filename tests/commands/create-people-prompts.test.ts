/**
 * person add, organization add and group new in a terminal, driven by @inquirer/testing: a wrong
 * answer is refused at its own question (in Swedish and English), the flags' answers are not asked
 * again, Ctrl-C writes nothing, and what is written passes validate.
 */
import { render } from '@inquirer/testing';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { askGroupNew, askOrganizationAdd, askPersonAdd } from '../../src/cli/create-people-prompts.js';
import { newGroup } from '../../src/commands/create/group.js';
import { addOrganization } from '../../src/commands/create/organization.js';
import { addPerson } from '../../src/commands/create/person.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { AS_OF, asCommand, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

afterEach(() => setLanguage('en'));

/** Clears what the question's input holds, so that another answer can be typed. */
function clear(session: { events: { keypress: (k: string) => void } }, n = 40): void {
  for (let i = 0; i < n; i++) session.events.keypress('backspace');
}

describe('person add in a terminal', () => {
  it('refuses an identity number in the name at the name question, in Swedish, then writes a person that validates', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askPersonAdd, (input) => addPerson(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await answer(session, 'Vad heter personen?', 'Anna Andersson 330121-9618');
    await waitFor(session, 'Det här ser ut som ett personnummer (330121-****)');
    // The next question is not asked until the name is right.
    expect(session.getScreen()).not.toContain('Personens id');
    clear(session);
    session.events.type('Kommunpolis Beta');
    session.events.keypress('enter');
    await waitFor(session, 'Personens id');
    expect(session.getScreen()).toContain('kommunpolis-beta');
    session.events.keypress('enter');
    await waitFor(session, 'Var arbetar Kommunpolis Beta?');
    for (let i = 0; i < 3; i++) session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Befattning', 'Kommunpolis');
    await answer(session, 'E-post i tjänsten', 'kommunpolis(at)polisen');
    await waitFor(session, 'e-postadress');
    clear(session);
    session.events.type('kommunpolis@polisen.example');
    session.events.keypress('enter');
    const result = await session.answer;
    expect(result.person).toEqual({ id: 'kommunpolis-beta', name: 'Kommunpolis Beta', title: 'Kommunpolis', organization: 'polisen', email: 'kommunpolis@polisen.example' });
    expect(parse(result.text).people.at(-1)).toEqual(result.person);
    expect((await validate(dir)).code).toBe(0);
  });

  it('refuses an id another person has, saying who has it, and asks only what the flags left out', async () => {
    const { workspace } = await cleanWorkspace();
    const session = await render(askPersonAdd, { workspace, canAsk: true, given: { name: 'Polis', organization: 'polisen', title: 'Kommunpolis', email: 'p@polisen.example' } });
    await waitFor(session, 'The person\'s id');
    session.events.keypress('enter');
    await waitFor(session, 'The id polis is already used by the person "Kommunpolis" in people.yaml.');
    clear(session);
    session.events.type('polis-beta');
    session.events.keypress('enter');
    await expect(session.answer).resolves.toEqual({ name: 'Polis', id: 'polis-beta', organization: 'polisen', title: 'Kommunpolis', email: 'p@polisen.example' });
  });

  it('writes nothing when stopped with Ctrl-C at a question', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askPersonAdd, (input) => addPerson(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: { name: 'Anna' } });
    await waitFor(session, 'The person\'s id');
    session.events.keypress('enter');
    await waitFor(session, 'Where does Anna work?');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1, message: 'Stopped at your request, so nothing was written.' });
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('a terminal with nothing to choose from', () => {
  it('says what to add first instead of asking questions that cannot be answered', async () => {
    const { dir } = await cleanWorkspace();
    rmSync(join(dir, 'organizations.yaml'));
    rmSync(join(dir, 'people.yaml'));
    const workspace = await loadWorkspace({ dir });
    await expect(askPersonAdd({ workspace, canAsk: true, given: {} })).rejects.toThrow(/Add the organisation first: samverkan organization add$/);
    await expect(askGroupNew({ workspace, canAsk: true, given: {} })).rejects.toThrow(/Add the chair first: samverkan person add$/);
  });
});

describe('a wrong flag in a terminal', () => {
  it('is refused before the first question, naming the flag', async () => {
    const { workspace } = await cleanWorkspace();
    await expect(askPersonAdd({ workspace, canAsk: true, given: { email: 'anna(at)alfa' } })).rejects.toThrow(/^--email "anna\(at\)alfa": /);
    await expect(askGroupNew({ workspace, canAsk: true, given: { quorum: 'alla' } })).rejects.toThrow(/^--quorum "alla": /);
  });
});

describe('organization add in a terminal', () => {
  it('offers the type the name suggests, refuses a unit of an unknown organisation by typing, and writes one that validates', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askOrganizationAdd, (input) => addOrganization(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await answer(session, 'Vad heter organisationen?', 'Kvinnojouren Alfa');
    await waitFor(session, 'Vad är Kvinnojouren Alfa för slags organisation?');
    expect(session.getScreen()).toMatch(/❯ ideell organisation \(ngo\)/);
    session.events.keypress('enter');
    await answer(session, 'Organisationens id', '');
    await answer(session, 'Kort namn för tabeller', 'Kvinnojouren');
    await waitFor(session, 'Är Kvinnojouren Alfa en enhet i en annan organisation?');
    expect(session.getScreen()).toMatch(/❯ \(ingen\)/);
    session.events.keypress('enter');
    const result = await session.answer;
    expect(result.organization).toEqual({ id: 'kvinnojouren-alfa', name: 'Kvinnojouren Alfa', type: 'ngo', short_name: 'Kvinnojouren' });
    expect((await validate(dir)).code).toBe(0);
  });

  it('refuses an identity number in the short name at its question', async () => {
    const { workspace } = await cleanWorkspace();
    const session = await render(askOrganizationAdd, { workspace, canAsk: true, given: { name: 'Gamma kommun', type: 'municipality', id: 'gamma' } });
    await answer(session, 'A short name for tables', 'Gamma 821105-9954');
    await waitFor(session, 'This looks like an identity number (821105-****)');
    clear(session);
    session.events.type('Gamma');
    session.events.keypress('enter');
    await waitFor(session, 'Is Gamma kommun a unit of another organisation?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await expect(session.answer).resolves.toEqual({ name: 'Gamma kommun', type: 'municipality', id: 'gamma', shortName: 'Gamma', partOf: 'alfa' });
  });
});

describe('organization add stopped in a terminal', () => {
  it('refuses an identity number in the name where typed, and writes nothing when stopped with Ctrl-C', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askOrganizationAdd, (input) => addOrganization(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await answer(session, 'What is the organisation called?', 'Gamma 821105-9954');
    await waitFor(session, 'This looks like an identity number (821105-****)');
    clear(session);
    session.events.type('Gamma kommun');
    session.events.keypress('enter');
    await waitFor(session, 'What kind of organisation is Gamma kommun?');
    session.events.keypress('enter');
    await waitFor(session, 'The organisation\'s id');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1, message: 'Stopped at your request, so nothing was written.' });
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('group new in a terminal', () => {
  it('asks for a case group in Swedish, with the secrecy provision offered, refusing a wrong cadence where typed; the file validates', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askGroupNew, (input) => newGroup(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await waitFor(session, 'Vad är det för slags grupp?');
    expect(session.getScreen()).toMatch(/❯ Arbetsgrupp \(working\)/);
    session.events.keypress('down');
    session.events.keypress('enter');
    await waitFor(session, 'Vad heter gruppen?');
    expect(session.getScreen()).toContain('Ärendegrupp Kvinnofrid Testkommunerna');
    clear(session, 60);
    session.events.type('Ärendegrupp Alfa');
    session.events.keypress('enter');
    await answer(session, 'Gruppens id', '');
    await answer(session, 'Vad är gruppen till för?', 'Samråd i enskilda ärenden');
    await waitFor(session, 'Vem är ordförande?');
    session.events.keypress('enter');
    await waitFor(session, 'Vem är sekreterare?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await waitFor(session, 'Vilka fler är ledamöter?');
    session.events.keypress('space');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken grupp rapporterar den till?');
    expect(session.getScreen()).toMatch(/❯ Styrgruppen \(styrgrupp\)/);
    session.events.keypress('enter');
    await waitFor(session, 'Under vilken överenskommelse finns gruppen?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken sekretessbestämmelse gäller gruppens handlingar?');
    expect(session.getScreen().replace(/\s+/g, ' ')).toContain('26 kap. 1 § offentlighets- och sekretesslagen (2009:400)');
    session.events.keypress('enter');
    await answer(session, 'Hur ofta träffas gruppen?', 'varannan vecka');
    await waitFor(session, 'Skriv hur ofta');
    clear(session);
    session.events.type('every 2 weeks');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken veckodag?');
    expect(session.getScreen()).toContain('måndag (monday)');
    // (ingen) first, then Monday to Sunday.
    for (let i = 0; i < 4; i++) session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vilken tid börjar mötena?', '8:30');
    await waitFor(session, 'En tid skrivs TT:MM');
    clear(session);
    session.events.type('08:30');
    session.events.keypress('enter');
    await answer(session, 'Var träffas gruppen?', '');
    const result = await session.answer;
    expect(parse(result.text)).toEqual({
      kind: 'group',
      id: 'arendegrupp-alfa',
      name: 'Ärendegrupp Alfa',
      type: 'case',
      agreement: 'avtal',
      reports_to: 'styrgrupp',
      purpose: 'Samråd i enskilda ärenden',
      decides: false,
      confidentiality: 'confidential',
      secrecy: { provision: '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)' },
      meetings: { cadence: 'every 2 weeks', weekday: 'thursday', time: '08:30' },
      members: [
        { person: 'samordnare', role: 'chair', from: AS_OF },
        { person: 'socchef-alfa', role: 'secretary', from: AS_OF },
        { person: 'socchef-beta', role: 'member', from: AS_OF },
      ],
    });
    expect(result.text).toMatch(/^# yaml-language-server|^# Ärendegrupp:/);
    expect((await validate(dir)).code).toBe(0);
  });

  it('refuses an identity number in the group\'s name at the name question', async () => {
    const { workspace } = await cleanWorkspace();
    const session = await render(askGroupNew, { workspace, canAsk: true, given: { type: 'working' } });
    await waitFor(session, 'What is the group called?');
    clear(session, 60);
    session.events.type('Anna 330121-9618');
    session.events.keypress('enter');
    await waitFor(session, 'This looks like an identity number (330121-****)');
    expect(session.getScreen()).not.toContain('The group\'s id');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toThrow();
  });

  it('writes nothing when stopped with Ctrl-C at a question', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askGroupNew, (input) => newGroup(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: { type: 'steering', name: 'Ny styrgrupp', id: 'ny' } });
    await waitFor(session, 'What is the group for?');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1 });
    expect(existsSync(join(dir, 'groups/ny.yaml'))).toBe(false);
    expect(filesOf(dir)).toEqual(before);
  });
});
