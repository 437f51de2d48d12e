/**
 * The check's result kept in the cache folder: the same findings with and without it, a changed
 * file (or day, language, attachment, commit) always checked afresh, and a cache file that is
 * truncated, foreign or edited by hand never trusted.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { checkWithCache } from '../../src/workspace/check-cache.js';
import { loadWorkspaceFrom } from '../../src/workspace/load.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, example, fixture, repoRoot } from '../helpers/workspaces.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});
const cacheHome = () => {
  const d = mkdtempSync(join(tmpdir(), 'samverkan-xdg-'));
  made.push(d);
  return d;
};

/** Checks `root` through the cache in `home`; says whether the check ran or the cache answered. */
async function check(root: string, home: string, options: { asOf?: string; setting?: string } = {}) {
  let ran = false;
  const outcome = await checkWithCache(root, { asOf: options.asOf ?? '2025-06-01', setting: options.setting ?? 'en', useCache: true, env: { XDG_CACHE_HOME: home } }, async (source, day) => {
    ran = true;
    const workspace = await loadWorkspaceFrom(source);
    return { workspace, findings: (await checkWorkspace(workspace, { asOf: day(workspace) })).findings };
  });
  return { ran, outcome };
}

const entryFile = (home: string) => {
  const files = readdirSync(join(home, 'samverkan')).filter((f) => f.startsWith('check-'));
  expect(files).toHaveLength(1);
  return join(home, 'samverkan', files[0]);
};

const workspaces = [
  ...readdirSync(join(repoRoot, 'plans')).map((name) => example(name)),
  ...readdirSync(join(repoRoot, 'tests/fixtures/workspaces')).map((name) => fixture(name)),
];

