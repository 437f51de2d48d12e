import ICAL from 'ical.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { calendar, meetingStamp, meetingUid, vtimezone } from '../../src/commands/calendar.js';
import { NotFoundError, UsageError } from '../../src/errors.js';
import { workspace } from '../fixtures/commands-b/helpers.js';

const originalTz = process.env.TZ;
afterEach(() => {
  vi.useRealTimers();
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

/** Parses with ical.js, registering the calendar's own VTIMEZONEs so times resolve through them. */
function parse(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = component.getAllSubcomponents('vevent').map((v) => ({ vevent: v, event: new ICAL.Event(v) }));
  return { component, events };
}

describe('calendar', () => {
  it('makes one event per meeting of the group, with stable UIDs, local times and the agenda', async () => {
    const dir = workspace();
    const result = await calendar({ cwd: dir, groups: ['arbetsgrupp'] });
    expect(result).toMatchObject({ groups: ['arbetsgrupp'], events: 2, empty: [] });
    const { component, events } = parse(result.ics);
    expect(component.getFirstPropertyValue('x-wr-calname')).toBe('Arbetsgruppen – Kvinnofrid Testkommunerna');
    expect(component.getFirstPropertyValue('prodid')).toBe('-//samverkan//samverkan//SV');
    expect(events.map((e) => e.event.uid)).toEqual([
      'arbetsgrupp-2009-05-05@kvinnofrid-testkommunerna.samverkan',
      'arbetsgrupp-2009-06-16@kvinnofrid-testkommunerna.samverkan',
    ]);
    const next = events[1];
    expect(next.event.summary).toBe('Möte: Arbetsgruppen');
    expect(next.event.startDate.toString()).toBe('2009-06-16T09:30:00');
    expect(next.event.startDate.zone.tzid).toBe('Europe/Stockholm');
    // 09:30 in Stockholm in June is 07:30 UTC (summer time), by the calendar's own VTIMEZONE.
    expect(next.event.startDate.toJSDate().toISOString()).toBe('2009-06-16T07:30:00.000Z');
    expect(next.event.endDate.toJSDate().toISOString()).toBe('2009-06-16T09:00:00.000Z');
    expect(next.event.location).toBe('Socialkontoret, Beta');
    expect(next.vevent.getFirstPropertyValue('url')).toBe('https://meet.example/arbetsgrupp');
    expect(next.vevent.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(String(next.vevent.getFirstPropertyValue('dtstamp'))).toBe('2009-06-16T00:00:00Z');
    expect(next.vevent.getFirstPropertyValue('sequence')).toBe(0);
    expect(next.vevent.getFirstPropertyValue('last-modified')).toBeNull();
    expect(next.event.description).toBe(
      [
        'Dagordning',
        '09:30 1. Rapport om utbildningen (föredragande Samordnare Alfa–Beta, 20 min)',
        '09:50 2. Ärendet redovisas inte med hänvisning till sekretess',
        '10:20 3. Planering hösten 2009',
        '',
        'Möteslänk: https://meet.example/arbetsgrupp',
        '',
        'Ordförande: Socialchef Beta',
      ].join('\n'),
    );
    expect(result.ics).not.toContain('skyddade personuppgifter');
    // The earlier meeting has no times of its own: the group's time and length.
    expect(events[0].event.startDate.toString()).toBe('2009-05-05T09:00:00');
    expect(events[0].event.endDate.toString()).toBe('2009-05-05T10:30:00');
  });

  it('gives the same UIDs and text on every export, whatever the computer\'s time zone', async () => {
    const dir = workspace();
    process.env.TZ = 'America/New_York';
    const a = await calendar({ cwd: dir, all: true });
    process.env.TZ = 'Asia/Tokyo';
    const b = await calendar({ cwd: dir, all: true });
    expect(b.ics).toBe(a.ics);
    expect(a.ics).toContain('DTSTART;TZID=Europe/Stockholm:20090616T093000');
    expect(a.ics).toContain('DTSTART;VALUE=DATE:20090901');
  });

  it('publishes: METHOD:PUBLISH in the calendar, before the first event', async () => {
    const { ics } = await calendar({ cwd: workspace(), all: true });
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n(?:(?!BEGIN:VEVENT)[^\n]*\n)*METHOD:PUBLISH\r\n/);
    expect(parse(ics).component.getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it('is byte-identical when the same workspace is exported at another time', async () => {
    const dir = workspace();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2009-06-01T08:00:00Z'));
    const first = await calendar({ cwd: dir, all: true });
    vi.setSystemTime(new Date('2031-01-17T23:59:59Z'));
    const second = await calendar({ cwd: dir, all: true });
    expect(second.ics).toBe(first.ics);
    // Every stamp is its meeting's date, none the clock's.
    expect([...first.ics.matchAll(/^DTSTAMP:(.*)\r$/gm)].map((m) => m[1])).toEqual([
      '20090505T000000Z',
      '20090616T000000Z',
      '20090901T000000Z',
      '20090514T000000Z',
    ]);
  });

  it('gives a moved meeting a higher SEQUENCE, from its sequence: field, and changes only that event', async () => {
    const dir = workspace();
    const file = join(dir, 'meetings/arbetsgrupp/2009-06-16.yaml');
    const before = await calendar({ cwd: dir, all: true });
    writeFileSync(file, readFileSync(file, 'utf8').replace('start: "09:30"', 'start: "10:00"\nsequence: 1'));
    const after = await calendar({ cwd: dir, all: true });
    const sequences = (ics: string) =>
      Object.fromEntries(parse(ics).events.map((e) => [e.event.uid.split('@')[0], e.vevent.getFirstPropertyValue('sequence')]));
    expect(sequences(before.ics)).toEqual({
      'arbetsgrupp-2009-05-05': 0,
      'arbetsgrupp-2009-06-16': 0,
      'natverk-2009-09-01': 0,
      'styrgrupp-2009-05-14': 0,
    });
    expect(sequences(after.ics)).toEqual({ ...sequences(before.ics), 'arbetsgrupp-2009-06-16': 1 });
    const moved = parse(after.ics).events.find((e) => e.event.uid.startsWith('arbetsgrupp-2009-06-16'))!;
    expect(moved.event.startDate.toJSDate().toISOString()).toBe('2009-06-16T08:00:00.000Z');
    // The rest of the file is as it was: the event's text (agenda times, start, sequence) alone differs.
    const lines = (ics: string) => new Set(ics.split('\r\n'));
    const added = [...lines(after.ics)].filter((l) => !lines(before.ics).has(l));
    const removed = [...lines(before.ics)].filter((l) => !lines(after.ics).has(l));
    expect(added.slice(0, 3)).toEqual([
      'SEQUENCE:1',
      'DTSTART;TZID=Europe/Stockholm:20090616T100000',
      'DESCRIPTION:Dagordning\\n10:00 1. Rapport om utbildningen (föredragande Sa',
    ]);
    expect(added).toHaveLength(5);
    expect(removed[0]).toBe('DTSTART;TZID=Europe/Stockholm:20090616T093000');
    expect(removed).toHaveLength(4);
    expect(after.ics.match(/^SEQUENCE:/gm)).toHaveLength(4);
  });

  it('leaves out a meeting whose sequence is not a whole number of zero or more, as it does any meeting that breaks the format', async () => {
    const dir = workspace();
    const file = join(dir, 'meetings/arbetsgrupp/2009-06-16.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}sequence: -1\n`);
    const { events } = parse((await calendar({ cwd: dir, groups: ['arbetsgrupp'] })).ics);
    expect(events.map((e) => e.event.uid)).toEqual(['arbetsgrupp-2009-05-05@kvinnofrid-testkommunerna.samverkan']);
  });

  it('stamps an event with midnight UTC of its meeting\'s date', () => {
    expect(meetingStamp('2009-06-16').toISOString()).toBe('2009-06-16T00:00:00.000Z');
    expect(meetingStamp('2010-01-01').toISOString()).toBe('2010-01-01T00:00:00.000Z');
  });

  it('covers every group with --all, sorted, and makes all-day events for meetings without a time', async () => {
    const result = await calendar({ cwd: workspace(), all: true, lang: 'en' });
    expect(result.groups).toEqual(['arbetsgrupp', 'natverk', 'styrgrupp']);
    const { component, events } = parse(result.ics);
    expect(component.getFirstPropertyValue('x-wr-calname')).toBe('Kvinnofrid Testkommunerna');
    expect(events).toHaveLength(4);
    const natverk = events.find((e) => e.event.uid.startsWith('natverk-'))!;
    expect(natverk.event.startDate.isDate).toBe(true);
    expect(natverk.event.startDate.toString()).toBe('2009-09-01');
    expect(natverk.event.summary).toBe('Meeting: Nätverket');
    expect(natverk.event.description).toBe('Agenda\n1. Nätverksträff\n\nChair: Kommunpolis');
    const styrgrupp = events.find((e) => e.event.uid.startsWith('styrgrupp-'))!;
    // The agenda is the meeting file's: the group's standing items are not added to a meeting that does not have them.
    expect(styrgrupp.event.description).toBe('Agenda\n13:00 1. Uppföljning av handlingsplanen (30 min)\n13:30 2. Budget 2010 (30 min)\n\nChair: Socialchef Alfa');
  });

  it('uses the workspace time zone', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'samverkan.yaml'), 'kind: workspace\nname: Kvinnofrid Testkommunerna\ntimezone: Europe/Helsinki\n');
    const { events } = parse((await calendar({ cwd: dir, groups: ['styrgrupp'] })).ics);
    expect(events[0].event.startDate.zone.tzid).toBe('Europe/Helsinki');
    expect(events[0].event.startDate.toJSDate().toISOString()).toBe('2009-05-14T10:00:00.000Z');
  });

  it('says which groups exist when the group is unknown, and suggests the closest', async () => {
    const dir = workspace();
    await expect(calendar({ cwd: dir, groups: ['styrgrup'] })).rejects.toThrow(NotFoundError);
    await expect(calendar({ cwd: dir, groups: ['styrgrup'] })).rejects.toThrow(
      'There is no group "styrgrup" in the workspace. Did you mean "styrgrupp"? The groups are: arbetsgrupp, natverk, styrgrupp.',
    );
    await expect(calendar({ cwd: dir })).rejects.toThrow(UsageError);
  });

  it('notes a group without meetings and still gives a valid calendar', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'groups/referens.yaml'), 'kind: group\nid: referens\nname: Referensgruppen\ntype: reference\nmembers:\n  - {person: polis, role: chair}\n');
    const result = await calendar({ cwd: dir, groups: ['referens'] });
    expect(result).toMatchObject({ events: 0, empty: ['referens'] });
    expect(parse(result.ics).events).toEqual([]);
  });

  it('builds a stable UID from the meeting and the workspace', () => {
    expect(meetingUid('styrgrupp-2009-06-10', 'Kvinnofrid Norra Bohuslän')).toBe('styrgrupp-2009-06-10@kvinnofrid-norra-bohuslan.samverkan');
  });
});

describe('vtimezone', () => {
  it('describes the zone so that a parser converts local times right in summer and winter', () => {
    const text = vtimezone('Europe/Stockholm', 2008, 2010);
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20090329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20091025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD');
    const zone = new ICAL.Timezone(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone')!);
    const local = (s: string) => {
      const t = ICAL.Time.fromDateTimeString(s);
      t.zone = zone;
      return t.convertToZone(ICAL.Timezone.utcTimezone).toString();
    };
    expect(local('2009-06-10T13:00:00')).toBe('2009-06-10T11:00:00Z');
    expect(local('2009-12-10T13:00:00')).toBe('2009-12-10T12:00:00Z');
  });

  it('handles a zone without summer time and one west of Greenwich', () => {
    expect(vtimezone('UTC', 2009, 2009)).toBe('BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:20090101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\nEND:VTIMEZONE');
    expect(vtimezone('America/New_York', 2009, 2009)).toContain('DTSTART:20090308T020000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400');
  });
});
