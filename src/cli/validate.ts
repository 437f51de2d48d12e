/** `samverkan validate [PATH...]`: parse options, run the check, print reports, set the exit code. */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { writeOutputFile } from '../output/write-output.js';
import { FORMATS, type FormatName } from '../report/formats.js';
import { escapeJsonControls } from '../report/json.js';
import { trustStyles, useColor, type CliIO } from './io.js';
import { addWorkspaceOptions, parseCount, parseDate, type WorkspaceOptions } from './options.js';

const FORMAT_NAMES: readonly string[] = FORMATS;

interface ValidateCliOptions extends WorkspaceOptions {
  format?: string[];
  output?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  asOf?: string;
  stdinFilename?: string;
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
      else throw new UsageError(`--output ${output} has no --format before it. Write --format FORMAT --output FILE for each report.`);
    }
  }
  if (pairs.length === 0) pairs.push({ format: defaultFormat, output: pendingOutput });
  else if (pendingOutput !== undefined) throw new UsageError(`--output ${pendingOutput} comes before any --format. Write --format FORMAT --output FILE.`);
  return pairs;
}

/** Standard input when `-` is among the paths; --stdin-filename alone is a usage error. */
async function readStdinOption(io: CliIO, paths: readonly string[], filename: string | undefined): Promise<{ bytes: Buffer; path?: string } | undefined> {
  if (!paths.includes('-')) {
    if (filename !== undefined) throw new UsageError(`--stdin-filename ${filename} needs - among the paths, to read the document from standard input: samverkan validate - --stdin-filename ${filename}.`);
    return undefined;
  }
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('Standard input can be read once: give - one time.');
  if (!io.readStdin) throw new UsageError('Standard input cannot be read here. Give the file as a path instead of -.');
  return { bytes: await io.readStdin(), path: filename };
}

/** Registers `samverkan validate`. */
export function registerValidate(program: Command, io: CliIO): void {
  const command = program
    .command('validate')
    .argument('[PATH...]', 'files or folders to report on (default: the whole workspace); - reads one document from standard input')
    .description('check every file of the workspace: format, references, dates, rosters, meetings and privacy');
  addWorkspaceOptions(command)
    .addOption(new Option('-f, --format <FORMAT>', 'report format, repeatable: stylish, json, github, sarif, gitlab or junit').argParser((v: string, prev: string[] = []) => {
      if (!FORMAT_NAMES.includes(v)) throw new InvalidArgumentError(`"${v}" is not a format. Use one of ${FORMAT_NAMES.join(', ')}.`);
      return [...prev, v];
    }))
    .option('-o, --output <FILE>', 'write the report of the --format before it to FILE', (v: string, prev: string[] = []) => [...prev, v])
    .option('--max-warnings <N>', 'fail (exit 1) when there are more than N warnings', parseCount)
    .option('--quiet', 'report errors only')
    .option('--as-of <DATE>', 'check dates as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--stdin-filename <PATH>', 'with -: the file standard input stands for, checked as if it were there')
    .addHelpText(
      'after',
      '\nExit codes: 0 no errors (and warnings within --max-warnings), 1 problems found, 2 the command could not run.\n' +
        'Silence one line with a comment above it:  # samverkan-disable-next-line plan/overdue -- postponed by the steering group\n' +
        'The rules, their default severities and what they find: samverkan rules (one in full: samverkan rules plan/overdue).\n' +
        '\nExamples:\n  $ samverkan validate\n  $ samverkan validate plans/ --as-of 2009-06-10\n  $ samverkan validate - --stdin-filename plans/plan.yaml < edited-plan.yaml\n  $ samverkan validate --format stylish --format sarif --output samverkan.sarif',
    )
    .action(async (paths: string[], options: ValidateCliOptions) => {
      const [{ validate }, { appendGithubStepSummary, formatReport, repositoryRoot, samverkanRepositoryUrl }, { RULES }, { toolVersion }] = await Promise.all([
        import('../commands/validate.js'),
        import('../report/index.js'),
        import('../rules/registry.js'),
        import('./program.js'),
      ]);
      const defaultFormat = io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
      const pairs = pairFormats(io.argv, defaultFormat);
      const stdin = await readStdinOption(io, paths, options.stdinFilename);
      const result = await validate({
        cwd: io.cwd,
        dir: options.dir,
        paths: stdin ? paths.filter((p) => p !== '-') : paths,
        asOf: options.asOf,
        stdin,
      });
      if (result.notChecked) io.stderr(`samverkan: ${result.notChecked}\n`);
      const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
      const repoRoot = repositoryRoot(io.cwd, io.env);
      for (const { format, output } of pairs) {
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
        const report = formatReport(format as FormatName, input);
        // GitHub shows the job summary on the run's page, with every finding, past the annotation limits.
        if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) await appendGithubStepSummary(io.env.GITHUB_STEP_SUMMARY, input);
        // Every JSON format shows C1 controls and line separators as escapes, not raw.
        const text = format === 'json' || format === 'sarif' || format === 'gitlab' ? escapeJsonControls(report) : report;
        if (output === undefined) {
          // The stylish report shows the files' control characters as symbols, so its escape
          // sequences are its own colours and may pass the output's guard.
          const shown = format === 'stylish' ? trustStyles(text) : text;
          io.stdout(shown.endsWith('\n') ? shown : `${shown}\n`);
        } else {
          const target = resolve(io.cwd, output);
          await writeOutputFile(target, text.endsWith('\n') ? text : `${text}\n`);
          io.stderr(`Wrote the ${format} report to ${output}.\n`);
        }
      }
      const errors = findings.filter((f) => f.severity === 'error').length;
      const warnings = findings.filter((f) => f.severity === 'warning').length;
      const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
      if (tooManyWarnings) {
        io.stderr(`samverkan: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows.\n`);
      }
      io.exitCode = errors > 0 || tooManyWarnings ? 1 : 0;
    });
}
