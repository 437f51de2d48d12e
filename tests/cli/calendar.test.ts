import ICAL from 'ical.js';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace, runSamverkan } from '../fixtures/commands-b/helpers.js';
import { runInProcess } from '../helpers/cli.js';

function events(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  for (const tz of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return component.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('samverkan calendar', () => {
  it('prints the group\'s meetings as iCalendar that a real parser reads', async () => {
    const dir = workspace();
    const r = await runInProcess(['calendar', 'styrgrupp'], { cwd: join(dir, 'groups') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(r.stdout).toMatch(/END:VCALENDAR\r\n$/);
    const [meeting, ...rest] = events(r.stdout);
    expect(rest).toEqual([]);
    expect(meeting.uid).toBe('styrgrupp-2009-05-14@kvinnofrid-testkommunerna.samverkan');
    expect(meeting.startDate.toJSDate().toISOString()).toBe('2009-05-14T11:00:00.000Z');
    expect(meeting.location).toBe('Kommunhuset i Alfa');
    expect(meeting.description).toMatch(/^Dagordning\n13:00 1\. Uppföljning av handlingsplanen \(30 min\)\n13:30 2\. Budget 2010/);
  });

  it('writes --out, the same file byte for byte on every export, published with each meeting\'s sequence', async () => {
    const dir = workspace();
    const r = await runInProcess(['calendar', '--all', '--out', 'ut/samverkan.ics'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Wrote 4 meetings to ut/samverkan.ics.\n');
    const first = readFileSync(join(dir, 'ut/samverkan.ics'), 'utf8');
    await runInProcess(['calendar', '--all', '--out', 'ut/samverkan.ics'], { cwd: dir });
    const second = readFileSync(join(dir, 'ut/samverkan.ics'), 'utf8');
    expect(second).toBe(first);
    expect(first).toMatch(/\r\nMETHOD:PUBLISH\r\n/);
    expect(events(first).map((e) => e.uid)).toEqual([
      'arbetsgrupp-2009-05-05@kvinnofrid-testkommunerna.samverkan',
      'arbetsgrupp-2009-06-16@kvinnofrid-testkommunerna.samverkan',
      'natverk-2009-09-01@kvinnofrid-testkommunerna.samverkan',
      'styrgrupp-2009-05-14@kvinnofrid-testkommunerna.samverkan',
    ]);
    expect(readdirSync(join(dir, 'ut'))).toEqual(['samverkan.ics']);
    // A moved meeting, its sequence raised, comes out with the higher SEQUENCE that makes Outlook update it.
    const file = join(dir, 'meetings/styrgrupp/2009-05-14.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: 2009-05-14$/m, 'date: 2009-05-15\nsequence: 2'));
    expect((await runInProcess(['calendar', '--all', '--out', 'ut/samverkan.ics'], { cwd: dir })).code).toBe(0);
    const moved = events(readFileSync(join(dir, 'ut/samverkan.ics'), 'utf8')).find((e) => e.uid.startsWith('styrgrupp-'))!;
    expect(moved.sequence).toBe(2);
    expect(moved.startDate.toString()).toBe('2009-05-15T13:00:00');
  });

  it('says there is no such group, suggests the closest, and writes nothing (exit 2)', async () => {
    const dir = workspace();
    const r = await runInProcess(['calendar', '-C', dir, 'arbetsgrup', '--out', 'x.ics']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'samverkan: There is no group "arbetsgrup" in the workspace. Did you mean "arbetsgrupp"? The groups are: arbetsgrupp, natverk, styrgrupp.\n',
    );
    expect(existsSync(join(dir, 'x.ics'))).toBe(false);
  });

  it('asks for a group, or --all, but not both', async () => {
    const dir = workspace();
    const none = await runInProcess(['calendar', '-C', dir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Name the group whose meetings you want');
    const both = await runInProcess(['calendar', '-C', dir, 'styrgrupp', '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give either group ids (styrgrupp) or --all, not both.');
  });

  it('has help with an example', async () => {
    const r = await runInProcess(['calendar', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ samverkan calendar styrgrupp-nb --out styrgrupp.ics');
  });
});
