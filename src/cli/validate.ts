/** `samverkan validate [PATH...]`: parse options, run the check, print reports, set the exit code. */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from './command.js';
import { UsageError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { FORMATS, loadFormatter, REPOSITORY_URL_VARIABLE, type FormatName } from '../report/formats.js';
import { trustStyles, useColor, type CliIO } from './io.js';
import { addWorkspaceOptions, parseCount, parseDate, parseWorkers, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/validate', {
  paths: {
    sv: 'filer eller mappar att rapportera om (förval: hela arbetsytan); - läser ett dokument från standard in',
    en: 'files or folders to report on (default: the whole workspace); - reads one document from standard input',
  },
  format: { sv: 'rapportens format, går att upprepa: {formats}', en: 'report format, repeatable: {formats}' },
  notAFormat: { sv: '"{value}" är inget rapportformat. Använd ett av {formats}.', en: '"{value}" is not a format. Use one of {formats}.' },
  output: { sv: 'skriv rapporten i --format före den till {file}', en: 'write the report of the --format before it to {file}' },
  maxWarnings: { sv: 'misslyckas (slutkod 1) när det finns fler än {n} varningar', en: 'fail (exit 1) when there are more than {n} warnings' },
  quiet: { sv: 'rapportera bara fel', en: 'report errors only' },
  asOf: { sv: 'kontrollera datum som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'check dates as if today were {date} (YYYY-MM-DD)' },
  workers: {
    sv: 'trådar som läser filerna: ett antal, eller auto (en per kärna, högst fyra, från 400 filer); förval: auto; fynden blir desamma',
    en: 'threads that parse the files: a number, or auto (one per core, up to four, from 400 files); default: auto; the findings are the same',
  },
  noCache: {
    sv: 'kontrollera allt på nytt: läs inte och spara inte resultatet i cachemappen ($XDG_CACHE_HOME/samverkan)',
    en: 'check everything afresh: neither read nor keep the result in the cache folder ($XDG_CACHE_HOME/samverkan)',
  },
  stdinFilename: {
    sv: 'med -: filen som standard in står för, kontrollerad som om den låg där',
    en: 'with -: the file standard input stands for, checked as if it were there',
  },
  after: {
    sv:
      '\nSlutkoder: 0 inga fel (och varningar inom --max-warnings), 1 problem hittades, 2 kommandot kunde inte köras.\n' +
      'Tysta en rad med en kommentar ovanför den:  # samverkan-disable-next-line plan/overdue -- uppskjutet av styrgruppen\n' +
      'Reglerna, deras förvalda allvarlighetsgrad och vad de hittar: samverkan rules (en regel i sin helhet: samverkan rules plan/overdue).\n' +
      '\nExempel:\n  $ samverkan validate\n  $ samverkan validate plans/ --as-of 2009-06-10\n  $ samverkan validate - --stdin-filename plans/plan.yaml < andrad-plan.yaml\n  $ samverkan validate --format stylish --format sarif --output samverkan.sarif',
    en:
      '\nExit codes: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 the command could not run.\n' +
      'Silence one line with a comment above it:  # samverkan-disable-next-line plan/overdue -- postponed by the steering group\n' +
      'The rules, their default severities and what they find: samverkan rules (one in full: samverkan rules plan/overdue).\n' +
      '\nExamples:\n  $ samverkan validate\n  $ samverkan validate plans/ --as-of 2009-06-10\n  $ samverkan validate - --stdin-filename plans/plan.yaml < edited-plan.yaml\n  $ samverkan validate --format stylish --format sarif --output samverkan.sarif',
  },
  outputWithoutFormat: {
    sv: '--output {file} har ingen --format före sig. Skriv --format FORMAT --output FIL för varje rapport.',
    en: '--output {file} has no --format before it. Write --format FORMAT --output FILE for each report.',
  },
  outputFirst: {
    sv: '--output {file} kommer före alla --format. Skriv --format FORMAT --output FIL.',
    en: '--output {file} comes before any --format. Write --format FORMAT --output FILE.',
  },
  stdinFilenameAlone: {
    sv: '--stdin-filename {file} behöver - bland sökvägarna, för att läsa dokumentet från standard in: samverkan validate - --stdin-filename {file}.',
    en: '--stdin-filename {file} needs - among the paths, to read the document from standard input: samverkan validate - --stdin-filename {file}.',
  },
  stdinTwice: { sv: 'Standard in kan läsas en gång: ge - en enda gång.', en: 'Standard input can be read once: give - one time.' },
  noStdin: { sv: 'Standard in går inte att läsa här. Ge filen som en sökväg i stället för -.', en: 'Standard input cannot be read here. Give the file as a path instead of -.' },
  wrote: { sv: 'Skrev rapporten i formatet {format} till {file}.', en: 'Wrote the {format} report to {file}.' },
  tooManyWarnings: {
    sv: { one: '{n} varning, fler än --max-warnings {max} tillåter.', other: '{n} varningar, fler än --max-warnings {max} tillåter.' },
    en: { one: '{n} warning, more than --max-warnings {max} allows.', other: '{n} warnings, more than --max-warnings {max} allows.' },
  },
});

const FORMAT_NAMES: readonly string[] = FORMATS;

interface ValidateCliOptions extends WorkspaceOptions {
  format?: string[];
  output?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  asOf?: string;
  stdinFilename?: string;
  /** False with --no-cache. */
  cache?: boolean;
  workers?: number | 'auto';
}

/**
 * Pairs each --output with the --format before it, in the order written, so that
 * `--format stylish --format sarif --output x.sarif` writes SARIF to the file and stylish to
 * the terminal. An --output before any --format applies to the default format.
 */
export function pairFormats(argv: readonly string[], defaultFormat: string): Array<{ format: string; output?: string }> {
  const pairs: Array<{ format: string; output?: string }> = [];
  let pendingOutput: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    const take = (long: string, short: string): string | undefined => {
      if (arg === long || arg === short) return argv[++i];
      if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
      return undefined;
    };
    const format = take('--format', '-f');
    if (format !== undefined) {
      pairs.push({ format });
      continue;
    }
    const output = take('--output', '-o');
    if (output !== undefined) {
      const last = pairs[pairs.length - 1];
      if (last && last.output === undefined) last.output = output;
      else if (pairs.length === 0 && pendingOutput === undefined) pendingOutput = output;
      else throw new UsageError(say('outputWithoutFormat', { file: output }));
    }
  }
  if (pairs.length === 0) pairs.push({ format: defaultFormat, output: pendingOutput });
  else if (pendingOutput !== undefined) throw new UsageError(say('outputFirst', { file: pendingOutput }));
  return pairs;
}

