import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { parseTour } from '../readme/tour.js';

/** The commands of the README's section on creating plans and agreements, in order, as the tour reader reads them. */
function sectionCommands(): Array<{ line: number; argv: string[] }> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Creating plans, goals, indicators and agreements');
  const end = readme.indexOf('\n#', start + 10);
  expect(start).toBeGreaterThan(0);
  const steps = parseTour(`<!-- tour:start -->\n${readme.slice(start, end)}\n<!-- tour:end -->`);
  return steps.flatMap((s) => (s.kind === 'run' ? [{ line: s.line, argv: s.argv }] : []));
}

describe('the README\'s examples of plan new, goal add, indicator add/measure and agreement new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-readme-create-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run as written in a new workspace, one after the other, and leave it valid', async () => {
    const init = await runInProcess(['init', dir, '--yes', '--no-git', '--name', 'Kvinnofrid Exempelbygden', '--org', 'Kommunen=municipality', '--org', 'Regionen=region', '--org', 'Polisen=police', '--group', 'Styrgrupp']);
    expect(init.code, init.stderr).toBe(0);
    const commands = sectionCommands();
    expect(commands.map((c) => c.argv.slice(0, 2).join(' '))).toEqual(['agreement new', 'plan new', 'goal add', 'goal add', 'indicator add', 'indicator measure']);
    for (const { line, argv } of commands) {
      const run = await runInProcess([...argv, '--lang', 'en'], { cwd: dir });
      expect(run.code, `README.md:${line}: ${argv.join(' ')}\n${run.stderr}`).toBe(0);
    }
    const plan = parse(readFileSync(join(dir, 'plans/handlingsplan-2025-2026.yaml'), 'utf8'));
    expect(plan.goals[1]).toMatchObject({ id: 'm2', subgoals: [{ id: 'd1' }], indicators: [{ id: 'i1', measurements: [{ period: '2025', value: 146 }] }] });
    const checked = await runInProcess(['validate', '--lang', 'en'], { cwd: dir });
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout).toContain('0 errors');
  });
});
