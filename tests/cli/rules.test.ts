/** `samverkan rules`: the rule table as a list, one rule in full, or JSON; validate --help points to it. */
import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/commands/rules.js';
import { NotFoundError } from '../../src/errors.js';
import { RULES } from '../../src/rules/registry.js';
import { runInProcess } from '../helpers/cli.js';

describe('samverkan rules', () => {
  it('lists every rule, one a line, with its default severity and short description', async () => {
    const { code, stdout, stderr } = await runInProcess(['rules']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(RULES.length);
    RULES.forEach((r, i) => expect(lines[i]).toMatch(new RegExp(`^${r.id.replace('/', '\\/')} +${r.severity} +${r.description.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)));
    // Aligned: every description starts in the same column.
    expect(new Set(lines.map((l, i) => l.indexOf(RULES[i].description.en))).size).toBe(1);
  });

  it('prints the table as JSON with --json, each rule with its page', async () => {
    const { code, stdout } = await runInProcess(['rules', '--json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout);
    expect(rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    const { id, severity, description, fullDescription, example } = RULES.find((r) => r.id === 'plan/overdue')!;
    expect(rules.find((r: { id: string }) => r.id === 'plan/overdue')).toEqual({
      id,
      severity,
      description: description.en,
      fullDescription: fullDescription.en,
      example,
      documentation: 'docs/rules/plan/overdue.md',
    });
  });

  it('lists a family, given as plan or plan/*', async () => {
    const planIds = RULES.filter((r) => r.id.startsWith('plan/')).map((r) => r.id);
    for (const family of ['plan', 'plan/*']) {
      const { stdout } = await runInProcess(['rules', family]);
      expect(stdout.trimEnd().split('\n').map((l) => l.split(' ')[0])).toEqual(planIds);
    }
  });

  it('shows one rule in full: why it matters, how to fix it, a bad and a good example', async () => {
    const rule = RULES.find((r) => r.id === 'group/chair')!;
    const { code, stdout } = await runInProcess(['rules', 'group/chair']);
    expect(code).toBe(0);
    expect(stdout).toContain('group/chair (default: error)');
    expect(stdout).toContain(rule.fullDescription.en);
    expect(stdout).toContain(`Bad, in ${rule.example.file}:\n    kind: group`);
    expect(stdout).toContain('    - {person: samordnare, role: member, represents: alfa}');
    expect(stdout).toContain('docs/rules/group/chair.md');
  });

  it('speaks Swedish when the terminal does: the descriptions, and the Swedish page', async () => {
    const rule = RULES.find((r) => r.id === 'group/chair')!;
    const env = { SAMVERKAN_LANG: 'sv' };
    const one = await runInProcess(['rules', 'group/chair'], { env });
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(rule.description.sv);
    expect(one.stdout).toContain(rule.fullDescription.sv);
    expect(one.stdout).not.toContain(rule.fullDescription.en);
    expect(one.stdout).toContain('docs/rules/sv/group/chair.md');
    const list = await runInProcess(['rules', 'group'], { env });
    expect(list.stdout).toContain(`group/chair`);
    expect(list.stdout).toContain(rule.description.sv);
    const json = JSON.parse((await runInProcess(['rules', 'group/chair', '--json'], { env })).stdout);
    expect(json[0]).toMatchObject({ id: 'group/chair', description: rule.description.sv, documentation: 'docs/rules/sv/group/chair.md' });
  });

  it('says which rule was meant when given one that does not exist, and exits 2', async () => {
    expect(() => listRules('plan/overdu')).toThrow(NotFoundError);
    const { code, stdout, stderr } = await runInProcess(['rules', 'plan/overdu']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"plan/overdu" is not a rule samverkan has. Did you mean "plan/overdue"?');
  });

  it('is named by validate --help', async () => {
    const { stdout } = await runInProcess(['validate', '--help']);
    expect(stdout).toContain('samverkan rules');
  });
});
