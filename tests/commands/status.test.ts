import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../src/cli/status.js';
import { STATUS_LABELS, statusLabels } from '../../src/i18n/status-labels.js';
import { status } from '../../src/commands/status.js';
import { UsageError, WorkspaceError } from '../../src/errors.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';
import { workspace } from '../fixtures/commands-b/helpers.js';

describe('status', () => {
  it('lists overdue and soon-due actions by responsible organisation, leaving closed and far-off ones out', async () => {
    const dir = workspace();
    const report = await status({ cwd: dir, asOf: '2009-06-01' });
    expect(report.asOf).toBe('2009-06-01');
    expect(report.workspace).toMatchObject({ name: 'Kvinnofrid Testkommunerna', language: 'sv', root: dir });
    expect(report.checks).toEqual({ errors: 0, warnings: 2 });
    expect(report.actions.map((o) => o.name)).toEqual(['Beta kommun', 'Socialförvaltningen i Alfa']);
    const [beta, alfaSoc] = report.actions;
    expect(beta.overdue).toEqual([
      expect.objectContaining({ ref: 'uppfoljning/sen', due: '2009-05-20', days: 12, state: 'overdue', overdueSince: '2009-05-20', status: 'ongoing', progress: 50, file: 'plans/uppfoljning.yaml', line: 14 }),
    ]);
    expect(beta.dueSoon).toEqual([]);
    expect(alfaSoc.overdue).toEqual([]);
    expect(alfaSoc.dueSoon.map((a) => [a.ref, a.days])).toEqual([
      ['uppfoljning/idag', 0],
      ['uppfoljning/snart', 19],
    ]);
    // plan/a1 of the clean fixture is due 2009-12-31: not soon.
    expect(JSON.stringify(report.actions)).not.toContain('plan/a1');
  });

  it('lists open meeting tasks, overdue first and those without a date last', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    expect(report.tasks.map((t) => [t.meeting, t.id, t.due, t.daysOverdue])).toEqual([
      ['arbetsgrupp-2009-05-05', 't1', '2009-05-25', 7],
      ['styrgrupp-2009-05-14', 't1', '2009-08-31', 0],
      ['arbetsgrupp-2009-05-05', 't3', undefined, 0],
    ]);
    expect(report.tasks[0]).toMatchObject({ responsibleName: 'Socialchef Beta', groupName: 'Arbetsgruppen', file: 'meetings/arbetsgrupp/2009-05-05.yaml', line: 9 });
  });

  it('gives the next meeting per group: a meeting file if there is one, else the cadence from the last meeting', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    expect(report.meetings).toEqual([
      expect.objectContaining({ group: 'arbetsgrupp', source: 'meeting-file', date: '2009-06-16', start: '09:30', location: 'Socialkontoret, Beta', meeting: 'arbetsgrupp-2009-06-16' }),
      expect.objectContaining({ group: 'natverk', source: 'meeting-file', date: '2009-09-01', location: 'Biblioteket i Alfa' }),
      // Met 2009-05-14, every 6 weeks on Thursdays.
      expect.objectContaining({ group: 'styrgrupp', source: 'cadence', date: '2009-06-25', start: '13:00', cadence: 'every 6 weeks' }),
    ]);
    const later = await status({ cwd: report.workspace.root, asOf: '2009-10-01' });
    const styrgrupp = later.meetings.find((m) => m.group === 'styrgrupp')!;
    // Steps on from 2009-05-14 past the dates already gone: 06-25, 08-06, 09-17, then 10-29.
    expect(styrgrupp).toMatchObject({ source: 'cadence', date: '2009-10-29' });
    expect(later.meetings.find((m) => m.group === 'natverk')).toMatchObject({ source: 'none' });
  });

  it('lists agreements ending within six months, and the next end of one renewed yearly', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    expect(report.agreements).toEqual([
      expect.objectContaining({ id: 'overenskommelse', end: '2009-08-31', daysLeft: 91, renewal: 'yearly', noticeMonths: 2, noticeBy: '2009-06-30', file: 'agreements/overenskommelse.yaml' }),
      expect.objectContaining({ id: 'avtal', end: '2009-10-31', daysLeft: 152, renewal: 'none', noticeMonths: 3, line: 24 }),
    ]);
    expect(report.agreements[1].noticeBy).toBeUndefined();
    expect((await status({ cwd: report.workspace.root, asOf: '2009-04-01' })).agreements.map((a) => a.id)).toEqual(['overenskommelse']);
  });

  it('says an agreement a party has given notice on ends, instead of asking to decide on renewing it', async () => {
    const dir = workspace();
    const file = join(dir, 'agreements/avtal.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  notice_months: 3\n', '  notice_months: 3\n  notice_given: 2009-05-15\n') + 'status: terminated\n');
    const report = await status({ cwd: dir, asOf: '2009-06-01' });
    // Three months' notice from 15 May ends it on 15 August, before the term's own end (the term model decides).
    expect(report.agreements.find((a) => a.id === 'avtal')).toMatchObject({ end: '2009-08-15', terminated: { noticeGiven: '2009-05-15' } });
    const text = formatStatus(report, statusLabels('sv'), 'sv', false);
    expect(text).toContain('Samverkansavtal Alfa och Beta: löper ut 2009-08-15, om 75 dagar · uppsagt 2009-05-15, förlängs inte');
    expect(text).not.toContain('besluta om det ska förlängas');
    expect(formatStatus(report, statusLabels('en'), 'en', false)).toContain('notice given on 2009-05-15, not renewed');
  });

  it('finds the gaps in the rosters', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    expect(report.gaps).toEqual([
      { type: 'no-secretary', group: 'arbetsgrupp', groupName: 'Arbetsgruppen', file: 'groups/arbetsgrupp.yaml' },
      // The Beta substitute left too, but Beta still has a member: no gap.
      expect.objectContaining({ type: 'member-left', group: 'arbetsgrupp', person: 'polis', personName: 'Kommunpolis', organization: 'polisen', until: '2009-03-31' }),
      expect.objectContaining({ type: 'steering-coverage', group: 'styrgrupp', agreement: 'avtal', organization: 'polisen', organizationName: 'Polisen' }),
    ]);
  });

  it('reports a group without a chair', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'groups/natverk.yaml'), 'kind: group\nid: natverk\nname: Nätverket\ntype: network\nmembers:\n  - {person: polis, role: chair, until: 2009-01-31}\n  - {person: samordnare, role: secretary}\n');
    const report = await status({ cwd: dir, asOf: '2009-06-01' });
    expect(report.gaps).toContainEqual({ type: 'no-chair', group: 'natverk', groupName: 'Nätverket', file: 'groups/natverk.yaml' });
    expect(report.checks.errors).toBe(1);
  });

  it('is quiet on the clean fixture, and finds the workspace from a sub-folder', async () => {
    const copy = { dir: copyForTest(fixture('clean')) };
    const report = await status({ cwd: join(copy.dir, 'plans'), asOf: '2009-06-01' });
    expect(report.actions).toEqual([]);
    expect(report.agreements).toEqual([]);
    expect(report.gaps).toEqual([]);
    expect(report.tasks).toHaveLength(1);
  });

  it('leaves out documents that do not follow the format, and counts them as errors', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'plans/trasig.yaml'), 'kind: plan\nid: trasig\ntitle: Trasig\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals: [{id: m1, title: Mål}]\nactions:\n  - {id: x, title: X, responsible: alfa, due: 2009-05-01, status: late}\n');
    const report = await status({ cwd: dir, asOf: '2009-06-01' });
    expect(report.checks.errors).toBeGreaterThan(0);
    expect(JSON.stringify(report.actions)).not.toContain('trasig');
  });

  it('says what is wrong with a bad date or a missing workspace', async () => {
    await expect(status({ cwd: workspace(), asOf: '2009-02-30' })).rejects.toThrow(UsageError);
    await expect(status({ cwd: workspace(), asOf: '2009-02-30' })).rejects.toThrow(/is not a date\. Write it as YYYY-MM-DD/);
    await expect(status({ cwd: '/', dir: '/tmp' })).rejects.toThrow(WorkspaceError);
  });
});

