import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';

const AS_OF = ['--as-of', '2009-06-01'];

/** Runs the CLI in this process with `input` on standard input (or none to read, when undefined). */
const withStdin = (argv: string[], cwd: string, input: string | Buffer | undefined) => runInProcess(argv, { cwd, stdin: input });

interface JsonReport {
  fileCount: number;
  findings: Array<{ ruleId: string; file: string; line: number; message: string }>;
}

describe('samverkan validate - (standard input)', () => {
  it('checks the document as the file --stdin-filename names, instead of the file on disk, and reports only it', async () => {
    const dir = copyForTest(fixture('clean'));
    const onDisk = readFileSync(join(dir, 'plans/plan.yaml'), 'utf8');
    const edited = onDisk.replace('owner: alfa', 'owner: okand-organisation');
    const r = await withStdin(['validate', '-', '--stdin-filename', 'plans/plan.yaml', '--format', 'json', ...AS_OF], dir, edited);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.fileCount).toBe(1);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.file === 'plans/plan.yaml')).toBe(true);
    expect(report.findings.map((f) => `${f.line}`)).toContain('4');
    expect(report.findings.some((f) => f.message.includes('okand-organisation'))).toBe(true);
    // The file on disk is only stood in for, never written.
    expect(readFileSync(join(dir, 'plans/plan.yaml'), 'utf8')).toBe(onDisk);
    // And the file on disk as it is has no findings: the ones above came from standard input.
    expect((await withStdin(['validate', '-', '--stdin-filename', 'plans/plan.yaml', ...AS_OF], dir, onDisk)).code).toBe(0);
  });

  it('checks a new file against the rest of the workspace: its kind and references as if it were there', async () => {
    const dir = copyForTest(fixture('clean'));
    const copy = readFileSync(join(dir, 'plans/plan.yaml'), 'utf8');
    const r = await withStdin(['validate', '-', '--stdin-filename', join(dir, 'plans/ny/kopia.yaml'), '--format', 'json', ...AS_OF], join(dir, 'groups'), copy);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    // The same plan id twice: the copy clashes with plans/plan.yaml, which is not reported itself.
    expect(report.findings.map((f) => `${f.file} ${f.ruleId}`)).toContain('../plans/ny/kopia.yaml id/duplicate');
    expect(report.findings.every((f) => f.file === '../plans/ny/kopia.yaml')).toBe(true);
  });

  it('reads the standard input of the process (the built CLI, as an editor or a hook runs it)', () => {
    const dir = copyForTest(fixture('clean'));
    const edited = readFileSync(join(dir, 'plans/plan.yaml'), 'utf8').replace('owner: alfa', 'owner: okand-organisation');
    const r = runCli(['validate', '-', '--stdin-filename', 'plans/plan.yaml', ...AS_OF], { cwd: dir, input: edited });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^plans\/plan\.yaml$/m);
    expect(r.stdout).toMatch(/^\s+4:\d+\s+error\s.*okand-organisation/m);
  });

  it('names the findings <stdin> when no --stdin-filename is given', async () => {
    const dir = copyForTest(fixture('clean'));
    const r = await withStdin(['validate', '-', ...AS_OF], dir, 'kind: plan\nid: [nej\n');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>$/m);
    expect(r.stdout).toMatch(/yaml\/syntax/);
  });

  it('refuses with exit 2 and a sentence: --stdin-filename without -, - with paths, no standard input, binary input, the settings file', async () => {
    const dir = copyForTest(fixture('clean'));
    const cases: Array<[string[], string | Buffer | undefined, RegExp]> = [
      [['validate', '--stdin-filename', 'plans/plan.yaml'], 'kind: plan\n', /needs - among the paths/],
      [['validate', '-', 'plans/plan.yaml'], 'kind: plan\n', /either - \(standard input\) or paths/],
      [['validate', '-', '-'], 'kind: plan\n', /give - one time/],
      [['validate', '-'], undefined, /Standard input cannot be read here/],
      [['validate', '-'], Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]), /Standard input is not text/],
      [['validate', '-', '--stdin-filename', 'samverkan.yaml'], 'kind: workspace\n', /cannot stand for samverkan\.yaml/],
      [['validate', '-C', '.', '-', '--stdin-filename', '../utanfor.yaml'], 'kind: plan\n', /outside the workspace/],
    ];
    for (const [argv, input, message] of cases) {
      const r = await withStdin(argv, dir, input);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});

