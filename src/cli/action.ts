/** `samverkan action add PLAN …` and `samverkan action set PLAN/ACTION …`: parse, ask for what is missing in a terminal, edit, say what changed. */
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, collect, nameOf, parseDate, type WorkspaceOptions } from './options.js';
import { jsonText } from '../report/json.js';

interface ActionAddCliOptions extends WorkspaceOptions {
  id?: string;
  title?: string;
  responsible?: string;
  due?: string;
  status?: string;
  goal?: string[];
  phase?: string;
  lead?: string;
  start?: string;
  asOf?: string;
  json?: boolean;
}

interface ActionSetCliOptions extends WorkspaceOptions {
  status?: string;
  progress?: string;
  note?: string;
  asOf?: string;
  json?: boolean;
}

function addEditOptions(command: Command): Command {
  return addWorkspaceOptions(command)
    .option('--as-of <DATE>', 'act as if today were DATE (YYYY-MM-DD): the date of defaults and checks', parseDate)
    .option('--json', 'print what was done as JSON');
}

/** In a terminal (both ways) the command may ask; otherwise it must be told everything. */
function canAsk(io: CliIO): boolean {
  return io.stdinIsTTY && io.isTTY;
}

function warningLines(io: CliIO, warnings: ReadonlyArray<{ message: string; line: number; file: string }>, display: (file: string) => string): void {
  for (const w of warnings) io.stderr(`Note: ${display(w.file)}:${w.line}: ${w.message}\n`);
}

