import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAction, nextActionId, parseActionRef, prepareActionAdd, setAction } from '../../src/commands/action.js';
import { EditConflictError, NotFoundError, UsageError } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';
import { lineDiff } from './line-diff.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
let planPath: string;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
  planPath = join(dir, 'plans/plan.yaml');
});
afterEach(() => cleanup());

const load = () => loadWorkspace({ dir });
const read = () => readFileSync(planPath, 'utf8');

describe('action add', () => {
  it('appends the action with the next free id, in the format\'s key order, and touches nothing else', async () => {
    const before = read();
    const ws = await load();
    expect(nextActionId(ws, 'plan')).toBe('a2');
    const result = await addAction(
      ws,
      { plan: 'plan', title: 'Utbilda: socialtjänsten', responsible: 'beta', due: '2010-06-30', goals: ['d1', 'm1'], start: '2009-09-01', lead: 'samordnare' },
      AS_OF,
    );
    expect(result.rel).toBe('plans/plan.yaml');
    expect(result.action.id).toBe('a2');
    expect(result.warnings).toEqual([]);
    const after = read();
    expect(after).toBe(result.text);
    expect(lineDiff(before, after)).toEqual({
      removed: [],
      added: [
        '  - id: a2',
        '    title: "Utbilda: socialtjänsten"',
        '    goals: [d1, m1]',
        '    responsible: beta',
        '    lead: samordnare',
        '    start: 2009-09-01',
        '    due: 2010-06-30',
        '    status: planned',
      ],
    });
    expect(after.split('\n')[result.line - 1]).toBe('  - id: a2');
    expect((await load()).index.planItem('plan/a2')?.type).toBe('action');
  });

  it('takes --id and --status, and refuses an id the plan already uses', async () => {
    const ws = await load();
    const r = await addAction(ws, { plan: 'plan', id: 'utbildning', title: 'Utbildning', responsible: 'alfa', due: '2010-01-31', status: 'ongoing' }, AS_OF);
    expect(parse(r.text).actions[1]).toMatchObject({ id: 'utbildning', status: 'ongoing' });
    const again = await load();
    expect(() => prepareActionAdd(again, { plan: 'plan', id: 'd1', title: 'X', responsible: 'alfa', due: '2010-01-31' })).toThrow(
      /already has a subgoal with id d1\. Choose another --id, or leave --id out to get a2/,
    );
  });

  it('says what is wrong with each bad value, and writes nothing', async () => {
    const before = read();
    const ws = await load();
    const base = { plan: 'plan', title: 'X', responsible: 'alfa', due: '2010-01-31' };
    const cases: Array<[object, RegExp, Function]> = [
      [{ plan: 'plam' }, /There is no plan "plam" in the workspace\. Did you mean "plan"\? The plans are: plan\./, NotFoundError],
      [{ responsible: 'alfa-so' }, /--responsible alfa-so: there is no organisation "alfa-so".*Did you mean "alfa-soc"\?.*organizations\.yaml/, NotFoundError],
      [{ due: '2010-02-30' }, /--due "2010-02-30" is not a date\. Write it as YYYY-MM-DD/, UsageError],
      [{ due: '31/12/2010' }, /--due "31\/12\/2010" is not a date/, UsageError],
      [{ start: '2011-01-01' }, /--start 2011-01-01 is after --due 2010-01-31/, UsageError],
      [{ goals: ['d2'] }, /--goal d2: plan plan has no goal or sub-goal "d2"\. Did you mean "d1"\? Its goals are: m1, d1\./, NotFoundError],
      [{ phase: 'steg-1' }, /--phase steg-1: plan plan has no phase "steg-1"\. The plan has no phases/, NotFoundError],
      [{ lead: 'nobody' }, /--lead nobody: there is no person or group "nobody"/, NotFoundError],
      [{ status: 'started' }, /--status "started" is not a status\. Use one of planned, ongoing, done, paused, cancelled/, UsageError],
      [{ title: '  ' }, /--title is empty/, UsageError],
      [{ id: 'A 1' }, /--id "A 1" is not an id/, UsageError],
    ];
    for (const [change, message, type] of cases) {
      const attempt = addAction(ws, { ...base, ...change } as never, AS_OF);
      await expect(attempt, JSON.stringify(change)).rejects.toThrow(message);
      await expect(addAction(ws, { ...base, ...change } as never, AS_OF)).rejects.toBeInstanceOf(type);
    }
    expect(read()).toBe(before);
  });

  it('refuses a plan file that is not valid YAML, naming the file and line', async () => {
    const broken = read().replace('title: Ta fram gemensamma rutiner', 'title: "Ta fram gemensamma rutiner');
    writeFileSync(planPath, broken);
    const ws = await load();
    const attempt = addAction(ws, { plan: 'plan', title: 'X', responsible: 'alfa', due: '2010-01-31' }, AS_OF);
    await expect(attempt).rejects.toBeInstanceOf(EditConflictError);
    await expect(addAction(ws, { plan: 'plan', title: 'X', responsible: 'alfa', due: '2010-01-31' }, AS_OF)).rejects.toThrow(
      /plans\/plan\.yaml, which holds plan plan, could not be read: line 21: The file is not valid YAML.*Fix that first \("samverkan validate plans\/plan\.yaml" shows where\)/,
    );
    expect(read()).toBe(broken);
  });

  it('refuses to write when the plan changed on disk after it was read (two edits racing)', async () => {
    const ws = await load();
    const theirs = `${read()}# a line someone else saved\n`;
    writeFileSync(planPath, theirs);
    await expect(addAction(ws, { plan: 'plan', title: 'X', responsible: 'alfa', due: '2010-01-31' }, AS_OF)).rejects.toThrow(
      /plan\.yaml changed on disk after samverkan read it.*nothing was written\. Run the command again/,
    );
    expect(read()).toBe(theirs);
  });

  it('of two edits from the same reading, writes the first and refuses the second', async () => {
    const [ws1, ws2] = await Promise.all([load(), load()]);
    await addAction(ws1, { plan: 'plan', title: 'Först', responsible: 'alfa', due: '2010-01-31' }, AS_OF);
    await expect(setAction(ws2, { ref: 'plan/a1', status: 'done' }, AS_OF)).rejects.toBeInstanceOf(EditConflictError);
    const plan = parse(read());
    expect(plan.actions.map((a: { id: string }) => a.id)).toEqual(['a1', 'a2']);
    expect(plan.actions[0].status).toBe('ongoing');
  });

  it('reports the warnings the new action brings (an action already overdue)', async () => {
    const r = await addAction(await load(), { plan: 'plan', title: 'Sen', responsible: 'alfa', due: '2009-05-01' }, AS_OF);
    expect(r.warnings.map((w) => w.ruleId)).toEqual(['plan/overdue']);
    // id, title, responsible, due: the warning points at the due date.
    expect(r.warnings[0].line).toBe(r.line + 3);
  });

  it('creates the actions list in a plan that has none', async () => {
    writeFileSync(planPath, read().replace(/\nactions:[\s\S]*$/, '\n'));
    const r = await addAction(await load(), { plan: 'plan', title: 'Första', responsible: 'alfa', due: '2010-01-31', goals: ['d1'] }, AS_OF);
    expect(r.action.id).toBe('a1');
    expect(r.text.endsWith('actions:\n  - id: a1\n    title: Första\n    goals: [d1]\n    responsible: alfa\n    due: 2010-01-31\n    status: planned\n')).toBe(true);
  });
});

