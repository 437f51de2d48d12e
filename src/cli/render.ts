/** `samverkan render KIND ID | site`: parse options, render, print or report what was written. */
import { join, relative } from 'node:path';
import { InvalidArgumentError, Option, type Command } from './command.js';
import { messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { trustStyles, useColor } from './io.js';
import { addWorkspaceOptions, parseDate, parseWorkers, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/render', {
  kind: {
    sv: 'plan, agreement, group, meeting eller assessment; eller site för alla dokument och en startsida',
    en: 'plan, agreement, group, meeting or assessment; or site for every document and an index page',
  },
  id: { sv: 'dokumentets id (inte för site)', en: 'the id of the document (not for site)' },
  format: {
    sv: 'md, html eller pdf (förval: md för ett dokument, html för en webbplats); pdf kräver Chromium eller Chrome',
    en: 'md, html or pdf (default: md for one document, html for a site); pdf needs Chromium or Chrome',
  },
  notAFormat: { sv: '"{value}" är inget format som render skriver. Använd md, html eller pdf.', en: '"{value}" is not a format render writes. Use md, html or pdf.' },
  out: {
    sv: 'en fil för ett dokument ("-" för terminalen), en mapp för en webbplats (förval: arbetsytans utdatamapp; Markdown för ett dokument går till terminalen)',
    en: 'a file for one document ("-" for the terminal), a folder for a site (default: the workspace\'s output folder; Markdown of one document goes to the terminal)',
  },
  public: {
    sv: 'för läsare utanför grupperna: sekretessbelagda punkter säger bara att de är undantagna, sekretessbelagda grupper lämnas utanför en webbplats',
    en: 'for readers outside the groups: confidential items say only that they are withheld, confidential groups are left out of a site',
  },
  force: {
    sv: 'gör dokument av en arbetsyta som har fel, som utkast: varje sida säger att den innehåller fel, och det som inte gick att kontrollera lämnas utanför',
    en: 'render a workspace that has errors, as a draft: every page says it contains errors, and what could not be checked is left out',
  },
  asOf: {
    sv: 'visa läget (försenade åtgärder, nuvarande ledamöter) per {date} (ÅÅÅÅ-MM-DD) i stället för i dag',
    en: 'tell the status (overdue actions, current members) as of {date} (YYYY-MM-DD) instead of today',
  },
  after: {
    sv:
      '\nEtt möte blir en kallelse med dagordning tills det har minutes:, sedan ett protokoll.\n' +
      'En webbplats är en mapp: index.html plus <slag>-<id>.html för varje dokument, länkade till varandra, att öppna utan nät.\n' +
      'En PDF skrivs ut på A4 av Chromium eller Chrome på den här datorn (eller den som SAMVERKAN_CHROMIUM anger),\n' +
      'med rubrik, datum och sidnummer på varje sida; --format pdf med site skriver en PDF per dokument.\n' +
      '\nExempel:\n' +
      '  $ samverkan render plan handlingsplan-nb                     Markdown i terminalen\n' +
      '  $ samverkan render meeting styrgrupp-nb-2009-06-10 --format html --out kallelse.html\n' +
      '  $ samverkan render meeting styrgrupp-nb-2009-05-14 --format pdf --out protokoll.pdf\n' +
      '  $ samverkan render site --out out/site                      alla dokument som HTML\n' +
      '  $ samverkan render site --public --lang en --out out/public  för läsare utanför grupperna, på engelska',
    en:
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
  },
  workers: {
    sv: 'trådar som renderar en webbplats sidor: ett antal, eller auto (en per kärna när sidorna är många); förval: auto; sidorna blir desamma',
    en: "threads that render a site's pages: a number, or auto (one per core when there are many pages); default: auto; the pages are the same",
  },
  draft: {
    sv: {
      one: 'arbetsytan har {n} fel; dokumenten gjordes som utkast (--force), och varje sida säger det. Kör "samverkan validate" för att se felet.',
      other: 'arbetsytan har {n} fel; dokumenten gjordes som utkast (--force), och varje sida säger det. Kör "samverkan validate" för att se felen.',
    },
    en: {
      one: 'the workspace has {n} error; rendered as a draft (--force), and every page says so. Run "samverkan validate" to see it.',
      other: 'the workspace has {n} errors; rendered as a draft (--force), and every page says so. Run "samverkan validate" to see them.',
    },
  },
  skipped: {
    sv: 'lämnade {file} utanför webbplatsen: den följer inte formatet för {kind}. Kör "samverkan validate" för att se vad som är fel.',
    en: 'left {file} out of the site: it does not match the format of a {kind}. Run "samverkan validate" to see what is wrong.',
  },
  wrotePdfs: {
    sv: { one: 'Skrev {n} PDF till {folder}; {first} listar de andra.', other: 'Skrev {n} PDF:er till {folder}; {first} listar de andra.' },
    en: { one: 'Wrote {n} PDF to {folder}; {first} lists the others.', other: 'Wrote {n} PDFs to {folder}; {first} lists the others.' },
  },
  removedPdfs: {
    sv: { one: 'Tog bort {n} PDF som webbplatsen inte längre har.', other: 'Tog bort {n} PDF:er som webbplatsen inte längre har.' },
    en: { one: 'Removed {n} PDF the site no longer has.', other: 'Removed {n} PDFs the site no longer has.' },
  },
  wrotePages: {
    sv: { one: 'Skrev {n} sida till {folder}. Öppna {first} i en webbläsare.', other: 'Skrev {n} sidor till {folder}. Öppna {first} i en webbläsare.' },
    en: { one: 'Wrote {n} page to {folder}. Open {first} in a browser.', other: 'Wrote {n} pages to {folder}. Open {first} in a browser.' },
  },
  removedPages: {
    sv: { one: 'Tog bort {n} sida som webbplatsen inte längre har.', other: 'Tog bort {n} sidor som webbplatsen inte längre har.' },
    en: { one: 'Removed {n} page the site no longer has.', other: 'Removed {n} pages the site no longer has.' },
  },
  wrote: { sv: 'Skrev {file}.', en: 'Wrote {file}.' },
  copied: {
    sv: { one: 'Kopierade {n} bilaga till {folder}.', other: 'Kopierade {n} bilagor till {folder}.' },
    en: { one: 'Copied {n} attachment into {folder}.', other: 'Copied {n} attachments into {folder}.' },
  },
  removedCopies: {
    sv: { one: 'Tog bort {n} kopia av en bilaga som webbplatsen inte längre har.', other: 'Tog bort {n} kopior av bilagor som webbplatsen inte längre har.' },
    en: { one: 'Removed {n} attachment copy the site no longer has.', other: 'Removed {n} attachment copies the site no longer has.' },
  },
});