describe('the check cache', () => {
  it.each(workspaces)('gives the findings of a fresh check for %s, and answers the second run itself', async (dir) => {
    const home = cacheHome();
    const fresh = await validate({ cwd: dir, asOf: '2025-06-01' });
    const first = await validate({ cwd: dir, asOf: '2025-06-01', cache: true, env: { XDG_CACHE_HOME: home } });
    const again = await check(dir, home);
    expect(again.ran).toBe(false);
    const second = await validate({ cwd: dir, asOf: '2025-06-01', cache: true, env: { XDG_CACHE_HOME: home } });
    for (const run of [first, second]) {
      expect(run.findings).toEqual(fresh.findings);
      expect(run.files).toEqual(fresh.files);
      expect(run.fileCount).toBe(fresh.fileCount);
      for (const f of fresh.files) expect(run.source(f.path)).toBe(fresh.source(f.path));
    }
    // Nothing is written into the workspace.
    expect(readdirSync(dir).filter((f) => /cache/i.test(f))).toEqual([]);
  });

  it('sees a changed file, even one of the same size changed within the same second', async () => {
    const dir = copyForTest(example('soderhamn'));
    const home = cacheHome();
    expect((await check(dir, home)).ran).toBe(true);
    expect((await check(dir, home)).ran).toBe(false);
    const plan = readdirSync(join(dir, 'plans')).find((f) => f.endsWith('.yaml'))!;
    const path = join(dir, 'plans', plan);
    const text = readFileSync(path, 'utf8');
    // Same length: an id that now names no organisation.
    const changed = text.replace(/^(\s*owner:\s*)(\S)/m, (_, a: string, c: string) => `${a}${c === 'x' ? 'y' : 'x'}`);
    expect(changed).not.toBe(text);
    expect(changed.length).toBe(text.length);
    writeFileSync(path, changed);
    const after = await check(dir, home);
    expect(after.ran).toBe(true);
    expect(after.outcome.findings.some((f) => f.file === path && f.severity === 'error')).toBe(true);
    // A new file, and a removed one, are seen too.
    writeFileSync(join(dir, 'plans', 'ny.yaml'), 'kind: plan\n');
    expect((await check(dir, home)).ran).toBe(true);
    rmSync(join(dir, 'plans', 'ny.yaml'));
    expect((await check(dir, home)).ran).toBe(true);
    expect((await check(dir, home)).ran).toBe(false);
  });

  it('checks afresh for another day, another language and another tool', async () => {
    const dir = copyForTest(example('dalarna'));
    const home = cacheHome();
    await check(dir, home);
    expect((await check(dir, home, { asOf: '2025-06-02' })).ran).toBe(true);
    expect((await check(dir, home, { asOf: '2025-06-02', setting: 'sv' })).ran).toBe(true);
    expect((await check(dir, home, { asOf: '2025-06-02', setting: 'sv' })).ran).toBe(false);
  });

  it('checks afresh when a file a meeting attaches appears', async () => {
    const dir = copyForTest(fixture('clean'));
    const home = cacheHome();
    const meetings = join(dir, 'meetings', 'styrgrupp');
    const file = join(meetings, '2009-05-14.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: decision, duration_minutes: 30}', 'type: decision, duration_minutes: 30, attachments: [{title: Bilaga, file: bilaga.pdf}]}'));
    const before = await check(dir, home);
    expect(before.outcome.findings.map((f) => f.ruleId)).toContain('meeting/attachment-missing');
    expect((await check(dir, home)).ran).toBe(false);
    writeFileSync(join(meetings, 'bilaga.pdf'), '%PDF-1.4\n');
    const after = await check(dir, home);
    expect(after.ran).toBe(true);
    expect(after.outcome.findings.map((f) => f.ruleId)).not.toContain('meeting/attachment-missing');
  });

  it('checks afresh after a commit, since the rule on adjusted minutes reads the history', async () => {
    const dir = copyForTest(example('soderhamn'));
    const home = cacheHome();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' } });
    git('init', '-q', '-b', 'main');
    expect((await check(dir, home)).ran).toBe(true);
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    expect((await check(dir, home)).ran).toBe(true);
    expect((await check(dir, home)).ran).toBe(false);
    git('commit', '-q', '--allow-empty', '-m', 'second');
    expect((await check(dir, home)).ran).toBe(true);
  });

  it('ignores an entry that is truncated, edited by hand or written by another tool, and replaces it', async () => {
    const dir = copyForTest(example('trollhattan'));
    const home = cacheHome();
    const { outcome } = await check(dir, home);
    const path = entryFile(home);
    const whole = readFileSync(path, 'utf8');
    const spoilt = [
      whole.slice(0, Math.floor(whole.length / 2)),
      whole.replace('"findings":[', '"findings":[{"ruleId":"x","message":"planted","file":"f","line":1,"column":1,"endLine":1,"endColumn":1,"severity":"error"},'),
      whole.replace(/"setting":"[0-9a-f]+"/, '"setting":"another-version"'),
      '',
      '{"not":"a cache file"}',
    ];
    for (const text of spoilt) {
      writeFileSync(path, text);
      const run = await check(dir, home);
      expect(run.ran).toBe(true);
      expect(run.outcome.findings).toEqual(outcome.findings);
    }
    expect((await check(dir, home)).ran).toBe(false);
  });

  it('passes over an entry, whole and for this key, that another user could have written', async () => {
    const dir = copyForTest(example('trollhattan'));
    const home = cacheHome();
    await check(dir, home);
    const path = entryFile(home);
    expect((await check(dir, home)).ran).toBe(false);
    // A file or a folder others may write to could hold planted results (or planted code): not trusted.
    chmodSync(path, 0o666);
    expect((await check(dir, home)).ran).toBe(true);
    chmodSync(entryFile(home), 0o600);
    expect((await check(dir, home)).ran).toBe(false);
    chmodSync(join(home, 'samverkan'), 0o777);
    expect((await check(dir, home)).ran).toBe(true);
    chmodSync(join(home, 'samverkan'), 0o700);
    expect((await check(dir, home)).ran).toBe(false);
  });
});

describe('validate --no-cache', () => {
  it('neither reads nor writes the cache folder; without it the CLI keeps its result there', async () => {
    const dir = copyForTest(example('soderhamn'));
    const home = cacheHome();
    const env = { XDG_CACHE_HOME: home };
    const off = await runInProcess(['validate', '--no-cache', '--as-of', '2025-06-01', '--lang', 'en'], { cwd: dir, env });
    expect(readdirSync(home)).toEqual([]);
    const on = await runInProcess(['validate', '--as-of', '2025-06-01', '--lang', 'en'], { cwd: dir, env });
    const kept = readdirSync(join(home, 'samverkan'));
    expect(kept.some((f) => f.startsWith('check-'))).toBe(true);
    const again = await runInProcess(['validate', '--as-of', '2025-06-01', '--lang', 'en'], { cwd: dir, env });
    expect([on.code, on.stdout]).toEqual([off.code, off.stdout]);
    expect([again.code, again.stdout]).toEqual([off.code, off.stdout]);
  });
});

describe('the cache folder', () => {
  it('keeps at most 64 workspaces, the least recently checked removed first', async () => {
    const home = cacheHome();
    const dir = join(home, 'samverkan');
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 70; i++) writeFileSync(join(dir, `check-old-${String(i).padStart(2, '0')}.json`), '{}');
    await check(copyForTest(example('soderhamn')), home);
    const left = readdirSync(dir).filter((f) => f.startsWith('check-'));
    expect(left).toHaveLength(64);
    expect(left.filter((f) => !f.startsWith('check-old-'))).toHaveLength(1);
  });
});
