import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/rules/check-workspace.js';
import { RULES } from '../../src/rules/registry.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { brief, copyWorkspace, fixture } from '../helpers/workspaces.js';

const AS_OF = '2009-06-01';

/** The `# expect: rule/a, rule/b` markers of every YAML file below `root`, as "file:line rule". */
function expectations(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) {
        // An empty file can't carry a marker; it always expects file/empty.
        if (statSync(path).size === 0) out.push(`${relative(root, path)}:1 file/empty`);
        readFileSync(path, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const m = /# expect: (.+)$/.exec(line);
            if (m) for (const rule of m[1].split(',')) out.push(`${relative(root, path)}:${i + 1} ${rule.trim()}`);
          });
      }
    }
  };
  walk(root);
  return out.sort();
}

async function check(dir: string) {
  return checkWorkspace(await loadWorkspace({ dir }), { asOf: AS_OF });
}

describe('checkWorkspace', () => {
  it('finds nothing in a clean workspace', async () => {
    const { findings } = await check(fixture('clean'));
    expect(findings).toEqual([]);
  });

  it('finds exactly the marked faults, each at its line, and nothing on the other lines', async () => {
    const root = fixture('faults');
    const { findings } = await check(root);
    expect(brief(findings, root)).toEqual(expectations(root));
  });

  it('reports every problem with files: binary, too large, a broken link, a link out of the workspace', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      writeFileSync(join(dir, 'plans/word.yaml'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0x41]));
      writeFileSync(join(dir, 'plans/huge.yaml'), `kind: plan\n# ${'x'.repeat(6 * 1024 * 1024)}\n`);
      symlinkSync(join(dir, 'does-not-exist.yaml'), join(dir, 'plans/broken.yaml'));
      const outside = copyWorkspace(fixture('clean'));
      symlinkSync(join(outside.dir, 'people.yaml'), join(dir, 'outside.yaml'));
      mkdirSync(join(dir, 'folder.yaml'));
      const { findings } = await check(dir);
      outside.cleanup();
      expect(brief(findings, dir)).toEqual([
        'outside.yaml:1 file/outside-workspace',
        'plans/broken.yaml:1 file/unreadable',
        'plans/huge.yaml:1 file/too-large',
        'plans/word.yaml:1 file/binary',
      ]);
    } finally {
      cleanup();
    }
  });

  it('has a firing test for every rule it defines', async () => {
    const root = fixture('faults');
    const marked = new Set(expectations(root).map((e) => e.split(' ')[1]));
    const fileRules = ['file/binary', 'file/too-large', 'file/unreadable', 'file/outside-workspace', 'file/empty'];
    // A name that is not UTF-8 cannot be kept in git, and a broken file that hides ids would turn
    // this fixture's unknown-id findings into ref/unchecked: both fire in tests/rules/unchecked-and-names.test.ts.
    fileRules.push('file/name-encoding', 'ref/unchecked');
    // A change after adjustment needs the git history: it fires in real repositories in tests/adjusted.
    fileRules.push('minutes/changed-after-adjustment');
    const untested = RULES.map((r) => r.id).filter((id) => !marked.has(id) && !fileRules.includes(id));
    expect(untested).toEqual([]);
  });

  it('applies severities from samverkan.yaml', async () => {
    const { findings } = await check(fixture('faults'));
    const indicator = findings.filter((f) => f.ruleId === 'plan/goal-without-indicator');
    expect(indicator.map((f) => f.severity)).toEqual(['warning']);
    const term = findings.filter((f) => f.ruleId === 'agreement/term').map((f) => f.severity).sort();
    expect(term).toEqual(['info', 'warning']);
  });

  it('turns a rule off, and reads a disable comment only for the line below it', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      const plan = join(dir, 'plans/plan.yaml');
      // Past the due date of a1, plan/overdue fires; a disable comment above due: silences it.
      expect(brief((await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2010-01-15' })).findings, dir)).toEqual([
        'plans/plan.yaml:25 plan/overdue',
      ]);
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('    due: 2009-12-31', '    # samverkan-disable-next-line plan/overdue -- paused by the steering group\n    due: 2009-12-31'));
      expect((await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2010-01-15' })).findings).toEqual([]);
      writeFileSync(join(dir, 'samverkan.yaml'), `${readFileSync(join(dir, 'samverkan.yaml'), 'utf8')}rules:\n  plan/*: off\n`);
      writeFileSync(plan, readFileSync(plan, 'utf8').replace('    # samverkan-disable-next-line plan/overdue -- paused by the steering group\n', ''));
      expect((await checkWorkspace(await loadWorkspace({ dir }), { asOf: '2010-01-15' })).findings).toEqual([]);
    } finally {
      cleanup();
    }
  });

  it('refuses an --as-of that is not a date', async () => {
    const ws = await loadWorkspace({ dir: fixture('clean') });
    await expect(checkWorkspace(ws, { asOf: '2009-13-01' })).rejects.toThrow(/not a date/);
  });
});
