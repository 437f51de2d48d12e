/** The rule pages under docs/rules are generated from the rule table and checked in: they must be current. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { lint } from 'markdownlint/promise';
import { describe, expect, it } from 'vitest';
import { RULE_DOCS_DIR, ruleDocPath, rulePages, rulesIndexPath } from '../../src/rules/docs.js';
import { RULES } from '../../src/rules/registry.js';
import { repoRoot } from '../helpers/workspaces.js';

const STALE = 'out of date: run npm run build && node scripts/rule-docs.js';

function checkedIn(): string[] {
  return readdirSync(join(repoRoot, RULE_DOCS_DIR), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(repoRoot, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

describe('docs/rules', () => {
  const pages = rulePages(RULES);

  it('has one page per rule and an index, and no page of a rule that does not exist', () => {
    expect(checkedIn(), STALE).toEqual([...pages.keys()].sort());
    // Every rule and the index, in English and in Swedish.
    expect(pages.size).toBe(2 * (RULES.length + 1));
  });

  it('holds the pages the rule table makes', () => {
    for (const [path, text] of pages) expect(readFileSync(join(repoRoot, path), 'utf8'), `${path} ${STALE}`).toBe(text);
  });

  it('puts each rule at a stable path named by its id, with both examples', () => {
    expect(ruleDocPath('plan/overdue')).toBe('docs/rules/plan/overdue.md');
    const page = pages.get(ruleDocPath('plan/overdue'))!;
    const rule = RULES.find((r) => r.id === 'plan/overdue')!;
    expect(page).toContain(rule.fullDescription.en);
    expect(page).toContain(rule.example.bad.trimEnd());
    expect(page).toContain(rule.example.good.trimEnd());
    expect(pages.get(`${RULE_DOCS_DIR}/README.md`)).toContain('[`plan/overdue`](plan/overdue.md)');
  });

  it('has each page in Swedish too, at docs/rules/sv/<family>/<name>.md', () => {
    expect(ruleDocPath('plan/overdue', 'sv')).toBe('docs/rules/sv/plan/overdue.md');
    const page = pages.get(ruleDocPath('plan/overdue', 'sv'))!;
    const rule = RULES.find((r) => r.id === 'plan/overdue')!;
    expect(page).toContain(rule.fullDescription.sv.replace(/[<>]/g, (c) => `\\${c}`));
    expect(page).toContain('## Fel');
    expect(page).toContain(rule.example.bad.trimEnd());
    expect(page).not.toContain(rule.fullDescription.en);
    expect(pages.get(rulesIndexPath('sv'))).toContain(`| [\`plan/overdue\`](plan/overdue.md) | warning | ${rule.description.sv} |`);
  });

  it('links every page to pages that exist: the other language, the index', () => {
    const broken: string[] = [];
    let links = 0;
    for (const [path, text] of pages) {
      for (const [, target] of text.matchAll(/\]\(([^)]+\.md)\)/g)) {
        links++;
        const resolved = posix.normalize(posix.join(dirname(path), target));
        if (!pages.has(resolved)) broken.push(`${path} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(4 * RULES.length);
  });

  it('passes markdownlint (line length aside: a table row cannot be wrapped)', async () => {
    const results = await lint({ strings: Object.fromEntries(pages), config: { default: true, MD013: false } });
    expect(results.toString()).toBe('');
  });
});
