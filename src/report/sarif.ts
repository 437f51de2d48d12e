/** SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results. */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../rules/types.js';
import { displayPath } from './display-path.js';
import { jsonText } from './json.js';
import type { Formatter } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The base that every artifact URI is relative to: the folder the report was made in. */
const SRCROOT = '%SRCROOT%';

/**
 * A relative URI reference for a path with forward slashes. Each segment is percent-encoded, so
 * that a `#`, `?` or `%` in a file name stays part of the name.
 */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * One run with tool.driver (name, version and every rule with its default level), and one result
 * per finding with its rule, level, message and 1-based region in a file relative to %SRCROOT%.
 */
export const sarif: Formatter = (input) => {
  const ruleIndex = new Map<string, number>();
  input.rules.forEach((r, i) => {
    if (!ruleIndex.has(r.id)) ruleIndex.set(r.id, i);
  });
  const rootUri = pathToFileURL(input.cwd).href.replace(/\/?$/, '/');

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'samverkan',
            version: input.toolVersion,
            rules: input.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri } },
        // Columns come from JavaScript string offsets; without this, readers assume code points.
        columnKind: 'utf16CodeUnits',
        results: input.findings.map((f) => {
          const path = displayPath(f.file, input.cwd);
          // A file with no path relative to cwd (another drive) can only be named absolutely.
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
          };
        }),
      },
    ],
  };
  return jsonText(log);
};
