import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markTaskDone, parseTaskRef } from '../../src/commands/task.js';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';
import { lineDiff } from './line-diff.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
let meetingPath: string;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
  meetingPath = join(dir, 'meetings/styrgrupp/2009-05-14.yaml');
});
afterEach(() => cleanup());

const load = () => loadWorkspace({ dir });
const read = () => readFileSync(meetingPath, 'utf8');

describe('task done', () => {
  it('sets done: true on the task and touches nothing else', async () => {
    const before = read();
    const r = await markTaskDone(await load(), { ref: 'styrgrupp-2009-05-14/t1' }, AS_OF);
    expect(r.changed).toBe(true);
    expect(r.task).toMatchObject({ id: 't1', done: true });
    expect(lineDiff(before, read())).toEqual({
      removed: ['    - {id: t1, title: Skicka rutinerna på remiss, responsible: samordnare, due: 2009-08-31, done: false}'],
      added: ['    - {id: t1, title: Skicka rutinerna på remiss, responsible: samordnare, due: 2009-08-31, done: true}'],
    });
  });

  it('does nothing for a task that is already done', async () => {
    await markTaskDone(await load(), { ref: 'styrgrupp-2009-05-14/t1' }, AS_OF);
    const before = read();
    const r = await markTaskDone(await load(), { ref: 'styrgrupp-2009-05-14/t1' }, AS_OF);
    expect(r.changed).toBe(false);
    expect(read()).toBe(before);
  });

  it('names unknown meetings and tasks, and lists the open ones when the task is left out', async () => {
    const ws = await load();
    await expect(markTaskDone(ws, { ref: 'styrgrupp-2009-05-15/t1' }, AS_OF)).rejects.toThrow(/There is no meeting "styrgrupp-2009-05-15".*Did you mean "styrgrupp-2009-05-14"\?/);
    await expect(markTaskDone(ws, { ref: 'styrgrupp-2009-05-14/t2' }, AS_OF)).rejects.toThrow(/The minutes of styrgrupp-2009-05-14 have no task "t2"\. Did you mean "styrgrupp-2009-05-14\/t1"\? Its tasks are: t1\./);
    await expect(markTaskDone(ws, { ref: 'styrgrupp-2009-05-14/t2' }, AS_OF)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markTaskDone(ws, { ref: 'styrgrupp-2009-05-14' }, AS_OF)).rejects.toThrow(/Say which task of styrgrupp-2009-05-14 is done: write styrgrupp-2009-05-14\/TASK\. Its open tasks are: t1\./);
    await expect(markTaskDone(ws, { ref: 'a b' }, AS_OF)).rejects.toBeInstanceOf(UsageError);
  });

  it('parses MEETING/TASK and MEETING', () => {
    expect(parseTaskRef('m-2009-01-01/t3')).toEqual({ meeting: 'm-2009-01-01', task: 't3' });
    expect(parseTaskRef('m-2009-01-01')).toEqual({ meeting: 'm-2009-01-01', task: undefined });
  });
});
