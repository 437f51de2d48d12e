/** Findings and rule descriptions: what every check produces and every report format reads. */
import type { Message } from '../i18n/messages.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A problem found in a file, at a 1-based line and column. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
  /** Absolute path of the file. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /**
   * What the finding is about, in words that do not change when lines move or days pass: the YAML
   * path of the node (`parties/0/role`). Reports fingerprint findings by it; absent for findings
   * that have no node (a file that cannot be read).
   */
  subject?: string;
}

/**
 * A bad and a good example of a rule: each is the whole text of one file, placed at `file` in a
 * small valid workspace (tests/fixtures/hostile/base), where the bad one gives the rule and the good
 * one does not.
 */
export interface RuleExample {
  /** Where the example goes, relative to the workspace root, with forward slashes. */
  file: string;
  bad: string;
  good: string;
}

/**
 * What a rule is: the one table that the reports (SARIF rules), `samverkan rules`, the README table,
 * the rule pages in docs/rules and the severity settings all read. Everything a person reads is in
 * Swedish and English; a finding is said in the language the check runs in.
 */
export interface RuleMeta<M extends string = string> {
  id: string;
  severity: Severity;
  /** One sentence: what the rule checks. */
  description: Message;
  /** A few sentences for a coordinator: why the problem matters and how to fix it. */
  fullDescription: Message;
  /**
   * What the rule says when it finds something, by message id: `context.report(id, doc, path,
   * 'noChair', { group })` fills `{group}` in the phrase `noChair`, in the check's language.
   */
  messages: Readonly<Record<M, Message>>;
  example: RuleExample;
}
