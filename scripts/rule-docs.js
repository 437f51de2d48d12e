#!/usr/bin/env node
// Writes the rule pages under docs/rules from the rule table (src/rules, built into dist/), the one
// source of truth for rule ids, severities, descriptions and examples. Pages of rules that no longer
// exist are removed. A test fails when the checked-in pages are out of date: run `npm run build &&
// node scripts/rule-docs.js` after changing a rule.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { RULES } = await import('../dist/rules/registry.js');
const { RULE_DOCS_DIR, rulePages } = await import('../dist/rules/docs.js');

/** Every file under a folder, as paths relative to the repository root with forward slashes. */
function filesUnder(dir) {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

const pages = rulePages(RULES);
for (const stale of filesUnder(RULE_DOCS_DIR).filter((p) => !pages.has(p))) rmSync(join(root, stale));
for (const [path, text] of pages) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`Wrote ${pages.size} pages under ${RULE_DOCS_DIR}.`);
