/** `samverkan rules [RULE] [--json]`: list the rules validate checks, with severity and description. */
import type { Command } from 'commander';
import type { RuleListing } from '../commands/rules.js';
import type { CliIO } from './io.js';

/** One line per rule: id and default severity in aligned columns, then the short description. */
export function rulesText(rules: readonly RuleListing[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...rules.map((r) => r.severity.length));
  return rules.map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(severityWidth)}  ${r.description}\n`).join('');
}

/** One rule in full: what it finds, why it matters and how to fix it, its examples and its page. */
export function ruleText(rule: RuleListing): string {
  const indent = (text: string) => text.replace(/\n+$/, '').split('\n').map((l) => `    ${l}`).join('\n');
  return [
    `${rule.id} (default: ${rule.severity})`,
    '',
    rule.description,
    '',
    rule.fullDescription,
    '',
    `Bad, in ${rule.example.file}:`,
    indent(rule.example.bad),
    '',
    `Good, in ${rule.example.file}:`,
    indent(rule.example.good),
    '',
    `More: ${rule.documentation} in samverkan's repository.`,
    '',
  ].join('\n');
}

export function registerRules(program: Command, io: CliIO): void {
  program
    .command('rules')
    .argument('[RULE]', 'one rule (plan/overdue) to show in full, or a family (plan or plan/*) to list')
    .option('--json', 'print the rules as JSON: id, severity, descriptions, examples and page')
    .description('list the rules that validate checks, with their default severity and what they find')
    .addHelpText(
      'after',
      '\nChange a rule\'s severity in samverkan.yaml:  rules: {plan/overdue: info}\n' +
        '\nExamples:\n  $ samverkan rules\n  $ samverkan rules privacy\n  $ samverkan rules plan/overdue\n  $ samverkan rules --json',
    )
    .action(async (pattern: string | undefined, options: { json?: boolean }) => {
      const { listRules } = await import('../commands/rules.js');
      const rules = listRules(pattern);
      if (options.json) io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      else if (rules.length === 1 && pattern === rules[0].id) io.stdout(ruleText(rules[0]));
      else io.stdout(rulesText(rules));
    });
}
