/**
 * The README's five-minute tour, run as written: init, the cadence added to the group, the next
 * meeting, its notice rendered as HTML, a site. If the README and the tool drift apart, this fails.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const tour = readme.slice(readme.indexOf('## A five-minute tour'), readme.indexOf('## The workspace'));
const blocks = [...tour.matchAll(/```(sh|yaml)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], text: m[2] }));

/** The `samverkan …` commands of a shell block, continuation lines joined, comments dropped. */
function commands(block: string): string[][] {
  return block
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('samverkan '))
    .map((line) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(1));
}

describe('the README tour', () => {
  const root = mkdtempSync(join(tmpdir(), 'samverkan-tour-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const asOf = ['--as-of', '2026-11-23'];

  it('goes from init to a rendered notice as written', () => {
    const [setUp, cadence, meeting] = [blocks[0], blocks.find((b) => b.lang === 'yaml')!, blocks[2]];
    const init = commands(setUp.text)[0];
    expect(init[0]).toBe('init');
    const created = runCli(init, { cwd: root });
    expect(created.code, created.stderr).toBe(0);
    const dir = join(root, init[1]);
    expect(runCli(['validate', '-C', dir]).stdout).toContain('4 files checked, no problems.');

    appendFileSync(join(dir, 'groups/styrgrupp-kvinnofrid-exempelbygden.yaml'), cadence.text);
    expect(runCli(['validate', '-C', dir]).code).toBe(0);

    const steps = commands(meeting.text);
    expect(steps.map((s) => s[0])).toEqual(['meeting', 'render', 'render']);
    const made = runCli([...steps[0], ...asOf], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Created meetings/styrgrupp-kvinnofrid-exempelbygden/2026-11-26.yaml');
    const notice = runCli([...steps[1], ...asOf], { cwd: dir });
    expect(notice.code, notice.stderr).toBe(0);
    // Dates and times keep together with no-break spaces; the words are what is checked here.
    const html = readFileSync(join(dir, 'kallelse.html'), 'utf8').replace(/\u00a0|&nbsp;|&#160;|&#xa0;/gi, ' ');
    expect(html).toContain('Kallelse – Styrgrupp Kvinnofrid Exempelbygden – 26 november 2026');
    expect(html).toContain('Rapport från samordnaren');
    const site = runCli([...steps[2], ...asOf], { cwd: dir });
    expect(site.code, site.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('meeting-styrgrupp-kvinnofrid-exempelbygden-2026-11-26.html');
  });
});