describe('formatStatus', () => {
  it('prints every section in the workspace language, plain without colour', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    const text = formatStatus(report, statusLabels('sv'), 'sv', false);
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('Kvinnofrid Testkommunerna – läget den 2009-06-01');
    expect(text).toMatch(/Beta kommun\n {4}försenad sedan 2009-05-20 {2}uppfoljning\/sen {2}Utbilda personalen \(senast 2009-05-20, pågår 50 %\) {2}plans\/uppfoljning\.yaml:14/);
    expect(text).toContain('Styrgruppen    tors 2009-06-25 13:00, Kommunhuset i Alfa');
    expect(text).toContain('Arbetsgruppen har ingen sekreterare. Ge en ledamot role: secretary i groups/arbetsgrupp.yaml.');
    expect(text).toContain('säg upp senast 2009-06-30 om det ska upphöra');
    const english = formatStatus(report, statusLabels('en'), 'en', false);
    expect(english).toContain('overdue since 20 May 2009');
    expect(english).toContain('Thu 2009-06-25 13:00');
  });

  it('colours overdue red and soon due yellow on a terminal', async () => {
    const report = await status({ cwd: workspace(), asOf: '2009-06-01' });
    const text = formatStatus(report, statusLabels('en'), 'en', true);
    expect(text).toContain('\u001b[31moverdue since 20 May 2009\u001b[39m');
    expect(text).toMatch(/\u001b\[33mdue in 19 days/);
  });

  it('has every label in both languages', () => {
    expect(Object.keys(STATUS_LABELS.en).sort()).toEqual(Object.keys(STATUS_LABELS.sv).sort());
  });
});
