/**
 * User text inside generated Markdown. Short values (names, titles, table cells) are escaped so
 * that they read as plain text whatever characters they hold; long text fields, where the file
 * format allows Markdown, pass through with only what would break the document or a
 * markdownlint rule tidied (raw HTML, stray heading levels, list markers, bare links).
 * Neither can inject markup or an unsafe link, in the Markdown itself (published as it is on wikis)
 * or in the HTML made from it: raw HTML is escaped, and links whose address `isSafeLink` refuses
 * are shown as text (neutralizeUnsafeLinks).
 */
import { neutralizeUnsafeLinks } from './markdown-links.js';

const URL_OR_EMAIL = /\bhttps?:\/\/[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** Drops punctuation that ends a sentence rather than the address, like the GFM autolink rules. */
function trimUrl(url: string): { url: string; rest: string } {
  let end = url.length;
  while (end > 0 && /[.,;:!?'")\]*_]/.test(url[end - 1])) {
    // Keep a closing parenthesis that closes one opened inside the address (Wikipedia links).
    if (url[end - 1] === ')' && (url.slice(0, end).match(/\(/g)?.length ?? 0) >= (url.slice(0, end).match(/\)/g)?.length ?? 0)) break;
    end--;
  }
  return { url: url.slice(0, end), rest: url.slice(end) };
}

/** An autolink for a http(s) address or an e-mail address, or undefined if it isn't one. */
function autolink(candidate: string): string | undefined {
  if (/^https?:\/\//i.test(candidate)) return `<${candidate.replace(/[<>\s]/g, encodeURIComponent)}>`;
  if (/^[^\s@<>]+@[^\s@<>]+$/.test(candidate)) return `<${candidate}>`;
  return undefined;
}

function escapePlain(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&')
    // "www.example.se" would become a link in GFM (and a bare-URL warning); keep it text.
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\\.`);
}

/**
 * A character that escapeInline changes or turns into a link: a line break, one it escapes, or
 * one that every address or "www." holds. Most values (labels, names, dates) have none.
 */
const INLINE_WORK = /[\r\n\\`*_[\]<>|~&@]|:\/\/|www\./i;

/**
 * Escapes a value for use inside a line of Markdown: a heading, a list item, a table cell.
 * Line breaks become spaces; web and e-mail addresses become autolinks.
 */
export function escapeInline(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(escapeInline).join(', ');
  if (typeof value === 'number') return String(value);
  const raw = String(value);
  if (!INLINE_WORK.test(raw)) return raw;
  const text = raw.replace(/\s*[\r\n]+\s*/g, ' ');
  // Every address the expression finds holds "://" or "@"; most values hold neither, and the
  // expression's Unicode classes are slow on the thousands of values of a large site.
  if (!text.includes('@') && !text.includes('://')) return escapePlain(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_OR_EMAIL)) {
    const { url, rest } = trimUrl(match[0]);
    const link = autolink(url);
    if (!link) continue;
    out += escapePlain(text.slice(last, match.index)) + link + escapePlain(rest);
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/** Punctuation and whitespace a heading should not end with (markdownlint MD026). */
const HEADING_END = /[\s.,;:!。，；：！]/u;
const HEADING_END_RUN = new RegExp(`${HEADING_END.source}+$`, 'u');

/** Strips punctuation that a heading should not end with (markdownlint MD026). */
export function headingText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  const line = text.includes('\n') || text.includes('\r') ? text.replace(/\s*[\r\n]+\s*/g, ' ') : text;
  // Only a line that ends in such punctuation has any to strip; the search for it tries every offset.
  return HEADING_END.test(line.slice(-1)) ? line.replace(HEADING_END_RUN, '') : line;
}

// The expressions a loop over lines asks are made once: a literal in the loop makes a new object each time.
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING_LINE = /^#{1,6}\s/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s/;
const ATX_HEADING_TEXT = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const INDENTED = /^\s/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)/;
const HTML_START = /<(?=[A-Za-z/!?])/g;
// An e-mail autolink as CommonMark defines one: anything looser ("<!--@-->") would keep its `<`
// unescaped and start raw HTML, a comment, in the Markdown.
const AUTOLINK = /^<(?:(?:https?|mailto):[^\s<>]*|[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/i;

/** Escapes `<` that would start raw HTML, keeping autolinks such as <https://…>. */
function escapeHtmlStarts(line: string): string {
  return line.replace(HTML_START, (lt, offset: number) => {
    // After an odd number of backslashes the `<` is escaped already; after an even number, one
    // more would only escape the last backslash and leave the `<` to start a tag.
    const before = line.slice(0, offset);
    const escaped = (/\\*$/.exec(before)?.[0].length ?? 0) % 2 === 1;
    if (escaped || AUTOLINK.test(line.slice(offset))) return lt;
    // Right after a bare address, a parser that links addresses in the raw text (markdown-it's
    // linkify) takes the backslash into the address and leaves the `<` to start a tag.
    return /(?:https?:|ftp:|mailto:|\/\/)\S*$/i.test(before) ? '&lt;' : '\\<';
  });
}

/** Wraps bare web and e-mail addresses in <…>, leaving those already in a link or autolink. */
function wrapBareLinks(line: string): string {
  // As in escapeInline: every address the expression finds holds "://" or "@".
  if (!line.includes('@') && !line.includes('://')) return line;
  let out = '';
  let last = 0;
  for (const match of line.matchAll(URL_OR_EMAIL)) {
    const before = line.slice(0, match.index);
    // Inside a link's address ("](mailto:" before an e-mail, "?u=" before a URL) it is not bare.
    if (/(\]\(\S*|[(<"'=])$/.test(before) || /\[[^\]]*$/.test(before)) continue;
    const { url } = trimUrl(match[0]);
    const link = autolink(url);
    if (!link) continue;
    out += line.slice(last, match.index) + link;
    last = match.index + url.length;
  }
  return out + line.slice(last);
}

/**
 * Prepares a long text field, where Markdown is allowed, to stand as blocks of its own at the
 * top level of a document whose headings are at `headingBase` (a `#` in the text becomes a
 * heading one level below it). Raw HTML and links to anything but web, e-mail, phone and
 * relative addresses are shown as text.
 */
export function markdownBlock(value: unknown, headingBase = 2): string {
  if (value === undefined || value === null || value === '') return '';
  const lines = String(value).replace(/\r\n?/g, '\n').replace(/\t/g, '    ').split('\n');
  // The text's own top heading level goes one below the heading it sits under, and the rest
  // keep their distance to it, so levels never skip (markdownlint MD001).
  let topLevel = 7;
  let scanFence: string | undefined;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (scanFence) {
      if (f && f[1][0] === scanFence[0] && f[1].length >= scanFence.length) scanFence = undefined;
    } else if (f) {
      scanFence = f[1];
    } else {
      const h = ATX_HEADING.exec(line);
      if (h) topLevel = Math.min(topLevel, h[1].length);
    }
  }
  const shift = headingBase + 1 - topLevel;
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of lines) {
    // trimEnd strips what \s matches, and without trying every offset of a line with long runs of spaces.
    let line = raw.trimEnd();
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      out.push(line);
      continue;
    }
    const heading = ATX_HEADING_TEXT.exec(line);
    if (heading) {
      const level = Math.min(6, Math.max(1, heading[1].length + shift));
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      out.push(`${'#'.repeat(level)} ${headingText(escapeHtmlStarts(wrapBareLinks(heading[2])))}`, '');
      continue;
    }
    const list = LIST_ITEM.exec(line);
    if (list) {
      // One bullet style in the whole document (MD004), and a blank line before a list (MD032).
      if (/[*+]/.test(list[2])) line = `${list[1]}-${list[3]}${line.slice(list[0].length)}`;
      const previous = out[out.length - 1];
      if (previous !== undefined && previous !== '' && !LIST_ITEM.test(previous) && !INDENTED.test(previous)) out.push('');
    }
    out.push(escapeHtmlStarts(wrapBareLinks(line)));
  }
  if (fence) out.push(fence);
  return neutralizeUnsafeLinks(out.join('\n').replace(/\n{3,}/g, '\n\n').trim());
}

/** A code point that takes no column (a mark, a zero-width joiner) or two (an emoji). */
const NOT_ONE_COLUMN = /[\p{M}\u200b\u200d\ufe0f\p{Emoji_Presentation}]/u;
/**
 * What NOT_ONE_COLUMN says of each UTF-16 unit from U+0300 up, learned as units are met: 0 not
 * asked yet, 1 one column, 2 not one column or half of a pair. Asking the expression of every
 * cell with a dash or a traffic-light sign took most of the time of aligning a table.
 */
const columnsOfUnit = new Uint8Array(0x10000);

/** 1 if the unit at `code` is a code point of one column, else 2. */
function columnsOf(code: number): number {
  let known = columnsOfUnit[code];
  if (known === 0) {
    known = (code >= 0xd800 && code <= 0xdfff) || NOT_ONE_COLUMN.test(String.fromCharCode(code)) ? 2 : 1;
    columnsOfUnit[code] = known;
  }
  return known;
}

/** Display width of a cell's text: marks take no room, emoji two columns, everything else one. */
function width(text: string): number {
  // Below U+0300 there are no marks, no emoji and no surrogates: with only such units and others
  // of one column, one column per unit.
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) < 0x300 || columnsOf(text.charCodeAt(i)) === 1)) i++;
  if (i === text.length) return text.length;
  let w = 0;
  for (const ch of text) {
    if (/\p{M}|\u200b|\u200d|\ufe0f/u.test(ch)) continue;
    w += /\p{Emoji_Presentation}/u.test(ch) ? 2 : 1;
  }
  return w;
}

const TABLE_ROW = /^\|.*\|$/;
const DELIMITER_ROW = /^\|(\s*:?-{3,}:?\s*\|)+$/;
const PIPE = 0x7c;

/** True if `line` is a table row: TABLE_ROW, asked only of lines that start and end with a pipe. */
function isTableRow(line: string): boolean {
  return line.charCodeAt(0) === PIPE && line.charCodeAt(line.length - 1) === PIPE && TABLE_ROW.test(line);
}

/** Splits a table row into its cells, keeping escaped pipes (\|) inside cells. */
function cells(row: string): string[] {
  const inner = row.slice(1, -1);
  // Without a backslash every pipe parts two cells.
  if (!inner.includes('\\')) return inner.split('|').map((cell) => cell.trim());
  const result: string[] = [];
  let cell = '';
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && i + 1 < inner.length) {
      cell += inner[i] + inner[i + 1];
      i++;
    } else if (inner[i] === '|') {
      result.push(cell.trim());
      cell = '';
    } else {
      cell += inner[i];
    }
  }
  result.push(cell.trim());
  return result;
}

