/**
 * A meeting's bilagor in rendered output, through `render` as the command runs it: an internal
 * site copies each attached file under bilagor/<meeting-id>/ and links to the copy (the link, as
 * a browser reads it, leads to the same bytes); a public site names a file attachment without a
 * link or a copy, and a confidential item's attachment nowhere; a later render removes copies the
 * site no longer has (and only those); a single written document links to the file in the
 * workspace; a missing file or a link out of the workspace stops the render and is never copied.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { render, RenderRefusedError, SITE_MANIFEST, type RenderCommandOptions } from '../../src/commands/render.js';
import { runInProcess } from '../helpers/cli.js';
import { copyWorkspace } from '../helpers/workspaces.js';
import { AS_OF, renderFixture } from './helpers.js';

const MEETING = 'styrgrupp-2009-09-24';
const MEETING_FILE = 'meetings/styrgrupp/2009-09-24.yaml';
const BUDGET = 'meetings/styrgrupp/bilagor/budget 2010 #1.pdf';
const SECRET = 'meetings/styrgrupp/bilagor/PLANTED-BILAGA-FIL.docx';
const NOTICE = `kind: meeting
id: ${MEETING}
group: styrgrupp
date: 2009-09-24
start: "13:00"
end: "15:00"
items:
  - title: Budget 2010
    type: decision
    attachments:
      - {title: Budgetförslag 2010, file: "bilagor/budget 2010 #1.pdf"}
      - {title: Länsstyrelsens riktlinjer, href: "https://www.lansstyrelsen.se/riktlinjer"}
  - title: Ärende om en familj
    confidential: true
    attachments:
      - {title: PLANTED-BILAGA-TITEL, file: bilagor/PLANTED-BILAGA-FIL.docx}
`;
const BUDGET_BYTES = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff, 0x10]);

let dir: string;
let out: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(renderFixture));
  writeFileSync(join(dir, MEETING_FILE), NOTICE);
  mkdirSync(join(dir, dirname(BUDGET)), { recursive: true });
  writeFileSync(join(dir, BUDGET), BUDGET_BYTES);
  writeFileSync(join(dir, SECRET), 'PLANTED-BILAGA-INNEHALL');
  out = mkdtempSync(join(tmpdir(), 'samverkan-site-'));
});
afterEach(() => {
  cleanup();
  rmSync(out, { recursive: true, force: true });
});

const run = (options: Partial<RenderCommandOptions>) => render({ cwd: dir, kind: 'site', out, asOf: AS_OF, ...options });

/** Every file below `root`, relative to it, with forward slashes. */
function filesBelow(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

/** The links of a Markdown page by their text, as markdown-it parses them. */
function markdownLinks(markdown: string): Map<string, string> {
  const links = new Map<string, string>();
  const walk = (tokens: ReturnType<MarkdownIt['parse']>) => {
    tokens.forEach((token, i) => {
      if (token.children) walk(token.children);
      if (token.type === 'link_open') links.set(tokens[i + 1].content, token.attrGet('href') ?? '');
    });
  };
  walk(new MarkdownIt().parse(markdown, {}));
  return links;
}

/** The href of the HTML link whose text is `text`, with the entities HTML escapes undone. */
function htmlHref(html: string, text: string): string | undefined {
  const match = new RegExp(`<a href="([^"]*)">${text}</a>`).exec(html);
  return match?.[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

/** The file a relative link on the page at `page` leads to, as a browser resolves it. */
function target(page: string, href: string): string {
  return fileURLToPath(new URL(href, pathToFileURL(page)));
}

describe('an internal site', () => {
  it('copies each attached file under bilagor/<meeting-id>/ and the notice links to the copy', async () => {
    const result = await run({ format: 'html' });
    const copy = join(out, 'bilagor', MEETING, 'bilagor/budget 2010 #1.pdf');
    const secret = join(out, 'bilagor', MEETING, 'bilagor/PLANTED-BILAGA-FIL.docx');
    expect(result.attachments.copied.sort()).toEqual([copy, secret].sort());
    const page = join(out, `meeting-${MEETING}.html`);
    const href = htmlHref(readFileSync(page, 'utf8'), 'Budgetförslag 2010');
    expect(href).toBe(`bilagor/${MEETING}/bilagor/budget%202010%20%231.pdf`);
    expect(readFileSync(target(page, href!))).toEqual(BUDGET_BYTES);
    // The group's own site shows its confidential item, with its bilaga.
    expect(readFileSync(target(page, htmlHref(readFileSync(page, 'utf8'), 'PLANTED-BILAGA-TITEL')!), 'utf8')).toBe('PLANTED-BILAGA-INNEHALL');
    expect(htmlHref(readFileSync(page, 'utf8'), 'Länsstyrelsens riktlinjer')).toBe('https://www.lansstyrelsen.se/riktlinjer');
    const manifest = JSON.parse(readFileSync(join(out, SITE_MANIFEST), 'utf8'));
    expect(manifest.attachments.html).toEqual([`bilagor/${MEETING}/bilagor/PLANTED-BILAGA-FIL.docx`, `bilagor/${MEETING}/bilagor/budget 2010 #1.pdf`]);
  });

  it('links to the copy from the minutes too, under the paragraph', async () => {
    writeFileSync(join(dir, MEETING_FILE), `${NOTICE}minutes:\n  notes:\n    - {item: 1, text: Budgeten diskuterades.}\n`);
    await run({ format: 'md' });
    const page = join(out, `meeting-${MEETING}.md`);
    const markdown = readFileSync(page, 'utf8');
    expect(markdown).toMatch(/## §\s1 Budget 2010\n\nBilagor:\n\n- \[Budgetförslag 2010\]/);
    expect(readFileSync(target(page, markdownLinks(markdown).get('Budgetförslag 2010')!))).toEqual(BUDGET_BYTES);
  });

  it('links to the copy from a Markdown site too', async () => {
    await run({ format: 'md' });
    const page = join(out, `meeting-${MEETING}.md`);
    const href = markdownLinks(readFileSync(page, 'utf8')).get('Budgetförslag 2010');
    expect(readFileSync(target(page, href!))).toEqual(BUDGET_BYTES);
  });

  it('removes on the next render the copies the site no longer has, and nothing else', async () => {
    await run({ format: 'html' });
    const copy = join(out, 'bilagor', MEETING, 'bilagor/budget 2010 #1.pdf');
    const own = join(out, 'bilagor', 'egen-fil.txt');
    writeFileSync(own, 'not written by samverkan');
    writeFileSync(join(dir, MEETING_FILE), NOTICE.replace('      - {title: Budgetförslag 2010, file: "bilagor/budget 2010 #1.pdf"}\n', ''));
    const second = await run({ format: 'html' });
    expect(second.attachments.removed).toEqual([copy]);
    expect(existsSync(copy)).toBe(false);
    expect(existsSync(own)).toBe(true);
    expect(filesBelow(join(out, 'bilagor'))).toEqual(['egen-fil.txt', `${MEETING}/bilagor/PLANTED-BILAGA-FIL.docx`]);
  });

  it('refuses to copy through a link in the site folder that leads out of it', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'samverkan-elsewhere-'));
    try {
      symlinkSync(elsewhere, join(out, 'bilagor'));
      await expect(run({ format: 'html' })).rejects.toThrow(UsageError);
      await expect(run({ format: 'html' })).rejects.toThrow(/leads outside .* through a symbolic link/);
      expect(readdirSync(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('the command line', () => {
  it('says how many attachments it copied and how many stale copies it removed', async () => {
    const first = await runInProcess(['render', 'site', '--out', out, '--as-of', AS_OF], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Copied 2 attachments into ${relative(dir, join(out, 'bilagor'))}.\n`);
    const second = await runInProcess(['render', 'site', '--public', '--out', out, '--as-of', AS_OF], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Removed 2 attachment copies the site no longer has.\n');
    expect(second.stderr).not.toContain('Copied');
  });
});

describe('a public site', () => {
  it('names a file attachment without a link or a copy, and says the group has it', async () => {
    const result = await run({ format: 'md', public: true });
    expect(result.attachments.copied).toEqual([]);
    const markdown = readFileSync(join(out, `meeting-${MEETING}.md`), 'utf8');
    expect(markdown).toContain('- Budgetförslag 2010 (finns hos gruppen och lämnas ut på begäran)\n');
    expect(markdownLinks(markdown).has('Budgetförslag 2010')).toBe(false);
    // A web link is a link in public output too.
    expect(markdownLinks(markdown).get('Länsstyrelsens riktlinjer')).toBe('https://www.lansstyrelsen.se/riktlinjer');
    expect(existsSync(join(out, 'bilagor'))).toBe(false);
    const en = await run({ format: 'html', public: true, lang: 'en' });
    expect(en.attachments.copied).toEqual([]);
    expect(readFileSync(join(out, `meeting-${MEETING}.html`), 'utf8')).toContain('<li>Budgetförslag 2010 (available from the group on request)</li>');
  });

  it('never names a confidential item\'s attachment, in any file, notice or minutes', async () => {
    const check = () => {
      for (const file of filesBelow(out)) {
        expect(file).not.toContain('PLANTED-BILAGA');
        expect(readFileSync(join(out, file), 'utf8')).not.toContain('PLANTED-BILAGA');
      }
    };
    await run({ format: 'html', public: true });
    await run({ format: 'md', public: true });
    check();
    writeFileSync(join(dir, MEETING_FILE), `${NOTICE}minutes:\n  notes:\n    - {item: 2, text: Ärendet diskuterades.}\n`);
    await run({ format: 'md', public: true });
    expect(readFileSync(join(out, `meeting-${MEETING}.md`), 'utf8')).toContain('- Budgetförslag 2010 (finns hos gruppen och lämnas ut på begäran)\n');
    check();
  });

  it('rendered into the folder of an internal site, removes its copies', async () => {
    await run({ format: 'html' });
    expect(filesBelow(out).filter((f) => f.startsWith('bilagor/'))).toHaveLength(2);
    const result = await run({ format: 'html', public: true });
    expect(result.attachments.removed).toHaveLength(2);
    expect(existsSync(join(out, 'bilagor'))).toBe(false);
  });
});

describe('a single document', () => {
  it('on the terminal links to the file by its path from the workspace', async () => {
    const result = await render({ cwd: dir, kind: 'meeting', id: MEETING, asOf: AS_OF });
    expect(markdownLinks(result.stdout!).get('Budgetförslag 2010')).toBe(BUDGET.replace(/ /g, '%20'));
  });

  it('written to a file links from that file to the attachment in the workspace', async () => {
    for (const format of ['md', 'html'] as const) {
      const file = join(out, 'utskick', `kallelse.${format}`);
      mkdirSync(dirname(file), { recursive: true });
      await render({ cwd: dir, kind: 'meeting', id: MEETING, asOf: AS_OF, format, out: file });
      const text = readFileSync(file, 'utf8');
      const href = format === 'md' ? markdownLinks(text).get('Budgetförslag 2010') : htmlHref(text, 'Budgetförslag 2010');
      expect(href).toMatch(/^\.\.\//);
      expect(readFileSync(target(file, href!))).toEqual(BUDGET_BYTES);
    }
  });

  it('written to the output folder links back into the workspace', async () => {
    const result = await render({ cwd: dir, kind: 'meeting', id: MEETING, asOf: AS_OF, format: 'html' });
    const href = htmlHref(readFileSync(result.target!, 'utf8'), 'Budgetförslag 2010');
    expect(href).toBe('../meetings/styrgrupp/bilagor/budget%202010%20%231.pdf');
    expect(readFileSync(target(result.target!, href!))).toEqual(BUDGET_BYTES);
  });
});

describe('meeting/attachment-missing', () => {
  it('stops the render for a missing file and for a link out of the workspace, and --force copies neither', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'samverkan-outside-'));
    try {
      writeFileSync(join(outside, 'personakt.docx'), 'PLANTED-UTANFOR');
      rmSync(join(dir, BUDGET));
      rmSync(join(dir, SECRET));
      symlinkSync(join(outside, 'personakt.docx'), join(dir, SECRET));
      const refused = await run({ format: 'html' }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RenderRefusedError);
      const findings = (refused as RenderRefusedError).findings.filter((f) => f.ruleId === 'meeting/attachment-missing');
      expect(findings.map((f) => `${relative(dir, f.file)}:${f.line}`)).toEqual([`${MEETING_FILE}:11`, `${MEETING_FILE}:16`]);
      expect(findings[0].message).toContain('there is no file meetings/styrgrupp/bilagor/budget 2010 #1.pdf in the workspace');
      expect(findings[1].message).toContain('symbolic link that leads outside the workspace');
      const forced = await run({ format: 'html', force: true });
      expect(forced.attachments.copied).toEqual([]);
      expect(existsSync(join(out, 'bilagor'))).toBe(false);
      expect(lstatSync(join(dir, SECRET)).isSymbolicLink()).toBe(true);
      for (const file of filesBelow(out)) expect(readFileSync(join(out, file), 'utf8')).not.toContain('PLANTED-UTANFOR');
      // Without a copy, the title is shown without a link.
      expect(htmlHref(readFileSync(join(out, `meeting-${MEETING}.html`), 'utf8'), 'Budgetförslag 2010')).toBeUndefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
