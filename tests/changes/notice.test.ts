/**
 * `meeting new` writes the changes since the group's last meeting into the new meeting file, and
 * the notice shows them (public output without what is confidential); in a shallow clone that
 * lacks the commit, the file and the notice say nothing of it and nothing fails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/cli.js';
import { buildChangesRepo, WS, type ChangesRepo } from './fixture.js';

let fx: ChangesRepo;
const temp: string[] = [];

/** A clone of the fixture at its second commit (the agreement still parses), full or shallow. */
async function cloneAt(depth?: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-notice-'));
  temp.push(dir);
  await execa('git', ['clone', '-q', ...(depth ? ['--depth', String(depth), '--branch', 'second'] : []), `file://${fx.repo.dir}`, dir]);
  if (!depth) await execa('git', ['checkout', '-q', fx.c2], { cwd: dir });
  return join(dir, WS);
}

beforeAll(async () => {
  fx = await buildChangesRepo();
  await fx.repo.git(['branch', 'second', fx.c2]);
});
afterAll(async () => {
  await fx.repo.remove();
  for (const dir of temp) await rm(dir, { recursive: true, force: true });
});

const FILE = 'meetings/styrgrupp/2009-06-25.yaml';
const newMeeting = (cwd: string) => runInProcess(['meeting', 'new', 'styrgrupp', '--date', '2009-06-25', '--as-of', '2009-06-05'], { cwd });
const notice = (cwd: string, extra: string[] = []) =>
  runInProcess(['render', 'meeting', 'styrgrupp-2009-06-25', '--out', '-', '--format', 'md', '--as-of', '2009-06-05', ...extra], { cwd });

describe('the notice tells the changes since the last meeting', () => {
  it('meeting new writes them into the record; the notice shows them, and public output leaves out the confidential ones', async () => {
    const cwd = await cloneAt();
    const made = await newMeeting(cwd);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const text = await readFile(join(cwd, FILE), 'utf8');
    expect(text).toContain('\n# Förändringar sedan förra mötet (2009-05-14), som git visade dem när mötet förbereddes; kallelsen visar dem som de står här\nchanges:\n');
    expect(text).toContain('      - {text: "Beslut (§ 3): Ärendet lämnas till ärendegruppen.", confidential: true}\n');
    const changes = parse(text).changes as Array<{ document: string; lines: Array<{ text: string; confidential?: boolean }> }>;
    // The steering group's concerns only: not the case group.
    expect(changes.map((c) => c.document)).toEqual([
      'Samverkansavtal: Samverkansavtal Alfa och Beta',
      'Grupp: Styrgruppen',
      'Handlingsplan: Handlingsplan Alfa–Beta',
      'Möte: Styrgruppen 14 maj 2009',
    ]);
    expect(changes.flatMap((c) => c.lines).filter((l) => l.confidential).map((l) => l.text)).toEqual([
      'Beslut (§ 3): Ärendet lämnas till ärendegruppen.',
      'Ny uppgift: Kalla ärendegruppen (Samordnare Alfa–Beta, senast 31 maj 2009).',
    ]);
    expect((await runInProcess(['validate', '--as-of', '2009-06-05', FILE], { cwd })).code).toBe(0);

    const full = await notice(cwd);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain(
      '## Förändringar sedan förra mötet\n\nSamverkansavtal: Samverkansavtal Alfa och Beta:\n\n- Ny part: Polisen.\n',
    );
    expect(full.stdout).toContain(
      '\n\nGrupp: Styrgruppen:\n\n' +
        '- Socialchef Alfa är nu vice ordförande (förut ordförande).\n' +
        '- Enhetschef Beta har gått med i gruppen som ordförande.\n' +
        '- Kommunpolis har gått med i gruppen som adjungerad.\n' +
        '- Socialchef Beta (ledamot) har lämnat gruppen.\n' +
        '- Ny ordförande: Enhetschef Beta.\n\n',
    );
    expect(full.stdout).toContain('- Beslut (§ 3): Ärendet lämnas till ärendegruppen.\n');
    const open = await notice(cwd, ['--public']);
    expect(open.code).toBe(0);
    expect(open.stdout).toContain('## Förändringar sedan förra mötet\n');
    expect(open.stdout).toContain('- Beslut (§ 2): Styrgruppen föreslår oförändrad budget.\n');
    expect(open.stdout).not.toMatch(/Ärendet lämnas|Kalla ärendegruppen/);
  });

  it('in a shallow clone without the commit, meeting new writes no changes and fails nothing', async () => {
    const cwd = await cloneAt(1);
    const made = await newMeeting(cwd);
    expect(made).toMatchObject({ code: 0 });
    const text = await readFile(join(cwd, FILE), 'utf8');
    expect(parse(text).changes).toBeUndefined();
    const shown = await notice(cwd);
    expect(shown.stderr).toBe('');
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain('Förändringar sedan förra mötet');
  });
});
