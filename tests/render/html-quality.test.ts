/**
 * The HTML as a browser and a validator see it: zero axe-core violations (WCAG 2.1 A and AA) in
 * real headless Chromium on the pages of every workspace (see AXE_ON_EVERY_PAGE for which rules
 * run on which pages), no request leaves the page, the
 * Content-Security-Policy blocks scripts, zero errors from the Nu Html Checker, and no page that
 * scrolls sideways on a wide screen, a phone or A4. Plans with indicator charts (inline SVG) are
 * among the pages, and each chart is checked for its text alternative and its values table. Writes screenshots of a notice, a plan and a
 * mapping (screen and print) to tests/.tmp/ for a person to look at.
 *
 * Chromium is launched once and vnu runs once, on all pages together: both are slow to start.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/workspaces.js';
import { createRenderEnvironment } from '../../src/render/render-document.js';
import { renderSite } from '../../src/render/render-site.js';
import { loadCheckedWorkspace } from '../../src/workspace/checked.js';
import { AS_OF, renderFixture, workspacesToRender } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const vnuJar = join(repoRoot, 'node_modules/vnu-jar/build/dist/vnu.jar');
const hasJava = spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0;
const tmp = join(repoRoot, 'tests/.tmp');
const htmlDir = join(tmp, 'html');
/** The width of the text on A4 between the print margins of style.css (210 mm - 2 × 16 mm), in CSS pixels. */
const A4_TEXT_WIDTH = Math.floor((178 / 25.4) * 96);

if (!hasChromium) console.warn(`Skipping the browser checks: Debian's chromium is not at ${CHROMIUM} (apt-get install chromium).`);
if (!hasJava) console.warn('Skipping the Nu Html Checker: java is not installed (apt-get install default-jre-headless).');

interface Page {
  name: string;
  html: string;
  /** The template and the variant it was rendered in, e.g. "meeting-minutes en". */
  template: string;
}

/** Every page of every workspace: internal and public, Swedish and English. */
async function allPages(): Promise<Page[]> {
  const pages: Page[] = [];
  for (const { name, dir } of workspacesToRender()) {
    // Checked once: the three variants render the same checked workspace.
    const checked = await loadCheckedWorkspace({ dir, asOf: AS_OF });
    for (const [variant, settings] of [
      ['sv', { lang: 'sv' as const }],
      ['sv-public', { lang: 'sv' as const, public: true }],
      ['en', { lang: 'en' as const }],
    ] as const) {
      const env = await createRenderEnvironment(checked, settings);
      for (const page of (await renderSite(env, 'html')).pages) {
        const meeting = page.kind === 'meeting' ? checked.workspace.index.meetings.get(page.id)?.value : undefined;
        const template = meeting ? (meeting.minutes ? 'meeting-minutes' : 'meeting-notice') : page.kind;
        pages.push({ name: `${name}/${variant}/${page.fileName}`, html: page.content, template: `${template} ${variant}` });
      }
    }
  }
  return pages;
}

/**
 * What axe judges of a page's elements apart from their text: each element, with each class,
 * role and ARIA or table attribute it carries ("td.cell-red", "div[role=region]", "svg[aria-labelledby]").
 */
function elementKinds(html: string): Set<string> {
  const kinds = new Set<string>();
  for (const [, name, attributes] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = name.toLowerCase();
    kinds.add(tag);
    for (const c of /\sclass="([^"]*)"/.exec(attributes)?.[1].split(/\s+/).filter(Boolean) ?? []) kinds.add(`${tag}.${c}`);
    const role = /\srole="([^"]*)"/.exec(attributes)?.[1];
    if (role) kinds.add(`${tag}[role=${role}]`);
    for (const [, attribute] of attributes.matchAll(/\s(aria-[\w-]+|scope|colspan|rowspan|headers|tabindex|lang|style)=/g)) kinds.add(`${tag}[${attribute}]`);
  }
  return kinds;
}

/**
 * The fewest pages that together hold every element kind (elementKinds) that any page of the same
 * template and variant holds, and at least one page of each template and variant: picked greedily,
 * the page adding most kinds not yet held first.
 */
function coveringPages(pages: readonly Page[]): Page[] {
  const byTemplate = new Map<string, Array<{ page: Page; kinds: Set<string> }>>();
  for (const page of pages) byTemplate.set(page.template, [...(byTemplate.get(page.template) ?? []), { page, kinds: elementKinds(page.html) }]);
  const chosen: Page[] = [];
  for (const candidates of byTemplate.values()) {
    const missing = new Set(candidates.flatMap((c) => [...c.kinds]));
    do {
      const gain = (c: { kinds: Set<string> }) => [...c.kinds].filter((k) => missing.has(k)).length;
      const best = candidates.reduce((a, b) => (gain(b) > gain(a) ? b : a));
      chosen.push(best.page);
      for (const k of best.kinds) missing.delete(k);
    } while (missing.size > 0);
  }
  return chosen;
}

