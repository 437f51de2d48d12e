/** `samverkan minutes new MEETING` and `minutes adjust MEETING --by PERSON…`: write the minutes' skeleton, record the adjustment. */
import type { Command } from 'commander';
import { SamverkanError } from '../errors.js';
import { jsonText } from '../report/json.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, nameOf, parseDate, type WorkspaceOptions } from './options.js';

interface MinutesCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

interface MinutesAdjustCliOptions extends MinutesCliOptions {
  by?: string[];
  date?: string;
  /** True with --commit, false with --no-commit, undefined with neither (ask in a terminal). */
  commit?: boolean;
}

/** The git identity and dates of the environment, which a commit made in this process should use. */
function gitEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => /^GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE)$/.test(e[0]) && e[1] !== undefined));
}

export function registerMinutes(program: Command, io: CliIO): void {
  const minutes = program
    .command('minutes')
    .description('write a meeting\'s minutes (protokoll): the skeleton to fill in, then the adjustment (justering)')
    .addHelpText('after', '\nExamples:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas socialchef-lysekil');

  const create = minutes
    .command('new')
    .argument('<MEETING>', 'id of the meeting, e.g. styrgrupp-nb-2009-05-14')
    .description(
      'write the minutes\' skeleton into the meeting file: the members on the meeting\'s date as present (substitutes\n' +
        'commented out under their member), and a line to fill in under every item, a decision line under each decision item',
    );
  addWorkspaceOptions(create)
    .option('--as-of <DATE>', 'check dates as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--json', 'print what was written as JSON')
    .addHelpText('after', '\nRefuses if the meeting already has minutes. The minutes start as a draft ("Utkast – ej justerat").\n\nExample:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21');
  create.action(async (meetingId: string, options: MinutesCliOptions) => {
    const [{ loadCheckedWorkspace }, { newMinutes }, { displayPath }, { fill, labelsFor }] = await Promise.all([
      import('../workspace/checked.js'),
      import('../commands/minutes.js'),
      import('../report/display-path.js'),
      import('../i18n/index.js'),
    ]);
    const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
    const { workspace } = checked;
    const lang = options.lang ?? workspace.config.language;
    const result = await newMinutes(checked, meetingId, { asOf: options.asOf, lang });
    const where = displayPath(result.path, io.cwd);
    if (options.json) {
      io.stdout(
        jsonText({
          file: where,
          meeting: result.meeting,
          present: result.present,
          substitutes: result.substitutes,
          items: result.items,
          decision_items: result.decisionItems,
          warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })),
        }),
      );
    } else {
      io.stdout(
        `${fill(labelsFor(lang).t.cmd_minutes_written, { meeting: result.meeting, file: where, present: result.present.length, items: result.items.length, decisions: result.decisionItems.length })}\n`,
      );
    }
    for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
  });

  const adjust = minutes
    .command('adjust')
    .argument('<MEETING>', 'id of the meeting whose minutes were adjusted')
    .description('record that the minutes were adjusted (justerat): status adjusted, the date and who adjusted them')
    .option('--by <PERSON...>', 'the adjusters who signed, each appointed under adjusters: and present (after MEETING; one or more)')
    .option('--date <DATE>', 'the day of the adjustment, YYYY-MM-DD (default: today)', parseDate)
    .option('--commit', 'commit the meeting file (and nothing else) to git after adjusting; asked in a terminal')
    .option('--no-commit', 'do not commit, and do not ask');
  addWorkspaceOptions(adjust)
    .option('--as-of <DATE>', 'act as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--json', 'print what was done as JSON')
    .addHelpText(
      'after',
      '\nEvery decision line must be filled in first. Nothing changes if the minutes are adjusted already.\n' +
        'The commit that records the adjustment is the record: validate reports later edits of the minutes\n' +
        '(minutes/changed-after-adjustment); correct them with a dated note under minutes: corrections:.\n' +
        '\nExample:\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas --date 2009-05-20',
    );
  adjust.action(async (meetingId: string, options: MinutesAdjustCliOptions) => {
    const [{ loadCheckedWorkspace }, { adjustMinutes, adjustmentCommitMessage, commitAdjustment, repositoryOf }, { displayPath }, { fill, formatDate, labelsFor }, { GitError }] = await Promise.all([
      import('../workspace/checked.js'),
      import('../commands/minutes.js'),
      import('../report/display-path.js'),
      import('../i18n/index.js'),
      import('../git/git.js'),
    ]);
    const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
    const { workspace } = checked;
    const lang = options.lang ?? workspace.config.language;
    const result = await adjustMinutes(checked, { meeting: meetingId, by: options.by ?? [], date: options.date }, { asOf: options.asOf, lang });
    const where = displayPath(result.path, io.cwd);
    const t = labelsFor(lang).t;
    const adjusters = result.by.map((id) => nameOf(workspace.index.people.get(id)?.value.name, id));
    const names = adjusters.join(', ');
    // The adjustment is written first: committing is a second step that may be refused or fail.
    const repo = options.commit === false ? undefined : await repositoryOf(workspace, lang);
    const message = adjustmentCommitMessage(result, adjusters, lang);
    let commit = options.commit;
    if (repo && commit === undefined && result.changed && io.stdinIsTTY && io.isTTY && !options.json) {
      const { askCommitAdjustment, whileAsking } = await import('./prompts.js');
      commit = await whileAsking(() => askCommitAdjustment({ lang, file: where }));
    }
    let committed: Awaited<ReturnType<typeof commitAdjustment>> | undefined;
    let commitFailed = false;
    try {
      committed = repo && commit ? await commitAdjustment(repo, result, message, gitEnv(io.env)) : undefined;
    } catch (error) {
      // The file is adjusted all the same: say so, then how to commit it by hand.
      if (!(error instanceof GitError)) throw error;
      commitFailed = true;
    }
    const commitText =
      options.commit === false ? null
      : !repo ? fill(t.adjust_no_repository, { file: where })
      : commitFailed ? null
      : committed?.state === 'committed' ? fill(t.adjust_committed, { commit: committed.commit.slice(0, 7), message, file: where })
      : committed?.state === 'nothing-to-commit' ? fill(t.adjust_nothing_to_commit, { file: where })
      : result.changed ? fill(t.adjust_not_committed, { message, file: where })
      : null;
    if (options.json) {
      io.stdout(
        jsonText({
          file: where,
          meeting: result.meeting,
          date: result.date,
          by: result.by,
          changed: result.changed,
          commit: committed?.state === 'committed' ? committed.commit : null,
          warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })),
        }),
      );
    } else {
      io.stdout(`${fill(result.changed ? t.cmd_adjusted_written : t.cmd_adjusted_already, { meeting: result.meeting, date: formatDate(result.date, lang), names, file: where })}\n`);
      if (commitText) io.stdout(`${commitText}\n`);
    }
    for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
    if (commitFailed) throw new SamverkanError(fill(t.adjust_commit_failed, { message, file: where }));
  });
}
