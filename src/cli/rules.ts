/** `samverkan rules [RULE] [--json]`: list the rules validate checks, with severity and description. */
import type { Command } from './command.js';
import type { RuleListing } from '../commands/rules.js';
import { language, messages } from '../i18n/messages.js';
import { severityWord } from '../report/summary.js';
import type { CliIO } from './io.js';
import { placeholder } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/rules', {
  rule: {
    sv: 'en regel (plan/overdue) att visa i sin helhet, eller en familj (plan eller plan/*) att lista',
    en: 'one rule (plan/overdue) to show in full, or a family (plan or plan/*) to list',
  },
  json: {
    sv: 'skriv reglerna som JSON: id, allvarlighetsgrad, beskrivningar, exempel och sida',
    en: 'print the rules as JSON: id, severity, descriptions, examples and page',
  },
  after: {
    sv: '\nÄndra en regels allvarlighetsgrad i samverkan.yaml:  rules: {plan/overdue: info}\n\nExempel:\n  $ samverkan rules\n  $ samverkan rules privacy\n  $ samverkan rules plan/overdue\n  $ samverkan rules --json',
    en: "\nChange a rule's severity in samverkan.yaml:  rules: {plan/overdue: info}\n\nExamples:\n  $ samverkan rules\n  $ samverkan rules privacy\n  $ samverkan rules plan/overdue\n  $ samverkan rules --json",
  },
  heading: { sv: '{id} (förval: {severity})', en: '{id} (default: {severity})' },
  bad: { sv: 'Fel, i {file}:', en: 'Bad, in {file}:' },
  good: { sv: 'Rätt, i {file}:', en: 'Good, in {file}:' },
  more: { sv: 'Mer: {page} i samverkans git-arkiv.', en: "More: {page} in samverkan's repository." },
});

/** A rule's text in the current language: rule tables hold both (or, before they did, English). */
function local(text: string | { sv: unknown; en: unknown }): string {
  return typeof text === 'string' ? text : String(text[language()]);
}

/** One line per rule: id and default severity in aligned columns, then the short description. */
export function rulesText(rules: readonly RuleListing[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const severityWidth = Math.max(...rules.map((r) => severityWord(r.severity).length));
  return rules.map((r) => `${r.id.padEnd(idWidth)}  ${severityWord(r.severity).padEnd(severityWidth)}  ${local(r.description)}\n`).join('');
}

/** One rule in full: what it finds, why it matters and how to fix it, its examples and its page. */
export function ruleText(rule: RuleListing): string {
  const indent = (text: string) => text.replace(/\n+$/, '').split('\n').map((l) => `    ${l}`).join('\n');
  return [
    say('heading', { id: rule.id, severity: severityWord(rule.severity) }),
    '',
    local(rule.description),
    '',
    local(rule.fullDescription),
    '',
    say('bad', { file: rule.example.file }),
    indent(rule.example.bad),
    '',
    say('good', { file: rule.example.file }),
    indent(rule.example.good),
    '',
    say('more', { page: rule.documentation }),
    '',
  ].join('\n');
}

export function registerRules(program: Command, io: CliIO): void {
  program
    .command('rules')
    .argument(`[${placeholder('RULE')}]`, say('rule'))
    .option('--json', say('json'))
    .description(summary('rules'))
    .addHelpText('after', say('after'))
    .action(async (pattern: string | undefined, options: { json?: boolean }) => {
      const { listRules } = await import('../commands/rules.js');
      const rules = listRules(pattern);
      if (options.json) io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
      else if (rules.length === 1 && pattern === rules[0].id) io.stdout(ruleText(rules[0]));
      else io.stdout(rulesText(rules));
    });
}
