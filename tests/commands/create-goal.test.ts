import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { askGoalAdd } from '../../src/cli/create-plans-prompts.js';
import { addGoal } from '../../src/commands/create/goal.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { runInProcess } from '../helpers/cli.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { lineDiff } from './line-diff.js';
import { AS_OF, asCommand, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

const plan = (dir: string) => readFileSync(join(dir, 'plans/plan.yaml'), 'utf8');

describe('goal add by flags', () => {
  it('appends a goal with the next free id, touching no other line, and the workspace still validates', async () => {
    const { dir } = await cleanWorkspace();
    const before = plan(dir);
    const run = await runInProcess(['goal', 'add', 'plan', '--title', 'Personalen har kunskap om våld', '--national-goal', 'knowledge-methods', '--focus-area', 'competence', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('Added goal m2 "Personalen har kunskap om våld" to plan plan (plans/plan.yaml:19). Next: say how it is measured with "samverkan indicator add plan --goal m2".\n');
    expect(lineDiff(before, plan(dir))).toEqual({
      removed: [],
      added: ['  - id: m2', '    title: Personalen har kunskap om våld', '    national_goal: knowledge-methods', '    focus_area: competence'],
    });
    // Nothing serves or measures the new goal yet: said, not refused.
    expect(run.stderr).toContain('No action serves goal m2');
    expect((await validate(dir)).code).toBe(0);
  });

  it('adds a sub-goal with --under, in the style of the sub-goals there, and says so in Swedish', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(['goal', 'add', 'plan', '--under', 'm1', '--title', 'Alla nyanställda utbildas', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Lade till delmålet d2 "Alla nyanställda utbildas" under m1 i planen plan \(plans\/plan\.yaml:\d+\)\. Nästa steg:/);
    expect(plan(dir)).toContain('      - {id: d1, title: Rutiner finns i båda kommunerna}\n      - {id: d2, title: Alla nyanställda utbildas}\n');
  });

  it('takes a value the schema lists written with other capitals, and refuses one it does not list with the schema\'s values', async () => {
    const { dir } = await cleanWorkspace();
    const ok = await runInProcess(['goal', 'add', 'plan', '--title', 'Förebygga', '--national-goal', 'Prevention', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parse(plan(dir)).goals[1].national_goal).toBe('prevention');
    const before = filesOf(dir);
    const bad = await runInProcess(['goal', 'add', 'plan', '--title', 'Något', '--national-goal', 'förebyggande-arbete', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^samverkan: --national-goal "förebyggande-arbete": .*prevention.*knowledge-methods/);
    expect(filesOf(dir)).toEqual(before);
  });

  it('refuses an id the plan uses for anything, an unknown --under, and a national goal on a sub-goal', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const taken = await runInProcess(['goal', 'add', 'plan', '--id', 'i1', '--title', 'X', '--lang', 'en'], { cwd: dir });
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('--id "i1": Plan plan already has an indicator with the id i1. Choose another id, for example m2.');
    const under = await runInProcess(['goal', 'add', 'plan', '--under', 'm7', '--title', 'X', '--lang', 'sv'], { cwd: dir });
    expect(under.code).toBe(2);
    expect(under.stderr).toContain('--under "m7": Planen plan har inte något övergripande mål med id:t "m7". Menade du "m1"? Välj en av: m1.');
    const national = await runInProcess(['goal', 'add', 'plan', '--under', 'm1', '--title', 'X', '--national-goal', 'prevention', '--lang', 'en'], { cwd: dir });
    expect(national.code).toBe(2);
    expect(national.stderr).toContain('--national-goal belongs to an overall goal, not a sub-goal');
    expect(filesOf(dir)).toEqual(before);
  });

  it('without a terminal, a missing --title is exit 2 naming the flag; an unknown plan is refused before anything is asked', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(['goal', 'add', 'plan', '--lang', 'sv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--title saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Ange --title, till exempel: samverkan goal add plan --title');
    const unknown = await runInProcess(['goal', 'add', 'plann', '--title', 'X', '--lang', 'en'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Did you mean "plan"?');
  });
});

describe('goal add in a terminal', () => {
  afterEach(() => setLanguage('en'));

  it('asks for the goal, refusing an identity number at that question, then its national goal and focus area', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askGoalAdd, (input) => addGoal(workspace, 'plan', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, plan: 'plan', given: {} });
    await waitFor(session, 'Vad ska läggas till?');
    expect(session.getScreen()).toContain('❯ Ett nytt övergripande mål');
    expect(session.getScreen()).toContain('Ett delmål under m1 Fler våldsutsatta ska få stöd');
    session.events.keypress('enter');
    await answer(session, 'Målet, som en mening:', 'Stöd till 811218-9876');
    await waitFor(session, 'Det här ser ut som ett personnummer (811218-****)');
    for (let i = 0; i < 11; i++) session.events.keypress('backspace');
    session.events.type('alla våldsutsatta');
    session.events.keypress('enter');
    await waitFor(session, 'Vilket nationellt mål arbetar det mot?');
    expect(session.getScreen()).toContain('(ingen)');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Fokusområde', 'collaboration');
    const result = await session.answer;
    expect(parse(result.text).goals[1]).toEqual({ id: 'm2', title: 'Stöd till alla våldsutsatta', national_goal: 'prevention', focus_area: 'collaboration' });
    expect((await validate(dir)).code).toBe(0);
  });

  it('asks for a sub-goal\'s sentence only, once a goal is chosen to put it under', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askGoalAdd, (input) => addGoal(workspace, 'plan', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, plan: 'plan', given: {} });
    await waitFor(session, 'What is to be added?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'The sub-goal under m1, as a sentence:', 'Rutiner finns i alla kommuner');
    const result = await session.answer;
    expect(result.under).toBe('m1');
    expect(parse(result.text).goals[0].subgoals[1]).toEqual({ id: 'd2', title: 'Rutiner finns i alla kommuner' });
    expect((await validate(dir)).code).toBe(0);
  });

  it('writes nothing when stopped with Ctrl-C', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askGoalAdd, (input) => addGoal(workspace, 'plan', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, plan: 'plan', given: {} });
    await waitFor(session, 'What is to be added?');
    session.events.keypress('enter');
    await answer(session, 'The goal, as a sentence:', 'Halvfärdigt');
    await waitFor(session, 'Which national goal does it serve?');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1 });
    expect(filesOf(dir)).toEqual(before);
  });
});
