/**
 * The hostile inputs of tests/fixtures/hostile/*.yaml (see its README): each case changes a copy
 * of the base workspace, and must be answered with exactly the findings, exit code and message
 * it names, and must never let through what it lists as absent.
 */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runInProcess } from './helpers/cli.js';
import { repoRoot } from './helpers/workspaces.js';

interface HostileCase {
  name: string;
  why?: string;
  write?: Record<string, string>;
  edit?: Array<{ file: string; find: string; replace: string }>;
  remove?: string[];
  link?: Record<string, string>;
  write_base64?: Record<string, string>;
  write_hex_name?: Array<{ dir: string; name: string; text: string }>;
  findings?: string[];
  message?: string;
  run?: string[];
  exit?: number;
  stderr?: string;
  stdout?: string;
  absent?: string[];
}

const folder = join(repoRoot, 'tests/fixtures/hostile');
const base = join(folder, 'base');
const AS_OF = '2009-06-01';

function loadCases(): Array<{ file: string; case: HostileCase }> {
  const files = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
  return files.flatMap((file) => (parse(readFileSync(join(folder, file), 'utf8')) as HostileCase[]).map((c) => ({ file, case: c })));
}

const runIn = (cwd: string, argv: string[]) => runInProcess(argv, { cwd });

/** Every file below `dir` (not following links) with its size and modification time. */
function snapshot(dir: string, into = new Map<string, string>(), prefix = ''): Map<string, string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return into;
  }
  for (const name of entries) {
    const path = join(dir, name);
    // A name that is not UTF-8 reads back as another name, which then does not exist.
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) continue;
    if (info.isDirectory()) snapshot(path, into, `${prefix}${name}/`);
    else into.set(`${prefix}${name}`, `${info.size}:${info.mtimeMs}`);
  }
  return into;
}

function matches(actual: string, expected: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(expected);
  return regex ? new RegExp(regex[1], regex[2]).test(actual) : actual === expected;
}

function findingKeys(json: string, root: string): string[] {
  const report = JSON.parse(json) as { findings: Array<{ ruleId: string; file: string; line: number; column: number }> };
  return report.findings.map((f) => `${f.ruleId} ${f.file.startsWith(root) ? f.file.slice(root.length + 1) : f.file}:${f.line}:${f.column}`);
}

const cases = loadCases();
let baseFindings: string[] | undefined;

async function baseline(): Promise<string[]> {
  if (!baseFindings) {
    const r = await runIn(base, ['validate', '--format', 'json', '--as-of', AS_OF, '-C', base]);
    baseFindings = findingKeys(r.stdout, base);
  }
  return baseFindings;
}

describe('hostile inputs', () => {
  // Loads the CLI, the rules and the renderer once, outside the cases' own short time limit: the
  // first case would otherwise pay several seconds of module loading on a busy machine.
  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), 'samverkan-hostile-warm-'));
    try {
      await runInProcess(['render', 'site', '-C', base, '--as-of', AS_OF, '--out', out]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('are many, each with a unique name and something to check', () => {
    const names = cases.map((c) => c.case.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { case: c } of cases) {
      expect(c.findings !== undefined || c.run !== undefined, c.name).toBe(true);
    }
  });

  it.each(cases.map((c) => [`${c.file}: ${c.case.name}`, c.case] as const))('%s', { timeout: 6_000 }, async (_label, c) => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-hostile-'));
    const tmp = mkdtempSync(join(tmpdir(), 'samverkan-hostile-out-'));
    try {
      const ws = join(dir, 'ws');
      cpSync(base, ws, { recursive: true });
      const fill = (s: string) => s.replaceAll('{tmp}', tmp);
      for (const path of c.remove ?? []) rmSync(join(ws, path), { recursive: true, force: true });
      for (const e of c.edit ?? []) {
        const path = join(ws, e.file);
        const text = readFileSync(path, 'utf8');
        expect(text.includes(e.find), `"${e.find}" is in ${e.file}`).toBe(true);
        writeFileSync(path, text.replace(e.find, e.replace));
      }
      for (const [path, text] of Object.entries(c.write ?? {})) {
        mkdirSync(dirname(join(ws, path)), { recursive: true });
        writeFileSync(join(ws, path), text);
      }
      for (const [path, b64] of Object.entries(c.write_base64 ?? {})) {
        mkdirSync(dirname(join(ws, path)), { recursive: true });
        writeFileSync(join(ws, path), Buffer.from(b64, 'base64'));
      }
      for (const raw of c.write_hex_name ?? []) {
        const parent = Buffer.from(`${join(ws, raw.dir)}/`);
        mkdirSync(join(ws, raw.dir), { recursive: true });
        writeFileSync(Buffer.concat([parent, Buffer.from(raw.name, 'hex')]), raw.text);
      }
      for (const [path, target] of Object.entries(c.link ?? {})) {
        mkdirSync(dirname(join(ws, path)), { recursive: true });
        rmSync(join(ws, path), { force: true });
        symlinkSync(fill(target), join(ws, path));
      }

      const validate = await runIn(ws, ['validate', '--format', 'json', '--as-of', AS_OF, '-C', ws]);
      if (c.findings !== undefined) {
        const known = new Set(await baseline());
        const found = findingKeys(validate.stdout, ws).filter((f) => !known.has(f));
        expect(found.sort(), `${validate.stderr}`).toEqual([...c.findings].sort());
        if (c.message !== undefined) {
          const report = JSON.parse(validate.stdout) as { findings: Array<{ message: string }> };
          const first = report.findings.find((f) => findingKeys(JSON.stringify({ findings: [f] }), ws)[0] === c.findings![0]);
          expect(first?.message).toContain(c.message);
        }
      }
      const before = snapshot(ws);
      const result = c.run ? await runIn(ws, [...c.run.map(fill), '-C', ws]) : validate;
      if (c.exit !== undefined) expect(result.code, result.stderr).toBe(c.exit);
      if (c.stderr !== undefined) expect(matches(result.stderr.replace(/\n$/, ''), fill(c.stderr)), result.stderr).toBe(true);
      if (c.stdout !== undefined) expect(matches(result.stdout, fill(c.stdout)), result.stdout).toBe(true);
      if (c.absent) {
        const after = snapshot(ws);
        const written = [...after].filter(([path, stamp]) => before.get(path) !== stamp).map(([path]) => join(ws, path));
        written.push(...[...snapshot(tmp).keys()].map((p) => join(tmp, p)));
        const outputs = [result.stdout, result.stderr, ...written.map((p) => (statSync(p).isFile() ? readFileSync(p, 'utf8') : ''))];
        for (const secret of c.absent.map(fill)) {
          for (const text of outputs) expect(text.includes(secret), `"${secret}" leaked`).toBe(false);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
