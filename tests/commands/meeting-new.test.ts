import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMeeting, meetingId, nextCadenceDate, prepareMeetingNew } from '../../src/commands/meeting-new.js';
import { checkLoadedWorkspace } from '../../src/workspace/checked.js';
import { markTaskDone } from '../../src/commands/task.js';
import { EditConflictError, UsageError } from '../../src/errors.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
});
afterEach(() => cleanup());

const load = () => loadWorkspace({ dir });
const groupPath = () => join(dir, 'groups/styrgrupp.yaml');

describe('the next meeting date', () => {
  const group = { meetings: { cadence: 'every 6 weeks', weekday: 'thursday' as const } };

  it('is the first cadence date after both the last meeting and today', () => {
    expect(nextCadenceDate(group, '2009-05-14', '2009-06-01')).toBe('2009-06-25');
    expect(nextCadenceDate(group, '2009-05-14', '2009-06-25')).toBe('2009-08-06');
    expect(nextCadenceDate(group, '2009-05-14', '2009-10-01')).toBe('2009-10-29');
    // A last meeting after today (already booked): the one after it.
    expect(nextCadenceDate(group, '2009-08-06', '2009-06-01')).toBe('2009-09-17');
  });

  it('without earlier meetings, is the group\'s first weekday after today', () => {
    expect(nextCadenceDate(group, undefined, '2009-06-01')).toBe('2009-06-04');
    expect(nextCadenceDate(group, undefined, '2009-06-04')).toBe('2009-06-11');
    expect(nextCadenceDate({ meetings: { cadence: 'monthly' } }, undefined, '2009-06-01')).toBe('2009-07-01');
  });

  it('is undefined for a group that meets ad hoc or has no cadence', () => {
    expect(nextCadenceDate({ meetings: { cadence: 'ad hoc', weekday: 'monday' } }, '2009-05-14', '2009-06-01')).toBeUndefined();
    expect(nextCadenceDate({}, '2009-05-14', '2009-06-01')).toBeUndefined();
  });

  it('makes ids that stay ids', () => {
    expect(meetingId('styrgrupp', '2009-06-25')).toBe('styrgrupp-2009-06-25');
    const long = meetingId(`${'a'.repeat(50)}-${'b'.repeat(13)}`, '2009-06-25');
    expect(long).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    expect(long.endsWith('-2009-06-25')).toBe(true);
  });
});