interface RenderCliOptions extends WorkspaceOptions {
  format?: 'md' | 'html' | 'pdf';
  out?: string;
  public?: boolean;
  asOf?: string;
  force?: boolean;
  workers?: number | 'auto';
}

export function registerRender(program: Command, io: CliIO): void {
  const command = program
    .command('render')
    .argument(`<${placeholder('KIND')}>`, say('kind'))
    .argument(`[${placeholder('ID')}]`, say('id'))
    .description(summary('render'));
  addWorkspaceOptions(command)
    .addOption(
      new Option(`--format <${placeholder('FORMAT')}>`, say('format')).argParser((v: string) => {
        if (v !== 'md' && v !== 'html' && v !== 'pdf') throw new InvalidArgumentError(say('notAFormat', { value: v }));
        return v;
      }),
    )
    .option(`--out <${placeholder('PATH')}>`, say('out'))
    .option('--public', say('public'))
    .option('--force', say('force'))
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option(`--workers <${placeholder('N')}>`, say('workers'), parseWorkers)
    .addHelpText('after', say('after'))
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
        workers: options.workers,
      }).catch(async (error: unknown) => {
        if (error instanceof RenderRefusedError) {
          const [{ formatReport }, { RULES }, { toolVersion }] = await Promise.all([
            import('../report/index.js'),
            import('../rules/registry.js'),
            import('./version.js'),
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
        io.stderr(`samverkan: ${say('draft', { n: result.errors.length })}\n`);
      }
      if (result.stdout !== undefined) io.stdout(result.stdout);
      const shown = (path: string) => relative(io.cwd, path) || '.';
      for (const skipped of result.skipped) {
        io.stderr(`samverkan: ${say('skipped', { file: skipped.file, kind: skipped.kind })}\n`);
      }
      if (kind === 'site' && result.target && options.format === 'pdf') {
        io.stderr(`${say('wrotePdfs', { n: result.written.length, folder: shown(result.target), first: shown(result.written[0]) })}\n`);
        if (result.removed.length > 0) io.stderr(`${say('removedPdfs', { n: result.removed.length })}\n`);
      } else if (kind === 'site' && result.target) {
        io.stderr(`${say('wrotePages', { n: result.written.length, folder: shown(result.target), first: shown(result.written[0]) })}\n`);
        if (result.removed.length > 0) io.stderr(`${say('removedPages', { n: result.removed.length })}\n`);
      } else if (result.target) {
        io.stderr(`${say('wrote', { file: shown(result.target) })}\n`);
      }
      const { copied, removed: removedCopies } = result.attachments;
      if (copied.length > 0) io.stderr(`${say('copied', { n: copied.length, folder: shown(join(result.target ?? io.cwd, 'bilagor')) })}\n`);
      if (removedCopies.length > 0) io.stderr(`${say('removedCopies', { n: removedCopies.length })}\n`);
      // A draft was asked for; without --force, a document left out means the rules were set off.
      io.exitCode = result.skipped.length > 0 && !result.draft ? 1 : 0;
    });
}
