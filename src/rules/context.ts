/** What a rule gets to work with, and how it reports a finding. */
import type { Lang, Message } from '../i18n/messages.js';
import type { DocOfKind, Kind } from '../model/index.js';
import type { PathSegment, Span } from '../workspace/locate.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import type { RuleMeta, Severity } from './types.js';

export interface ReportOptions {
  /** Point at the key of the last path segment rather than its value (unknown keys). */
  key?: boolean;
  /** A default severity other than the rule's, for rules whose cases differ (expired vs. ending soon). */
  severity?: Severity;
}

/**
 * The values a finding's phrase is filled with. A value that is itself a phrase in both languages
 * (a Message whose placeholders are filled, such as `phrase(say, 'didYouMean', { guess })` or
 * `orList(values)`) is said in the same language as the finding.
 */
export type FindingData = Record<string, string | number | Message | undefined | null>;

/** The message ids of rule `I` among the rules `R`. */
export type MessageIdOf<R extends readonly RuleMeta[], I extends string> = Extract<keyof Extract<R[number], { id: I }>['messages'], string>;

/**
 * The context a rule module's check gets. With the rule table `R` (see defineRules), a rule id
 * the module does not define, or a message id its rule does not have, is a type error.
 */
export interface RuleContext<R extends readonly RuleMeta[] = readonly RuleMeta[]> {
  workspace: Workspace;
  /** Today's date, YYYY-MM-DD, in the workspace's time zone (or --as-of). */
  today: string;
  /** The language the findings are said in. */
  lang: Lang;
  /** Reports a finding at `path` inside `doc`: the rule's phrase `messageId`, filled with `data`. */
  report<I extends R[number]['id']>(
    ruleId: I,
    doc: SourceDocument,
    path: readonly PathSegment[],
    messageId: MessageIdOf<R, I>,
    data?: FindingData,
    options?: ReportOptions,
  ): void;
  /** Reports a finding at a span of a file's text, for checks that read the text itself. */
  reportAt<I extends R[number]['id']>(ruleId: I, file: SourceFile, span: Span, messageId: MessageIdOf<R, I>, data?: FindingData): void;
  /** The schema-valid documents of a kind, with their data typed. */
  documents<K extends Kind>(kind: K): Array<{ doc: SourceDocument; data: DocOfKind[K] }>;
}

/** A rule module: the rules it defines and the check that finds them. */
export interface RuleModule {
  rules: readonly RuleMeta[];
  check(context: RuleContext): void | Promise<void>;
}

/**
 * A rule module whose check may only report its own rules with their own message ids: the rule
 * table is read with its literal ids, so `context.report('group/chair', …, 'noChiar')` does not compile.
 */
export function defineRules<const R extends readonly RuleMeta[]>(module: { rules: R; check(context: RuleContext<R>): void | Promise<void> }): RuleModule & { rules: R } {
  return module as unknown as RuleModule & { rules: R };
}
