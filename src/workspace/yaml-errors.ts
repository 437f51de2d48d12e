/**
 * What the YAML parser's errors mean, in words a coordinator can act on: where the file went
 * wrong and how to fix it. Kept apart from the loader so parsing and wording can change apart.
 */
import type { YAMLError } from 'yaml';
import { spanOfOffsets, type Span } from './locate.js';
import type { LoadProblem, SourceFile } from './types.js';

/** Plain-language explanations of the YAML parser's error codes. */
const YAML_HINTS: Partial<Record<YAMLError['code'], string>> = {
  TAB_AS_INDENT: 'Indent with spaces, not tabs.',
  BAD_INDENT: 'The indentation is off: items at the same level must start in the same column.',
  MISSING_CHAR: 'A closing quote or bracket is missing.',
  BLOCK_AS_IMPLICIT_KEY: 'A text with ": " in it needs quotes (name: "Steg 1: kartlägga"); or a key is missing its colon, or the line above is indented wrongly.',
  MULTILINE_IMPLICIT_KEY: 'A key is missing its colon, or a text runs over several lines without quotes.',
  UNEXPECTED_TOKEN: 'Something here is out of place; a text with a colon or # in it may need quotes.',
  BAD_SCALAR_START: 'A text that starts with this character needs quotes.',
  BAD_DQ_ESCAPE: 'Inside "double quotes" a backslash starts an escape; use single quotes or write \\\\.',
};

const KEY_LINE = /^(\s*(?:-\s+)*)([^\s#:'"\-{[][^:#]*?):(?:\s|$)/;

/**
 * A key indented further than the key above it (`- id: anna` then `      name: Anna`): the
 * parser sees a text running over two lines and complains about the line above. Finds the
 * line that is really wrong and says how to fix it.
 */
function overIndentedKey(file: SourceFile, offset: number): { span: Span; message: string } | undefined {
  const lines = file.text.split('\n');
  const at = file.lineCounter.linePos(offset).line - 1;
  const above = KEY_LINE.exec(lines[at] ?? '');
  if (!above) return undefined;
  const keyColumn = above[1].length;
  for (let n = at + 1; n < lines.length && n <= at + 3; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const below = KEY_LINE.exec(line);
    const indent = line.length - line.trimStart().length;
    if (!below || below[1].includes('-') || indent <= keyColumn) return undefined;
    const key = below[2].trim();
    const lineStart = file.lineCounter.lineStarts[n] ?? 0;
    return {
      span: spanOfOffsets(file.lineCounter, lineStart + indent, lineStart + indent + key.length),
      message: `The file is not valid YAML: "${key}:" on line ${n + 1} is indented more than "${above[2].trim()}:" on line ${at + 1}. Keys of the same entry must start in the same column: move "${key}:" left to column ${keyColumn + 1}.`,
    };
  }
  return undefined;
}

/** The finding for one error the YAML parser reported in `file`. */
export function problemFromYamlError(file: SourceFile, error: YAMLError): LoadProblem {
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    const over = overIndentedKey(file, error.pos[0]);
    if (over) return { ruleId: 'yaml/syntax', file: file.path, ...over };
  }
  let [start, end] = error.pos;
  // The parser reports an unclosed quote where the file ends; point at the quote that opens it.
  const quote = error.code === 'MISSING_CHAR' ? /closing (["'])/.exec(error.message)?.[1] : undefined;
  if (quote) {
    const open = file.text.lastIndexOf(quote, Math.max(0, start - 1));
    if (open >= 0) [start, end] = [open, open + 1];
  }
  const span = spanOfOffsets(file.lineCounter, start, Math.max(end, start));
  const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (error.code === 'DUPLICATE_KEY') {
    return {
      ruleId: 'yaml/duplicate-key',
      file: file.path,
      span,
      message: 'This key appears twice in the same map, so one value would be lost. Remove or rename one of them.',
    };
  }
  const hint = YAML_HINTS[error.code];
  return {
    ruleId: 'yaml/syntax',
    file: file.path,
    span,
    message: `The file is not valid YAML: ${detail}.${hint ? ` ${hint}` : ''}`,
  };
}