/**
 * The axe rules whose outcome can depend on a page's text and data, not only on its template,
 * classes and stylesheet: link text, the shape of each table, charts' names and their ids, a
 * table box that scrolls, a bold line that looks like a heading, lists. They run on every page.
 * The whole WCAG 2.1 A and AA set, with colour contrast (most of axe's time), runs on the
 * covering pages: which colours, roles and structure a page can have comes from its template,
 * the classes the view model gives and the stylesheet, and those pages hold every combination
 * of element, class, role and ARIA attribute that any page of their template and variant holds.
 */
const AXE_ON_EVERY_PAGE = [
  'link-name',
  'link-in-text-block',
  'th-has-data-cells',
  'td-has-header',
  'td-headers-attr',
  'table-fake-caption',
  'aria-valid-attr-value',
  'duplicate-id-aria',
  'svg-img-alt',
  'role-img-alt',
  'scrollable-region-focusable',
  'p-as-heading',
  'avoid-inline-spacing',
  'list',
  'listitem',
  'definition-list',
  'dlitem',
];

let pages: Page[] = [];
/** The Nu Html Checker's report (its standard error), from a run started as soon as the pages are written. */
let vnuReport: Promise<string> = Promise.resolve('');

/** Runs vnu on `files` in the background; resolves to what it wrote to standard error. */
function runVnu(files: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', () => resolve(stderr));
    child.on('error', (error) => resolve(JSON.stringify({ messages: [{ type: 'error', url: 'vnu', message: String(error) }] })));
  });
}

beforeAll(async () => {
  pages = await allPages();
  rmSync(htmlDir, { recursive: true, force: true });
  for (const page of pages) {
    const path = join(htmlDir, page.name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, page.html);
  }
  // Java starts slowly and checks all pages in one run: it works while the browser tests run.
  if (hasJava) vnuReport = runVnu(pages.map((p) => join(htmlDir, p.name)));
}, 120_000);

