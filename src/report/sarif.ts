/** SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results. */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import { packageRoot } from '../paths.js';
import { repositoryWebUrl, ruleDocPath, ruleDocUrl } from '../rules/docs.js';
import type { RuleMeta, Severity } from '../rules/types.js';
import { displayPath, reportRoot } from './display-path.js';
import { findingFingerprints } from './fingerprint.js';
import { REPOSITORY_URL_VARIABLE } from './formats.js';
import { jsonText } from './json.js';
import type { Formatter, ReportInput } from './types.js';

const say = messages('report/sarif', {
  notUrl: {
    sv: '{variable} är "{value}", som inte är webbadressen till ett git-arkiv. Ange en adress som https://git.example.se/kvinnofrid/samverkan, eller ta bort variabeln.',
    en: '{variable} is "{value}", which is not the web address of a repository. Set it to an address such as https://git.example.se/kvinnofrid/samverkan, or unset it.',
  },
  inRepository: { sv: '{path} i samverkans git-arkiv', en: "{path} in samverkan's repository" },
  bad: { sv: 'Fel ({file})', en: 'Bad ({file})' },
  good: { sv: 'Rätt ({file})', en: 'Good ({file})' },
  badIn: { sv: 'Fel, i {file}:', en: 'Bad, in {file}:' },
  goodIn: { sv: 'Rätt, i {file}:', en: 'Good, in {file}:' },
  more: { sv: 'Mer: {where}', en: 'More: {where}' },
  moreAbout: { sv: 'Mer om {rule}', en: 'More about {rule}' },
});

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The base that every artifact URI is relative to: the root of the repository (reportRoot). */
const SRCROOT = '%SRCROOT%';

/**
 * The key of each result's partialFingerprints. Versioned, as SARIF advises, so that a change in
 * how fingerprints are made can come with a new key instead of marking every finding as new.
 */
export const FINGERPRINT_KEY = 'samverkan/v1';

/**
 * A relative URI reference for a path with forward slashes. Each segment is percent-encoded, so
 * that a `#`, `?` or `%` in a file name stays part of the name.
 */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `plan/goal-without-action` as `PlanGoalWithoutAction`: the friendly name SARIF asks for. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

let packageRepository: string | undefined | null = null;

/** The repository's web address from samverkan's own package.json, read once. */
function ownRepositoryUrl(): string | undefined {
  if (packageRepository === null) {
    try {
      packageRepository = repositoryWebUrl((JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { repository?: unknown }).repository);
    } catch {
      packageRepository = undefined;
    }
  }
  return packageRepository;
}

export { REPOSITORY_URL_VARIABLE };

/**
 * The web address of samverkan's own repository as the environment names it (an organisation's
 * copy, say https://git.example.se/kvinnofrid/samverkan), or undefined when it does not.
 */
export function samverkanRepositoryUrl(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = env[REPOSITORY_URL_VARIABLE]?.trim();
  if (!value) return undefined;
  const url = repositoryWebUrl(value);
  if (!url) {
    throw new UsageError(say('notUrl', { variable: REPOSITORY_URL_VARIABLE, value }));
  }
  return url;
}

function fenced(text: string): string {
  return ['```yaml', text.replace(/\n+$/, ''), '```'].join('\n');
}

/**
 * A rule as a SARIF reportingDescriptor: both descriptions, help in text and Markdown (why it
 * matters, how to fix it, a bad and a good example) and, when the repository is known, a link
 * to the rule's page.
 */
function descriptor(rule: RuleMeta, repositoryUrl: string | undefined): Record<string, unknown> {
  // The rule's words and its page in the run's language.
  const lang = language();
  const description = rule.description[lang] as string;
  const fullDescription = rule.fullDescription[lang] as string;
  const page = repositoryUrl ? ruleDocUrl(rule.id, repositoryUrl, lang) : undefined;
  const where = page ?? say('inRepository', { path: ruleDocPath(rule.id, lang) });
  const { file, bad, good } = rule.example;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: description },
    fullDescription: { text: fullDescription },
    help: {
      text: `${fullDescription}\n\n${say('bad', { file })}:\n${bad}\n${say('good', { file })}:\n${good}\n${say('more', { where })}`,
      markdown: [
        fullDescription,
        '',
        say('badIn', { file: `\`${file}\`` }),
        '',
        fenced(bad),
        '',
        say('goodIn', { file: `\`${file}\`` }),
        '',
        fenced(good),
        '',
        page ? `[${say('moreAbout', { rule: rule.id })}](${page})` : `${say('more', { where: say('inRepository', { path: `\`${ruleDocPath(rule.id, lang)}\`` }) })}.`,
      ].join('\n'),
    },
    ...(page ? { helpUri: page } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

/**
 * The SARIF log: one run with tool.driver (name, version, every rule described as above), and one
 * result per finding with its rule, level, message, a 1-based region in a file relative to
 * %SRCROOT% (the repository root), and partialFingerprints that stay the same across days and
 * when lines move (findingFingerprints), so code scanning can match a finding from run to run.
 * `repositoryUrl` is where the rule pages are linked from; without one, rules have no helpUri.
 */
export function sarifLog(input: ReportInput, repositoryUrl: string | undefined): string {
  const ruleIndex = new Map<string, number>();
  input.rules.forEach((r, i) => {
    if (!ruleIndex.has(r.id)) ruleIndex.set(r.id, i);
  });
  const root = reportRoot(input);
  const rootUri = pathToFileURL(root).href.replace(/\/?$/, '/');
  const fingerprints = findingFingerprints(input);

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'samverkan',
            version: input.toolVersion,
            // The rules' texts are in the run's language; SARIF readers assume en-US unless told.
            language: language() === 'sv' ? 'sv-SE' : 'en-US',
            ...(repositoryUrl ? { informationUri: repositoryUrl } : {}),
            rules: input.rules.map((r) => descriptor(r, repositoryUrl)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        // Columns come from JavaScript string offsets; without this, readers assume code points.
        columnKind: 'utf16CodeUnits',
        results: input.findings.map((f, i) => {
          const path = displayPath(f.file, root);
          // A file with no path relative to the root (another drive) can only be named absolutely.
          const artifactLocation = isAbsolute(path)
            ? { uri: pathToFileURL(f.file).href }
            : { uri: relativeUri(path), uriBaseId: SRCROOT };
          const index = ruleIndex.get(f.ruleId);
          return {
            ruleId: f.ruleId,
            // A finding of a rule missing from the list still gets reported, just without an index.
            ...(index === undefined ? {} : { ruleIndex: index }),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation,
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
          };
        }),
      },
    ],
  };
  return jsonText(log);
}

/** SARIF with rule pages linked from the input's repositoryUrl, else the repository in samverkan's package.json, if any. */
export const sarif: Formatter = (input) => sarifLog(input, input.repositoryUrl ?? ownRepositoryUrl());
