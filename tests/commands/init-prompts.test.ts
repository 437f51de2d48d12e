import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { answer, waitFor } from '../helpers/prompts.js';
import { askInit, type InitPromptConfig } from '../../src/cli/init-prompts.js';
import { planInit } from '../../src/commands/init.js';


describe('askInit', () => {
  it('asks everything in Swedish, offers guessed types and defaults, and returns answers that plan a workspace', async () => {
    const session = await render(askInit, { lang: 'sv', folder: 'kvinnofrid' });
    await answer(session, 'Vad heter samverkan?', 'Kvinnofrid Norra Bohuslän');
    await answer(session, 'Vilket språk ska dokumenten ha?', '');
    await answer(session, 'Organisation 1 som deltar', 'Munkedals kommun');
    await waitFor(session, 'Vad är Munkedals kommun för slags organisation?');
    expect(session.getScreen()).toMatch(/❯ kommun/);
    session.events.keypress('enter');
    await answer(session, 'Organisation 2 (lämna tomt', 'Polisen Fyrbodal');
    await waitFor(session, 'Vad är Polisen Fyrbodal för slags organisation?');
    expect(session.getScreen()).toMatch(/❯ polis/);
    session.events.keypress('enter');
    await answer(session, 'Organisation 3 (lämna tomt', '');
    await waitFor(session, 'Vad heter den första gruppen?');
    expect(session.getScreen()).toContain('Styrgrupp Kvinnofrid Norra Bohuslän');
    session.events.keypress('enter');
    await answer(session, 'Vad är det för slags grupp?', '');
    await answer(session, 'Vem är ordförande?', 'Åsa Öberg');
    await waitFor(session, 'Vilken organisation kommer Åsa Öberg från?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vem är sekreterare?', '');
    await answer(session, 'Hur ofta träffas gruppen?', '');
    await answer(session, 'Skapa arbetsytan i kvinnofrid?', '');
    const result = await session.answer;
    expect(result).toEqual({
      name: 'Kvinnofrid Norra Bohuslän',
      language: 'sv',
      organizations: [
        { name: 'Munkedals kommun', type: 'municipality' },
        { name: 'Polisen Fyrbodal', type: 'police' },
      ],
      group: { name: 'Styrgrupp Kvinnofrid Norra Bohuslän', type: 'steering' },
      chair: { name: 'Åsa Öberg', organization: 'polisen-fyrbodal' },
    });
    expect(planInit(result!).map((f) => f.path)).toContain('groups/styrgrupp-kvinnofrid-norra-bohuslan.yaml');
  });

  it('does not let an answer be empty where one is needed, nor an organisation twice', async () => {
    const session = await render(askInit, { lang: 'en', folder: '.', name: 'X', language: 'en' });
    await waitFor(session, 'Organisation 1 taking part');
    session.events.keypress('enter');
    await waitFor(session, 'Write the name of at least one organisation.');
    session.events.type('Tanums kommun');
    session.events.keypress('enter');
    await answer(session, 'What kind of organisation is Tanums kommun?', '');
    await answer(session, 'Organisation 2', 'tanums kommun');
    await waitFor(session, 'That organisation is in the list already.');
    session.answer.cancel();
    await expect(session.answer).rejects.toThrow();
  });

  it('skips what the flags gave, and asks for the secretary\'s organisation only when there is a choice', async () => {
    const session = await render(askInit, {
      lang: 'en',
      folder: 'ws',
      name: 'Kvinnofrid',
      language: 'en',
      organizations: [{ name: 'Tanums kommun', type: 'municipality' }],
      groupName: 'Working group',
      groupType: 'working',
      chair: 'Chair person',
      chairOrganization: 'tanums-kommun',
    });
    await answer(session, 'Who is its secretary?', 'Sekreterare Tanum');
    await answer(session, 'How often does the group meet?', '');
    await answer(session, 'Create the workspace in ws?', '');
    expect(await session.answer).toMatchObject({
      group: { name: 'Working group', type: 'working' },
      secretary: { name: 'Sekreterare Tanum', organization: 'tanums-kommun' },
    });
  });

  it('refuses an identity number in a name at the question where it was typed, and takes the next answer', async () => {
    const session = await render(askInit, {
      lang: 'en',
      folder: 'ws',
      name: 'Kvinnofrid',
      language: 'en',
      organizations: [{ name: 'Tanums kommun', type: 'municipality' }],
      groupName: 'Steering group',
      groupType: 'steering',
    });
    await answer(session, 'Who chairs it?', 'Anna Andersson 330121-9618');
    await waitFor(session, '(330121-****)');
    // Still at the chair's question: nothing after it was asked.
    expect(session.getScreen()).not.toContain('secretary');
    for (let i = 0; i < 30; i++) session.events.keypress('backspace');
    session.events.type('Socialchef Tanum');
    session.events.keypress('enter');
    await answer(session, 'Who is its secretary?', 'Sekreterare 19330121-9618');
    await waitFor(session, '(19330121-****)');
    for (let i = 0; i < 30; i++) session.events.keypress('backspace');
    session.events.keypress('enter');
    await answer(session, 'How often does the group meet?', '');
    await answer(session, 'Create the workspace in ws?', '');
    expect(await session.answer).toMatchObject({ chair: { name: 'Socialchef Tanum', organization: 'tanums-kommun' } });
    expect((await session.answer)?.secretary).toBeUndefined();
  });

  it('refuses an identity number in an organisation\'s name at its question', async () => {
    const session = await render(askInit, { lang: 'en', folder: 'ws', name: 'K', language: 'en' });
    await answer(session, 'Organisation 1 taking part', 'Familjehem 821105-9954');
    await waitFor(session, '(821105-****)');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });

  it('resolves to undefined when the user declines at the end', async () => {
    const session = await render(askInit, {
      lang: 'en',
      folder: 'ws',
      name: 'K',
      language: 'sv',
      organizations: [{ name: 'A kommun', type: 'municipality' }],
      groupName: 'G',
      groupType: 'steering',
      chair: 'C',
      secretary: '',
    });
    await answer(session, 'How often does the group meet?', '');
    await answer(session, 'Create the workspace in ws?', 'n');
    expect(await session.answer).toBeUndefined();
  });

  it('rejects with ExitPromptError on Ctrl-C, which the CLI turns into "nothing was written"', async () => {
    const session = await render(askInit, { lang: 'en', folder: 'ws' });
    await waitFor(session, 'What is the collaboration called?');
    session.events.type('Halv');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'ExitPromptError' });
  });
});