/** Pads a table's columns so its pipes line up: easier to read as plain text in an e-mail. */
function alignTable(rows: string[]): string[] {
  const parsed = rows.map(cells);
  let columns = 0;
  for (const r of parsed) columns = Math.max(columns, r.length);
  // Each cell's width once: the widest in a column sets its width, and each cell pads to it.
  const cellWidths: number[][] = [];
  const widths: number[] = new Array<number>(columns).fill(3);
  for (let i = 0; i < parsed.length; i++) {
    const row: number[] = [];
    // The delimiter row is drawn to the width of the others.
    if (i !== 1) {
      for (let c = 0; c < columns; c++) {
        row.push(width(parsed[i][c] ?? ''));
        widths[c] = Math.max(widths[c], row[c]);
      }
    }
    cellWidths.push(row);
  }
  return parsed.map((r, i) => {
    const padded: string[] = [];
    for (let c = 0; c < columns; c++) {
      const w = widths[c];
      if (i === 1) {
        const d = r[c] ?? '---';
        padded.push(`${d.startsWith(':') ? ':' : '-'}${'-'.repeat(w - 2)}${d.endsWith(':') ? ':' : '-'}`);
      } else {
        padded.push((r[c] ?? '') + ' '.repeat(w - cellWidths[i][c]));
      }
    }
    return `| ${padded.join(' | ')} |`;
  });
}

