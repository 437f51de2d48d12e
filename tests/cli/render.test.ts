import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';
import { copyWorkspace } from '../helpers/workspaces.js';
import { AS_OF, renderFixture } from '../render/helpers.js';

const asOf = ['--as-of', AS_OF];

/** The relative links of a page that lead to another page of the site. */
function pageLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"#:]+\.(?:html|md))"/g)].map((m) => m[1]);
}

describe('samverkan render site', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'samverkan-site-'));
  });

  it('writes every document and an index that links every page', () => {
    const r = runCli(['render', 'site', '-C', renderFixture, '--out', out, ...asOf]);
    expect(r.stderr).toMatch(/^Wrote 9 pages to .*\. Open .*index\.html in a browser\.\n$/);
    expect(r.code).toBe(0);
    const files = readdirSync(out).filter((f) => !f.startsWith('.')).sort();
    expect(files).toEqual([
      'agreement-avtal-testbygden.html',
      'assessment-kartlaggning-2008.html',
      'group-arendegrupp.html',
      'group-styrgrupp.html',
      'index.html',
      'meeting-arendegrupp-2009-05-20.html',
      'meeting-styrgrupp-2009-04-30.html',
      'meeting-styrgrupp-2009-06-11.html',
      'plan-handlingsplan.html',
    ]);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(new Set(pageLinks(index))).toEqual(new Set(files.filter((f) => f !== 'index.html')));
    // Every link between pages leads to a page that exists, and every page links back to the index.
    for (const file of files.filter((f) => f !== 'index.html')) {
      const html = readFileSync(join(out, file), 'utf8');
      expect(html, file).toContain('<a href="index.html">Till innehållsförteckningen</a>');
      for (const link of pageLinks(html)) expect(existsSync(join(out, link)), `${file} → ${link}`).toBe(true);
    }
  });

  it('--public leaves out the confidential group and every confidential item, and removes pages left from before', async () => {
    const r = await runInProcess(['render', 'site', '-C', renderFixture, '--out', out, '--public', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Removed 2 pages the site no longer has\./);
    const files = readdirSync(out).filter((f) => f !== '.samverkan-site.json');
    expect(files).not.toContain('group-arendegrupp.html');
    expect(files).not.toContain('meeting-arendegrupp-2009-05-20.html');
    for (const file of files) expect(readFileSync(join(out, file), 'utf8'), file).not.toMatch(/PLANTED|arendegrupp-2009|Ä-2009/);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(new Set(pageLinks(index))).toEqual(new Set(files.filter((f) => f !== 'index.html')));
  });

  it('writes a Markdown site in English', async () => {
    const md = mkdtempSync(join(tmpdir(), 'samverkan-site-md-'));
    const r = await runInProcess(['render', 'site', '-C', renderFixture, '--out', md, '--format', 'md', '--lang', 'en', ...asOf]);
    expect(r.code).toBe(0);
    const index = readFileSync(join(md, 'index.md'), 'utf8');
    expect(index).toContain('## Action plans');
    expect(index).toContain('[Handlingsplan mot våld i nära relationer 2008–2010](plan-handlingsplan.md)');
    for (const link of pageLinks(index)) expect(existsSync(join(md, link))).toBe(true);
  });
});