describe.skipIf(!hasChromium)('HTML in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    // The pages' own policy forbids scripts; axe is injected by the test, so this context bypasses it.
    context = await browser.newContext({ bypassCSP: true, viewport: { width: 1100, height: 900 } });
    // In every page this context loads: sent to the browser once, instead of once per page.
    await context.addInitScript({ content: axeSource });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has zero axe-core violations (WCAG 2.1 A and AA), and no page makes a request', async () => {
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const violations: string[] = [];
    const covering = new Set(coveringPages(pages));
    const wcag = `{ type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }`;
    const some = `{ type: 'rule', values: ${JSON.stringify(AXE_ON_EVERY_PAGE)} }`;
    for (const p of pages) {
      await page.setContent(p.html, { waitUntil: 'load' });
      // Evaluated in the page, where axe and document exist; a string keeps DOM types out of Node's.
      const result = (await page.evaluate(`axe.run(document, { runOnly: ${covering.has(p) ? wcag : some}, resultTypes: ['violations'] })`)) as {
        violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
      };
      for (const v of result.violations) violations.push(`${p.name}: ${v.id} (${v.help}) at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
    }
    await page.close();
    expect(violations).toEqual([]);
    expect(requests).toEqual([]);
    // Every template in every variant had the whole set.
    expect(new Set([...covering].map((p) => p.template))).toEqual(new Set(pages.map((p) => p.template)));
    // About 50 s on a 2-core machine under a load of 16 (115 s when every page had the whole set): three times that.
  }, 180_000);

  it('blocks scripts by the page\'s own Content-Security-Policy', async () => {
    const strict = await browser.newContext();
    const page = await strict.newPage();
    const notice = pages.find((p) => p.name.startsWith('fixture/sv/meeting-styrgrupp-2009-06-11'))!;
    await page.setContent(notice.html.replace('</main>', '<img src="https://evil.example/x.png" alt=""></main>'), { waitUntil: 'load' });
    await page.addScriptTag({ content: 'window.ran = true;' }).catch(() => undefined);
    expect(await page.evaluate('window.ran === true')).toBe(false);
    // The stylesheet, allowed by its hash, still applies.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('th')).fontWeight`)).toBe('600');
    await strict.close();
  });

  it('never makes a page scroll sideways, on a wide screen, on a phone or on A4 paper', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const [media, width] of [['screen', 1100], ['screen', 375], ['print', A4_TEXT_WIDTH]] as const) {
      await page.emulateMedia({ media });
      await page.setViewportSize({ width, height: 900 });
      for (const { name, html } of pages.filter((p) => p.name.split('/')[1] === 'sv')) {
        await page.setContent(html, { waitUntil: 'load' });
        const found = (await page.evaluate(`(() => {
          const out = [];
          if (document.documentElement.scrollWidth > ${width}) out.push('page ' + document.documentElement.scrollWidth + 'px wide');
          // On paper nothing scrolls: a table wider than its box would be cut off.
          if (${media === 'print'}) for (const t of document.querySelectorAll('table')) if (t.offsetWidth > t.parentElement.clientWidth + 1) out.push('table ' + t.offsetWidth + 'px in ' + t.parentElement.clientWidth + 'px');
          return out;
        })()`)) as string[];
        for (const f of found) problems.push(`${name} (${media}, ${width}px): ${f}`);
      }
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('names every indicator chart for a screen reader and keeps it inside its column on a phone and on A4', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    const charted = pages.filter((p) => p.html.includes('<svg class="chart"'));
    for (const [media, width] of [['screen', 375], ['print', A4_TEXT_WIDTH]] as const) {
      await page.emulateMedia({ media });
      await page.setViewportSize({ width, height: 900 });
      for (const { name, html } of charted.filter((p) => p.name.split('/')[1] === 'sv')) {
        await page.setContent(html, { waitUntil: 'load' });
        const found = (await page.evaluate(`(() => {
          const out = [];
          for (const svg of document.querySelectorAll('svg.chart')) {
            const ids = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
            const named = ids.map((id) => document.getElementById(id)).filter((el) => el && svg.contains(el) && el.textContent.trim());
            if (svg.getAttribute('role') !== 'img' || ids.length !== 2 || named.length !== 2) out.push('chart without its title and description');
            const figure = svg.closest('figure');
            if (!figure || !figure.querySelector('table')) out.push('chart without its values table');
            if (svg.getBoundingClientRect().width > figure.getBoundingClientRect().width + 1) out.push('chart wider than its figure');
          }
          return out;
        })()`)) as string[];
        for (const f of found) problems.push(`${name} (${media}, ${width}px): ${f}`);
      }
    }
    await page.close();
    expect(charted.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it('takes screenshots of a notice, a plan and a mapping, on screen and printed', async () => {
    const page = await context.newPage();
    const shots: Array<[string, string, 'screen' | 'print']> = [
      ['fixture/sv/meeting-styrgrupp-2009-06-11.html', 'notice.png', 'screen'],
      ['fixture/sv/plan-handlingsplan.html', 'plan.png', 'screen'],
      ['fixture/sv/assessment-kartlaggning-2008.html', 'assessment.png', 'screen'],
      ['fixture/sv/meeting-styrgrupp-2009-06-11.html', 'notice-print.png', 'print'],
      // Seventeen organisations: the matrix turned, one table per area.
      ['dalarna/sv/assessment-kartlaggning-2019.html', 'assessment-wide.png', 'screen'],
      ['dalarna/sv/assessment-kartlaggning-2019.html', 'assessment-wide-print.png', 'print'],
    ];
    for (const [name, file, media] of shots) {
      const found = pages.find((p) => p.name === name);
      if (!found) continue;
      const { html } = found;
      await page.emulateMedia({ media });
      // Printed: as wide as the text on A4 between the margins.
      await page.setViewportSize({ width: media === 'print' ? A4_TEXT_WIDTH : 1100, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      await page.screenshot({ path: join(tmp, file), fullPage: true });
    }
    await page.emulateMedia({ media: 'print' });
    await page.setContent(pages.find((p) => p.name === 'fixture/sv/plan-handlingsplan.html')!.html, { waitUntil: 'load' });
    await page.pdf({ path: join(tmp, 'plan.pdf'), format: 'A4', preferCSSPageSize: true });
    const wide = pages.find((p) => p.name === 'dalarna/sv/assessment-kartlaggning-2019.html');
    if (wide) {
      await page.setContent(wide.html, { waitUntil: 'load' });
      await page.pdf({ path: join(tmp, 'assessment-wide.pdf'), format: 'A4', preferCSSPageSize: true });
    }
    await page.close();
    expect(existsSync(join(tmp, 'notice.png'))).toBe(true);
  }, 60_000);
});

describe.skipIf(!hasJava)('HTML validity', () => {
  it('has zero errors from the Nu Html Checker on every page', async () => {
    const files = pages.map((p) => join(htmlDir, p.name));
    // vnu writes its JSON report to stderr.
    const report = JSON.parse((await vnuReport) || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; lastLine?: number }> };
    const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
    expect(errors.map((e) => `${e.url.replace(/^file:.*?tests\/\.tmp\/html\//, '')}:${e.lastLine ?? ''} ${e.message}`)).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  }, 120_000);
});

describe('the pages under test', () => {
  it('include the fixture and the example workspaces', () => {
    expect(pages.some((p) => p.name.startsWith('fixture/'))).toBe(true);
    // Plans with indicator charts (inline SVG) are among them, so the checks above cover charts too.
    expect(pages.filter((p) => p.name.includes('/plan-') && p.html.includes('<svg class="chart" role="img"')).map((p) => p.name)).toEqual(
      expect.arrayContaining(['fixture/sv/plan-handlingsplan.html', 'fixture/en/plan-handlingsplan.html', 'trollhattan/sv/plan-handlingsplan-trollhattan.html']),
    );
    expect(renderFixture).toBeTruthy();
  });
});
