import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';
import { copyWorkspace, fixture, repoRoot } from '../helpers/workspaces.js';

const clean = fixture('clean');
const faults = fixture('faults');
const AS_OF = ['--as-of', '2009-06-01'];

describe('samverkan validate', () => {
  it('exits 0 with a summary on a clean workspace', async () => {
    const r = await runInProcess(['validate', '-C', clean, ...AS_OF]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/files checked, no problems/);
  });

  it('finds the workspace from a sub-folder, and limits the report to the paths given', async () => {
    const r = await runInProcess(['validate', ...AS_OF, 'plans/plan.yaml'], { cwd: faults });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('plans/plan.yaml');
    expect(r.stdout).not.toMatch(/^people\.yaml$/m);
    expect(r.stdout).toMatch(/^plans\/plan\.yaml$/m);
  });

  it('exits 1 and shows each finding at file:line:col in plain text without colour when piped', async () => {
    const r = await runInProcess(['validate', '-C', faults, ...AS_OF], { cwd: faults });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plans\/plan\.yaml/);
    expect(r.stdout).toMatch(/32:10\s+warning\s+Action a1/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/errors?.*warnings?/);
  });

  it('uses colour when forced, and never with NO_COLOR', async () => {
    expect((await runInProcess(['validate', '-C', faults, ...AS_OF], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runInProcess(['validate', '-C', faults, ...AS_OF], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('writes json, sarif, gitlab and junit reports, each to its own --output', async () => {
    const out = mkdtempSync(join(tmpdir(), 'samverkan-reports-'));
    const r = await runInProcess([
      'validate', '-C', faults, ...AS_OF,
      '--format', 'stylish',
      '--format', 'json', '--output', join(out, 'r.json'),
      '--format', 'sarif', '--output', join(out, 'r.sarif'),
      '--format', 'gitlab', '--output', join(out, 'gl.json'),
      '--format', 'junit', '--output', join(out, 'junit.xml'),
    ], { cwd: faults });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/plans\/plan\.yaml/);
    const json = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(json.findings.length).toBeGreaterThan(50);
    expect(json.findings.find((f: { ruleId: string }) => f.ruleId === 'plan/overdue')).toMatchObject({ file: 'plans/plan.yaml', line: 32, column: 10 });
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(json.findings.length);
    const gitlab = JSON.parse(readFileSync(join(out, 'gl.json'), 'utf8'));
    expect(gitlab.length).toBe(json.findings.length);
    expect(XMLValidator.validate(readFileSync(join(out, 'junit.xml'), 'utf8'))).toBe(true);
  });

  it('prints GitHub annotations by default inside GitHub Actions, with paths from the repository root', async () => {
    // The fixture sits in this repository, so its paths start at the repository's root.
    const r = await runInProcess(['validate', '-C', faults, ...AS_OF], { env: { GITHUB_ACTIONS: 'true' }, cwd: faults });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::warning file=tests\/fixtures\/workspaces\/faults\/plans\/plan\.yaml,line=32,col=10,endLine=\d+,endColumn=\d+,title=plan\/overdue::Action a1/m);
    expect(r.stdout).toMatch(/^::error file=/m);
  });

  it('--quiet reports errors only; --max-warnings fails on too many warnings', async () => {
    const { dir, cleanup } = copyWorkspace(clean);
    try {
      // Past a1's due date the clean workspace has exactly one warning.
      const late = ['validate', '-C', dir, '--as-of', '2010-06-01'];
      expect((await runInProcess(late)).code).toBe(0);
      expect((await runInProcess([...late, '--max-warnings', '0'])).code).toBe(1);
      expect((await runInProcess([...late, '--max-warnings', '1'])).code).toBe(0);
      const quiet = await runInProcess([...late, '--quiet', '--format', 'json']);
      expect(JSON.parse(quiet.stdout).findings).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('exits 2 with one plain sentence for usage and workspace errors, never a stack trace', () => {
    const cases = [
      runCli(['validate', '-C', '/no/such/folder']),
      runCli(['validate'], { cwd: tmpdir() }),
      runCli(['validate', '-C', clean, '--format', 'pdf']),
      runCli(['validate', '-C', clean, '--as-of', '2009-02-30']),
      runCli(['validate', '-C', clean, '--bogus']),
      runCli(['validate', '-C', clean, 'no-such-file.yaml']),
    ];
    for (const r of cases) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.trim().length).toBeGreaterThan(10);
    }
    expect(cases[0].stderr).toMatch(/does not exist/);
    expect(cases[1].stderr).toMatch(/No samverkan\.yaml/);
    expect(cases[2].stderr).toMatch(/"pdf" is not a format/);
    expect(cases[3].stderr).toMatch(/not a date/);
  });

  it('says so when samverkan.yaml is a folder, or a document file is a folder', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'samverkan-dir-'));
    mkdirSync(join(ws, 'samverkan.yaml'));
    const r = await runInProcess(['validate', '-C', ws]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/samverkan\.yaml is a folder/);
    const { dir, cleanup } = copyWorkspace(clean);
    try {
      mkdirSync(join(dir, 'plans/folder.yaml'));
      expect((await runInProcess(['validate', '-C', dir, ...AS_OF])).code).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('shows a stack only with DEBUG=samverkan', async () => {
    const r = await runInProcess(['validate', '-C', '/no/such/folder'], { env: { DEBUG: 'samverkan' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('turns hostile files into findings quickly: a 20 MB file, an alias bomb, a binary file', async () => {
    const { dir, cleanup } = copyWorkspace(clean);
    try {
      writeFileSync(join(dir, 'plans/big.yaml'), `kind: plan\n${'# padding\n'.repeat(2 * 1024 * 1024)}`);
      const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
      for (let i = 1; i < 20; i++) bomb.push(`k${i}: &k${i} [${Array(10).fill(i === 1 ? '*a' : `*k${i - 1}`).join(',')}]`);
      writeFileSync(join(dir, 'plans/bomb.yaml'), `${bomb.join('\n')}\n`);
      writeFileSync(join(dir, 'plans/binary.yaml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
      const r = await runInProcess(['validate', '-C', dir, ...AS_OF, '--format', 'json'], { cwd: dir });
      expect(r.code).toBe(1);
      const rules = JSON.parse(r.stdout).findings.map((f: { file: string; ruleId: string }) => `${f.file} ${f.ruleId}`);
      expect(rules).toEqual(expect.arrayContaining(['plans/big.yaml file/too-large', 'plans/bomb.yaml yaml/too-many-aliases', 'plans/binary.yaml file/binary']));
    } finally {
      cleanup();
    }
  });
});

describe('samverkan schema', () => {
  it('prints one kind, or writes all of them', async () => {
    const r = await runInProcess(['schema', 'plan']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).title).toMatch(/plan/);
    const out = mkdtempSync(join(tmpdir(), 'samverkan-schemas-'));
    expect((await runInProcess(['schema', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'meeting.schema.json'), 'utf8')).properties.kind.const).toBe('meeting');
    const bad = await runInProcess(['schema', 'plans']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"plans" is not a kind/);
  });

  it('has help with an example for every command', async () => {
    for (const cmd of ['validate', 'schema']) {
      const r = await runInProcess([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Example/);
    }
  });
});

describe('output into a pipe that closes early', () => {
  it('stops quietly, without a stack trace, when the reader has read enough (samverkan schema | head)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/samverkan.js schema | head -c 20`], { cwd: repoRoot, encoding: 'utf8' });
    // Without a kind, schema prints the combined schema of every kind.
    expect(r.stdout).toBe('{\n  "$schema": "http');
    expect(r.stderr).toBe('');
  });
});
