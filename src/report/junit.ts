/** JUnit XML: one test suite per file with findings, one failing test case per finding. */
import { displayPath } from './summary.js';
import type { Formatter } from './types.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export const junit: Formatter = (input) => {
  const byFile = new Map<string, typeof input.findings>();
  for (const f of input.findings) {
    const path = displayPath(f.file, input.cwd);
    byFile.set(path, [...(byFile.get(path) ?? []), f]);
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = input.findings.filter((f) => f.severity !== 'info').length;
  const tests = Math.max(input.findings.length, 1);
  out.push(`<testsuites name="samverkan" tests="${tests}" failures="${failures}">`);
  if (byFile.size === 0) {
    out.push(`  <testsuite name="samverkan" tests="1" failures="0">`);
    out.push(`    <testcase name="${input.fileCount} files checked, no problems" classname="samverkan"/>`);
    out.push('  </testsuite>');
  }
  for (const [path, findings] of byFile) {
    const fileFailures = findings.filter((f) => f.severity !== 'info').length;
    out.push(`  <testsuite name="${xmlEscape(path)}" tests="${findings.length}" failures="${fileFailures}">`);
    for (const f of findings) {
      const name = xmlEscape(`${f.line}:${f.column} ${f.ruleId}`);
      const body = xmlEscape(`${path}:${f.line}:${f.column} ${f.message}`);
      if (f.severity === 'info') {
        out.push(`    <testcase name="${name}" classname="${xmlEscape(path)}"><system-out>${body}</system-out></testcase>`);
      } else {
        out.push(`    <testcase name="${name}" classname="${xmlEscape(path)}">`);
        out.push(`      <failure message="${xmlEscape(f.message)}" type="${f.severity}">${body}</failure>`);
        out.push('    </testcase>');
      }
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
};
