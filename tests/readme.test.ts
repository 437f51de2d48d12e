import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/registry.js';
import { withRulesTable } from '../scripts/rules-table.js';
import { repoRoot } from './helpers/workspaces.js';

describe('README', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

  it('lists every rule with its default severity (run node scripts/rules-table.js --write)', () => {
    expect(withRulesTable(readme, RULES)).toBe(readme);
  });

  it('starts with the two set-up commands: the main job and the tests', () => {
    const commands = readme.split('\n').slice(0, 6).join('\n');
    expect(commands).toMatch(/npm ci && npm start/);
    expect(commands).toMatch(/npm ci && npm test/);
  });
});