/** `line` without the spaces and tabs it ends with. */
function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x20 || line.charCodeAt(end - 1) === 0x09)) end--;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * Makes generated Markdown tidy whatever the template's whitespace: no trailing spaces, one
 * blank line around headings, tables and lists, never two blank lines in a row, aligned
 * tables, one newline at the end. Fenced code is left as written.
 */
export function tidyMarkdown(markdown: string): string {
  const lines = (markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown).split('\n').map(trimEndBlanks);
  const out: string[] = [];
  const blank = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  let fence: string | undefined;
  let table: string[] = [];
  const flushTable = () => {
    if (table.length === 0) return;
    blank();
    out.push(...(table.length >= 2 && DELIMITER_ROW.test(table[1].replace(/\s/g, '')) ? alignTable(table) : table));
    out.push('');
    table = [];
  };
  let inList = false;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        fence = undefined;
        out.push('');
      }
      continue;
    }
    if (isTableRow(line)) {
      if (table.length === 0) inList = false;
      table.push(line);
      continue;
    }
    flushTable();
    if (fenceMatch) {
      blank();
      fence = fenceMatch[1];
      out.push(line);
      inList = false;
      continue;
    }
    if (line === '') {
      blank();
      continue;
    }
    if (HEADING_LINE.test(line)) {
      blank();
      out.push(line, '');
      inList = false;
      continue;
    }
    const isItem = LIST_ITEM.test(line) && !INDENTED.test(line);
    if (isItem && !inList) blank();
    if (!isItem && inList && !INDENTED.test(line)) blank();
    if (isItem) inList = true;
    else if (!INDENTED.test(line)) inList = false;
    out.push(line);
  }
  flushTable();
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
