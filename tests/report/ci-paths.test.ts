/**
 * Every CI format names files from the root of the repository, wherever samverkan runs from: from
 * a subfolder of a git repository (the .git folder decides), and from outside it with the
 * workspace given by -C and GITHUB_WORKSPACE or CI_PROJECT_DIR naming the checkout, as GitHub
 * Actions and GitLab CI set them. Each path is checked to be a file under that root.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { fixture } from '../helpers/workspaces.js';

let work: string;
let repo: string;
let workspace: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'samverkan-ci-paths-'));
  repo = join(work, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  workspace = join(repo, 'kvinnofrid');
  cpSync(fixture('faults'), workspace, { recursive: true });
  mkdirSync(join(work, 'elsewhere'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The file paths each CI format names, from one run of validate with every CI format. */
async function paths(cwd: string, args: string[], env: Record<string, string>): Promise<Record<'github' | 'sarif' | 'gitlab' | 'junit', string[]> & { sarifBase: string }> {
  const out = join(work, `reports-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const r = await runInProcess(
    ['validate', ...args, '--as-of', '2009-06-01', '--format', 'github', '--format', 'sarif', '--output', `${out}.sarif`, '--format', 'gitlab', '--output', `${out}.gitlab.json`, '--format', 'junit', '--output', `${out}.xml`],
    { cwd, env },
  );
  expect(r.code).toBe(1);
  const github = [...r.stdout.matchAll(/^::(?:error|warning|notice) file=([^,]+),/gm)].map((m) => decodeURIComponent(m[1]));
  const log = JSON.parse(readFileSync(`${out}.sarif`, 'utf8')) as {
    runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }>;
  };
  const sarif = log.runs[0].results.map((res) => {
    const location = res.locations[0].physicalLocation.artifactLocation;
    expect(location.uriBaseId).toBe('%SRCROOT%');
    return decodeURIComponent(location.uri);
  });
  const gitlab = (JSON.parse(readFileSync(`${out}.gitlab.json`, 'utf8')) as Array<{ location: { path: string } }>).map((i) => i.location.path);
  const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(readFileSync(`${out}.xml`, 'utf8')) as {
    testsuites: { testsuite: Array<{ testcase: Array<{ '@_name': string }> }> };
  };
  const junit = xml.testsuites.testsuite.flatMap((s) => s.testcase.map((c) => c['@_name']));
  return { github, sarif, gitlab, junit, sarifBase: log.runs[0].originalUriBaseIds['%SRCROOT%'].uri };
}

function expectFromRoot(found: Record<'github' | 'sarif' | 'gitlab' | 'junit', string[]>, root: string): void {
  for (const format of ['github', 'sarif', 'gitlab', 'junit'] as const) {
    expect(found[format].length, format).toBeGreaterThan(10);
    const wrong = found[format].filter((p) => !p.startsWith('kvinnofrid/') || !existsSync(join(root, p)));
    expect(wrong, `${format}: paths not from the repository root`).toEqual([]);
  }
}

describe('CI formats\' paths', () => {
  it('from a subfolder of the repository: relative to the folder that holds .git', async () => {
    const found = await paths(join(workspace, 'plans'), [], {});
    expectFromRoot(found, repo);
    expect(found.sarifBase).toBe(`${pathToFileURL(repo).href}/`);
  });

  it('from outside the repository, with -C and GITHUB_WORKSPACE: relative to GITHUB_WORKSPACE', async () => {
    const found = await paths(join(work, 'elsewhere'), ['-C', workspace], { GITHUB_WORKSPACE: repo });
    expectFromRoot(found, repo);
    expect(found.sarifBase).toBe(`${pathToFileURL(repo).href}/`);
  });

  it('from outside the repository, with -C and CI_PROJECT_DIR: relative to CI_PROJECT_DIR', async () => {
    expectFromRoot(await paths(join(work, 'elsewhere'), ['-C', workspace], { CI_PROJECT_DIR: repo }), repo);
  });
});