describe('samverkan render KIND ID', () => {
  it('prints one document as Markdown', async () => {
    const r = await runInProcess(['render', 'plan', 'handlingsplan', '-C', renderFixture, ...asOf]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Handlingsplan mot våld i nära relationer 2008–2010\n')).toBe(true);
    expect(r.stdout).toContain('## Läget 1 juni 2009');
  });

  it('writes HTML to the workspace\'s output folder, or to --out', async () => {
    const { dir, cleanup } = copyWorkspace(renderFixture);
    try {
      const r = await runInProcess(['render', 'meeting', 'styrgrupp-2009-06-11', '--format', 'html', ...asOf], { cwd: join(dir, 'plans') });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/^Wrote \.\.\/out\/meeting-styrgrupp-2009-06-11\.html\.\n$/);
      expect(readFileSync(join(dir, 'out/meeting-styrgrupp-2009-06-11.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
      const file = join(dir, 'kallelse.html');
      expect((await runInProcess(['render', 'meeting', 'styrgrupp-2009-06-11', '--format', 'html', '--out', file, '-C', dir, ...asOf])).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toContain('<h1>Kallelse – Styrgrupp Kvinnofrid Testbygden – 11\u00a0juni\u00a02009</h1>');
      const md = await runInProcess(['render', 'meeting', 'styrgrupp-2009-06-11', '--out', '-', '--public', '--lang', 'en', '-C', dir, ...asOf]);
      expect(md.stdout).toContain('### 9. Not shown: confidential');
      expect(md.stdout).not.toContain('PLANTED');
    } finally {
      cleanup();
    }
  });

  it('says what is wrong, and exits 2, for a wrong kind, a missing or unknown id, or a bad option', async () => {
    const unknown = await runInProcess(['render', 'plan', 'handlingsplam', '-C', renderFixture]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('samverkan: There is no plan with id "handlingsplam" in the workspace. Did you mean "handlingsplan"?\n');
    const missing = await runInProcess(['render', 'meeting', '-C', renderFixture]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Say which meeting to render: samverkan render meeting ID\. The meeting ids are: arendegrupp-2009-05-20, styrgrupp-2009-04-30, styrgrupp-2009-06-11\./);
    const kind = await runInProcess(['render', 'people', 'x', '-C', renderFixture]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/"people" is not something samverkan renders/);
    const format = await runInProcess(['render', 'site', '--format', 'docx', '-C', renderFixture]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/"docx" is not a format render writes\. Use md, html or pdf\./);
    const site = await runInProcess(['render', 'site', 'x', '-C', renderFixture]);
    expect(site.code).toBe(2);
    const confidential = await runInProcess(['render', 'group', 'arendegrupp', '--public', '-C', renderFixture]);
    expect(confidential.code).toBe(2);
    expect(confidential.stderr).toMatch(/confidential group, so it has no public version/);
  });
});

describe('samverkan render with a broken file', () => {
  let copy: { dir: string; cleanup: () => void };
  beforeAll(() => {
    copy = copyWorkspace(renderFixture);
    writeFileSync(join(copy.dir, 'plans/trasig.yaml'), 'kind: plan\nid: trasig\ntitle: Trasig plan\n');
  });
  afterAll(() => copy.cleanup());

  it('refuses to render anything, lists the errors and says how to go on (exit 1)', async () => {
    const r = await runInProcess(['render', 'plan', 'handlingsplan', '-C', copy.dir, ...asOf]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^\S*plans\/trasig\.yaml\n {2}1:1 +error +This document lacks "owner"/);
    expect(r.stderr).toMatch(/\nsamverkan: Nothing was rendered: the workspace has 3 errors \(listed above\)\. Fix them and render again, or render a draft with --force: .*\n$/);
    const coloured = await runInProcess(['render', 'plan', 'handlingsplan', '-C', copy.dir, ...asOf], { env: { FORCE_COLOR: '1' } });
    expect(coloured.stderr).toContain('\u001b[31merror\u001b[39m');
    expect(coloured.stderr).not.toContain('\u241b');
    const site = await runInProcess(['render', 'site', '-C', copy.dir, '--out', join(copy.dir, 'site'), ...asOf]);
    expect(site.code).toBe(1);
    expect(existsSync(join(copy.dir, 'site'))).toBe(false);
  });

  it('with --force renders the rest as a draft that says so on every page, and reports what it left out', async () => {
    const out = join(copy.dir, 'site');
    const r = await runInProcess(['render', 'site', '-C', copy.dir, '--out', out, '--force', ...asOf]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('samverkan: the workspace has 3 errors; rendered as a draft (--force), and every page says so.');
    expect(r.stderr).toContain('samverkan: left plans/trasig.yaml out of the site: it does not match the format of a plan. Run "samverkan validate" to see what is wrong.');
    expect(existsSync(join(out, 'plan-trasig.html'))).toBe(false);
    for (const file of readdirSync(out).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(join(out, file), 'utf8'), file).toContain('<strong>Utkast – innehåller fel.</strong>');
    }
    const one = await runInProcess(['render', 'plan', 'trasig', '-C', copy.dir, '--force', ...asOf]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/samverkan: plans\/trasig\.yaml does not match the format of a plan, so it cannot be rendered\. Run "samverkan validate"/);
  });
});
