/** `samverkan minutes new MEETING` and `minutes adjust MEETING --by PERSON…`: write the minutes' skeleton, record the adjustment. */
import type { Command } from 'commander';
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
    .option('--date <DATE>', 'the day of the adjustment, YYYY-MM-DD (default: today)', parseDate);
  addWorkspaceOptions(adjust)
    .option('--as-of <DATE>', 'act as if today were DATE (YYYY-MM-DD)', parseDate)
    .option('--json', 'print what was done as JSON')
    .addHelpText(
      'after',
      '\nEvery decision line must be filled in first. Nothing changes if the minutes are adjusted already.\n' +
        '\nExample:\n  $ samverkan minutes adjust styrgrupp-nb-2009-05-14 --by socialchef-sotenas --date 2009-05-20',
    );
  adjust.action(async (meetingId: string, options: MinutesAdjustCliOptions) => {
    const [{ loadCheckedWorkspace }, { adjustMinutes }, { displayPath }, { fill, formatDate, labelsFor }] = await Promise.all([
      import('../workspace/checked.js'),
      import('../commands/minutes.js'),
      import('../report/display-path.js'),
      import('../i18n/index.js'),
    ]);
    const checked = await loadCheckedWorkspace({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
    const { workspace } = checked;
    const lang = options.lang ?? workspace.config.language;
    const result = await adjustMinutes(checked, { meeting: meetingId, by: options.by ?? [], date: options.date }, { asOf: options.asOf, lang });
    const where = displayPath(result.path, io.cwd);
    const t = labelsFor(lang).t;
    const names = result.by.map((id) => nameOf(workspace.index.people.get(id)?.value.name, id)).join(', ');
    if (options.json) {
      io.stdout(jsonText({ file: where, meeting: result.meeting, date: result.date, by: result.by, changed: result.changed, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
    } else if (!result.changed) {
      io.stdout(`${fill(t.cmd_adjusted_already, { meeting: result.meeting, date: formatDate(result.date, lang), names })}\n`);
    } else {
      io.stdout(`${fill(t.cmd_adjusted_written, { meeting: result.meeting, date: formatDate(result.date, lang), names, file: where })}\n`);
    }
    for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
  });
}
