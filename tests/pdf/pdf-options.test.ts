/**
 * One document as a PDF in English (one browser launch), and everything that stops a PDF before
 * a browser is started: no browser, a browser that does not start, the terminal as the target,
 * a workspace with errors and a confidential document asked for in public.
 */
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserMissingError, findBrowser } from '../../src/render/browser.js';
import { runInProcess } from '../helpers/cli.js';
import { fixture, repoRoot } from '../helpers/workspaces.js';
import { readPdf } from './read-pdf.js';

const workspace = join(repoRoot, 'tests/pdf/workspace');
let out: string;
let english: { code: number; stdout: string; stderr: string };

// The one browser launch of this file, in a hook, whose time limit is the one made for such work.
beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'samverkan-pdf-'));
  // Example data, and an error elsewhere in the workspace: rendered only with --force, as a draft.
  const broken = join(out, 'workspace');
  cpSync(workspace, broken, { recursive: true });
  appendFileSync(join(broken, 'samverkan.yaml'), 'example: true\n');
  appendFileSync(join(broken, 'people.yaml'), '  - id: okand\n    name: Okänd person\n    organization: finns-inte\n');
  english = await runInProcess(
    ['render', 'meeting', 'styrgrupp-2027-05-13', '--format', 'pdf', '--lang', 'en', '--force', '--as-of', '2027-06-01', '--out', join(out, 'minutes.pdf'), '-C', broken],
    { env: { PATH: process.env.PATH } },
  );
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const missing = { SAMVERKAN_CHROMIUM: '/nonexistent/chromium' };

describe('render --format pdf of one document', () => {
  it('writes English minutes with "Page i of n", the language set to English, and every banner on every sheet', async () => {
    expect(english.code, english.stderr).toBe(0);
    expect(english.stderr).toMatch(/rendered as a draft \(--force\).*\nWrote .*minutes\.pdf\.\n$/s);
    const pdf = await readPdf(join(out, 'minutes.pdf'));
    expect(pdf.language).toBe('en');
    expect(pdf.marked).toBe(true);
    const n = pdf.pages.length;
    for (const [index, text] of pdf.pages.entries()) {
      expect(text).toContain(`Page ${index + 1} of ${n}`);
      expect(text).toContain('13 May 2027');
      expect(text).toContain('Example data – fictitious details · Draft – contains errors · Draft – not adjusted');
    }
    expect(pdf.pages[n - 1]).toContain('Socialchef Beta');
    expect(pdf.outline.length).toBeGreaterThan(5);
  });
});

describe('when there is no PDF to write', () => {
  it('says in one sentence that there is no browser, and exits 2 without writing', async () => {
    const target = join(out, 'none.pdf');
    // The terminal's language, not the document's, says what went wrong.
    const sv = await runInProcess(['render', 'meeting', 'styrgrupp-2027-05-13', '--format', 'pdf', '--out', target, '-C', workspace], { env: { ...missing, SAMVERKAN_LANG: 'sv' } });
    expect(sv.code).toBe(2);
    expect(sv.stderr).toBe(
      'samverkan: Miljövariabeln SAMVERKAN_CHROMIUM pekar på /nonexistent/chromium, men där finns inget program att starta, så ingen PDF skrevs: ' +
        'ange sökvägen till en installerad Chromium eller Chrome, eller ta bort variabeln så söker samverkan själv.\n',
    );
    const en = await runInProcess(['render', 'site', '--format', 'pdf', '--lang', 'en', '--out', join(out, 'none'), '-C', workspace], { env: missing });
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^samverkan: The environment variable SAMVERKAN_CHROMIUM names \/nonexistent\/chromium, but there is no program to start there, so nothing was written: [^\n]*\.\n$/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(join(out, 'none'))).toBe(false);
  });

  it('says so when the program named does not start as a browser', async () => {
    const notABrowser = join(out, 'not-a-browser');
    writeFileSync(notABrowser, '#!/bin/sh\nexit 3\n');
    chmodSync(notABrowser, 0o755);
    const run = await runInProcess(['render', 'group', 'styrgrupp', '--format', 'pdf', '--lang', 'en', '--out', join(out, 'group.pdf'), '-C', workspace], {
      env: { SAMVERKAN_CHROMIUM: notABrowser },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^samverkan: The browser ${notABrowser} could not be started to write the PDF \\([^\\n]*\\), so nothing was written: [^\\n]*\\.\\n$`));
    expect(existsSync(join(out, 'group.pdf'))).toBe(false);
  });

  it('refuses the terminal as the place for a PDF', async () => {
    const run = await runInProcess(['render', 'group', 'styrgrupp', '--format', 'pdf', '--out', '-', '-C', workspace], { env: missing });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^samverkan: A PDF is a file, so it does not go to the terminal\. /);
  });

  it('keeps render\'s refusals: a workspace with errors, and a confidential group\'s document in public', async () => {
    // Refused before a browser is looked for: the missing browser is never mentioned.
    const faults = await runInProcess(['render', 'site', '--format', 'pdf', '--out', join(out, 'faults'), '-C', fixture('faults')], { env: missing });
    expect(faults.code).toBe(1);
    expect(faults.stderr).toContain('Nothing was rendered: the workspace has');
    expect(faults.stderr).not.toContain('SAMVERKAN_CHROMIUM');
    expect(existsSync(join(out, 'faults'))).toBe(false);
    const secret = await runInProcess(
      ['render', 'meeting', 'arendegrupp-2027-05-20', '--format', 'pdf', '--public', '--out', join(out, 'secret.pdf'), '-C', workspace],
      { env: { PATH: process.env.PATH } },
    );
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('a confidential group, so it has no public version');
    expect(existsSync(join(out, 'secret.pdf'))).toBe(false);
  });
});

describe('findBrowser', () => {
  it('takes the browser SAMVERKAN_CHROMIUM names, else the first Chromium or Chrome on PATH', () => {
    const bin = join(out, 'bin');
    mkdirSync(bin, { recursive: true });
    const chrome = join(bin, 'google-chrome');
    writeFileSync(chrome, '#!/bin/sh\n');
    chmodSync(chrome, 0o755);
    // A file of the right name that cannot be run is not a browser.
    writeFileSync(join(bin, 'chromium'), 'not a program');
    expect(findBrowser({ env: { PATH: `relative/dir:${bin}` }, lang: 'sv', wellKnown: [] })).toBe(chrome);
    expect(findBrowser({ env: { PATH: bin, SAMVERKAN_CHROMIUM: chrome }, lang: 'sv', wellKnown: ['/usr/bin/chromium'] })).toBe(chrome);
    expect(readdirSync(bin).sort()).toEqual(['chromium', 'google-chrome']);
  });

  it('says how to get one when there is none, in the output\'s language', () => {
    expect(() => findBrowser({ env: { PATH: join(out, 'empty') }, lang: 'sv', wellKnown: [] })).toThrow(BrowserMissingError);
    expect(() => findBrowser({ env: {}, lang: 'sv', wellKnown: [] })).toThrow(
      /^Det finns ingen Chromium eller Chrome på datorn att skriva PDF med, så ingen PDF skrevs: installera Chromium .* i miljövariabeln SAMVERKAN_CHROMIUM\.$/,
    );
    expect(() => findBrowser({ env: {}, lang: 'en', wellKnown: [] })).toThrow(/^There is no Chromium or Chrome on this machine to write the PDF with/);
  });
});
