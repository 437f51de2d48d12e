/**
 * Each rule's bad example (from the rule table, shown on its page in docs/rules) gives that rule,
 * and its good example does not, when the file is put into the small valid base workspace. The
 * base has findings of its own (an overdue action as of the date used here), so the test counts
 * the rule's findings against the base's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { EXAMPLE_AS_OF } from '../../src/rules/docs.js';
import { RULES } from '../../src/rules/registry.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');

/**
 * Rules whose problem is in the file system, not in a file's text (permissions, bytes, size, names,
 * links): their examples describe the file in a comment and cannot be run.
 */
const NOT_TEXT = new Set(['file/unreadable', 'file/binary', 'file/too-large', 'file/name-encoding', 'file/outside-workspace']);

/** Rules whose problem is in the git history (a file against an earlier commit): tests/adjusted runs them in real repositories. */
const NEEDS_HISTORY = new Set(['minutes/changed-after-adjustment']);

async function ruleIds(dir: string): Promise<string[]> {
  const { findings } = await checkWorkspace(await loadWorkspace({ dir }), { asOf: EXAMPLE_AS_OF });
  return findings.map((f) => f.ruleId);
}

/** A copy of the base with `text` written to `file`. */
function baseWith(file: string, text: string): string {
  const dir = copyForTest(base);
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return dir;
}

/** How many findings of `ruleId` there are with `text` written to `file` of a copy of the base. */
async function countWith(ruleId: string, file: string, text: string): Promise<number> {
  return (await ruleIds(baseWith(file, text))).filter((id) => id === ruleId).length;
}

/** The messages of `ruleId`'s findings with `text` written to `file`, said in Swedish and in English. */
async function messagesWith(ruleId: string, file: string, text: string): Promise<Record<'sv' | 'en', string[]>> {
  const workspace = await loadWorkspace({ dir: baseWith(file, text) });
  const said = async (lang: 'sv' | 'en') =>
    (await checkWorkspace(workspace, { asOf: EXAMPLE_AS_OF, lang })).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message);
  return { sv: await said('sv'), en: await said('en') };
}

let baseIds: Promise<string[]> | undefined;
async function countInBase(ruleId: string): Promise<number> {
  baseIds ??= ruleIds(base);
  return (await baseIds).filter((id) => id === ruleId).length;
}

describe('rule examples', () => {
  it('has a bad and a good example for every rule, that differ', () => {
    for (const rule of RULES) {
      expect(rule.example.bad, rule.id).not.toBe(rule.example.good);
      for (const lang of ['sv', 'en'] as const) expect(rule.fullDescription[lang].length, `${rule.id} ${lang}`).toBeGreaterThan(rule.description[lang].length);
    }
  });

  for (const rule of RULES.filter((r) => !NOT_TEXT.has(r.id) && !NEEDS_HISTORY.has(r.id))) {
    it(`${rule.id}: the bad example gives it, said in Swedish and English, the good one does not`, async () => {
      const before = await countInBase(rule.id);
      const { sv, en } = await messagesWith(rule.id, rule.example.file, rule.example.bad);
      expect(en.length).toBeGreaterThan(before);
      expect(sv).toHaveLength(en.length);
      // A rule that reports through its own messages (not the loader's) says each in both languages.
      if (Object.keys(rule.messages).length > 0) sv.forEach((message, i) => expect(message, rule.id).not.toBe(en[i]));
      expect(await countWith(rule.id, rule.example.file, rule.example.good)).toBeLessThanOrEqual(before);
    });
  }
});
