/**
 * `samverkan --help` (or -h, or help) alone, written without loading commander: commander and
 * the program it builds are most of what such a run costs (issue 13: --help within 1.5 times a
 * bare node). The page is made from the same definitions as the commander program (commands.ts,
 * help-words.ts) and laid out as commander 14's Help lays it out (formatHelp, formatItem,
 * boxWrap); tests/cli/help-startup.test.ts holds it equal to commander's page, byte for byte.
 */
import { COMMANDS, commandTerm, programDescription, programExamples, programOptions } from './commands.js';
import { HELP_OPTION, helpCommandTerm, helpWord, withExtras } from './help-words.js';
import { summary } from './summaries.js';

/** Commander's minimum width for wrapping a description (Help.minWidthToWrap). */
const MIN_WIDTH_TO_WRAP = 40;

/** Commander's Help.boxWrap: the text wrapped at whitespace to `width`, its own line breaks kept. */
function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/[\s]*[^\s]+/g);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let sum = [chunks.shift()!];
    let sumWidth = sum[0].length;
    for (const chunk of chunks) {
      if (sumWidth + chunk.length <= width) {
        sum.push(chunk);
        sumWidth += chunk.length;
        continue;
      }
      wrapped.push(sum.join(''));
      const next = chunk.trimStart();
      sum = [next];
      sumWidth = next.length;
    }
    wrapped.push(sum.join(''));
  }
  return wrapped.join('\n');
}

/** Commander's Help.formatItem: the term padded to `termWidth`, the description wrapped beside it. */
function formatItem(term: string, termWidth: number, description: string, helpWidth: number): string {
  if (!description) return `  ${term}`;
  const remaining = helpWidth - termWidth - 4;
  const shown = remaining < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description) ? description : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + 2)}`);
  return `  ${term.padEnd(termWidth)}  ${shown.replace(/\n/g, '\n  ')}`;
}

/**
 * The program's help page as commander writes it for a terminal `width` columns wide (undefined
 * when not a terminal: 80), in two parts as commander writes them: the page, then the examples.
 * Undefined if the page holds an escape sequence, which commander might strip: then commander
 * writes it.
 */
export function programHelp(width: number | undefined): { page: string; after: string } | undefined {
  const helpWidth = width ?? 80;
  const options = [
    ...programOptions()
      .filter((o) => !o.hidden)
      .map((o) => ({ term: o.flags, description: withExtras(o.description, o.choices, undefined) })),
    { term: HELP_OPTION, description: helpWord('helpOption') },
  ];
  const commands = [...COMMANDS.map((entry) => ({ term: commandTerm(entry), description: summary(entry.name) })), { term: helpCommandTerm(), description: helpWord('helpCommand') }];
  const termWidth = Math.max(0, ...options.map((o) => o.term.length), ...commands.map((c) => c.term.length));
  const list = (title: string, items: Array<{ term: string; description: string }>) => [title, ...items.map((i) => formatItem(i.term, termWidth, i.description, helpWidth)), ''];
  const description = programDescription();
  const page = [
    `${helpWord('usage')} samverkan ${helpWord('optionsWord')} ${helpWord('commandWord')}`,
    '',
    ...(description ? [boxWrap(description, helpWidth), ''] : []),
    ...list(helpWord('options'), options),
    ...list(helpWord('commands'), commands),
  ].join('\n');
  const after = `${programExamples()}\n`;
  return page.includes('\u001b') || after.includes('\u001b') ? undefined : { page, after };
}