describe('severity settings in samverkan.yaml', () => {
  it('a value that is not a severity stops validate with exit 2 and one sentence naming the setting, its line and the allowed values', async () => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), `${readFileSync(join(dir, 'samverkan.yaml'), 'utf8')}rules:\n  plan/goal-without-indicator: warning\n  plan/overdue: loud\n`);
    const r = await runInProcess(['validate', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'samverkan: In samverkan.yaml, line 8, rules: sets "plan/overdue" to "loud", which is not a severity: write off, info, warning or error instead, for example "plan/overdue: warning".\n',
    );
    // Every command that checks the workspace stops the same way.
    expect((await runInProcess(['status', ...AS_OF], { cwd: dir })).code).toBe(2);
  });

  it('a value of another type (a number, a list) is refused the same way; a rule family and the four values are accepted', async () => {
    const dir = copyForTest(fixture('clean'));
    const settings = readFileSync(join(dir, 'samverkan.yaml'), 'utf8');
    for (const [value, shown] of [['3', '3'], ['[error]', '["error"]'], ['Warning', '"Warning"']]) {
      writeFileSync(join(dir, 'samverkan.yaml'), `${settings}rules:\n  plan/*: ${value}\n`);
      const r = await runInProcess(['validate', ...AS_OF], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`sets "plan/*" to ${shown}, which is not a severity`);
    }
    writeFileSync(join(dir, 'samverkan.yaml'), `${settings}rules:\n  plan/*: off\n  id/duplicate: info\n  ref/unknown-plan: warning\n  yaml/syntax: error\n`);
    expect(await runInProcess(['validate', ...AS_OF], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('files of CI systems and installed packages', () => {
  it('are never documents, wherever they are; a YAML file elsewhere without kind: still is a finding', async () => {
    const dir = copyForTest(fixture('clean'));
    const workflow = 'name: validate\non: [push]\njobs:\n  check:\n    runs-on: ubuntu-latest\n';
    for (const path of [
      '.github/workflows/validate.yml',
      '.gitlab-ci.yml',
      '.gitlab/ci/templates.yml',
      '.circleci/config.yml',
      '.woodpecker.yml',
      '.woodpecker/validate.yaml',
      '.forgejo/workflows/validate.yaml',
      'node_modules/some-package/config.yaml',
      'plans/node_modules/x.yaml',
      'groups/.github/dependabot.yml',
    ]) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), workflow);
    }
    const clean = await runInProcess(['validate', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(clean.stderr).toBe('');
    expect(JSON.parse(clean.stdout)).toMatchObject({ fileCount: 8, findings: [] });
    expect(clean.code).toBe(0);

    writeFileSync(join(dir, 'plans/workflow.yml'), workflow);
    writeFileSync(join(dir, '.github-not.yml'), workflow);
    const r = await runInProcess(['validate', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    expect(new Set((JSON.parse(r.stdout) as JsonReport).findings.map((f) => f.file))).toEqual(new Set(['plans/workflow.yml', '.github-not.yml']));
  });
});

describe('samverkan -v', () => {
  it('prints the version, as -V and --version do', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['-v', '-V', '--version']) {
      expect(await runInProcess([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
    expect((await runInProcess(['--help'])).stdout).not.toMatch(/^\s+-v\b/m);
  });
});

describe('samverkan validate - for a path that is not a document', () => {
  it('checks nothing, says why on stderr, and exits 0', async () => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), `${readFileSync(join(dir, 'samverkan.yaml'), 'utf8')}ignore: [utkast/**]\noutput: ut\n`);
    const cases: Array<[string, string]> = [
      ['.github/workflows/ci.yml', '.github/workflows/ci.yml is inside .github, which is never read as a document'],
      ['.gitlab-ci.yml', '.gitlab-ci.yml is .gitlab-ci.yml, which is never read as a document'],
      ['plans/anteckningar.md', 'plans/anteckningar.md is not a .yaml or .yml file'],
      ['utkast/plan.yaml', 'utkast/plan.yaml is left out by ignore: in samverkan.yaml'],
      ['ut/plan.yaml', 'ut/plan.yaml is inside the output folder ut'],
    ];
    for (const [path, why] of cases) {
      const r = await withStdin(['validate', '-', '--stdin-filename', path, '--format', 'json', ...AS_OF], dir, 'name: not a document\n');
      expect(r.stderr).toBe(`samverkan: ${why}, so standard input was not checked.\n`);
      expect(JSON.parse(r.stdout)).toMatchObject({ fileCount: 0, findings: [] });
      expect(r.code).toBe(0);
    }
  });
});
