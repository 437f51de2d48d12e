/**
 * The workspace's settings file, samverkan.yaml, checked before anything else. A setting that
 * cannot be read or is not allowed stops every command with exit 2 (a WorkspaceError), as ESLint
 * does with its configuration: the checks would otherwise run with settings other than the ones
 * written (another time zone, a rule still on), so no result of them could be trusted.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { yamlPackage } from './yaml-package.js';
import { didYouMean, WorkspaceError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import { bestErrors, translate } from '../rules/schema.js';
import { closest } from '../rules/words.js';
import { rawSchema, validatorFor } from '../schema/index.js';
import { CONFIG_FILE, findWorkspaceRoot } from './discover.js';
import { locate, type PathSegment } from './locate.js';
import type { Workspace } from './types.js';

const say = messages('workspace/config', {
  atLine: { sv: 'I {file}, rad {line}', en: 'In {file}, line {line}' },
  problem: { sv: 'I {file}, rad {line}: {message}', en: 'In {file}, line {line}: {message}' },
  noSettings: {
    sv: '{file} har inga inställningar. Skriv minst två rader: kind: workspace och name: med samverkans namn.',
    en: "{file} has no settings. Write at least two lines: kind: workspace and name: with the collaboration's name.",
  },
  or: { sv: '{list} eller {last}', en: '{list} or {last}' },
  notSeverity: {
    sv: '{at}, rules: sätter "{pattern}" till {value}, som inte är en allvarlighetsgrad: skriv {list} i stället, till exempel "{pattern}: {example}".',
    en: '{at}, rules: sets "{pattern}" to {value}, which is not a severity: write {list} instead, for example "{pattern}: {example}".',
  },
  unknownRule: {
    sv: '{at}, rules: "{pattern}" är ingen regel som samverkan har, så inställningen skulle inte göra något.{guess} "samverkan rules" listar alla regler; en hel familj skrivs som plan/*.',
    en: '{at}, rules: "{pattern}" is not a rule samverkan has, so the setting would do nothing.{guess} "samverkan rules" lists every rule; a whole family is written like plan/*.',
  },
});

/** The values a rule's severity may be set to, as the workspace schema lists them. */
export function severityValues(): readonly string[] {
  const rules = (rawSchema('workspace') as { properties: { rules: { additionalProperties: { enum: string[] } } } }).properties.rules;
  return rules.additionalProperties.enum;
}

/** True if a `rules:` key (a rule id, or a family such as `plan/*`) names `ruleId`. */
export function matchesRule(pattern: string, ruleId: string): boolean {
  return pattern === ruleId || (pattern.endsWith('/*') && ruleId.startsWith(pattern.slice(0, -1)));
}

/** A value from the settings as it can be quoted in one line. */
function shownValue(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Throws a WorkspaceError, naming the line and saying how to fix it, when samverkan.yaml cannot
 * be read (unreadable, not text, broken YAML, a key twice), is not a map of settings, breaks the
 * workspace schema (an unknown key, a language, time zone or output that is not allowed), or sets
 * the severity of a rule that does not exist (`ruleIds`) or to a value that is not a severity.
 */
export async function checkConfig(workspace: Workspace, ruleIds: readonly string[]): Promise<void> {
  const path = join(workspace.root, CONFIG_FILE);
  // An empty file is said below, in words for a settings file.
  const problems = workspace.problems.filter((p) => p.file === path && p.ruleId !== 'file/empty');
  if (problems.length > 0) {
    const [first] = problems;
    throw new WorkspaceError(say('problem', { file: CONFIG_FILE, line: first.span.line, message: first.message }));
  }
  const file = workspace.configFile;
  const doc = file?.documents[0];
  // A samverkan.yaml that is a link out of the workspace is not read; the listing reports it.
  if (!file) return;
  if (!doc || doc.data === null || doc.data === undefined) {
    throw new WorkspaceError(say('noSettings', { file: CONFIG_FILE }));
  }
  const at = (segments: readonly PathSegment[], key = false): string => {
    return say('atLine', { file: CONFIG_FILE, line: locate(doc.yaml, file.lineCounter, segments, { key }).line });
  };

  const validate = await validatorFor('workspace');
  if (!validate(doc.data)) {
    const allowed = severityValues();
    const messages = bestErrors(validate.errors ?? []).map((error) => {
      const rule = /^\/rules\/(.+)$/.exec(error.instancePath);
      if (rule) {
        const pattern = rule[1].replace(/~1/g, '/').replace(/~0/g, '~');
        const value = (doc.data as { rules: Record<string, unknown> }).rules[pattern];
        const list = say('or', { list: allowed.slice(0, -1).join(', '), last: allowed[allowed.length - 1] });
        const example = allowed.includes('warning') ? 'warning' : allowed[0];
        return say('notSeverity', { at: at(['rules', pattern]), pattern, value: shownValue(value), list, example });
      }
      const finding = translate(error, language());
      return `${at(finding.path, finding.key)}: ${finding.message}`;
    });
    throw new WorkspaceError(messages.join('\n'));
  }

  const rules = (doc.data as { rules?: Record<string, unknown> }).rules ?? {};
  for (const pattern of Object.keys(rules)) {
    if (ruleIds.some((id) => matchesRule(pattern, id))) continue;
    const guess = closest(pattern, ruleIds);
    throw new WorkspaceError(say('unknownRule', { at: at(['rules', pattern], true), pattern, guess: didYouMean(guess) }));
  }
}

/**
 * The `language:` of the workspace that holds `path` (walking up from it, or from the nearest
 * folder above it that exists, as commands find their workspace), or undefined outside a
 * workspace or when it says none that samverkan has. For commands that work without a workspace
 * but speak its language when inside one.
 */
export async function workspaceLanguage(path: string): Promise<'sv' | 'en' | undefined> {
  let folder = resolve(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  try {
    const root = await findWorkspaceRoot(folder);
    const language = (yamlPackage().parse(await readFile(join(root, CONFIG_FILE), 'utf8')) as { language?: unknown } | null)?.language;
    return language === 'sv' || language === 'en' ? language : undefined;
  } catch {
    // No workspace, or settings that cannot be read: the caller's default applies.
    return undefined;
  }
}
