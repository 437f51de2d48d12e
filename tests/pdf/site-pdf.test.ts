/**
 * `render site --format pdf` on a real headless Chromium, read back with pdfjs-dist. The site is
 * printed once (one browser for every page) and each test reads what it needs from it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { repoRoot } from '../helpers/workspaces.js';
import { readPdf, type ReadPdf } from './read-pdf.js';

const workspace = join(repoRoot, 'tests/pdf/workspace');
let out: string;
let printed: { code: number; stdout: string; stderr: string };
let minutes: ReadPdf;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'samverkan-pdf-'));
  printed = await runInProcess(['render', 'site', '--format', 'pdf', '--as-of', '2027-06-01', '--out', join(out, 'pdf'), '-C', workspace], {
    env: { PATH: process.env.PATH },
  });
  minutes = await readPdf(join(out, 'pdf', 'meeting-styrgrupp-2027-05-13.pdf'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('render site --format pdf', () => {
  it('writes one PDF for every page the HTML site has, and says so', async () => {
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stderr).toMatch(/^Wrote 5 PDFs to .*; .*index\.pdf lists the others\.\n$/);
    const html = await runInProcess(['render', 'site', '--as-of', '2027-06-01', '--out', join(out, 'html'), '-C', workspace]);
    expect(html.code).toBe(0);
    const pages = (folder: string, ext: string) =>
      readdirSync(join(out, folder))
        .filter((name) => name.endsWith(ext))
        .map((name) => name.slice(0, -ext.length))
        .sort();
    expect(pages('pdf', '.pdf')).toEqual(pages('html', '.html'));
    expect(pages('pdf', '.pdf')).toContain('meeting-styrgrupp-2027-05-13');
  });

  it('prints the minutes on A4, with "Sida i av n" and the title, date and draft banner on every sheet', () => {
    const n = minutes.pages.length;
    expect(n).toBeGreaterThanOrEqual(3);
    for (const [index, text] of minutes.pages.entries()) {
      expect(minutes.sizes[index]).toEqual([210, 297]);
      expect(text).toContain(`Sida ${index + 1} av ${n}`);
      // The title names the date, so the running head does not repeat it.
      expect(text).toContain('Protokoll – Styrgruppen – 13 maj 2027 Utkast – ej justerat');
      expect(text).toContain('Utkast – ej justerat');
    }
  });

  it('puts the signatures on a sheet of their own, the last, with every signer\'s name', () => {
    const last = minutes.pages[minutes.pages.length - 1];
    expect(last).toContain('Underskrifter');
    for (const name of ['Samordnare Alfa–Beta', 'Socialchef Alfa', 'Socialchef Beta']) expect(last).toContain(name);
    // The sheet before holds the last paragraph; the signatures' sheet holds none.
    expect(minutes.pages[minutes.pages.length - 2]).toContain('§ 8');
    expect(last).not.toMatch(/§\s*\d/);
  });

  it('is tagged, in Swedish, with the headings as its outline', () => {
    expect(minutes.marked).toBe(true);
    const roles = minutes.structureRoles.flat();
    for (const role of ['Document', 'H1', 'H2', 'P']) expect(roles).toContain(role);
    expect(minutes.language).toBe('sv');
    expect(minutes.outline[0]).toBe('Protokoll – Styrgruppen – 13 maj 2027');
    expect(minutes.outline).toContain('  § 1 Punkt 1 om samverkan mot våld i nära relationer');
    expect(minutes.outline).toContain('  Underskrifter');
  });

  it('marks every sheet of a confidential group\'s document with its secrecy provision', async () => {
    const secret = await readPdf(join(out, 'pdf', 'meeting-arendegrupp-2027-05-20.pdf'));
    expect(secret.pages.length).toBeGreaterThan(0);
    for (const text of secret.pages) expect(text).toMatch(/Sekretess[^.]*26 kap\. 1 § OSL/);
  });

  it('dates a document that tells a status by the day it is told for', async () => {
    const group = await readPdf(join(out, 'pdf', 'group-styrgrupp.pdf'));
    for (const text of group.pages) {
      expect(text).toContain('Styrgruppen');
      expect(text).toContain('1 juni 2027');
      expect(text).not.toContain('Utkast');
    }
    expect(group.marked).toBe(true);
  });
});
