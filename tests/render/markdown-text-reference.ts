/**
 * src/render/markdown-text.ts as it was before its fast paths (escapeInline's check for work,
 * the table alignment's widths and cells, the trimming of lines): the reference that
 * markdown-text-equivalence.test.ts holds them to. Only the functions those paths changed.
 */
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
 * Escapes a value for use inside a line of Markdown: a heading, a list item, a table cell.
 * Line breaks become spaces; web and e-mail addresses become autolinks.
 */
export function escapeInline(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(escapeInline).join(', ');
  if (typeof value === 'number') return String(value);
  const text = String(value).replace(/\s*[\r\n]+\s*/g, ' ');
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

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(\s+)/;

/** Display width of a cell's text: marks take no room, emoji two columns, everything else one. */
function width(text: string): number {
  // Below U+0300 there are no marks, no emoji and no surrogates: one column per code unit.
  if (!/[^\u0000-\u02ff]/.test(text)) return text.length;
  let w = 0;
  for (const ch of text) {
    if (/\p{M}|\u200b|\u200d|\ufe0f/u.test(ch)) continue;
    w += /\p{Emoji_Presentation}/u.test(ch) ? 2 : 1;
  }
  return w;
}

const TABLE_ROW = /^\|.*\|$/;
const DELIMITER_ROW = /^\|(\s*:?-{3,}:?\s*\|)+$/;

/** Splits a table row into its cells, keeping escaped pipes (\|) inside cells. */
function cells(row: string): string[] {
  const inner = row.slice(1, -1);
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
  const columns = Math.max(...parsed.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(3, ...parsed.map((r, i) => (i === 1 ? 3 : width(r[c] ?? '')))),
  );
  return parsed.map((r, i) => {
    const padded = widths.map((w, c) => {
      if (i === 1) {
        const d = r[c] ?? '---';
        const left = d.startsWith(':');
        const right = d.endsWith(':');
        return `${left ? ':' : '-'}${'-'.repeat(w - 2)}${right ? ':' : '-'}`;
      }
      const text = r[c] ?? '';
      return text + ' '.repeat(w - width(text));
    });
    return `| ${padded.join(' | ')} |`;
  });
}

/**
 * Makes generated Markdown tidy whatever the template's whitespace: no trailing spaces, one
 * blank line around headings, tables and lists, never two blank lines in a row, aligned
 * tables, one newline at the end. Fenced code is left as written.
 */
export function tidyMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, ''));
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
    if (TABLE_ROW.test(line)) {
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
    if (/^#{1,6}\s/.test(line)) {
      blank();
      out.push(line, '');
      inList = false;
      continue;
    }
    const isItem = LIST_ITEM.test(line) && !/^\s/.test(line);
    if (isItem && !inList) blank();
    if (!isItem && inList && !/^\s/.test(line)) blank();
    if (isItem) inList = true;
    else if (!/^\s/.test(line)) inList = false;
    out.push(line);
  }
  flushTable();
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
