/**
 * A plan printed as PDF carries its indicator chart: render --format pdf through the machine's
 * Chromium, read back with pdfjs-dist. The chart's legend and axis are text on the page, and the
 * values table is beside it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { readPdf, type ReadPdf } from '../pdf/read-pdf.js';
import { AS_OF, renderFixture } from './helpers.js';

const hasChromium = existsSync('/usr/bin/chromium');
let out: string;
let result: { code: number; stdout: string; stderr: string };
let pdf: ReadPdf;

beforeAll(async () => {
  if (!hasChromium) return;
  out = mkdtempSync(join(tmpdir(), 'samverkan-plan-pdf-'));
  result = await runInProcess(['render', 'plan', 'handlingsplan', '--format', 'pdf', '--as-of', AS_OF, '--out', join(out, 'plan.pdf'), '-C', renderFixture], {
    env: { PATH: process.env.PATH },
  });
  if (result.code === 0) pdf = await readPdf(join(out, 'plan.pdf'));
}, 60_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('a plan as PDF', () => {
  it('prints the indicator chart with its legend, axis and values table', () => {
    expect(result.code, result.stderr).toBe(0);
    const text = pdf.pages.join(' ');
    // The legend (a word per shape, the target with its period) and the axis's periods, as drawn in the SVG.
    expect(text).toMatch(/Utgångsläge Mätning Målvärde 2010/);
    expect(text).toMatch(/2007 2008 2009 2010/);
    // The values table beside it.
    expect(text).toMatch(/Period Slag Värde 2007 Utgångsläge 10 2008 Mätning 14 2009 Mätning 19 2010 Målvärde 30/);
    expect(text).toContain('Försenad sedan 2009-04-30');
    expect(pdf.structureRoles.flat()).toContain('Figure');
  });
});
