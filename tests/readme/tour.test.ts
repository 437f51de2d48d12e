/**
 * The README's tour, run as written, in English (README.md) and Swedish (README.sv.md): every
 * command in it, in order, in a new folder, each answering as the README says. If the README
 * and the tool drift apart, this fails and names the README line.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';
import { repoRoot } from '../helpers/workspaces.js';
import { parseTour, showsInOrder } from './tour.js';

/** The day the tour is told on: the README's dates (the next meeting, what is overdue) follow from it. */
const TOUR_DAY = new Date('2026-11-23T08:00:00Z');

const readmes = [
  { file: 'README.md', locale: 'en_GB.UTF-8' },
  { file: 'README.sv.md', locale: 'sv_SE.UTF-8' },
];

describe.each(readmes)('the tour of $file', ({ file, locale }) => {
  const steps = parseTour(readFileSync(join(repoRoot, file), 'utf8'));
  const root = mkdtempSync(join(tmpdir(), 'samverkan-tour-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Only the clock is told the tour's day; git, timers and the file system are real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: TOUR_DAY });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs from init to adjusted minutes and the status, as written', async () => {
    expect(steps.filter((s) => s.kind === 'run').length).toBeGreaterThan(10);
    let cwd = root;
    for (const step of steps) {
      const where = `${file}:${step.line}`;
      if (step.kind === 'cd') {
        cwd = resolve(cwd, step.dir);
        continue;
      }
      if (step.kind === 'append') {
        appendFileSync(join(cwd, step.file), step.text);
        continue;
      }
      let out = '';
      const code = await run(step.argv, {
        stdout: (t) => {
          out += t;
        },
        stderr: (t) => {
          out += t;
        },
        isTTY: false,
        stdinIsTTY: false,
        env: { LANG: locale, PATH: process.env.PATH ?? '', HOME: root },
        cwd,
        argv: step.argv,
        exitCode: 0,
      });
      expect(code, `${where}: samverkan ${step.argv.join(' ')}\n${out}`).toBe(0);
      for (const expected of step.expect) {
        expect(showsInOrder(out, expected), `${where}: samverkan ${step.argv.join(' ')} was to print\n  ${expected.join(' … ')}\nbut printed\n${out}`).toBe(true);
      }
    }
  }, 60_000);
});
