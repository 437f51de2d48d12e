/**
 * Start-up: `samverkan --help` alone is written without commander (src/cli/help.ts), and a re-run
 * of validate answered from the cache loads neither the rules, the schemas nor a YAML parser.
 * The help written so must be commander's page byte for byte, in both languages and at every
 * terminal width; the process tests guard what each run loads (they run the built dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { createProgram } from '../../src/cli/program.js';
import { setLanguage } from '../../src/i18n/messages.js';

function capture(env: NodeJS.ProcessEnv): { io: CliIO; out: string[] } {
  const out: string[] = [];
  return { io: { stdout: (s) => void out.push(s), stderr: (s) => void out.push(`[stderr]${s}`), isTTY: false, stdinIsTTY: false, env, cwd: '/', argv: [], exitCode: 0 }, out };
}

/** Runs `body` with process.stdout taken for a terminal `columns` wide (undefined: not a terminal), as commander asks it. */
async function withStdout<T>(columns: number | undefined, body: () => Promise<T>): Promise<T> {
  const saved = { isTTY: Object.getOwnPropertyDescriptor(process.stdout, 'isTTY'), columns: Object.getOwnPropertyDescriptor(process.stdout, 'columns') };
  Object.defineProperty(process.stdout, 'isTTY', { value: columns !== undefined, configurable: true, writable: true });
  Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true, writable: true });
  try {
    return await body();
  } finally {
    for (const key of ['isTTY', 'columns'] as const) {
      const descriptor = saved[key];
      if (descriptor) Object.defineProperty(process.stdout, key, descriptor);
      else delete (process.stdout as unknown as Record<string, unknown>)[key];
    }
  }
}

afterEach(() => setLanguage('en'));

describe('samverkan --help without commander', () => {
  it('writes commander\'s page, in both languages, at every width, for --help, -h and help', async () => {
    for (const lang of ['sv', 'en']) {
      for (const columns of [undefined, 20, 39, 40, 44, 60, 79, 80, 81, 100, 132, 200, 1000]) {
        for (const argv of [['--help'], ['-h'], ['help']]) {
          const env = { SAMVERKAN_LANG: lang };
          const fast = capture(env);
          const code = await withStdout(columns, () => run(argv, fast.io));
          // The slow path: the commander program itself, with the language run() settled.
          const slow = capture(env);
          setLanguage(lang as 'sv' | 'en');
          await withStdout(columns, async () => {
            await expect((await createProgram(slow.io, argv)).parseAsync(argv, { from: 'user' })).rejects.toMatchObject({ exitCode: 0 });
          });
          expect(code).toBe(0);
          expect(fast.out, `${lang} ${columns} ${argv.join(' ')}`).toEqual(slow.out);
        }
      }
    }
  });

  it('leaves every other run to commander: a command\'s help, help for a command, --help among other words', async () => {
    for (const argv of [['validate', '--help'], ['help', 'validate'], ['--lang', 'en', '--help'], ['--help', '--help']]) {
      const fast = capture({ SAMVERKAN_LANG: 'en' });
      expect(await run(argv, fast.io)).toBe(0);
      const slow = capture({});
      setLanguage('en');
      await expect((await createProgram(slow.io, argv)).parseAsync(argv, { from: 'user' })).rejects.toMatchObject({ exitCode: 0 });
      expect(fast.out.join('')).toBe(slow.out.join(''));
    }
  });
});

describe('what a start loads, as a process', () => {
  const bin = fileURLToPath(new URL('../../bin/samverkan.js', import.meta.url));
  /** The modules (ES and CommonJS) a run of the built CLI loads, by the debug lines node prints. */
  function loaded(args: string[], env: NodeJS.ProcessEnv = {}): { status: number | null; modules: string[] } {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'esm,module', LANG: 'en_US.UTF-8', ...env } });
    const modules = [...result.stderr.matchAll(/Storing (file:\S+)|load "?(\/\S+?)"? for module/g)].map((m) => m[1] ?? m[2]);
    return { status: result.status, modules };
  }

  it('--help loads neither commander nor the program', () => {
    const { status, modules } = loaded(['--help']);
    expect(status).toBe(0);
    expect(modules.some((m) => m.endsWith('/dist/cli/help.js'))).toBe(true);
    expect(modules.filter((m) => /\/commander\/|\/dist\/cli\/(program|command|version)\.js$/.test(m))).toEqual([]);
  });

  const cache = mkdtempSync(join(tmpdir(), 'samverkan-startup-cache-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('a re-run answered from the cache loads no rule, schema, YAML parser, other report format or commander\'s ES wrapper', () => {
    const workspace = fileURLToPath(new URL('../../plans/norra-bohuslan', import.meta.url));
    const args = ['validate', '-C', workspace, '--as-of', '2025-06-01'];
    const first = loaded(args, { XDG_CACHE_HOME: cache });
    // The first run checks, and loads what checking takes (this also proves the lines are read).
    expect(first.modules.some((m) => m.endsWith('/dist/rules/check-workspace.js'))).toBe(true);
    const again = loaded(args, { XDG_CACHE_HOME: cache });
    expect(again.status).toBe(first.status);
    expect(again.modules.some((m) => m.endsWith('/dist/workspace/check-cache.js'))).toBe(true);
    const heavy = /\/dist\/(rules|schema)\/|\/dist\/workspace\/(load|fast-parse|yaml-package|parse-worker)\.js$|\/dist\/model\/(attachments|agenda)\.js$|\/dist\/report\/(github|gitlab|junit|sarif|json|index)\.js$|\/node_modules\/(ajv|ajv-formats|yaml|js-yaml|picomatch)\/|\/commander\/esm\.mjs$/;
    // identity-numbers.js masks every line the CLI prints, hit or not.
    expect(again.modules.filter((m) => heavy.test(m) && !m.endsWith('/dist/rules/identity-numbers.js'))).toEqual([]);
  });
});
