/** JUnit XML, which most CI systems show as test results: a suite per kind of document, a test per file. */
import { messages } from '../i18n/messages.js';
import { DOCUMENT_KINDS, KINDS } from '../model/index.js';
import type { Finding, Severity } from '../rules/types.js';
import { CONFIG_FILE } from '../workspace/discover.js';
import { displayPath, reportRoot } from './display-path.js';
import { countFindings, severityWord } from './summary.js';
import type { Formatter } from './types.js';

// Characters XML 1.0 cannot hold at all, not even escaped: most C0 controls, lone surrogates,
// U+FFFE and U+FFFF. They are dropped rather than making the whole report unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double- or single-quoted XML attribute. Tab, CR and LF become character
 * references, because a parser turns them into spaces when they stand in an attribute literally.
 */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** The suite of files whose kind is not known. */
export const OTHER_KIND = 'other';

/**
 * The kind of document a file holds by the workspace's conventions (see the README): samverkan.yaml
 * is the workspace, organizations.yaml and people.yaml are named after their kind, and a document
 * of another kind lives in the folder named after the kind in the plural (meetings/<group>/ too,
 * so folders are searched from the file upwards). `OTHER_KIND` when none of these fits.
 */
export function kindFromPath(path: string): string {
  const segments = path.split('/');
  const name = segments.pop() ?? '';
  if (name === CONFIG_FILE) return 'workspace';
  const stem = name.replace(/\.ya?ml$/i, '');
  const named = KINDS.find((k) => k === stem && k !== 'workspace' && !(DOCUMENT_KINDS as readonly string[]).includes(k));
  if (named) return named;
  for (const folder of segments.reverse()) {
    const kind = DOCUMENT_KINDS.find((k) => `${k}s` === folder);
    if (kind) return kind;
  }
  return OTHER_KIND;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

interface Case {
  path: string;
  kind: string;
  findings: Finding[];
}

const say = messages('report/junit', {
  one: { sv: 'Rad {line}, kolumn {column}: {message}', en: 'Line {line}, column {column}: {message}' },
  several: {
    sv: '{n} problem; det första, på rad {line}, kolumn {column}: {message}',
    en: '{n} problems; the first, on line {line}, column {column}: {message}',
  },
  cleanFiles: {
    sv: { one: '{n} fil kontrollerad, inga problem', other: '{n} filer kontrollerade, inga problem' },
    en: { one: '{n} file checked, no problems', other: '{n} files checked, no problems' },
  },
  cleanOthers: {
    sv: { one: '{n} annan fil kontrollerad, inga problem', other: '{n} andra filer kontrollerade, inga problem' },
    en: { one: '{n} other file checked, no problems', other: '{n} other files checked, no problems' },
  },
});

/** The failure of a file's test case: its worst severity, a headline and every finding with its place. */
function failure(path: string, findings: readonly Finding[]): string {
  const worst = findings.reduce((w, f) => (RANK[f.severity] < RANK[w] ? f.severity : w), findings[0].severity);
  const first = findings[0];
  const headline =
    findings.length === 1
      ? say('one', { line: first.line, column: first.column, message: first.message })
      : say('several', { n: findings.length, line: first.line, column: first.column, message: first.message });
  const details = findings.map((f) => `${path}:${f.line}:${f.column}  ${severityWord(f.severity)}  ${f.message}  (${f.ruleId})`).join('\n');
  return `<failure message="${xmlAttribute(headline)}" type="${worst}">${xmlText(details)}</failure>`;
}

/**
 * `<testsuites name="samverkan" tests failures>` with a `<testsuite name=KIND>` per kind of
 * document (in the order of KINDS, then "other"), and in it a `<testcase name=PATH
 * classname="samverkan.KIND">` per file checked, PATH relative to the repository root
 * (reportRoot). A file with findings fails, with one `<failure>` whose type is its worst severity,
 * whose message is its first finding with line and column, and whose body lists every finding as
 * `path:line:col  severity  message  (rule)`. Every finding counts, whatever its severity (as in
 * ESLint's junit format). The files come from `input.files`, with their kind if given and else
 * kindFromPath; without that list only files with findings are known, and one more passing test
 * case stands for the rest. Some CI systems treat an empty report as a missing one, so a report
 * with no test case at all gets that one too.
 */
export const junit: Formatter = (input) => {
  const root = reportRoot(input);
  const cases = new Map<string, Case>();
  const caseOf = (file: string, kind?: string): Case => {
    let c = cases.get(file);
    if (!c) {
      const path = displayPath(file, root);
      c = { path, kind: kind ?? kindFromPath(path), findings: [] };
      cases.set(file, c);
    }
    return c;
  };
  for (const f of input.files ?? []) caseOf(f.path, f.kind);
  for (const f of input.findings) caseOf(f.file).findings.push(f);

  const suites = new Map<string, Case[]>();
  for (const kind of [...KINDS, OTHER_KIND]) suites.set(kind, []);
  for (const c of [...cases.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const list = suites.get(c.kind);
    if (list) list.push(c);
    else suites.set(c.kind, [c]);
  }

  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [kind, list] of suites) {
    if (list.length === 0) continue;
    const failed = list.filter((c) => c.findings.length > 0).length;
    tests += list.length;
    failures += failed;
    const classname = xmlAttribute(`samverkan.${kind}`);
    body.push(`  <testsuite name="${xmlAttribute(kind)}" tests="${list.length}" failures="${failed}">`);
    for (const c of list) {
      const open = `    <testcase name="${xmlAttribute(c.path)}" classname="${classname}"`;
      if (c.findings.length === 0) {
        body.push(`${open}/>`);
        continue;
      }
      body.push(`${open}>`, `      ${failure(c.path, c.findings)}`, '    </testcase>');
    }
    body.push('  </testsuite>');
  }

  const unlisted = input.files === undefined ? input.fileCount - countFindings(input.findings).files : 0;
  if (unlisted > 0 || tests === 0) {
    const name = say(tests > 0 ? 'cleanOthers' : 'cleanFiles', { n: Math.max(unlisted, 0) });
    body.push('  <testsuite name="samverkan" tests="1" failures="0">');
    body.push(`    <testcase name="${xmlAttribute(name)}" classname="samverkan"/>`);
    body.push('  </testsuite>');
    tests++;
  }

  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="samverkan" tests="${tests}" failures="${failures}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
};
