import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { applyEdits, insertIntoSequence } from '../../src/edit/text-edits.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, example } from '../helpers/workspaces.js';
import { askIndicatorAdd, askMeasure } from '../../src/cli/create-plans-prompts.js';
import { addIndicator, addMeasurement } from '../../src/commands/create/indicator.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { runInProcess } from '../helpers/cli.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { lineDiff } from './line-diff.js';
import { AS_OF, asCommand, cleanWorkspace, filesOf, validate } from './create-plan-helpers.js';

const plan = (dir: string) => readFileSync(join(dir, 'plans/plan.yaml'), 'utf8');

describe('indicator add by flags', () => {
  it('appends an indicator under a sub-goal (the list made where it was missing) with baseline and target, and the workspace still validates', async () => {
    const { dir } = await cleanWorkspace();
    const run = await runInProcess(
      ['indicator', 'add', 'plan', '--goal', 'm1', '--name', 'Ärenden med samordnad insats', '--unit', 'antal', '--direction', 'increase', '--source', 'Verksamhetssystemet', '--baseline', '4', '--baseline-period', '2008', '--target', '12,5', '--target-period', '2010-H2', '--as-of', AS_OF, '--lang', 'en'],
      { cwd: dir },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Added indicator i2 "Ärenden med samordnad insats" under m1 to plan plan \(plans\/plan\.yaml:\d+\)\. Next: record measurements with "samverkan indicator measure plan\/i2 --value NUMBER"\.\n$/);
    expect(parse(plan(dir)).goals[0].indicators[1]).toEqual({
      id: 'i2',
      name: 'Ärenden med samordnad insats',
      unit: 'antal',
      direction: 'increase',
      source: 'Verksamhetssystemet',
      baseline: { period: '2008', value: 4 },
      target: { period: '2010-H2', value: 12.5 },
    });
    const sub = await runInProcess(['indicator', 'add', 'plan', '--goal', 'd1', '--name', 'Kommuner med rutin', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(sub.code, sub.stderr).toBe(0);
    expect(parse(plan(dir)).goals[0].subgoals[0]).toEqual({ id: 'd1', title: 'Rutiner finns i båda kommunerna', indicators: [{ id: 'i3', name: 'Kommuner med rutin' }] });
    expect((await validate(dir)).code).toBe(0);
  });

  it('needs the period of a baseline given: exit 2 naming --baseline-period; refuses a period plans cannot read and an unknown goal', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    const noPeriod = await runInProcess(['indicator', 'add', 'plan', '--goal', 'm1', '--name', 'X', '--baseline', '3', '--lang', 'sv'], { cwd: dir });
    expect(noPeriod.code).toBe(2);
    expect(noPeriod.stderr).toContain('--baseline-period saknas');
    const period = await runInProcess(['indicator', 'add', 'plan', '--goal', 'm1', '--name', 'X', '--target', '3', '--target-period', 'nästa år', '--lang', 'en'], { cwd: dir });
    expect(period.code).toBe(2);
    expect(period.stderr).toContain('--target-period "nästa år": Write the period as a year (2010), a half-year (2010-H1)');
    const goal = await runInProcess(['indicator', 'add', 'plan', '--goal', 'a1', '--name', 'X', '--lang', 'en'], { cwd: dir });
    expect(goal.code).toBe(2);
    expect(goal.stderr).toContain('--goal "a1": Plan plan has no goal or sub-goal "a1". Did you mean "m1"? Choose one of: m1, d1.');
    const missing = await runInProcess(['indicator', 'add', 'plan', '--goal', 'm1', '--lang', 'en'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--name is missing, and input is not a terminal, so samverkan cannot ask. Give --name');
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('indicator measure by flags', () => {
  it('appends a measurement (this year unless --period) with a note, and refuses a period already measured', async () => {
    const { dir } = await cleanWorkspace();
    const before = plan(dir);
    const run = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '18', '--note', 'Enligt registret', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('Förde in 18 för 2009 på indikatorn plan/i1 "Antal ärenden" (plans/plan.yaml:17). Nästa steg: se hur planen går med "samverkan status".\n');
    expect(lineDiff(before, plan(dir))).toEqual({ removed: [], added: ['        measurements:', '          - period: "2009"', '            value: 18', '            note: Enligt registret'] });
    const again = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '19', '--period', '2009', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--period "2009": Indicator i1 already has a measurement for 2009 (18).');
    const next = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '22', '--period', '2010-H1', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(next.code, next.stderr).toBe(0);
    expect(parse(plan(dir)).goals[0].indicators[0].measurements).toEqual([
      { period: '2009', value: 18, note: 'Enligt registret' },
      { period: '2010-H1', value: 22 },
    ]);
    // The last measurement counts as the latest, so an earlier period goes in before the later ones.
    const withTwo = plan(dir);
    const earlier = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '15', '--period', '2008-H2', '--as-of', AS_OF, '--lang', 'en'], { cwd: dir });
    expect(earlier.code, earlier.stderr).toBe(0);
    expect(earlier.stdout).toContain('(plans/plan.yaml:18)');
    expect(lineDiff(withTwo, plan(dir))).toEqual({ removed: [], added: ['          - period: 2008-H2', '            value: 15'] });
    expect(parse(plan(dir)).goals[0].indicators[0].measurements.map((m: { period: string }) => m.period)).toEqual(['2008-H2', '2009', '2010-H1']);
    expect((await validate(dir)).code).toBe(0);
  });

  it('reads a decimal comma and says the value back the way the reader writes numbers', async () => {
    const { dir } = await cleanWorkspace();
    const sv = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '12,5', '--period', '2009', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(sv.code, sv.stderr).toBe(0);
    expect(sv.stdout).toMatch(/^Förde in 12,5 för 2009 på indikatorn plan\/i1/);
    const en = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', '13.25', '--period', '2010', '--as-of', AS_OF, '--lang', 'en', '--json'], { cwd: dir });
    expect(en.code, en.stderr).toBe(0);
    expect(JSON.parse(en.stdout)).toMatchObject({ file: 'plans/plan.yaml', plan: 'plan', indicator: 'i1', measurement: { period: '2010', value: 13.25 }, warnings: [] });
    expect(parse(plan(dir)).goals[0].indicators[0].measurements).toEqual([{ period: '2009', value: 12.5 }, { period: '2010', value: 13.25 }]);
  });

  it('refuses what is not a number, an unknown indicator and a reference without its plan; --value is required without a terminal', async () => {
    const { dir } = await cleanWorkspace();
    const fresh = await runInProcess(['plan', 'new', '--id', 'ny', '--title', 'Ny', '--owner', 'alfa', '--start', '2009-01-01', '--end', '2009-12-31', '--goal', 'G', '--as-of', AS_OF, '--lang', 'sv'], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    const before = filesOf(dir);
    const nan = await runInProcess(['indicator', 'measure', 'plan/i1', '--value', 'tolv', '--lang', 'sv'], { cwd: dir });
    expect(nan.code).toBe(2);
    expect(nan.stderr).toContain('--value "tolv": Skriv ett tal, till exempel 12 eller 3,5, utan enhet.');
    const unknown = await runInProcess(['indicator', 'measure', 'plan/i9', '--value', '1', '--lang', 'en'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Plan plan has no indicator "i9". Did you mean "i1"? Choose one of: i1.');
    const none = await runInProcess(['indicator', 'measure', 'ny/i1', '--value', '1', '--lang', 'sv'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Planen ny har inte någon indikator med id:t "i1"; den har inga än.');
    const form = await runInProcess(['indicator', 'measure', 'i1', '--value', '1', '--lang', 'en'], { cwd: dir });
    expect(form.code).toBe(2);
    expect(form.stderr).toContain('"i1" does not name an indicator. Write PLAN/INDICATOR');
    const missing = await runInProcess(['indicator', 'measure', 'plan/i1', '--lang', 'en'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--value is missing');
    expect(filesOf(dir)).toEqual(before);
  });
});

describe('a measurement of an earlier period', () => {
  it('goes in before the later ones in the style of the list: one-line maps in a block list, or inside a [flow] list', async () => {
    const dir = copyForTest(example('norra-bohuslan'));
    const file = join(dir, 'plans/projektplan-nb.yaml');
    const before = readFileSync(file, 'utf8');
    const result = await addMeasurement(await loadWorkspace({ dir }), 'projektplan-nb/i-arbetsgruppsmoten', { value: '2', period: '2008-H1' }, { asOf: '2010-06-01' });
    expect(lineDiff(before, readFileSync(file, 'utf8'))).toEqual({ removed: [], added: ['          - {period: 2008-H1, value: 2}'] });
    expect(parse(result.text).goals[0].indicators[0].measurements.map((m: { period: string }) => m.period)).toEqual(['2008-H1', '2008', '2009']);

    const text = 'measurements: [{period: "2009", value: 1}, {period: "2011", value: 3}]\n';
    const doc = parseDocument(text);
    const edit = insertIntoSequence(doc, text, ['measurements'], 1, { period: '2010', value: 2 });
    expect(applyEdits(text, [edit])).toBe('measurements: [{period: "2009", value: 1}, {period: "2010", value: 2}, {period: "2011", value: 3}]\n');
  });
});

describe('indicator add and measure in a terminal', () => {
  afterEach(() => setLanguage('en'));

  it('asks in turn for the goal, what is measured, unit, direction, source, baseline and target; a wrong period is refused at its question', async () => {
    setLanguage('sv');
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askIndicatorAdd, (input) => addIndicator(workspace, 'plan', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, plan: 'plan', given: {} });
    await waitFor(session, 'Vilket mål eller delmål ska indikatorn mäta?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vad mäts?', 'Kommuner med rutin');
    await answer(session, 'Enhet', 'antal');
    await waitFor(session, 'Vilket håll är bättre?');
    session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Var kommer siffrorna ifrån?', '');
    await answer(session, 'Utgångsläge: värdet', '0');
    await answer(session, 'Utgångsläge: vilken period?', 'förra året');
    await waitFor(session, 'Skriv perioden som ett år (2010)');
    for (let i = 0; i < 11; i++) session.events.keypress('backspace');
    session.events.type('2008');
    session.events.keypress('enter');
    await answer(session, 'Målvärde', '');
    const result = await session.answer;
    expect(parse(result.text).goals[0].subgoals[0].indicators).toEqual([{ id: 'i2', name: 'Kommuner med rutin', unit: 'antal', direction: 'increase', baseline: { period: '2008', value: 0 } }]);
    expect((await validate(dir)).code).toBe(0);
  });

  it('indicator add writes nothing when stopped with Ctrl-C', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const before = filesOf(dir);
    const command = asCommand(askIndicatorAdd, (input) => addIndicator(workspace, 'plan', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, plan: 'plan', given: { goal: 'm1' } });
    await answer(session, 'What is measured?', 'Halvfärdig');
    await waitFor(session, 'Unit');
    session.events.keypress({ name: 'c', ctrl: true });
    await expect(session.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1 });
    expect(filesOf(dir)).toEqual(before);
  });

  it('measure: offers this year as the period, refuses what is not a number at its question, and writes nothing on Ctrl-C', async () => {
    const { dir, workspace } = await cleanWorkspace();
    const command = asCommand(askMeasure, (input) => addMeasurement(workspace, 'plan/i1', input, { asOf: AS_OF }));
    const session = await render(command, { workspace, canAsk: true, ref: 'plan/i1', asOf: AS_OF, given: {} });
    await answer(session, 'Which value was measured for Antal ärenden?', '12 st');
    await waitFor(session, 'Write a number, for example 12 or 3.5, without a unit.');
    for (let i = 0; i < 3; i++) session.events.keypress('backspace');
    session.events.keypress('enter');
    await waitFor(session, 'For which period?');
    expect(session.getScreen()).toContain('(2009)');
    session.events.keypress('enter');
    await answer(session, 'Note', '');
    expect(parse((await session.answer).text).goals[0].indicators[0].measurements).toEqual([{ period: '2009', value: 12 }]);

    const before = filesOf(dir);
    const stopped = await render(command, { workspace: (await cleanWorkspace()).workspace, canAsk: true, ref: 'plan/i1', asOf: AS_OF, given: {} });
    await answer(stopped, 'Which value was measured', '5');
    await waitFor(stopped, 'For which period?');
    stopped.events.keypress({ name: 'c', ctrl: true });
    await expect(stopped.answer).rejects.toMatchObject({ name: 'PromptCancelledError', exitCode: 1 });
    expect(filesOf(dir)).toEqual(before);
  });
});
