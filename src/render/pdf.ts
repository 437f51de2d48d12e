/**
 * Printing rendered pages as PDF: the same self-contained HTML page `render --format html`
 * writes, printed on A4 by a headless Chromium (playwright-core drives the browser found on the
 * machine, see browser.ts). Every page carries the document's title and date at the top and
 * "Sida 1 av 3" at the bottom; the PDF is tagged, so screen readers and the accessibility checks
 * a public body must pass can read its structure, its headings are its outline (bookmarks), and
 * its language is the page's `<html lang>`.
 *
 * playwright-core is loaded here only, and only when a PDF is asked for: the rest of the command
 * line must start without it.
 */
import type { Browser, Page } from 'playwright-core';
import { SamverkanError } from '../errors.js';
import { fill, formatDate, labelsFor, type Lang } from '../i18n/index.js';
import { messages } from '../i18n/messages.js';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';
import type { RenderedDocument, RenderEnvironment } from './render-document.js';

/** One page to print. */
export interface PdfDocument {
  /** The complete HTML page, as render writes it (identity numbers already masked). */
  html: string;
  /** The document's title, plain text, printed at the top of every page. */
  title: string;
  /** The document's date as text ("10 juni 2009"), printed at the top of every page; empty for none. */
  dateText: string;
  /** What every sheet must carry beneath the title, such as a secrecy marking or "Utkast – ej justerat"; null for none. */
  banner: string | null;
}

/** Prints PDFs with one browser, for as many documents as asked; close it when done. */
export interface PdfPrinter {
  print(doc: PdfDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The browser could not be started or could not print; the message says what to do. */
export class PdfPrintError extends SamverkanError {}

const say = messages('render/pdf', {
  launch: {
    sv: 'Webbläsaren {path} gick inte att starta för att skriva PDF ({reason}), så ingen PDF skrevs: kontrollera att det är en Chromium eller Chrome, eller ange en annan i miljövariabeln SAMVERKAN_CHROMIUM.',
    en: 'The browser {path} could not be started to write the PDF ({reason}), so nothing was written: check that it is a Chromium or Chrome, or name another in the environment variable SAMVERKAN_CHROMIUM.',
  },
  print: {
    sv: '"{title}" gick inte att skriva som PDF ({reason}), så ingen PDF skrevs för det dokumentet. Försök igen, och rapportera felet om det återkommer.',
    en: '"{title}" could not be printed as a PDF ({reason}), so no PDF was written for it. Try again, and report it if it persists.',
  },
});

/** The first line of an error's message, without playwright's log and call details. */
function reasonOf(error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  return message.split('\n')[0].replace(/^[\w.]+: /, '').replace(/\.$/, '').slice(0, 200);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The page's margins leave room for the running head and foot; the same numbers are in
// style.css's @page rule, which Chromium gives the last word.
const MARGIN = { top: '24mm', right: '16mm', bottom: '20mm', left: '16mm' };
// Header and footer are printed outside the page's own stylesheet, so they carry their own.
const RUNNING_STYLE = `font-family:"Segoe UI","Noto Sans","DejaVu Sans","Liberation Sans",Arial,sans-serif;font-size:8pt;color:#4d4d4d;width:100%;margin:0 ${MARGIN.right} 0 ${MARGIN.left};`;

/** The running head: title on the left, date on the right, and the banner (a draft) beneath, in bold. */
function headerTemplate(doc: PdfDocument): string {
  const title = escapeHtml(maskIdentityNumbers(doc.title));
  // A title that already names the date ("Protokoll – Styrgruppen – 10 juni 2009") needs it only once.
  const spaced = (text: string) => text.replace(/\s+/gu, ' ');
  const date = doc.dateText && !spaced(doc.title).includes(spaced(doc.dateText)) ? escapeHtml(doc.dateText) : '';
  const banner = doc.banner ? `<div style="font-weight:bold;color:#1a1a1a;">${escapeHtml(maskIdentityNumbers(doc.banner))}</div>` : '';
  return (
    `<div style='${RUNNING_STYLE}'>` +
    `<div style="display:flex;justify-content:space-between;gap:4mm;"><span>${title}</span><span style="white-space:nowrap;">${date}</span></div>` +
    `${banner}</div>`
  );
}

/** The running foot: "Sida 1 av 3", Chromium filling in the numbers. */
function footerTemplate(lang: Lang): string {
  const text = escapeHtml(labelsFor(lang).t.page_of);
  const numbered = fill(text, { page: '<span class="pageNumber"></span>', pages: '<span class="totalPages"></span>' });
  return `<div style='${RUNNING_STYLE}text-align:center;'>${numbered}</div>`;
}

/**
 * Starts the browser at `executablePath` and returns a printer that prints document after
 * document in that one browser (starting it costs more than printing a page). The pages run no
 * script and may fetch nothing: the HTML is self-contained, and every request is refused, so
 * printing never reaches the network.
 */
export async function openPdfPrinter(options: { executablePath: string; lang: Lang }): Promise<PdfPrinter> {
  const { chromium } = await import('playwright-core');
  let browser: Browser | undefined;
  let page: Page;
  try {
    browser = await chromium.launch({ executablePath: options.executablePath, headless: true, timeout: 60_000 });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    // One tab prints every document in turn: each setContent replaces the whole page.
    page = await context.newPage();
  } catch (error) {
    await browser?.close().catch(() => undefined);
    throw new PdfPrintError(say('launch', { path: options.executablePath, reason: reasonOf(error) }));
  }
  const opened = browser;
  return {
    async print(doc: PdfDocument): Promise<Uint8Array> {
      try {
        await page.setContent(doc.html, { waitUntil: 'load' });
        return await page.pdf({
          format: 'A4',
          margin: MARGIN,
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(doc),
          footerTemplate: footerTemplate(options.lang),
          tagged: true,
          outline: true,
        });
      } catch (error) {
        throw new PdfPrintError(say('print', { title: doc.title, reason: reasonOf(error) }));
      }
    },
    async close(): Promise<void> {
      await opened.close().catch(() => undefined);
    },
  };
}

/**
 * The page to print for a rendered document: its title, and as its date the meeting's or the
 * report's own date, or for a document that tells a status (a plan, a group's roster, the index)
 * the date that status is told for. A confidential group's document carries its secrecy marking
 * on every sheet, since a sheet can be separated from the first; so does a workspace of example
 * data say so, and a workspace rendered as a draft (--force), and draft minutes.
 */
export function pdfDocumentOf(
  env: Pick<RenderEnvironment, 'workspace' | 'asOf' | 'lang' | 'draft'>,
  doc: Pick<RenderedDocument, 'kind' | 'id' | 'title' | 'content' | 'pageBanner' | 'secrecyMarking'>,
): PdfDocument {
  const value = doc.kind === 'index' ? undefined : (env.workspace.index.of(doc.kind).get(doc.id)?.value as { date?: unknown } | undefined);
  const own = (doc.kind === 'meeting' || doc.kind === 'assessment') && typeof value?.date === 'string' ? value.date : undefined;
  const t = labelsFor(env.lang).t;
  const banners = [
    doc.secrecyMarking,
    env.workspace.config.example === true ? t.example_running_head : null,
    env.draft ? t.draft_running_head : null,
    doc.pageBanner,
  ].filter((b): b is string => Boolean(b));
  return {
    html: doc.content,
    title: doc.title,
    dateText: formatDate(own ?? env.asOf, env.lang),
    banner: banners.length > 0 ? banners.join(' · ') : null,
  };
}