export function registerAction(program: Command, io: CliIO): void {
  const action = program
    .command('action')
    .description('add an action to a plan, or record how one goes (status, progress, a follow-up note)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30\n' +
        '  $ samverkan action set handlingsplan-nb/a3 --status done --progress 100 --note "Alla handläggare utbildade"',
    );

  const add = action
    .command('add')
    .argument('<PLAN>', 'id of the plan')
    .description('add an action to a plan; comments and formatting of the plan file stay as they are')
    .option('--id <ID>', 'the action\'s id (default: the next free aN)')
    .option('--title <TEXT>', 'what is to be done (required)')
    .option('--responsible <ORG>', 'id of the organisation responsible, as in organizations.yaml (required)')
    .option('--due <DATE>', 'when it is to be done, YYYY-MM-DD (required)', parseDate)
    .addOption(new Option('--status <STATUS>', 'planned, ongoing, done, paused or cancelled (or pågående, klar …)').default('planned'))
    .option('--goal <GOAL>', 'id of a goal or sub-goal of the plan it serves; repeat for several', collect)
    .option('--phase <PHASE>', 'id of the plan\'s phase it belongs to')
    .option('--lead <ID>', 'id of the person or group that leads the work')
    .option('--start <DATE>', 'when it starts, YYYY-MM-DD', parseDate);
  addEditOptions(add)
    .addHelpText(
      'after',
      '\nIn a terminal the command asks for --title, --responsible, --due and the goals when they are not given.\n' +
        'Elsewhere (a script, CI) it needs --title, --responsible and --due.\n' +
        '\nExamples:\n  $ samverkan action add handlingsplan-nb\n' +
        '  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30 --goal d1',
    )
    .action(async (planId: string, options: ActionAddCliOptions) => {
      const [{ loadWorkspace }, { addAction }, { documentToEdit, editDate }, { displayPath }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/action.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
      ]);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      editDate(workspace, options.asOf);
      // Refuse an unknown plan before asking anything about it.
      documentToEdit(workspace, 'plan', planId);
      let { title, responsible, due, goal: goals } = options;
      const missing = [!title && '--title', !responsible && '--responsible', !due && '--due'].filter((f): f is string => Boolean(f));
      if (missing.length > 0) {
        if (!canAsk(io)) {
          throw new UsageError(
            `${missing.join(', ').replace(/, ([^,]*)$/, ' and $1')} ${missing.length === 1 ? 'is' : 'are'} missing, and input is not a terminal, so samverkan cannot ask. ` +
              `For example: samverkan action add ${planId} --title "Utbilda personalen" --responsible ${[...workspace.index.organizations.keys()][0] ?? 'ORG'} --due 2010-06-30`,
          );
        }
        const { askActionAdd, whileAsking } = await import('./prompts.js');
        const items = [...(workspace.index.planItems.get(planId)?.values() ?? [])];
        const answers = await whileAsking(() =>
          askActionAdd({
            lang: options.lang ?? workspace.config.language,
            title,
            responsible,
            due,
            goals,
            organizations: [...workspace.index.organizations.values()].map((o) => ({ value: o.id, name: `${nameOf(o.value.name, o.id)} (${o.id})` })),
            goalChoices: items
              .filter((e) => e.type === 'goal' || e.type === 'subgoal')
              .map((e) => ({ value: e.id, name: `${e.id} ${(e.value as { title?: string }).title ?? ''}`.trim() })),
          }),
        );
        ({ title, responsible, due, goals } = answers);
      }
      const result = await addAction(
        workspace,
        {
          plan: planId,
          id: options.id,
          title: title!,
          responsible: responsible!,
          due: due!,
          status: options.status as never,
          goals,
          phase: options.phase,
          lead: options.lead,
          start: options.start,
        },
        { asOf: options.asOf },
      );
      const where = displayPath(result.path, io.cwd);
      if (options.json) {
        io.stdout(jsonText({ file: where, line: result.line, plan: result.plan, action: result.action, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
      } else {
        const a = result.action;
        io.stdout(
          `Added action ${a.id} "${a.title}" to plan ${result.plan} (${where}:${result.line}): ` +
            `${a.responsible} is responsible, due ${a.due}, ${a.status}${a.goals?.length ? `, serves ${a.goals.join(', ')}` : ''}.\n`,
        );
      }
      warningLines(io, result.warnings, (f) => displayPath(f, io.cwd));
    });

  const set = action
    .command('set')
    .argument('<PLAN/ACTION>', 'the action, as plan id/action id, e.g. handlingsplan-nb/a3')
    .description('record how an action goes: set its status and progress, and add a dated follow-up entry')
    .addOption(new Option('--status <STATUS>', 'planned, ongoing, done, paused or cancelled (or pågående, klar …)'))
    .option('--progress <PERCENT>', 'how far it has come, 0 to 100')
    .option('--note <TEXT>', 'what happened, for the follow-up log');
  addEditOptions(set)
    .addHelpText(
      'after',
      '\nThe follow-up entry gets today\'s date (or --as-of), the status, the progress and the note.\n' +
        'In a terminal, with none of --status, --progress and --note, the command asks for them.\n' +
        '\nExamples:\n  $ samverkan action set handlingsplan-nb/a3 --status ongoing --progress 40 --note "3 av 6 halvdagar genomförda"\n' +
        '  $ samverkan action set handlingsplan-nb/a3 --status done',
    )
    .action(async (ref: string, options: ActionSetCliOptions) => {
      const [{ loadWorkspace }, { setAction, findAction, requireProgress }, { editDate }, { displayPath }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/action.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
      ]);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      const today = editDate(workspace, options.asOf);
      const found = findAction(workspace, ref);
      let status = options.status;
      let progress = options.progress === undefined ? undefined : requireProgress(options.progress);
      let note = options.note;
      if (status === undefined && progress === undefined && note === undefined && canAsk(io)) {
        const { askActionSet, whileAsking } = await import('./prompts.js');
        const answers = await whileAsking(() =>
          askActionSet({ lang: options.lang ?? workspace.config.language, status: found.action.status, progress: found.action.progress }),
        );
        ({ status, progress, note } = answers);
      }
      const result = await setAction(workspace, { ref, status: status as never, progress, note }, { asOf: options.asOf });
      const where = displayPath(result.path, io.cwd);
      if (options.json) {
        io.stdout(
          jsonText({ file: where, plan: result.plan, action: result.action, was: result.was, now: result.now, follow_up: result.followUp, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }),
        );
      } else {
        const changes: string[] = [];
        changes.push(result.was.status === result.now.status ? `still ${result.now.status}` : `${result.was.status} → ${result.now.status}`);
        if (progress !== undefined) changes.push(result.was.progress === result.now.progress ? `progress still ${result.now.progress} %` : `progress ${result.was.progress ?? '–'} → ${result.now.progress} %`);
        if (result.followUp.note) changes.push(`note "${result.followUp.note}"`);
        io.stdout(`Recorded a follow-up of ${result.plan}/${result.action} ("${result.title}") dated ${today} in ${where}: ${changes.join(', ')}.\n`);
      }
      warningLines(io, result.warnings, (f) => displayPath(f, io.cwd));
    });
}
