/**
 * Reads the tour out of a README so that a test can run it as written. The tour is the text
 * between `<!-- tour:start -->` and `<!-- tour:end -->`. In it:
 *
 * - a `sh` block is run line by line: `samverkan …` runs the command, `cd DIR` moves into a
 *   folder, a line ending in `\` goes on on the next line, and a trailing `# …` is a remark;
 * - a comment on a line of its own right after a command is what the command prints: its parts
 *   between `…` must appear in the output, in that order;
 * - a `yaml` block right after `<!-- tour: append PATH -->` is added to the end of that file;
 * - any other line in a `sh` block is an error, so that the README shows only what a test runs.
 */

/** One thing the tour does. */
export type TourStep =
  | { kind: 'run'; line: number; text: string; argv: string[]; expect: string[][] }
  | { kind: 'cd'; line: number; dir: string }
  | { kind: 'append'; line: number; file: string; text: string };

/** The shell words of a command line: plain words and "double-quoted" texts. */
function words(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)].map((m) => (m[1] ?? m[2] ?? m[3]).replace(/\\(.)/g, '$1'));
}

/** Drops a trailing remark (`  # …`) that is not inside quotes. */
function withoutRemark(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** The steps of the tour in `markdown`, in order; throws if the README has no tour or an unknown line. */
export function parseTour(markdown: string): TourStep[] {
  const start = markdown.indexOf('<!-- tour:start -->');
  const end = markdown.indexOf('<!-- tour:end -->');
  if (start < 0 || end < start) throw new Error('The README has no <!-- tour:start --> … <!-- tour:end --> section.');
  const lineOf = (offset: number) => markdown.slice(0, offset).split('\n').length;
  const tour = markdown.slice(start, end);
  const steps: TourStep[] = [];
  const blocks = /(?:<!-- tour: append (\S+) -->\s*\n)?```(\w*)\n([\s\S]*?)```/g;
  for (const block of tour.matchAll(blocks)) {
    const [, appendTo, lang, body] = block;
    const blockLine = lineOf(start + block.index) + (appendTo ? 1 : 0) + 1;
    if (appendTo) {
      steps.push({ kind: 'append', line: blockLine, file: appendTo, text: body });
      continue;
    }
    if (lang !== 'sh') continue;
    const lines = body.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = blockLine + i;
      let text = lines[i];
      while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
      if (text.trim() === '') continue;
      if (/^\s*#/.test(text)) {
        const last = steps.at(-1);
        if (last?.kind !== 'run') throw new Error(`README line ${line}: an output comment must follow a samverkan command.`);
        last.expect.push(text.replace(/^\s*#\s?/, '').split('…').map((part) => part.trim()).filter(Boolean));
        continue;
      }
      const command = withoutRemark(text).trim();
      const argv = words(command);
      if (argv[0] === 'cd' && argv.length === 2) steps.push({ kind: 'cd', line, dir: argv[1] });
      else if (argv[0] === 'samverkan') steps.push({ kind: 'run', line, text: command, argv: argv.slice(1), expect: [] });
      else throw new Error(`README line ${line}: the tour runs only samverkan and cd, not "${command}".`);
    }
  }
  return steps;
}

/** True if `output` holds every part of `expected`, in order. */
export function showsInOrder(output: string, expected: readonly string[]): boolean {
  // Terminal output may wrap or pad; compare with runs of spaces made one.
  const flat = output.replace(/\s+/g, ' ');
  let from = 0;
  for (const part of expected) {
    const at = flat.indexOf(part.replace(/\s+/g, ' '), from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
