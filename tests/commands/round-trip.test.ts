/**
 * Round trips on the real example workspaces: every editing command, run on every plan, action,
 * group and task there is, must change only what it was asked to. Two checks together prove it:
 * the file's data afterwards equals the data before with exactly the asked-for change, and the
 * line diff shows no removed line but the ones holding the changed values — so every comment,
 * blank line, quote and indentation elsewhere is byte-identical. Every other file is untouched.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAction, setAction } from '../../src/commands/action.js';
import { createMeeting } from '../../src/commands/meeting-new.js';
import { addMember, removeMember } from '../../src/commands/member.js';
import { markTaskDone } from '../../src/commands/task.js';
import type { GroupDoc, MeetingDoc, PlanDoc } from '../../src/model/index.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { checkLoadedWorkspace } from '../../src/workspace/checked.js';
import { copyWorkspace, example } from '../helpers/workspaces.js';
import { lineDiff } from './line-diff.js';

const AS_OF = '2027-02-01';
const EXAMPLES = readdirSync(join(example('.'))).filter((name) => statSync(example(name)).isDirectory() && readdirSync(example(name)).includes('samverkan.yaml'));

/** Every file of the workspace and its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

/** Asserts that only `changed` (and `created`) differ between two snapshots. */
function onlyChanged(before: Map<string, string>, after: Map<string, string>, changed: string[], created: string[] = []): void {
  expect([...after.keys()].filter((k) => !before.has(k)).sort()).toEqual(created.sort());
  for (const [path, bytes] of before) {
    if (changed.includes(path)) continue;
    expect(after.get(path), path).toBe(bytes);
  }
}

describe.each(EXAMPLES)('round trips on plans/%s', (name) => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = copyWorkspace(example(name)));
  });
  afterAll(() => cleanup());
  const load = () => loadWorkspace({ dir });
  const text = (rel: string) => readFileSync(join(dir, rel), 'utf8');

  it('action set, on every action of every plan, changes only its status and progress lines and adds the follow-up', async () => {
    const ws = await load();
    const plans = [...ws.index.plans.values()];
    expect(plans.length).toBeGreaterThan(0);
    for (const entry of plans) {
      const rel = entry.doc.file.rel;
      const actions = (entry.value as PlanDoc).actions ?? [];
      for (const [i, action] of actions.entries()) {
        const files = snapshot(dir);
        const before = text(rel);
        const status = action.status === 'paused' ? 'ongoing' : 'paused';
        const progress = action.progress === 55 ? 56 : 55;
        await setAction(await load(), { ref: `${entry.id}/${action.id}`, status, progress, note: `Följs upp: "test" #${i}` }, { asOf: AS_OF });
        const after = text(rel);
        const expected = parse(before) as PlanDoc;
        const target = expected.actions![i];
        Object.assign(target, { status, progress });
        target.follow_up = [...(target.follow_up ?? []), { date: AS_OF, status, progress, note: `Följs upp: "test" #${i}` }];
        expect(parse(after), `${entry.id}/${action.id}`).toEqual(expected);
        const diff = lineDiff(before, after);
        expect(diff.removed.every((l) => /^\s+(status|progress): /.test(l)), diff.removed.join('\n')).toBe(true);
        expect(diff.removed.length).toBe(action.progress === undefined ? 1 : 2);
        onlyChanged(files, snapshot(dir), [rel]);
      }
    }
  });

  it('action add, on every plan, only adds lines', async () => {
    for (const entry of (await load()).index.plans.values()) {
      const rel = entry.doc.file.rel;
      const files = snapshot(dir);
      const before = text(rel);
      const ws = await load();
      const responsible = [...ws.index.organizations.keys()][0];
      const goal = (entry.value as PlanDoc).goals[0].id;
      const r = await addAction(ws, { plan: entry.id, title: 'Ny åtgärd: "test"', responsible, due: '2027-06-30', goals: [goal] }, { asOf: AS_OF });
      const expected = parse(before) as PlanDoc;
      expected.actions = [...(expected.actions ?? []), { id: r.action.id, title: 'Ny åtgärd: "test"', goals: [goal], responsible, due: '2027-06-30', status: 'planned' }];
      expect(parse(text(rel))).toEqual(expected);
      expect(lineDiff(before, text(rel)).removed).toEqual([]);
      onlyChanged(files, snapshot(dir), [rel]);
    }
  });

  it('member add and remove, on every group, change only the member entries concerned', async () => {
    for (const entry of (await load()).index.groups.values()) {
      const rel = entry.doc.file.rel;
      const group = entry.value as GroupDoc;
      const ws = await load();
      const current = new Set(group.members.filter((m) => m.until == null || m.until >= AS_OF).map((m) => m.person));
      const newcomer = [...ws.index.people.keys()].find((p) => !current.has(p));
      if (newcomer) {
        const files = snapshot(dir);
        const before = text(rel);
        await addMember(ws, { group: entry.id, person: newcomer, role: 'co-opted' }, { asOf: AS_OF });
        const expected = parse(before) as GroupDoc;
        expected.members.push({ person: newcomer, role: 'co-opted', from: AS_OF });
        expect(parse(text(rel))).toEqual(expected);
        expect(lineDiff(before, text(rel)).removed).toEqual([]);
        onlyChanged(files, snapshot(dir), [rel]);
      }
      const leaving = group.members.findIndex((m) => m.role !== 'chair' && (m.from ?? '') <= AS_OF && (m.until == null || m.until >= AS_OF));
      if (leaving >= 0) {
        const files = snapshot(dir);
        const before = text(rel);
        await removeMember(await load(), { group: entry.id, person: group.members[leaving].person, role: group.members[leaving].role ?? 'member' }, { asOf: AS_OF });
        const expected = parse(before) as GroupDoc;
        expected.members[leaving].until = AS_OF;
        expect(parse(text(rel))).toEqual(expected);
        expect(lineDiff(before, text(rel)).removed.length).toBeLessThanOrEqual(1);
        onlyChanged(files, snapshot(dir), [rel]);
      }
    }
  });

  it('task done, on every open task, changes only that task', async () => {
    for (const entry of (await load()).index.meetings.values()) {
      const tasks = (entry.value as MeetingDoc).minutes?.tasks ?? [];
      for (const [i, task] of tasks.entries()) {
        if (task.done) continue;
        const rel = entry.doc.file.rel;
        const files = snapshot(dir);
        const before = text(rel);
        await markTaskDone(await load(), { ref: `${entry.id}/${task.id}` }, { asOf: AS_OF });
        const expected = parse(before) as MeetingDoc;
        expected.minutes!.tasks![i].done = true;
        expect(parse(text(rel))).toEqual(expected);
        expect(lineDiff(before, text(rel)).removed.length).toBeLessThanOrEqual(1);
        onlyChanged(files, snapshot(dir), [rel]);
      }
    }
  });

  it('meeting new, for every group with a cadence, adds one valid file and touches no other', async () => {
    for (const entry of (await load()).index.groups.values()) {
      const cadence = (entry.value as GroupDoc).meetings?.cadence;
      if (!cadence || cadence === 'ad hoc') continue;
      const files = snapshot(dir);
      const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: entry.id }, { asOf: AS_OF });
      expect(r.date > AS_OF).toBe(true);
      expect(r.text.startsWith('# ')).toBe(true);
      onlyChanged(files, snapshot(dir), [], [r.rel]);
    }
  });
});
