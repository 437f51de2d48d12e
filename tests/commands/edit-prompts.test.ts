import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { answer, waitFor } from '../helpers/prompts.js';
import {
  askActionAdd,
  askActionSet,
  askMeetingDate,
  askMemberAdd,
  askMemberRemove,
  askTask,
  PromptCancelledError,
  whileAsking,
} from '../../src/cli/prompts.js';

const ORGS = [
  { value: 'alfa', name: 'Alfa kommun (alfa)' },
  { value: 'beta', name: 'Beta kommun (beta)' },
];
const GOALS = [
  { value: 'm1', name: 'm1 Fler ska få stöd' },
  { value: 'd1', name: 'd1 Rutiner finns' },
];

describe('askActionAdd', () => {
  it('asks in Swedish for the title, the responsible organisation, the due date (checked) and the goals', async () => {
    const session = await render(askActionAdd, { lang: 'sv', organizations: ORGS, goalChoices: GOALS });
    await waitFor(session, 'Vad ska göras?');
    session.events.keypress('enter');
    await waitFor(session, 'Skriv vad som ska göras.');
    session.events.type('Utbilda personalen');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken organisation är ansvarig?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'När ska den vara klar?', '2010-02-30');
    await waitFor(session, 'Skriv ett datum som ÅÅÅÅ-MM-DD');
    for (let i = 0; i < 10; i++) session.events.keypress('backspace');
    session.events.type('2010-06-30');
    session.events.keypress('enter');
    await waitFor(session, 'Vilka mål eller delmål');
    session.events.keypress('down');
    session.events.keypress('space');
    session.events.keypress('enter');
    await expect(session.answer).resolves.toEqual({ title: 'Utbilda personalen', responsible: 'beta', due: '2010-06-30', goals: ['d1'] });
  });

  it('asks only for what the flags left out', async () => {
    const session = await render(askActionAdd, { lang: 'en', title: 'Given', responsible: 'alfa', goals: [], organizations: ORGS, goalChoices: GOALS });
    await answer(session, 'When is it due? (YYYY-MM-DD)', '2010-01-31');
    await expect(session.answer).resolves.toEqual({ title: 'Given', responsible: 'alfa', due: '2010-01-31', goals: [] });
  });

  it('takes an organisation id as text when there are no organisations to pick from', async () => {
    const session = await render(askActionAdd, { lang: 'en', due: '2010-01-31', organizations: [], goalChoices: [] });
    await answer(session, 'What is to be done?', 'X');
    await answer(session, 'Which organisation is responsible? (its id', 'polisen');
    await expect(session.answer).resolves.toEqual({ title: 'X', responsible: 'polisen', due: '2010-01-31', goals: [] });
  });
});

describe('askActionSet', () => {
  it('offers the current status and progress as defaults, and takes a note', async () => {
    const session = await render(askActionSet, { lang: 'en', status: 'ongoing', progress: 40 });
    await waitFor(session, 'Status now?');
    expect(session.getScreen()).toMatch(/❯ ongoing/);
    session.events.keypress('down');
    session.events.keypress('enter');
    await waitFor(session, 'How far has it come');
    expect(session.getScreen()).toContain('40');
    for (let i = 0; i < 3; i++) session.events.keypress('backspace');
    session.events.type('101');
    session.events.keypress('enter');
    await waitFor(session, 'Write a whole number from 0 to 100.');
    for (let i = 0; i < 3; i++) session.events.keypress('backspace');
    session.events.type('100');
    session.events.keypress('enter');
    await answer(session, 'A note for the follow-up', 'Klart');
    await expect(session.answer).resolves.toEqual({ status: 'done', progress: 100, note: 'Klart' });
  });

  it('leaves out an empty progress and note', async () => {
    const session = await render(askActionSet, { lang: 'sv', status: 'planned' });
    await answer(session, 'Status nu?', '');
    await answer(session, 'Hur långt har den kommit', '');
    await answer(session, 'Anteckning till uppföljningen', '');
    await expect(session.answer).resolves.toEqual({ status: 'planned' });
  });
});

describe('member, task and date prompts', () => {
  it('asks who joins and in which role (member by default)', async () => {
    const session = await render(askMemberAdd, { lang: 'sv', group: 'Styrgruppen', people: [{ value: 'polis', name: 'Kommunpolis (polis, polisen)' }] });
    await answer(session, 'Vem ska in i Styrgruppen?', '');
    await waitFor(session, 'Vilken roll får hen?');
    expect(session.getScreen()).toMatch(/❯ ledamot/);
    session.events.keypress('enter');
    await expect(session.answer).resolves.toEqual({ person: 'polis', role: 'member' });
  });

  it('asks who leaves, which task is done, and a meeting date', async () => {
    const leaving = await render(askMemberRemove, { lang: 'en', group: 'Styrgruppen', members: [{ value: 'a', name: 'A' }, { value: 'b', name: 'B' }] });
    await waitFor(leaving, 'Who leaves Styrgruppen?');
    leaving.events.keypress('down');
    leaving.events.keypress('enter');
    await expect(leaving.answer).resolves.toBe('b');

    const task = await render(askTask, { lang: 'sv', meeting: 'styrgrupp-2009-05-14', tasks: [{ value: 't1', name: 't1: Skicka rutinerna' }] });
    await answer(task, 'Vilken uppgift från styrgrupp-2009-05-14 är klar?', '');
    await expect(task.answer).resolves.toBe('t1');

    const date = await render(askMeetingDate, { lang: 'en', group: 'Resursteamet' });
    await answer(date, 'On which date does Resursteamet meet?', ' 2009-09-03 ');
    await expect(date.answer).resolves.toBe('2009-09-03');
  });
});

describe('stopping at a question', () => {
  it('Ctrl-C becomes a plain "nothing was written", with exit code 1', async () => {
    const session = await render(askActionSet, { lang: 'en', status: 'ongoing' });
    await waitFor(session, 'Status now?');
    const stopped = whileAsking(() => session.answer);
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(stopped).rejects.toBeInstanceOf(PromptCancelledError);
    await expect(stopped).rejects.toThrow(/Stopped at your request|Avbrutet på din begäran/);
    await expect(stopped).rejects.toMatchObject({ exitCode: 1 });
  });

  it('so does cancelling the prompt', async () => {
    const session = await render(askMemberAdd, { lang: 'en', group: 'G', people: [] });
    await waitFor(session, 'Who joins G?');
    const stopped = whileAsking(() => session.answer);
    session.answer.cancel();
    await expect(stopped).rejects.toBeInstanceOf(PromptCancelledError);
  });

  it('lets other errors through', async () => {
    await expect(whileAsking(() => Promise.reject(new TypeError('boom')))).rejects.toBeInstanceOf(TypeError);
  });
});
