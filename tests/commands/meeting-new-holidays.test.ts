import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';

/** The clean fixture with its steering group meeting weekly on Thursdays; its last meeting was 2009-05-14. */
function weeklyWorkspace(): string {
  const dir = copyForTest(fixture('clean'));
  const path = join(dir, 'groups/styrgrupp.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace('cadence: every 6 weeks', 'cadence: weekly'));
  return dir;
}

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