describe('meeting new', () => {
  it('writes meetings/GROUP/DATE.yaml with a header comment, the group\'s time and place, standing items and open tasks', async () => {
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' });
    expect(r).toMatchObject({ rel: 'meetings/styrgrupp/2009-06-25.yaml', id: 'styrgrupp-2009-06-25', date: '2009-06-25', dated: 'cadence', previous: '2009-05-14', following: '2009-08-06', created: true });
    expect(readFileSync(join(dir, r.rel), 'utf8')).toBe(
      [
        '# Skapad av "samverkan meeting new" 2009-06-01 utifrån mötesrytmen i groups/styrgrupp.yaml (var sjätte vecka, torsdagar).',
        '# Ändra dagordningen som ni vill. Kallelsen: samverkan render meeting styrgrupp-2009-06-25',
        'kind: meeting',
        'id: styrgrupp-2009-06-25',
        'group: styrgrupp',
        'date: 2009-06-25',
        'start: "13:00"',
        'end: "15:00"',
        'location: Kommunhuset i Alfa',
        'items:',
        '  # Stående punkter',
        '  - title: Rapport från samordnaren',
        '    type: information',
        '    presenter: samordnare',
        '    duration_minutes: 15',
        '  # Öppna uppgifter från tidigare protokoll',
        '  - title: "Uppgift t1 från 2009-05-14: Skicka rutinerna på remiss"',
        '    type: follow-up',
        '    presenter: samordnare',
        '    description: "Ansvarig: Samordnare Alfa–Beta. Ska vara klar 31 augusti 2009."',
        '    refs: [styrgrupp-2009-05-14]',
        '',
      ].join('\n'),
    );
    const after = await checkWorkspace(await load(), { asOf: '2009-06-01' });
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(after.findings.filter((f) => f.file.endsWith('2009-06-25.yaml'))).toEqual([]);
  });

  it('follows up the plan actions of the group\'s agreement that are overdue or due before the meeting after', async () => {
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-12-01' });
    expect(r.date).toBe('2009-12-10');
    expect(r.following).toBe('2010-01-21');
    expect(r.actions.map((a) => `${a.plan}/${a.action.id}`)).toEqual(['plan/a1']);
    const items = parse(r.text).items;
    expect(items[items.length - 1]).toEqual({
      title: 'Uppföljning av a1: Ta fram gemensamma rutiner',
      type: 'follow-up',
      description: 'Ansvarig: Socialförvaltningen i Alfa. Ska vara klar 31 december 2009. Status: pågår, 40 %.',
      refs: ['plan/a1'],
    });
    expect(r.text).toContain('  # Åtgärder i handlingsplanen som är försenade eller ska vara klara före nästa möte (2010-01-21)\n');
    // Tasks marked done are no longer carried.
    expect(r.openTasks).toHaveLength(1);
    rmSync(r.path);
    await markTaskDone(await load(), { ref: 'styrgrupp-2009-05-14/t1' }, { asOf: '2009-12-01' });
    expect(prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-12-01').openTasks).toEqual([]);
  });

  it('writes in English in an English workspace', async () => {
    const config = join(dir, 'samverkan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('language: sv', 'language: en'));
    const r = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-06-01');
    expect(r.text.split('\n')[0]).toBe('# Created by "samverkan meeting new" on 2009-06-01 from the cadence in groups/styrgrupp.yaml (every 6 weeks, Thursdays).');
    expect(r.text).toContain('  - title: "Task t1 from 2009-05-14: Skicka rutinerna på remiss"\n');
  });

  it('takes --date, and refuses a day the group already meets', async () => {
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp', date: '2009-06-18' }, { asOf: '2009-06-01' });
    expect(r.dated).toBe('given');
    expect(r.text.split('\n')[0]).toBe('# Skapad av "samverkan meeting new" 2009-06-01 för datumet som gavs med --date.');
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp', date: '2009-05-14' }, { asOf: '2009-06-01' })).rejects.toThrow(
      /styrgrupp already has a meeting on 2009-05-14 \(meetings\/styrgrupp\/2009-05-14\.yaml\), so nothing was written\. Edit that file, or give another --date/,
    );
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp', date: '2009-06-31' }, { asOf: '2009-06-01' })).rejects.toThrow(/--date "2009-06-31" is not a date/);
  });

  it('needs --date for a group that meets ad hoc', async () => {
    writeFileSync(groupPath(), readFileSync(groupPath(), 'utf8').replace('cadence: every 6 weeks', 'cadence: ad hoc'));
    const attempt = createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' })).rejects.toThrow(
      /Styrgruppen meets ad hoc, so there is no next date to work out\. Give the date with --date YYYY-MM-DD, for example: samverkan meeting new styrgrupp --date 2009-06-15/,
    );
  });

  it('never overwrites a file that is in the way', async () => {
    const draft = join(dir, 'meetings/styrgrupp/2009-06-25.yaml');
    writeFileSync(draft, '# utkast, inte klart\n');
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' })).rejects.toBeInstanceOf(EditConflictError);
    expect(readFileSync(draft, 'utf8')).toBe('# utkast, inte klart\n');
  });

  it('refuses to write a meeting that would not validate', async () => {
    // The group names a presenter who is in no file: copying the item would repeat the error in the new file.
    writeFileSync(groupPath(), readFileSync(groupPath(), 'utf8').replace('presenter: samordnare,', 'presenter: samordnaren,'));
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' })).rejects.toThrow(
      /The change would make meetings\/styrgrupp\/2009-06-25\.yaml invalid, so nothing was written: line 14: "samordnaren" names no person/,
    );
    expect(existsSync(join(dir, 'meetings/styrgrupp/2009-06-25.yaml'))).toBe(false);
  });

  it('makes the group\'s folder for its first meeting', async () => {
    rmSync(join(dir, 'meetings'), { recursive: true });
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' });
    expect(r.date).toBe('2009-06-04');
    expect(r.openTasks).toEqual([]);
    expect(existsSync(join(dir, 'meetings/styrgrupp/2009-06-04.yaml'))).toBe(true);
  });

  it('names an unknown group', async () => {
    await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'arbetsgruppen' }, { asOf: '2009-06-01' })).rejects.toThrow(
      /There is no group "arbetsgruppen" in the workspace\. The groups are: styrgrupp\./,
    );
  });
});
