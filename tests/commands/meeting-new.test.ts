import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createMeeting, meetingId, nextCadenceDate, prepareMeetingNew } from '../../src/commands/meeting-new.js';
import { checkLoadedWorkspace } from '../../src/workspace/checked.js';
import { agendaOf } from '../../src/model/agenda.js';
import { markTaskDone } from '../../src/commands/task.js';
import { EditConflictError, UsageError } from '../../src/errors.js';
import { setLanguage } from '../../src/i18n/messages.js';
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
  it('writes meetings/GROUP/DATE.yaml as the whole record: header comment, time and place, formal items, follow-ups as they are, standing items, each numbered', async () => {
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' });
    expect(r).toMatchObject({ rel: 'meetings/styrgrupp/2009-06-25.yaml', id: 'styrgrupp-2009-06-25', date: '2009-06-25', dated: 'cadence', previous: '2009-05-14', following: '2009-08-06', created: true });
    expect(readFileSync(join(dir, r.rel), 'utf8')).toBe(
      [
        '# Skapad av "samverkan meeting new" 2009-06-01 utifrån mötesrytmen i groups/styrgrupp.yaml (var sjätte vecka, torsdagar).',
        '# Ändra dagordningen som ni vill. Kallelsen: samverkan render meeting styrgrupp-2009-06-25',
        '# Filen är mötets handling: kallelsen och protokollet visar just de här punkterna med sina nummer. follow_up: är läget när mötet förbereddes och ändras inte när uppgifter och åtgärder ändras.',
        'kind: meeting',
        'id: styrgrupp-2009-06-25',
        'group: styrgrupp',
        'date: 2009-06-25',
        'start: "13:00"',
        'end: "15:00"',
        'location: Kommunhuset i Alfa',
        'items:',
        '  # Mötets inledning',
        '  - {number: 1, title: Mötets öppnande, role: opening}',
        '  - {number: 2, title: Val av justerare, role: adjusters}',
        '  - {number: 3, title: Godkännande av dagordningen, role: agenda}',
        '  # Föregående protokoll och uppgifterna som var öppna 2009-06-01',
        '  - number: 4',
        '    title: Föregående protokoll och öppna uppgifter',
        '    role: previous',
        '    type: follow-up',
        '    refs: [styrgrupp-2009-05-14]',
        '    follow_up:',
        '      - {ref: styrgrupp-2009-05-14/t1, title: Skicka rutinerna på remiss, responsible: samordnare, due: 2009-08-31, status: open}',
        '  # Åtgärder i handlingsplanen som var försenade 2009-06-01 eller ska vara klara före nästa möte (2009-08-06), som de var 2009-06-01',
        '  - {number: 5, title: Uppföljning av handlingsplanen, role: follow-up, type: follow-up, follow_up: []}',
        '  # Stående punkter',
        '  - number: 6',
        '    title: Rapport från samordnaren',
        '    type: information',
        '    presenter: samordnare',
        '    duration_minutes: 15',
        '  # Mötets avslutning',
        '  - {number: 7, title: Övriga frågor, role: other}',
        '  - {number: 8, title: Nästa möte, role: next, type: decision, proposal: Nästa möte hålls torsdag 6 augusti 2009 kl. 13.00.}',
        '  - {number: 9, title: Mötets avslutande, role: closing}',
        '',
      ].join('\n'),
    );
    const after = await checkWorkspace(await load(), { asOf: '2009-06-01' });
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(after.findings.filter((f) => f.file.endsWith('2009-06-25.yaml'))).toEqual([]);
  });

  it('records the plan actions of the group\'s agreement that are overdue or due before the meeting after, as they are that day', async () => {
    const r = await createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-12-01' });
    expect(r.date).toBe('2009-12-10');
    expect(r.following).toBe('2010-01-21');
    expect(r.actions.map((a) => `${a.plan}/${a.action.id}`)).toEqual(['plan/a1']);
    const items = parse(r.text).items;
    expect(items.find((i: { role?: string }) => i.role === 'follow-up')).toEqual({
      number: 5,
      title: 'Uppföljning av handlingsplanen',
      role: 'follow-up',
      type: 'follow-up',
      follow_up: [{ ref: 'plan/a1', title: 'Ta fram gemensamma rutiner', due: '2009-12-31', status: 'ongoing' }],
    });
    expect(r.text).toContain('  # Åtgärder i handlingsplanen som var försenade 2009-12-01 eller ska vara klara före nästa möte (2010-01-21), som de var 2009-12-01\n');
    // The task still open is recorded as overdue since its due date.
    expect(items[3].follow_up).toEqual([{ ref: 'styrgrupp-2009-05-14/t1', title: 'Skicka rutinerna på remiss', responsible: 'samordnare', due: '2009-08-31', status: 'open', overdue_since: '2009-08-31' }]);
    // Tasks marked done are no longer carried.
    expect(r.openTasks).toHaveLength(1);
    rmSync(r.path);
    await markTaskDone(await load(), { ref: 'styrgrupp-2009-05-14/t1' }, { asOf: '2009-12-01' });
    const later = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-12-01');
    expect(later.openTasks).toEqual([]);
    expect(parse(later.text).items[3].follow_up).toEqual([]);
  });

  it('numbers the items in file order, and agendaOf reads the same numbers back', async () => {
    const r = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-06-01');
    const meeting = parse(r.text);
    expect(agendaOf(meeting).map((e) => e.number)).toEqual(meeting.items.map((i: { number: number }) => i.number));
    expect(agendaOf(meeting).map((e) => e.item.role ?? 'item')).toEqual(['opening', 'adjusters', 'agenda', 'previous', 'follow-up', 'item', 'other', 'next', 'closing']);
  });

  it('numbers the standing items in this meeting\'s order, whatever number the group\'s file gives them', async () => {
    writeFileSync(groupPath(), readFileSync(groupPath(), 'utf8').replace('{title: Rapport från samordnaren,', '{number: 40, title: Rapport från samordnaren,'));
    const r = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-06-01');
    expect(parse(r.text).items[5]).toMatchObject({ number: 6, title: 'Rapport från samordnaren' });
  });

  it('goes on from the last § of the meeting before when the group numbers its paragraphs through the year', async () => {
    const before = join(dir, 'meetings/styrgrupp/2009-05-14.yaml');
    writeFileSync(before, readFileSync(before, 'utf8').replace('date: 2009-05-14\n', 'date: 2009-05-14\nfirst_number: 21\n'));
    const r = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-06-01');
    const meeting = parse(r.text);
    // The meeting before had §§ 21–22, so this one starts at § 23.
    expect(meeting.first_number).toBe(23);
    expect(agendaOf(meeting).map((e) => e.number)).toEqual([23, 24, 25, 26, 27, 28, 29, 30, 31]);
    // A new year starts again at § 1.
    const january = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp', date: '2010-01-14' }, '2009-06-01');
    expect(parse(january.text).first_number).toBeUndefined();
    expect(parse(january.text).items[0].number).toBe(1);
  });

  it('puts the plan follow-up under the group\'s own follow-up item, and tasks from confidential items under a confidential item', async () => {
    writeFileSync(
      groupPath(),
      readFileSync(groupPath(), 'utf8').replace(
        'standing_items:\n',
        'standing_items:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, duration_minutes: 20}\n',
      ),
    );
    const minutes = join(dir, 'meetings/styrgrupp/2009-05-14.yaml');
    const text = readFileSync(minutes, 'utf8');
    expect(text).toContain('items:');
    writeFileSync(minutes, text.replace('items:\n', 'items:\n  - {title: Ärende, confidential: true}\n').replace(/(\{id: t1), /, '$1, item: 1, '));
    const checked = await checkLoadedWorkspace(await load());
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const r = prepareMeetingNew(checked, { group: 'styrgrupp' }, '2009-12-01');
    const items = parse(r.text).items;
    expect(items.filter((i: { role?: string }) => i.role === 'follow-up')).toEqual([]);
    expect(items.find((i: { title: string }) => i.title === 'Uppföljning av handlingsplanen')).toMatchObject({ type: 'follow-up', duration_minutes: 20, follow_up: [{ ref: 'plan/a1' }] });
    expect(items[3]).toMatchObject({ role: 'previous', follow_up: [] });
    expect(items[4]).toEqual({
      number: 5,
      title: 'Öppna uppgifter från sekretessbelagda punkter',
      type: 'follow-up',
      confidential: true,
      follow_up: [{ ref: 'styrgrupp-2009-05-14/t1', title: 'Skicka rutinerna på remiss', responsible: 'samordnare', due: '2009-08-31', status: 'open', overdue_since: '2009-08-31' }],
    });
  });

  it('writes in English in an English workspace', async () => {
    const config = join(dir, 'samverkan.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('language: sv', 'language: en'));
    const r = prepareMeetingNew(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, '2009-06-01');
    expect(r.text.split('\n')[0]).toBe('# Created by "samverkan meeting new" on 2009-06-01 from the cadence in groups/styrgrupp.yaml (every 6 weeks, Thursdays).');
    expect(r.text).toContain('  - {number: 1, title: Opening of the meeting, role: opening}\n');
    expect(r.text).toContain('  # The previous minutes and the tasks open on 2009-06-01\n');
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
      /Styrgruppen meets as needed, so there is no next date to work out\. Give the date with --date YYYY-MM-DD, for example: samverkan meeting new styrgrupp --date 2009-06-15/,
    );
    setLanguage('sv');
    try {
      await expect(createMeeting(await checkLoadedWorkspace(await load()), { group: 'styrgrupp' }, { asOf: '2009-06-01' })).rejects.toThrow(
        'Styrgruppen möts vid behov, så det finns inget nästa datum att räkna fram. Ge datumet med --date ÅÅÅÅ-MM-DD, till exempel: samverkan meeting new styrgrupp --date 2009-06-15',
      );
    } finally {
      setLanguage('en');
    }
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
      /The change would make meetings\/styrgrupp\/2009-06-25\.yaml invalid, so nothing was written: line 30: "samordnaren" names no person/,
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
