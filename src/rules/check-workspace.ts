/**
 * Runs every check on a loaded workspace: the problems found while loading, the schemas, and
 * the cross-document rules. Applies the severities set in samverkan.yaml and the
 * `# samverkan-disable-next-line RULE -- reason` comments, and returns the findings sorted.
 */
import { isIsoDate, todayIn } from '../model/dates.js';
import type { DocOfKind, Kind } from '../model/index.js';
import { checkConfig, matchesRule } from '../workspace/config.js';
import { locateIn } from '../workspace/locate.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import type { FindingData, RuleContext } from './context.js';
import { RULES, RULE_MODULES, ruleById } from './registry.js';
import type { Finding, Severity, SeveritySetting } from './types.js';
import { maskIdentityNumbers } from './identity-numbers.js';
import { UsageError } from '../errors.js';
import { language, messages, say, type Lang, type Message } from '../i18n/messages.js';

const sayCheck = messages('rules/check-workspace', {
  asOfNotDate: {
    sv: '--as-of {value} är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2009-06-10.',
    en: '--as-of {value} is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.',
  },
});

export interface CheckOptions {
  /** Today's date for date rules (YYYY-MM-DD); defaults to today in the workspace's time zone. */
  asOf?: string;
  /** The language findings are said in; the current language (messages.ts) unless given. */
  lang?: Lang;
}

export interface CheckResult {
  findings: Finding[];
  /** Number of files that were read. */
  fileCount: number;
}

const DIRECTIVE = /#\s*samverkan-disable-next-line\b([^\n]*)/;

/** Rule ids (or family wildcards like schema/*) named on a disable line; empty means all rules. */
function directiveRules(line: string): string[] | undefined {
  const match = DIRECTIVE.exec(line);
  if (!match) return undefined;
  const list = match[1].split(/\s--\s|\s--$/)[0];
  return list.split(/[\s,]+/).filter(Boolean);
}

/**
 * The severity settings of samverkan.yaml, which checkConfig has found valid: every key names a
 * rule or a family, every value is a severity.
 */
function severitySettings(workspace: Workspace): Map<string, SeveritySetting> {
  const rules = workspace.config.rules;
  return new Map(rules && typeof rules === 'object' && !Array.isArray(rules) ? (Object.entries(rules) as Array<[string, SeveritySetting]>) : []);
}

function severityFor(ruleId: string, settings: Map<string, SeveritySetting>, reported?: Severity): SeveritySetting {
  const exact = settings.get(ruleId);
  if (exact) return exact;
  for (const [pattern, setting] of settings) if (matchesRule(pattern, ruleId)) return setting;
  return reported ?? ruleById(ruleId)?.severity ?? 'error';
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'sv' in value && 'en' in value;
}

/**
 * A rule's phrase `messageId` said in `lang`, filled with `data` (values that are phrases
 * themselves said in the same language). An id the rule does not have is a mistake in the rule,
 * which the type of the context normally catches: it throws, so that no finding goes unsaid.
 */
export function findingMessage(ruleId: string, messageId: string, data: FindingData | undefined, lang: Lang): string {
  const message = ruleById(ruleId)?.messages[messageId];
  if (!message) throw new Error(`Rule ${ruleId} has no message "${messageId}".`);
  const values: Record<string, string | number | undefined | null> = {};
  for (const [name, value] of Object.entries(data ?? {})) values[name] = isMessage(value) ? say(value, {}, lang) : value;
  return say(message, values, lang);
}

/** Checks the workspace and returns its findings, sorted by file, line and column. */
export async function checkWorkspace(workspace: Workspace, options: CheckOptions = {}): Promise<CheckResult> {
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new UsageError(sayCheck('asOfNotDate', { value: options.asOf }));
  }
  // Settings that cannot be trusted stop the check (exit 2) before any rule runs with them.
  await checkConfig(workspace, RULES.map((r) => r.id));
  const today = options.asOf ?? todayIn(workspace.config.timezone);
  const lang = options.lang ?? language();
  const raw: Array<Omit<Finding, 'severity'> & { severity?: Severity }> = [];

  // A load problem made in both languages is said in the check's; one made as text was said on loading.
  for (const p of workspace.problems) raw.push({ ruleId: p.ruleId, message: p.said ? say(p.said, {}, lang) : p.message, file: p.file, ...p.span });

  const context: RuleContext = {
    workspace,
    today,
    lang,
    report(ruleId, doc, path, messageId, data, reportOptions) {
      const message = findingMessage(ruleId, messageId, data, lang);
      const span = locateIn(doc, path, reportOptions);
      // The YAML path says what the finding is about however lines move: reports fingerprint by it.
      const subject = `${doc.index > 0 ? `${doc.index}:` : ''}${path.join('/')}${reportOptions?.key ? '#key' : ''}`;
      raw.push({ ruleId, message, file: doc.file.path, ...span, severity: reportOptions?.severity, subject });
    },
    reportAt(ruleId, file, span, messageId, data) {
      const message = findingMessage(ruleId, messageId, data, lang);
      raw.push({ ruleId, message, file: file.path, ...span });
    },
    documents<K extends Kind>(kind: K) {
      return workspace.documents
        .filter((d): d is SourceDocument => d.valid && d.kind === kind)
        .map((doc) => ({ doc, data: doc.data as DocOfKind[K] }));
    },
  };

  const settings = severitySettings(workspace);

  for (const module of RULE_MODULES) await module.check(context);

  const filesByPath = new Map<string, SourceFile>(workspace.files.map((f) => [f.path, f]));
  const lineCache = new Map<string, string[]>();
  const linesOf = (file: string): string[] => {
    let lines = lineCache.get(file);
    if (!lines) {
      lines = filesByPath.get(file)?.text.split(/\r?\n/) ?? [];
      lineCache.set(file, lines);
    }
    return lines;
  };

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const f of raw) {
    const setting = severityFor(f.ruleId, settings, f.severity);
    if (setting === 'off') continue;
    const previous = f.line >= 2 ? linesOf(f.file)[f.line - 2] : undefined;
    const disabled = previous !== undefined ? directiveRules(previous) : undefined;
    if (disabled && (disabled.length === 0 || disabled.some((p) => matchesRule(p, f.ruleId)))) continue;
    // Findings reach terminals and CI logs, and a message may quote a value from the files (a
    // schema message quotes the text it got): no message may carry an identity number.
    const message = maskIdentityNumbers(f.message);
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.ruleId}\0${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ...f, message, severity: setting });
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : 1)));
  return { findings, fileCount: workspace.files.length };
}
