/**
 * The program loads only the command a run asks for and lists the others from COMMANDS: the list
 * must show every command exactly as the command's own module would, in both languages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Help, type Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { commandOf, createProgram } from '../../src/cli/program.js';
import { setLanguage } from '../../src/i18n/messages.js';

function quietIO(): CliIO {
  return { stdout: () => {}, stderr: () => {}, isTTY: false, stdinIsTTY: false, env: {}, cwd: '/', argv: [], exitCode: 0 };
}

/** Each top-level command as the help's list shows it: term and description. */
function listed(program: Command): string[] {
  const help = program.createHelp();
  return help.visibleCommands(program).map((c) => `${help.subcommandTerm(c)}  ${help.subcommandDescription(c)}`);
}

afterEach(() => setLanguage('en'));

describe('the program', () => {
  it('finds the command a run asks for after the program\'s own options and after help', () => {
    expect(commandOf(['validate', '--lang', 'en'])).toBe('validate');
    expect(commandOf(['--lang', 'en', 'status'])).toBe('status');
    expect(commandOf(['--lang=sv', '-v'])).toBeUndefined();
    expect(commandOf(['help', 'meeting', 'new'])).toBe('meeting');
    expect(commandOf(['--help'])).toBeUndefined();
  });

  it.each(['sv', 'en'] as const)('lists every command from its stub as the loaded command lists itself (%s)', async (lang) => {
    setLanguage(lang);
    const full = await createProgram(quietIO());
    const stubs = await createProgram(quietIO(), ['--help']);
    expect(listed(stubs)).toEqual(listed(full));
    // The stubs are not the commands: none of their options or subcommands is loaded.
    expect(stubs.commands.every((c) => (c.commands.length === 0 && c.options.length === 0) || c.name() === 'help')).toBe(true);
    expect(full.commands.some((c) => c.commands.length > 0)).toBe(true);
  });

  it('loads the command a run asks for, with its options and subcommands, and stubs for the rest', async () => {
    const program = await createProgram(quietIO(), ['meeting', 'new', 'styrgrupp']);
    const meeting = program.commands.find((c) => c.name() === 'meeting')!;
    expect(meeting.commands.map((c) => c.name())).toContain('new');
    const validate = program.commands.find((c) => c.name() === 'validate')!;
    expect(validate.options).toEqual([]);
    // An alias loads its command too.
    const organisation = await createProgram(quietIO(), ['organisation', 'add', '--help']);
    expect(organisation.commands.find((c) => c.name() === 'organization')!.commands.map((c) => c.name())).toContain('add');
    expect(Help.prototype.subcommandTerm.call(new Help(), organisation.commands.find((c) => c.name() === 'organization')!)).toMatch(/^organization\|organisation/);
  });

  it('prints the version when the program\'s own options come first, although --help never loads version.js', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const argv of [['--lang', 'en', '--version'], ['--lang=sv', '-V'], ['--lang', 'sv', '-v']]) {
      let out = '';
      const program = await createProgram({ ...quietIO(), stdout: (s) => void (out += s) }, argv);
      await expect(program.parseAsync(argv, { from: 'user' })).rejects.toMatchObject({ code: 'commander.version', exitCode: 0 });
      expect(out).toBe(`${version}\n`);
    }
  });
});

describe('samverkan --help, as a process', () => {
  // --help must stay within 1.5x of a bare node (issue 13); each module on its way costs. These two
  // cost about 3 ms each: commander's ES wrapper (command.ts requires the CommonJS package) and
  // version.js, which brings node:fs (loaded only when a run may ask for the version).
  it('loads neither commander\'s ES wrapper nor version.js', () => {
    const bin = fileURLToPath(new URL('../../bin/samverkan.js', import.meta.url));
    const run = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm', LANG: 'en_US.UTF-8' } });
    expect(run.status).toBe(0);
    const loaded = [...run.stderr.matchAll(/Storing (file:\S+)/g)].map((m) => m[1]);
    // The debug lines name the modules the run loads (this also proves they are still printed).
    expect(loaded.some((url) => url.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(loaded.filter((url) => url.endsWith('/commander/esm.mjs') || url.endsWith('/dist/cli/version.js'))).toEqual([]);
  });
});
