import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareMeetingNew } from '../../src/commands/meeting-new.js';
import { addDays } from '../../src/model/dates.js';
import { holidayOn, holidaysOf } from '../../src/model/holidays.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** A workspace with one weekly group for each day of the week, none of which has met yet. */
function groupPerWeekday(dir: string): void {
  writeFileSync(join(dir, 'samverkan.yaml'), 'kind: workspace\nname: Helgdagar\nlanguage: sv\ntimezone: Europe/Stockholm\n');
  writeFileSync(join(dir, 'organizations.yaml'), 'kind: organizations\norganizations:\n  - {id: alfa, name: Alfa kommun, type: municipality}\n');
  writeFileSync(join(dir, 'people.yaml'), 'kind: people\npeople:\n  - {id: samordnare, name: Samordnare Alfa, organization: alfa}\n');
  mkdirSync(join(dir, 'groups'));
  for (const weekday of WEEKDAYS) {
    writeFileSync(
      join(dir, 'groups', `grupp-${weekday}.yaml`),
      `kind: group\nid: grupp-${weekday}\nname: Gruppen ${weekday}\ntype: working\nmeetings: {cadence: weekly, weekday: ${weekday}}\n` +
        'members:\n  - {person: samordnare, role: chair, represents: alfa}\n',
    );
  }
}

/** The clean fixture with its steering group meeting weekly on Thursdays; its last meeting was 2009-05-14. */
function weeklyWorkspace(): string {
  const dir = copyForTest(fixture('clean'));
  const path = join(dir, 'groups/styrgrupp.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('cadence: every 6 weeks', 'cadence: weekly'));
  return dir;
}

describe('meeting new over every Swedish holiday and eve from 2025 to 2030', () => {
  it('never proposes one: the group that meets on that weekday is proposed the week after, and told why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-holidays-'));
    try {
      groupPerWeekday(dir);
      const checked = await loadCheckedWorkspace({ dir, asOf: '2025-01-01' });
      expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const days = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) => holidaysOf(year));
      expect(days).toHaveLength(96);
      for (const day of days) {
        const weekday = WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()];
        // The day before, the group's first meeting by its cadence would be the day off itself.
        const r = prepareMeetingNew(checked, { group: `grupp-${weekday}` }, addDays(day.date, -1));
        expect(holidayOn(r.date), `${day.date} ${day.name}: proposed ${r.date}`).toBeUndefined();
        expect(r.moved?.from[0], day.date).toBe(day.date);
        expect(r.date > day.date).toBe(true);
        expect(r.text).toContain(`# ${day.date} är ${day.name}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('meeting new on a holiday', () => {
  it('moves past Kristi himmelsfärdsdag to the next Thursday and says why, in the file and on the terminal', async () => {
    const dir = weeklyWorkspace();
    // 2009-05-21 is Ascension Day, the Thursday after the last meeting.
    const run = await runInProcess(['meeting', 'new', 'styrgrupp', '--as-of', '2009-05-15', '-C', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('meets Thursday 2009-05-28');
    expect(run.stdout).toContain('2009-05-21 is Ascension Day; proposing 2009-05-28.\n');
    const text = readFileSync(join(dir, 'meetings/styrgrupp/2009-05-28.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '# Skapad av "samverkan meeting new" 2009-05-15 utifrån mötesrytmen i groups/styrgrupp.yaml (varje vecka, torsdagar).',
      '# 2009-05-21 är Kristi himmelsfärdsdag; föreslår 2009-05-28.',
      '# Ändra dagordningen som ni vill. Kallelsen: samverkan render meeting styrgrupp-2009-05-28',
    ]);
  });

  it('names the dates passed over in --json, and none when the cadence date is free', async () => {
    const dir = weeklyWorkspace();
    const moved = await runInProcess(['meeting', 'new', 'styrgrupp', '--as-of', '2009-05-15', '--json', '-C', dir]);
    expect(JSON.parse(moved.stdout)).toMatchObject({ date: '2009-05-28', moved_from: ['2009-05-21'] });
    const next = await runInProcess(['meeting', 'new', 'styrgrupp', '--as-of', '2009-05-29', '--json', '-C', dir]);
    expect(JSON.parse(next.stdout)).toMatchObject({ date: '2009-06-04', moved_from: [] });
    expect(readFileSync(join(dir, 'meetings/styrgrupp/2009-06-04.yaml'), 'utf8')).not.toMatch(/föreslår/);
  });
});
