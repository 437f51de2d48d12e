/** `samverkan render KIND ID | site`: parse options, render, print or report what was written. */
import { join, relative } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliIO } from './io.js';
import { trustStyles, useColor } from './io.js';
import { addWorkspaceOptions, parseDate, type WorkspaceOptions } from './options.js';

interface RenderCliOptions extends WorkspaceOptions {
  format?: 'md' | 'html' | 'pdf';
  out?: string;
  public?: boolean;
  asOf?: string;
  force?: boolean;
}

export function registerRender(program: Command, io: CliIO): void {
  const command = program
    .command('render')
    .argument('<KIND>', 'plan, agreement, group, meeting or assessment; or site for every document and an index page')
    .argument('[ID]', 'the id of the document (not for site)')
    .description('render a document, or the whole workspace as a site, as Markdown, self-contained HTML or PDF');
  addWorkspaceOptions(command)
    .addOption(
      new Option('--format <FORMAT>', 'md, html or pdf (default: md for one document, html for a site); pdf needs Chromium or Chrome').argParser((v: string) => {
        if (v !== 'md' && v !== 'html' && v !== 'pdf') throw new InvalidArgumentError(`"${v}" is not a format render writes. Use md, html or pdf.`);
        return v;
      }),
    )
    .option('--out <PATH>', 'a file for one document ("-" for the terminal), a folder for a site (default: the workspace\'s output folder; Markdown of one document goes to the terminal)')
    .option('--public', 'for readers outside the groups: confidential items say only that they are withheld, confidential groups are left out of a site')
    .option('--force', 'render a workspace that has errors, as a draft: every page says it contains errors, and what could not be checked is left out')
    .option('--as-of <DATE>', 'tell the status (overdue actions, current members) as of DATE (YYYY-MM-DD) instead of today', parseDate)
    .addHelpText(
      'after',
      '\nA meeting renders as a notice with its agenda until it has minutes:, then as the minutes.\n' +
        'A site is one folder: index.html plus <kind>-<id>.html per document, linked to each other, to open offline.\n' +
        'A PDF is printed on A4 by the Chromium or Chrome on this machine (or the one SAMVERKAN_CHROMIUM names),\n' +
        'with the title, date and page numbers on every page; --format pdf with site writes one PDF per document.\n' +
        '\nExamples:\n' +
        '  $ samverkan render plan handlingsplan-nb                     Markdown in the terminal\n' +
        '  $ samverkan render meeting styrgrupp-nb-2009-06-10 --format html --out kallelse.html\n' +
        '  $ samverkan render meeting styrgrupp-nb-2009-05-14 --format pdf --out protokoll.pdf\n' +
        '  $ samverkan render site --out out/site                      every document as HTML\n' +
        '  $ samverkan render site --public --lang en --out out/public  for readers outside the groups, in English',
    )
    .action(async (kind: string, id: string | undefined, options: RenderCliOptions) => {
      const { render, RenderRefusedError } = await import('../commands/render.js');
      const result = await render({
        cwd: io.cwd,
        dir: options.dir,
        kind,
        id,
        format: options.format,
        env: io.env,
        out: options.out,
        lang: options.lang,
        public: options.public,
        asOf: options.asOf,
        force: options.force,
      }).catch(async (error: unknown) => {
        if (error instanceof RenderRefusedError) {
          const [{ formatReport }, { RULES }, { toolVersion }] = await Promise.all([
            import('../report/index.js'),
            import('../rules/registry.js'),
            import('./program.js'),
          ]);
          // The report makes the files' text visible itself; its own colours may pass the guard.
          io.stderr(
            trustStyles(formatReport('stylish', {
              findings: error.findings,
              rules: RULES,
              fileCount: error.fileCount,
              cwd: io.cwd,
              color: useColor(io),
              toolVersion: toolVersion(),
            })).replace(/\n*$/, '\n\n'),
          );
        }
        throw error;
      });
      if (result.draft) {
        io.stderr(`samverkan: the workspace has ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; rendered as a draft (--force), and every page says so. Run "samverkan validate" to see them.\n`);
      }
      if (result.stdout !== undefined) io.stdout(result.stdout);
      const shown = (path: string) => relative(io.cwd, path) || '.';
      for (const skipped of result.skipped) {
        io.stderr(`samverkan: left ${skipped.file} out of the site: it does not match the format of a ${skipped.kind}. Run "samverkan validate" to see what is wrong.\n`);
      }
      if (kind === 'site' && result.target && options.format === 'pdf') {
        io.stderr(`Wrote ${result.written.length} PDFs to ${shown(result.target)}; ${shown(result.written[0])} lists the others.\n`);
        if (result.removed.length > 0) io.stderr(`Removed ${result.removed.length} PDF${result.removed.length === 1 ? '' : 's'} the site no longer has.\n`);
      } else if (kind === 'site' && result.target) {
        io.stderr(`Wrote ${result.written.length} pages to ${shown(result.target)}. Open ${shown(result.written[0])} in a browser.\n`);
        if (result.removed.length > 0) io.stderr(`Removed ${result.removed.length} page${result.removed.length === 1 ? '' : 's'} the site no longer has.\n`);
      } else if (result.target) {
        io.stderr(`Wrote ${shown(result.target)}.\n`);
      }
      const { copied, removed: removedCopies } = result.attachments;
      if (copied.length > 0) io.stderr(`Copied ${copied.length} attachment${copied.length === 1 ? '' : 's'} into ${shown(join(result.target ?? io.cwd, 'bilagor'))}.\n`);
      if (removedCopies.length > 0) io.stderr(`Removed ${removedCopies.length} attachment cop${removedCopies.length === 1 ? 'y' : 'ies'} the site no longer has.\n`);
      // A draft was asked for; without --force, a document left out means the rules were set off.
      io.exitCode = result.skipped.length > 0 && !result.draft ? 1 : 0;
    });
}