describe('action set', () => {
  it('changes the status and progress in place and appends a dated follow-up entry', async () => {
    const before = read();
    const r = await setAction(await load(), { ref: 'plan/a1', status: 'done', progress: 100, note: 'Rutinerna antagna: båda nämnderna' }, AS_OF);
    expect(r.was).toEqual({ status: 'ongoing', progress: 40 });
    expect(r.now).toEqual({ status: 'done', progress: 100 });
    expect(r.followUp).toEqual({ date: '2009-06-01', status: 'done', progress: 100, note: 'Rutinerna antagna: båda nämnderna' });
    expect(lineDiff(before, read())).toEqual({
      removed: ['    status: ongoing', '    progress: 40'],
      added: [
        '    status: done',
        '    progress: 100',
        '    follow_up:',
        '      - date: 2009-06-01',
        '        status: done',
        '        progress: 100',
        '        note: "Rutinerna antagna: båda nämnderna"',
      ],
    });
  });

  it('with only a note, changes no field and records the current status and progress', async () => {
    const before = read();
    const r = await setAction(await load(), { ref: 'plan/a1', note: 'Remissvar väntas' }, AS_OF);
    expect(r.followUp).toEqual({ date: '2009-06-01', status: 'ongoing', progress: 40, note: 'Remissvar väntas' });
    expect(lineDiff(before, read()).removed).toEqual([]);
  });

  it('adds a missing progress right after status, never after a follow-up list that ends the action', async () => {
    writeFileSync(
      planPath,
      read().replace('    status: ongoing\n    progress: 40\n', '    status: ongoing   # satt av styrgruppen\n    follow_up:\n      - {date: 2009-01-10, note: Start}\n'),
    );
    const before = read();
    await setAction(await load(), { ref: 'plan/a1', progress: 20 }, AS_OF);
    const after = read();
    expect(lineDiff(before, after)).toEqual({ removed: [], added: ['    progress: 20', '      - {date: 2009-06-01, status: ongoing, progress: 20}'] });
    expect(after).toContain('    status: ongoing   # satt av styrgruppen\n    progress: 20\n    follow_up:\n      - {date: 2009-01-10, note: Start}\n      - {date: 2009-06-01');
  });

  it('keeps CRLF line ends and a byte-order mark', async () => {
    const crlf = `\ufeff${read().replace(/\n/g, '\r\n')}`;
    writeFileSync(planPath, crlf);
    await setAction(await load(), { ref: 'plan/a1', status: 'paused', note: 'Väntar på nämnden' }, AS_OF);
    const after = readFileSync(planPath, 'utf8');
    expect(after.startsWith('\ufeffkind: plan\r\n')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after).toContain('    status: paused\r\n');
  });

  it('names unknown plans and actions, and items that are not actions', async () => {
    const ws = await load();
    await expect(setAction(ws, { ref: 'plan/a9', status: 'done' }, AS_OF)).rejects.toThrow(/Plan plan has no action "a9"\. Did you mean "plan\/a1"\? Its actions are: a1\./);
    await expect(setAction(ws, { ref: 'plan/d1', status: 'done' }, AS_OF)).rejects.toThrow(/plan\/d1 is a subgoal of the plan, not an action/);
    await expect(setAction(ws, { ref: 'planen/a1', status: 'done' }, AS_OF)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAction(ws, { ref: 'a1', status: 'done' }, AS_OF)).rejects.toThrow(/"a1" does not name an action\. Write PLAN\/ACTION/);
    await expect(setAction(ws, { ref: 'plan/a1' }, AS_OF)).rejects.toThrow(/Say what to record for plan\/a1: --status, --progress or --note/);
    await expect(setAction(ws, { ref: 'plan/a1', progress: 140 }, AS_OF)).rejects.toThrow(/--progress "140" is not a percentage/);
    await expect(setAction(ws, { ref: 'plan/a1', note: 'x' }, { asOf: '2009-13-01' })).rejects.toThrow(/--as-of 2009-13-01 is not a date/);
  });

  it('parses PLAN/ACTION', () => {
    expect(parseActionRef('handlingsplan-nb/a3')).toEqual({ plan: 'handlingsplan-nb', action: 'a3' });
    expect(() => parseActionRef('a/b/c')).toThrow(UsageError);
  });
});
