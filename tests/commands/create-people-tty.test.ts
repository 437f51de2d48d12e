/**
 * The CLI's side of person add, organization add and group new in a terminal: the flags reach the
 * conversation, its answers are written, and Ctrl-C at a question ends the command with exit 1 and
 * one sentence, nothing written. The conversations themselves are driven in
 * create-people-prompts.test.ts; here they are stood in for, to see what the CLI does with them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { run } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { setLanguage } from '../../src/i18n/messages.js';
import { AS_OF, cleanWorkspace, filesOf } from './create-plan-helpers.js';

const askPersonAdd = vi.fn();
const askGroupNew = vi.fn();
vi.mock('../../src/cli/create-people-prompts.js', () => ({
  askPersonAdd: (...args: unknown[]) => askPersonAdd(...args),
  askOrganizationAdd: vi.fn(),
  askGroupNew: (...args: unknown[]) => askGroupNew(...args),
}));

afterEach(() => {
  askPersonAdd.mockReset();
  askGroupNew.mockReset();
  setLanguage('en');
});

/** A terminal: stdin and stdout are TTYs, so the command asks. */
function terminal(cwd: string, argv: string[]): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    isTTY: true,
    stdinIsTTY: true,
    env: { SAMVERKAN_LANG: 'en', NO_COLOR: '1' },
    cwd,
    argv,
    exitCode: 0,
  };
  return io;
}

describe('person add and group new in a terminal', () => {
  it('hand the flags to the conversation and write what it answers', async () => {
    const { dir } = await cleanWorkspace();
    askPersonAdd.mockImplementation(async (config: { given: Record<string, unknown>; canAsk: boolean }) => ({ ...config.given, name: 'Kommunpolis Beta', organization: 'polisen' }));
    const argv = ['person', 'add', '--title', 'Kommunpolis', '--as-of', AS_OF];
    const io = terminal(dir, argv);
    expect(await run(argv, io)).toBe(0);
    expect(askPersonAdd.mock.calls[0][0]).toMatchObject({ canAsk: true, given: { title: 'Kommunpolis' } });
    expect(io.out).toMatch(/^Added Kommunpolis Beta \(kommunpolis-beta\) to people\.yaml\./);
    expect(parse(readFileSync(join(dir, 'people.yaml'), 'utf8')).people.at(-1)).toEqual({ id: 'kommunpolis-beta', name: 'Kommunpolis Beta', title: 'Kommunpolis', organization: 'polisen' });
  });

  it('end with exit 1 and one sentence when stopped with Ctrl-C, writing nothing', async () => {
    const { dir } = await cleanWorkspace();
    const before = filesOf(dir);
    askGroupNew.mockRejectedValue(Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' }));
    const argv = ['group', 'new', '--type', 'working'];
    const io = terminal(dir, argv);
    expect(await run(argv, io)).toBe(1);
    expect(io.err).toBe('samverkan: Stopped at your request, so nothing was written.\n');
    expect(filesOf(dir)).toEqual(before);
  });
});