/** Standard input when `-` is among the paths; --stdin-filename alone is a usage error. */
async function readStdinOption(io: CliIO, paths: readonly string[], filename: string | undefined): Promise<{ bytes: Buffer; path?: string } | undefined> {
  if (!paths.includes('-')) {
    if (filename !== undefined) throw new UsageError(say('stdinFilenameAlone', { file: filename }));
    return undefined;
  }
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError(say('stdinTwice'));
  if (!io.readStdin) throw new UsageError(say('noStdin'));
  return { bytes: await io.readStdin(), path: filename };
}

/** Registers `samverkan validate`. */
export function registerValidate(program: Command, io: CliIO): void {
  const command = program
    .command('validate')
    .argument(`[${placeholder('PATH')}...]`, say('paths'))
    .description(summary('validate'));
  addWorkspaceOptions(command)
    .addOption(new Option(`-f, --format <${placeholder('FORMAT')}>`, say('format', { formats: FORMAT_NAMES.join(', ') })).argParser((v: string, prev: string[] = []) => {
      if (!FORMAT_NAMES.includes(v)) throw new InvalidArgumentError(say('notAFormat', { value: v, formats: FORMAT_NAMES.join(', ') }));
      return [...prev, v];
    }))
    .option(`-o, --output <${placeholder('FILE')}>`, say('output', { file: placeholder('FILE') }), (v: string, prev: string[] = []) => [...prev, v])
    .option(`--max-warnings <${placeholder('N')}>`, say('maxWarnings', { n: placeholder('N') }), parseCount)
    .option('--quiet', say('quiet'))
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option(`--stdin-filename <${placeholder('PATH')}>`, say('stdinFilename'))
    .option('--no-cache', say('noCache'))
    .option(`--workers <${placeholder('N')}>`, say('workers'), parseWorkers)
    .addHelpText('after', say('after'))
    .action(async (paths: string[], options: ValidateCliOptions) => {
      const defaultFormat = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
      const pairs = pairFormats(io.argv, defaultFormat);
      // Only what this run prints is loaded: a re-run answered from the cache takes little more
      // than loading its modules, so the other formats, and the rules (only SARIF lists them), stay out.
      const [{ validate }, { toolVersion }, { repositoryRoot }, formatters] = await Promise.all([
        import('../commands/validate.js'),
        import('./version.js'),
        import('../report/display-path.js'),
        Promise.all(pairs.map((p) => loadFormatter(p.format as FormatName))),
      ]);
      const RULES = pairs.some((p) => p.format === 'sarif') ? (await import('../rules/registry.js')).RULES : [];
      const stdin = await readStdinOption(io, paths, options.stdinFilename);
      const result = await validate({
        cwd: io.cwd,
        dir: options.dir,
        paths: stdin ? paths.filter((p) => p !== '-') : paths,
        asOf: options.asOf,
        stdin,
        cache: options.cache !== false,
        workers: options.workers,
        env: io.env,
      });
      if (result.notChecked) io.stderr(`samverkan: ${result.notChecked}\n`);
      const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
      const repoRoot = repositoryRoot(io.cwd, io.env);
      // Read (and refused when it is no repository's address) whenever it is set, whatever the format.
      const samverkanRepositoryUrl = io.env[REPOSITORY_URL_VARIABLE] === undefined ? () => undefined : (await import('../report/sarif.js')).samverkanRepositoryUrl;
      for (const [i, { format, output }] of pairs.entries()) {
        const input = {
          findings,
          rules: RULES,
          fileCount: result.fileCount,
          files: result.files,
          readSource: result.source,
          cwd: io.cwd,
          repoRoot,
          color: output === undefined && format === 'stylish' && useColor(io),
          toolVersion: toolVersion(),
          repositoryUrl: samverkanRepositoryUrl(io.env),
        };
        const report = formatters[i](input);
        // GitHub shows the job summary on the run's page, with every finding, past the annotation limits.
        if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) await (await import('../report/github.js')).appendGithubStepSummary(io.env.GITHUB_STEP_SUMMARY, input);
        // Every JSON format shows C1 controls and line separators as escapes, not raw.
        const text = format === 'json' || format === 'sarif' || format === 'gitlab' ? (await import('../report/json.js')).escapeJsonControls(report) : report;
        if (output === undefined) {
          // The stylish report shows the files' control characters as symbols, so its escape
          // sequences are its own colours and may pass the output's guard.
          const shown = format === 'stylish' ? trustStyles(text) : text;
          io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`);
        } else {
          const target = resolve(io.cwd, output);
          await (await import('../output/write-output.js')).writeOutputFile(target, text.endsWith('\n') ? text : `${text}\n`);
          io.stderr(`${say('wrote', { format, file: output })}\n`);
        }
      }
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
      if (tooManyWarnings) {
        io.stderr(`samverkan: ${say('tooManyWarnings', { n: warnings, max: options.maxWarnings })}\n`);
      }
      io.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
    });
}
