/** The CI formats on a real workspace kept in a subfolder of a repository, as CI systems read them. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/commands/validate.js';
import { formatReport, type ReportInput } from '../../src/report/index.js';
import { repositoryRoot } from '../../src/report/display-path.js';
import { RULES } from '../../src/rules/registry.js';
import { fixture } from '../helpers/workspaces.js';

let repo: string | undefined;
afterEach(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
  repo = undefined;
});

/** A repository with the faulty workspace in kvinnofrid/, and `samverkan validate` run from plans/. */
function makeRepository(): { workspace: string; cwd: string } {
  repo = mkdtempSync(join(tmpdir(), 'samverkan-repo-'));
  mkdirSync(join(repo, '.git'));
  const workspace = join(repo, 'kvinnofrid');
  cpSync(fixture('faults'), workspace, { recursive: true });
  return { workspace, cwd: join(workspace, 'plans') };
}

async function report(format: 'gitlab' | 'junit' | 'github', cwd: string, asOf: string): Promise<string> {
  const result = await validate({ cwd, asOf });
  const input: ReportInput = {
    findings: result.findings,
    rules: RULES,
    fileCount: result.fileCount,
    cwd,
    // What the CI environment would say; no variables, so the .git folder decides.
    repoRoot: repositoryRoot(cwd, {}),
    color: false,
    toolVersion: '0.0.0',
  };
  return formatReport(format, input);
}

interface Issue {
  fingerprint: string;
  check_name: string;
  description: string;
  location: { path: string; lines: { begin: number } };
}

describe('CI formats from a subfolder of a repository', () => {
  it('gitlab: paths from the repository root; fingerprints survive another --as-of and a line inserted above', async () => {
    const { workspace, cwd } = makeRepository();
    const june: Issue[] = JSON.parse(await report('gitlab', cwd, '2009-06-01'));
    const overdue = june.filter((i) => i.check_name === 'plan/overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(june.every((i) => i.location.path.startsWith('kvinnofrid/'))).toBe(true);

    const august: Issue[] = JSON.parse(await report('gitlab', cwd, '2009-08-15'));
    // A finding that is still there in August keeps its fingerprint, also where its message counts
    // days (an agreement that ended "62 days ago"). (By August more is late: new findings.)
    const augustByFingerprint = new Map(august.map((i) => [i.fingerprint, i]));
    for (const before of june) expect(augustByFingerprint.has(before.fingerprint), `${before.check_name} ${before.description}`).toBe(true);
    const reworded = june.filter((i) => augustByFingerprint.get(i.fingerprint)!.description !== i.description);
    expect(reworded.map((i) => i.check_name)).toContain('agreement/term');

    const plan = join(workspace, 'plans', 'plan.yaml');
    writeFileSync(plan, `# A comment added above everything\n${readFileSync(plan, 'utf8')}`);
    const shifted: Issue[] = JSON.parse(await report('gitlab', cwd, '2009-06-01'));
    expect(shifted.map((i) => i.fingerprint).sort()).toEqual(june.map((i) => i.fingerprint).sort());
    const line = (issues: Issue[]) => issues.find((i) => i.check_name === 'plan/overdue')?.location.lines.begin ?? 0;
    expect(line(shifted)).toBe(line(june) + 1);
  });

  it('junit and github: paths from the repository root, and valid XML', async () => {
    const { cwd } = makeRepository();
    const xml = await report('junit', cwd, '2009-06-01');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(xml);
    const names: string[] = parsed.testsuites.testsuite.flatMap((s: { testcase: Array<{ name: string }> }) => s.testcase.map((c) => c.name));
    expect(names).toContain('kvinnofrid/plans/plan.yaml');
    const github = await report('github', cwd, '2009-06-01');
    expect(github).toMatch(/^::(error|warning|notice) file=kvinnofrid\/plans\/plan\.yaml,/m);
    expect(github).not.toContain('../');
  });
});
