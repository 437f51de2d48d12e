/** What a rule gets to work with, and how it reports a finding. */
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

export interface RuleContext {
  workspace: Workspace;
  /** Today's date, YYYY-MM-DD, in the workspace's time zone (or --as-of). */
  today: string;
  /** Reports a finding at `path` inside `doc`. */
  report(ruleId: string, doc: SourceDocument, path: readonly PathSegment[], message: string, options?: ReportOptions): void;
  /** Reports a finding at a span of a file's text, for checks that read the text itself. */
  reportAt(ruleId: string, file: SourceFile, span: Span, message: string): void;
  /** The schema-valid documents of a kind, with their data typed. */
  documents<K extends Kind>(kind: K): Array<{ doc: SourceDocument; data: DocOfKind[K] }>;
}

/** A rule module: the rules it defines and the check that finds them. */
export interface RuleModule {
  rules: RuleMeta[];
  check(context: RuleContext): void | Promise<void>;
}
