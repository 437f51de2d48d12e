/**
 * file/* and yaml/*: problems found while reading files (see workspace/load.ts), and
 * config/* for the rule settings in samverkan.yaml.
 */
import type { RuleModule } from './context.js';

export const fileRules: RuleModule = {
  rules: [
    { id: 'yaml/syntax', severity: 'error', description: 'The file is not valid YAML.' },
    { id: 'yaml/duplicate-key', severity: 'error', description: 'A key appears twice in the same map, so one value would be lost.' },
    { id: 'yaml/too-many-aliases', severity: 'error', description: 'A document uses so many aliases that reading it would exhaust memory.' },
    { id: 'yaml/unsupported-tag', severity: 'error', description: 'A YAML tag (other than !!str, !!int, !!float, !!bool, !!null, !!map, !!seq) or a directive (%YAML, %TAG); the document is not read.' },
    { id: 'file/empty', severity: 'warning', description: 'A YAML file with no document in it.' },
    { id: 'file/unreadable', severity: 'error', description: 'A file that could not be read.' },
    { id: 'file/binary', severity: 'error', description: 'A .yaml file that is not text.' },
    { id: 'file/too-large', severity: 'error', description: 'A file too large to read.' },
    { id: 'file/name-encoding', severity: 'error', description: 'A file or folder whose name is not UTF-8 text; it is not read.' },
    { id: 'file/outside-workspace', severity: 'warning', description: 'A link that points outside the workspace; it is not read.' },
  ],
  check() {
    // The loader already found these problems; the engine reports them with the rest.
  },
};
