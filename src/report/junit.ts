/** JUnit XML, which most CI systems show as test results: one test suite per file with findings. */
import type { Finding } from '../rules/types.js';
import { displayPath } from './display-path.js';
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

/**
 * `<testsuites name="samverkan" tests failures>` with a `<testsuite>` per file that has findings,
 * named by its relative path, and a `<testcase name="line:col ruleId">` per finding with a
 * `<failure message type=severity>` whose body is `file:line:col message`. Every finding is a
 * failure, whatever its severity (as in ESLint's junit format): the type says which it is.
 * With no findings, one passing test case says so, because some CI systems treat an
 * empty report as a missing one.
 */
export const junit: Formatter = (input) => {
  const byFile = new Map<string, Finding[]>();
  for (const f of input.findings) {
    const path = displayPath(f.file, input.cwd);
    const list = byFile.get(path);
    if (list) list.push(f);
    else byFile.set(path, [f]);
  }

  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = input.findings.length;
  out.push(`<testsuites name="samverkan" tests="${Math.max(failures, 1)}" failures="${failures}">`);
  if (failures === 0) {
    const files = `${input.fileCount} file${input.fileCount === 1 ? '' : 's'}`;
    out.push('  <testsuite name="samverkan" tests="1" failures="0">');
    out.push(`    <testcase name="${files} checked, no problems" classname="samverkan"/>`);
    out.push('  </testsuite>');
  }
  for (const [path, findings] of byFile) {
    const file = xmlAttribute(path);
    out.push(`  <testsuite name="${file}" tests="${findings.length}" failures="${findings.length}">`);
    for (const f of findings) {
      out.push(`    <testcase name="${xmlAttribute(`${f.line}:${f.column} ${f.ruleId}`)}" classname="${file}">`);
      out.push(
        `      <failure message="${xmlAttribute(f.message)}" type="${f.severity}">${xmlText(`${path}:${f.line}:${f.column} ${f.message}`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};
