/** Reading a PDF back with a real PDF parser (pdfjs-dist, its legacy build for Node), for tests. */
import { readFileSync } from 'node:fs';

export interface ReadPdf {
  /** Each page's size in millimetres, [width, height]. */
  sizes: Array<[number, number]>;
  /** The text of each page, one space where a line ends, runs of white space as one. */
  pages: string[];
  /** The document's language (/Lang in its catalog). */
  language: string | null;
  /** True when the PDF says it is tagged (/MarkInfo /Marked true). */
  marked: boolean;
  /** The roles in each page's structure tree (H1, H2, P, Table, …), in document order. */
  structureRoles: string[][];
  /** The outline (bookmarks) as titles, depth first, indented by two spaces per level; any white space (a no-break space too) as one space. */
  outline: string[];
  /** The document's title from its information dictionary. */
  title: string | null;
}

type StructNode = { role?: string; children?: StructNode[] };

function rolesOf(node: StructNode | null, into: string[] = []): string[] {
  if (!node) return into;
  if (node.role) into.push(node.role);
  for (const child of node.children ?? []) rolesOf(child, into);
  return into;
}

type OutlineNode = { title: string; items: OutlineNode[] };

function flattenOutline(items: OutlineNode[] | null, depth = 0, into: string[] = []): string[] {
  for (const item of items ?? []) {
    into.push(`${'  '.repeat(depth)}${item.title.replace(/\s+/g, ' ')}`);
    flattenOutline(item.items, depth + 1, into);
  }
  return into;
}

/** Parses the PDF at `path`. */
export async function readPdf(path: string): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    const sizes: Array<[number, number]> = [];
    const structureRoles: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      const mm = (points: number) => Math.round((points / 72) * 25.4);
      sizes.push([mm(x1 - x0), mm(y1 - y0)]);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? ' ' : ''}` : ''))
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      structureRoles.push(rolesOf((await page.getStructTree()) as StructNode | null));
    }
    const { info } = (await doc.getMetadata()) as { info: { Language?: string; Title?: string } };
    const markInfo = await doc.getMarkInfo();
    return {
      sizes,
      pages,
      language: info.Language ?? null,
      marked: markInfo?.Marked === true,
      structureRoles,
      outline: flattenOutline((await doc.getOutline()) as OutlineNode[] | null),
      title: info.Title ?? null,
    };
  } finally {
    await doc.destroy();
  }
}
