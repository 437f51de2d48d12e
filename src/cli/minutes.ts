/** `samverkan minutes new MEETING` and `minutes adjust MEETING --by PERSON…`: write the minutes' skeleton, record the adjustment. */
import type { Command } from './command.js';
import { SamverkanError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, nameOf, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/minutes', {
  examples: {
    sv: '\nExempel:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas socialchef-lysekil',
    en: '\nExamples:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas socialchef-lysekil',
  },
  meeting: { sv: 'mötets id, t.ex. styrgrupp-nb-2009-05-14', en: 'id of the meeting, e.g. styrgrupp-nb-2009-05-14' },
  newDescription: {
    sv:
      'skriv protokollets underlag i mötesfilen: ledamöterna på mötesdagen som närvarande (ersättare bortkommenterade under sin ledamot), ' +
      'och en rad att fylla i under varje punkt, en beslutsrad under varje beslutspunkt',
    en:
      "write the minutes' skeleton into the meeting file: the members on the meeting's date as present (substitutes commented out under their member), " +
      'and a line to fill in under every item, a decision line under each decision item',
  },
  asOfCheck: { sv: 'kontrollera datum som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'check dates as if today were {date} (YYYY-MM-DD)' },
  asOfAct: { sv: 'gör som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'act as if today were {date} (YYYY-MM-DD)' },
  jsonWritten: { sv: 'skriv det som skrevs som JSON', en: 'print what was written as JSON' },
  jsonDone: { sv: 'skriv vad som gjordes som JSON', en: 'print what was done as JSON' },
  newAfter: {
    sv: '\nVägrar om mötet redan har ett protokoll. Protokollet börjar som utkast ("Utkast – ej justerat").\n\nExempel:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21',
    en: '\nRefuses if the meeting already has minutes. The minutes start as a draft ("Utkast – ej justerat").\n\nExample:\n  $ samverkan minutes new styrgrupp-nb-2027-01-21',
  },
  adjustMeeting: { sv: 'id för mötet vars protokoll har justerats', en: 'id of the meeting whose minutes were adjusted' },
  adjustDescription: {
    sv: 'för in att protokollet har justerats: status justerat, datumet och vilka som justerade',
    en: 'record that the minutes were adjusted ("justerat"): status adjusted, the date and who adjusted them',
  },
  adjuster: {
    sv: 'den eller de som mötet utser att justera protokollet (§ Val av justerare), bland de närvarande; skrivs som mötets adjusters:',
    en: 'who the meeting appoints to adjust the minutes (§ Choice of adjusters), among those present; written as the meeting\'s adjusters:',
  },
  by: {
    sv: 'justerarna som skrev under, var och en utsedd under adjusters: och närvarande (efter MÖTE; en eller flera)',
    en: 'the adjusters who signed, each appointed under adjusters: and present (after MEETING; one or more)',
  },
  date: { sv: 'dagen för justeringen, ÅÅÅÅ-MM-DD (förval: i dag)', en: 'the day of the adjustment, YYYY-MM-DD (default: today)' },
  commit: {
    sv: 'checka in mötesfilen (och inget annat) i git efter justeringen; frågas i en terminal',
    en: 'commit the meeting file (and nothing else) to git after adjusting; asked in a terminal',
  },
  noCommit: { sv: 'checka inte in, och fråga inte', en: 'do not commit, and do not ask' },
  adjustAfter: {
    sv:
      '\nVarje beslutsrad måste vara ifylld först. Ingenting ändras om protokollet redan är justerat.\n' +
      'Incheckningen som för in justeringen är handlingen: validate rapporterar senare ändringar i protokollet\n' +
      '(minutes/changed-after-adjustment); rätta dem med en daterad anteckning under minutes: corrections:.\n' +
      '\nExempel:\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas --date 2009-05-20',
    en:
      '\nEvery decision line must be filled in first. Nothing changes if the minutes are adjusted already.\n' +
      'The commit that records the adjustment is the record: validate reports later edits of the minutes\n' +
      '(minutes/changed-after-adjustment); correct them with a dated note under minutes: corrections:.\n' +
      '\nExample:\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas --date 2009-05-20',
  },
});

interface MinutesCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
  adjuster?: string[];
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
    .description(summary('minutes'))
    .addHelpText('after', say('examples'));

  const create = minutes
    .command('new')
    .argument(`<${placeholder('MEETING')}>`, say('meeting'))
    .description(say('newDescription'));
  addWorkspaceOptions(create)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOfCheck', { date: placeholder('DATE') }), parseDate)
    .option(`--adjuster <${placeholder('PERSON')}...>`, say('adjuster'))
    .option('--json', say('jsonWritten'))
    .addHelpText('after', say('newAfter'));
  create.action(async (meetingId: string, options: MinutesCliOptions) => {
    const [{ loadCheckedWorkspace }, { newMinutes }, { displayPath }, { fill, labelsFor }, { jsonText }] = await Promise.all([
      import('../workspace/checked.js'),
      import('../commands/minutes.js'),
      import('../report/display-path.js'),
      import('../i18n/index.js'),
      import('../report/json.js'),
    ]);
    const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
    const { workspace } = checked;
    const lang = options.lang ?? workspace.config.language;
    const result = await newMinutes(checked, meetingId, { asOf: options.asOf, lang, adjusters: options.adjuster });
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
        `${fill(labelsFor(language()).t.cmd_minutes_written, { meeting: result.meeting, file: where, present: result.present.length, items: result.items.length, decisions: result.decisionItems.length })}\n`,
      );
    }
    for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
  });

  const adjust = minutes
    .command('adjust')
    .argument(`<${placeholder('MEETING')}>`, say('adjustMeeting'))
    .description(say('adjustDescription'))
    .option(`--by <${placeholder('PERSON')}...>`, say('by'))
    .option(`--date <${placeholder('DATE')}>`, say('date'), parseDate)
    .option('--commit', say('commit'))
    .option('--no-commit', say('noCommit'));
  addWorkspaceOptions(adjust)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOfAct', { date: placeholder('DATE') }), parseDate)
    .option('--json', say('jsonDone'))
    .addHelpText('after', say('adjustAfter'));
  adjust.action(async (meetingId: string, options: MinutesAdjustCliOptions) => {
    const [{ loadCheckedWorkspace }, { adjustMinutes, adjustmentCommitMessage, commitAdjustment, repositoryOf }, { displayPath }, { fill, formatDate, labelsFor }, { GitError }, { jsonText }] = await Promise.all([
      import('../workspace/checked.js'),
      import('../commands/minutes.js'),
      import('../report/display-path.js'),
      import('../i18n/index.js'),
      import('../git/git.js'),
      import('../report/json.js'),
    ]);
    const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
    const { workspace } = checked;
    const lang = options.lang ?? workspace.config.language;
    const result = await adjustMinutes(checked, { meeting: meetingId, by: options.by ?? [], date: options.date }, { asOf: options.asOf, lang });
    const where = displayPath(result.path, io.cwd);
    // What the terminal says follows its language; the commit message, part of the record, the documents'.
    const t = labelsFor(language()).t;
    const adjusters = result.by.map((id) => nameOf(workspace.index.people.get(id)?.value.name, id));
    const names = adjusters.join(', ');
    // The adjustment is written first: committing is a second step that may be refused or fail.
    const repo = options.commit === false ? undefined : await repositoryOf(workspace);
    const message = adjustmentCommitMessage(result, adjusters, lang);
    let commit = options.commit;
    if (repo && commit === undefined && result.changed && io.stdinIsTTY && io.isTTY && !options.json) {
      const { askCommitAdjustment, whileAsking } = await import('./prompts.js');
      commit = await whileAsking(() => askCommitAdjustment({ lang: language(), file: where }));
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
      io.stdout(`${fill(result.changed ? t.cmd_adjusted_written : t.cmd_adjusted_already, { meeting: result.meeting, date: formatDate(result.date, language()), names, file: where })}\n`);
      if (commitText) io.stdout(`${commitText}\n`);
    }
    for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
    if (commitFailed) throw new SamverkanError(fill(t.adjust_commit_failed, { message, file: where }));
  });
}
