/**
 * Every link in the READMEs and docs/ leads somewhere a reader of the repository can follow: a
 * file or folder of the repository, a heading of the page, or a public web address. Nothing points
 * outside the repository's files (a design document beside the checkout, a path on someone's disk).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/workspaces.js';

const docs = readdirSync(join(repoRoot, 'docs'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.md'))
  .map((f) => join('docs', f));
const pages = ['README.md', 'README.sv.md', 'CHANGELOG.md', ...docs].filter((f) => existsSync(join(repoRoot, f)));

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

describe.each(pages)('the links of %s', (page) => {
  const text = readFileSync(join(repoRoot, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  const links = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);

  it('lead to a file of the repository, a heading or a public web address', () => {
    for (const link of links) {
      if (/^(https?:|mailto:)/.test(link)) {
        expect(link, `${page}: ${link} is not a public address`).not.toMatch(/localhost|127\.0\.0\.1|file:/);
        continue;
      }
      const [path, hash] = link.split('#');
      const target = path === '' ? join(repoRoot, page) : resolve(dirname(join(repoRoot, page)), decodeURI(path));
      expect(relative(repoRoot, target).startsWith('..'), `${page}: ${link} points outside the repository`).toBe(false);
      expect(existsSync(target), `${page}: ${link} leads to nothing`).toBe(true);
      if (hash && target.endsWith('.md')) {
        const headings = [...readFileSync(target, 'utf8').replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchor(m[1]));
        expect(headings, `${page}: ${link} names no heading of ${relative(repoRoot, target)}`).toContain(hash);
      }
    }
  });
});
