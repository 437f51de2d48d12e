/**
 * The five example workspaces under plans/ as the README's main job uses them: each validates
 * without errors (a warning only where a comment in the file says it is intended), and
 * `npm start` (scripts/main-job.js) renders each as a site in Swedish and English, internal and
 * public, whose index links every page. Nothing from a confidential item or a confidential
 * group's meetings reaches a public page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItem, GroupDoc, MeetingDoc, Minutes } from '../src/model/index.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { agendaOf } from '../src/model/agenda.js';
import { runInProcess } from './helpers/cli.js';
import { example, repoRoot } from './helpers/workspaces.js';

const EXAMPLES = ['dalarna', 'fyrbodal', 'norra-bohuslan', 'soderhamn', 'trollhattan'];
const LANGS = ['sv', 'en'];
const VARIANTS = ['internal', 'public'];

interface JsonReport {
  errorCount: number;
  findings: Array<{ ruleId: string; severity: string; message: string; file: string; line: number }>;
}

/** The relative links of a page that lead to another page of the site. */
function pageLinks(html: string): string[] {
  return [...html.matchAll(/href="([^"#:]+\.html)"/g)].map((m) => m[1]);
}

/** The text of an HTML page as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * What must never reach a public page: every text of a confidential item (its title, case code,
 * notes and decisions), and everything said in the meetings of a confidential group.
 */
async function secretsOf(dir: string): Promise<string[]> {
  const workspace = await loadWorkspace({ dir });
  const docs = workspace.documents.map((d) => d.data);
  const confidentialGroups = new Set(
    docs.filter((d): d is GroupDoc => (d as GroupDoc).kind === 'group' && (d as GroupDoc).confidentiality === 'confidential').map((g) => g.id),
  );
  const secrets: string[] = [];
  for (const meeting of docs.filter((d): d is MeetingDoc => (d as MeetingDoc).kind === 'meeting')) {
    const wholeMeeting = confidentialGroups.has(meeting.group);
    const secretNumbers = new Set<number | string>();
    agendaOf(meeting).forEach(({ item, number }: { item: AgendaItem; number: number }) => {
      // The formal items' titles are the same words in every meeting, not something of the case.
      if (item.role !== undefined && !item.confidential) return;
      if (!wholeMeeting && !item.confidential) return;
      secretNumbers.add(number);
      if (item.id) secretNumbers.add(item.id);
      secrets.push(item.title, ...(item.case ? [item.case] : []));
      // Minutes leave out the notice's descriptions, so only a notice could leak one.
      if (item.description && !meeting.minutes) secrets.push(item.description);
    });
    const minutes: Minutes | undefined = meeting.minutes;
    for (const entry of [...(minutes?.notes ?? []), ...(minutes?.decisions ?? [])]) {
      if (entry.text && (wholeMeeting || (entry.item !== undefined && secretNumbers.has(entry.item)))) secrets.push(entry.text);
    }
    if (wholeMeeting) secrets.push(...(minutes?.tasks ?? []).map((t) => t.title));
  }
  // Short texts (a lone word) could appear anywhere by chance; what identifies a case is longer.
  return [...new Set(secrets.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length >= 8))];
}

describe('the example workspaces', () => {
  it('are the five source models, each a workspace', () => {
    const found = readdirSync(join(repoRoot, 'plans')).filter((name) => existsSync(join(example(name), 'samverkan.yaml')));
    expect(found.sort()).toEqual(EXAMPLES);
  });

  it.each(EXAMPLES)('%s validates without errors, and any warning is explained by a comment next to it', async (name) => {
    // In this process: the main job below runs the real program on each of them.
    const run = await runInProcess(['validate', '-C', example(name), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errorCount).toBe(0);
    for (const finding of report.findings) {
      const lines = readFileSync(join(repoRoot, finding.file), 'utf8').split('\n');
      const near = lines.slice(Math.max(0, finding.line - 6), finding.line).join('\n');
      expect(near, `${finding.file}:${finding.line} ${finding.ruleId} has no comment saying why it is intended`).toMatch(/#\s*\S/);
    }
  });
});

describe('npm start (the main job)', () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'samverkan-main-job-'));
    run = spawnSync(process.execPath, [join(repoRoot, 'scripts/main-job.js'), out], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
      timeout: 240_000,
    });
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('validates and renders every workspace, and says where to open each site', () => {
    expect(run.status, String(run.stderr)).toBe(0);
    for (const name of EXAMPLES) expect(String(run.stdout)).toMatch(new RegExp(`${name}\\s+\\S*${name}/sv/internal/index\\.html`));
  });

  it.each(EXAMPLES)('renders %s in Swedish and English, internal and public, each with an index that links every page', (name) => {
    for (const lang of LANGS) {
      for (const variant of VARIANTS) {
        const site = join(out, name, lang, variant);
        const files = readdirSync(site).filter((f) => !f.startsWith('.')).sort();
        expect(files, `${name}/${lang}/${variant}`).toContain('index.html');
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        expect(index).toContain(`lang="${lang}"`);
        expect(new Set(pageLinks(index)), `${name}/${lang}/${variant}`).toEqual(new Set(files.filter((f) => f !== 'index.html')));
        for (const file of files) {
          for (const link of pageLinks(readFileSync(join(site, file), 'utf8'))) {
            expect(existsSync(join(site, link)), `${name}/${lang}/${variant}/${file} → ${link}`).toBe(true);
          }
        }
      }
    }
  });

  it.skipIf(!existsSync('/usr/bin/chromium')).each(EXAMPLES)('prints %s as PDFs to sign, one for every page of the Swedish internal site', (name) => {
    const pages = readdirSync(join(out, name, 'sv', 'internal')).filter((f) => f.endsWith('.html'));
    const pdfDir = join(out, name, 'sv', 'pdf');
    const pdfs = readdirSync(pdfDir).filter((f) => !f.startsWith('.')).sort();
    expect(pdfs).toEqual(pages.map((f) => f.replace(/\.html$/, '.pdf')).sort());
    for (const file of pdfs) expect(readFileSync(join(pdfDir, file)).subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
    expect(String(run.stdout)).toMatch(/sv\/pdf/);
  });

  it.each(EXAMPLES)('keeps everything confidential in %s out of its public sites', async (name) => {
    const secrets = await secretsOf(example(name));
    for (const lang of LANGS) {
      const publicSite = join(out, name, lang, 'public');
      for (const file of readdirSync(publicSite)) {
        const text = visibleText(readFileSync(join(publicSite, file), 'utf8'));
        for (const secret of secrets) expect(text.includes(secret), `"${secret}" in ${name}/${lang}/public/${file}`).toBe(false);
      }
    }
    // The check means something only if the internal site does show them.
    const internal = readdirSync(join(out, name, 'sv', 'internal'))
      .map((file) => visibleText(readFileSync(join(out, name, 'sv', 'internal', file), 'utf8')))
      .join('\n');
    for (const secret of secrets) expect(internal, `"${secret}" is missing from the internal site`).toContain(secret);
  });

  it('has confidential material to hide in Söderhamn (the case group\'s meeting)', async () => {
    expect((await secretsOf(example('soderhamn'))).length).toBeGreaterThan(5);
  });
});
