import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { askPlanNew } from '../../src/cli/create-plans-prompts.js';
import { createPlan } from '../../src/commands/create/plan.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { runInProcess } from '../helpers/cli.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { AS_OF, asCommand, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

const FLAGS = ['--title', 'Handlingsplan 2009–2010', '--owner', 'styrgrupp', '--start', '2009-01-01', '--end', '2010-12-31', '--goal', 'Fler våldsutsatta får stöd i tid'];

describe('plan new by flags', () => {
  it('writes plans/<id>.yaml with comments in the workspace\'s language, says what to do next, and the workspace still validates', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(['plan', 'new', ...FLAGS, '--agreement', 'avtal', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(0);
    // A plan just begun has a goal nothing serves yet: written anyway, and said.
    expect(run.stderr).toBe('Note: plans/handlingsplan-2009-2010.yaml:13: No action serves goal m1 ("Fler våldsutsatta får stöd i tid"). Add goals: [m1] to the actions that work towards it, or add an action.\n');
    expect(run.stdout).toMatch(/^Wrote plans\/handlingsplan-2009-2010\.yaml: the action plan handlingsplan-2009-2010 "Handlingsplan 2009–2010" with goal m1\. Next: add actions with "samverkan action add handlingsplan-2009-2010"/);
    const text = readFileSync(join(dir, 'plans/handlingsplan-2009-2010.yaml'), 'utf8');
    // The workspace is Swedish, so the comments of the file are, whatever the terminal speaks.
    expect(text).toMatch(/^# Handlingsplan: mål med delmål och indikatorer/);
    expect(text).toContain('owner: styrgrupp # gruppen eller organisationen som äger planen');
    expect(parse(text)).toEqual({
      kind: 'plan',
      id: 'handlingsplan-2009-2010',
      title: 'Handlingsplan 2009–2010',
      owner: 'styrgrupp',
      agreement: 'avtal',
      period: { start: '2009-01-01', end: '2010-12-31' },
      goals: [{ id: 'm1', title: 'Fler våldsutsatta får stöd i tid' }],
    });
    const checked = await validate(dir);
    expect(checked.code, checked.stdout).toBe(0);
  });

  it('writes the schema modeline when the workspace keeps its schemas', async () => {
    const { dir } = await cleanWorkspace();
    expect((await runInProcess(['schema', '--write', join(dir, '.schemas')])).code).toBe(0);
    const run = await runInProcess(['plan', 'new', ...FLAGS, '--id', 'hp', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Skrev plans\/hp\.yaml: handlingsplanen hp "Handlingsplan 2009–2010" med målet m1\. Nästa steg:/);
    expect(readFileSync(join(dir, 'plans/hp.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../.schemas/plan.schema.json');
  });

  it('writes the comments in the workspace\'s language and speaks the terminal\'s', async () => {
    const { dir } = await cleanWorkspace();
    const config = join(dir, 'samverkan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('language: sv', 'language: en'));
    const run = await runInProcess(['plan', 'new', ...FLAGS, '--id', 'hp', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Skrev plans\/hp\.yaml/);
    const text = readFileSync(join(dir, 'plans/hp.yaml'), 'utf8');
    expect(text).toMatch(/^# Action plan: goals with sub-goals and indicators/);
    expect(text).toContain('owner: styrgrupp # the group or organisation that owns the plan');
  });

  it('without a terminal, a missing answer is exit 2 with a sentence naming the flag, and nothing is written', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const run = await runInProcess(['plan', 'new', '-C', dir, '--title', 'Handlingsplan', '--owner', 'styrgrupp', '--start', '2009-01-01', '--goal', 'Mål', '--lang', 'sv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--end saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Ange --end');
    expect(filesOf(dir)).toEqual(before);
  });

  it('refuses a wrong flag with what validate would say, naming the flag: an end before the start, an unknown owner, an identity number', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const endFirst = await runInProcess(['plan', 'new', '-C', dir, ...FLAGS, '--end', '2008-12-31', '--lang', 'en']);
    expect(endFirst.code).toBe(2);
    expect(endFirst.stderr).toContain('--end "2008-12-31": The end (2008-12-31) is before the start (2009-01-01).');
    const owner = await runInProcess(['plan', 'new', '-C', dir, ...FLAGS, '--owner', 'styrgrup', '--lang', 'en']);
    expect(owner.code).toBe(2);
    expect(owner.stderr).toContain('--owner "styrgrup": There is no group or organisation with the id "styrgrup" in the workspace. Did you mean "styrgrupp"?');
    const pnr = await runInProcess(['plan', 'new', '-C', dir, ...FLAGS, '--goal', 'Stöd till 19121212-1212', '--lang', 'en']);
    expect(pnr.code).toBe(2);
    expect(pnr.stderr).toContain('--goal');
    expect(pnr.stderr).toContain('looks like an identity number (19121212-****)');
    expect(pnr.stderr).not.toContain('1212-1212');
    const far = await runInProcess(['plan', 'new', '-C', dir, ...FLAGS, '--end', '2300-12-31', '--lang', 'en']);
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/--end "2300-12-31": .*1900-01-01.*2199-12-31/);
    const taken = await runInProcess(['plan', 'new', '-C', dir, ...FLAGS, '--id', 'plan', '--lang', 'en']);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('--id "plan": The id plan is already used');
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('plan new in a terminal', () => {
  afterEach(() => setLanguage('en'));

  it('asks in Swedish for each answer and refuses a wrong one at its own question', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askPlanNew, (input) => createPlan(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: {} });
    await answer(session, 'Vad heter handlingsplanen?', 'Handlingsplan för 19121212-1212');
    await waitFor(session, 'Det här ser ut som ett personnummer (19121212-****)');
    for (let i = 0; i < 13; i++) session.events.keypress('backspace');
    session.events.type('Alfa och Beta');
    session.events.keypress('enter');
    await waitFor(session, 'Planens id');
    expect(session.getScreen()).toContain('handlingsplan-for-alfa-och-beta');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken grupp eller organisation äger planen?');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken överenskommelse genomför planen?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vilken dag börjar planens period?', '2009-02-30');
    await waitFor(session, 'Skriv ett datum som ÅÅÅÅ-MM-DD');
    for (let i = 0; i < 10; i++) session.events.keypress('backspace');
    session.events.type('2009-01-01');
    session.events.keypress('enter');
    await answer(session, 'Vilken dag slutar den?', '2008-12-31');
    await waitFor(session, 'Slutet (2008-12-31) ligger före början (2009-01-01).');
    for (let i = 0; i < 10; i++) session.events.keypress('backspace');
    session.events.type('2010-12-31');
    session.events.keypress('enter');
    await answer(session, 'Planens första övergripande mål', 'Fler får stöd');
    const result = await session.answer;
    expect(result.rel).toBe('plans/handlingsplan-for-alfa-och-beta.yaml');
    expect(parse(result.text)).toMatchObject({ owner: 'styrgrupp', agreement: 'avtal', period: { start: '2009-01-01', end: '2010-12-31' }, goals: [{ id: 'm1', title: 'Fler får stöd' }] });
    expect((await validate(dir)).code).toBe(0);
  });

  it('asks only for what the flags left out', async () => {
    const { workspace } = await cleanWorkspace();
    const session = await render(askPlanNew, {
      workspace,
      canAsk: true,
      given: { title: 'P', id: 'p', owner: 'alfa', agreement: 'avtal', start: '2009-01-01', goal: 'G' },
    });
    await answer(session, 'On which day does it end?', '2009-12-31');
    await expect(session.answer).resolves.toEqual({ title: 'P', id: 'p', owner: 'alfa', agreement: 'avtal', start: '2009-01-01', end: '2009-12-31', goal: 'G' });
  });

  it('writes nothing when stopped with Ctrl-C at a question', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askPlanNew, (input) => createPlan(workspace, input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, given: { title: 'P' } });
    await answer(session, 'The plan\'s id', '');
    await waitFor(session, 'Which group or organisation owns the plan?');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1, message: 'Stopped at your request, so nothing was written.' });
    expect(existsSync(join(dir, 'plans/p.yaml'))).toBe(false);
    expect(filesOf(dir)).toEqual(before);
  });
});
