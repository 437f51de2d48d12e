/**
 * The README's examples of organization add, person add and group new, run as written (with the
 * tour's reader) in a copy of the Norra Bohuslän example: each prints what the README says, and
 * the workspace stays valid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/cli.js';
import { copyWorkspace, example, repoRoot } from '../helpers/workspaces.js';
import { parseTour, showsInOrder } from '../readme/tour.js';

/** The commands of the README's section on adding people, organisations and groups, in order. */
function sectionCommands(): Array<{ line: number; argv: string[]; expect: string[][] }> {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const start = readme.indexOf('### Adding people, organisations and groups');
  // The next heading ends the section; a line starting with `# ` inside a block is what a command prints.
  const next = /\n#{2,3} /g;
  next.lastIndex = start + 10;
  const end = next.exec(readme)?.index ?? readme.length;
  expect(start).toBeGreaterThan(0);
  const steps = parseTour(`<!-- tour:start -->\n${readme.slice(start, end)}\n<!-- tour:end -->`);
  return steps.flatMap((s) => (s.kind === 'run' ? [{ line: s.line, argv: s.argv, expect: s.expect }] : []));
}

describe('the README\'s examples of organization add, person add and group new', () => {
  const { dir, cleanup } = copyWorkspace(example('norra-bohuslan'));
  afterAll(() => cleanup());

  it('run as written in a copy of plans/norra-bohuslan, print what the README says, and leave it valid', async () => {
    const commands = sectionCommands();
    expect(commands.map((c) => c.argv.slice(0, 2).join(' '))).toEqual(['organization add', 'person add', 'group new']);
    for (const { line, argv, expect: shown } of commands) {
      const run = await runInProcess([...argv, '--lang', 'en', '--as-of', '2009-06-01'], { cwd: dir });
      expect(run.code, `README.md:${line}: ${argv.join(' ')}\n${run.stderr}`).toBe(0);
      for (const parts of shown) expect(showsInOrder(run.stdout, parts), `README.md:${line} was to print ${parts.join(' … ')}; it printed:\n${run.stdout}`).toBe(true);
    }
    // The example writes its people and organisations one per line, {…}: the new entries follow suit, comments kept.
    const people = readFileSync(join(dir, 'people.yaml'), 'utf8');
    expect(people.trimEnd().split('\n').at(-1)).toBe('  - {id: kommunpolis-stromstad, name: Kommunpolis Strömstad, title: Kommunpolis, organization: lokalpolisomrade-stromstad}');
    expect(people).toContain('# Arbetsgruppen: de lokala kvinnofridsansvariga (praktiker) i varje kommun.');
    const organizations = readFileSync(join(dir, 'organizations.yaml'), 'utf8');
    expect(organizations.trimEnd().split('\n').at(-1)).toBe('  - {id: lokalpolisomrade-stromstad, name: Lokalpolisområde Strömstad, type: police, part_of: polisen-fyrbodal}');
    const group = parse(readFileSync(join(dir, 'groups/arendegrupp-norra-bohuslan.yaml'), 'utf8'));
    expect(group).toMatchObject({ type: 'case', confidentiality: 'confidential', reports_to: 'styrgrupp-nb', meetings: { weekday: 'thursday' } });
    const checked = await runInProcess(['validate', '--lang', 'en', '--as-of', '2009-06-01'], { cwd: dir });
    expect(checked.code, checked.stdout).toBe(0);
  });
});
