/** `samverkan action add PLAN …` and `samverkan action set PLAN/ACTION …`: parse, ask for what is missing in a terminal, edit, say what changed. */
import { Option, type Command } from './command.js';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, collect, nameOf, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/action', {
  examples: {
    sv: '\nExempel:\n  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30\n  $ samverkan action set handlingsplan-nb/a3 --status klar --progress 100 --note "Alla handläggare utbildade"',
    en: '\nExamples:\n  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30\n  $ samverkan action set handlingsplan-nb/a3 --status done --progress 100 --note "Alla handläggare utbildade"',
  },
  asOf: {
    sv: 'gör som om i dag vore {date} (ÅÅÅÅ-MM-DD): datumet för förval och kontroller',
    en: 'act as if today were {date} (YYYY-MM-DD): the date of defaults and checks',
  },
  json: { sv: 'skriv vad som gjordes som JSON', en: 'print what was done as JSON' },
  addDescription: {
    sv: 'lägg till en åtgärd i en handlingsplan; planfilens kommentarer och formatering blir kvar som de är',
    en: 'add an action to a plan; comments and formatting of the plan file stay as they are',
  },
  plan: { sv: 'handlingsplanens id', en: 'id of the plan' },
  id: { sv: 'åtgärdens id (förval: nästa lediga aN)', en: "the action's id (default: the next free aN)" },
  title: { sv: 'vad som ska göras (krävs)', en: 'what is to be done (required)' },
  responsible: { sv: 'id för den organisation som är ansvarig, som i organizations.yaml (krävs)', en: 'id of the organisation responsible, as in organizations.yaml (required)' },
  due: { sv: 'när den ska vara klar, ÅÅÅÅ-MM-DD (krävs)', en: 'when it is to be done, YYYY-MM-DD (required)' },
  status: {
    sv: 'planerad, pågående, klar, pausad eller avbruten (eller som i filen: planned, ongoing, done, paused, cancelled)',
    en: 'planned, ongoing, done, paused or cancelled (or in Swedish: "pågående", "klar" …)',
  },
  goal: { sv: 'id för ett mål eller delmål i planen som den arbetar mot; upprepa för flera', en: 'id of a goal or sub-goal of the plan it serves; repeat for several' },
  phase: { sv: 'id för den fas i planen som den hör till', en: "id of the plan's phase it belongs to" },
  lead: { sv: 'id för den person eller grupp som leder arbetet', en: 'id of the person or group that leads the work' },
  start: { sv: 'när den börjar, ÅÅÅÅ-MM-DD', en: 'when it starts, YYYY-MM-DD' },
  addAfter: {
    sv:
      '\nI en terminal frågar kommandot efter --title, --responsible, --due och målen när de inte ges.\n' +
      'Annars (i ett skript, i CI) behöver det --title, --responsible och --due.\n' +
      '\nExempel:\n  $ samverkan action add handlingsplan-nb\n' +
      '  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30 --goal d1',
    en:
      '\nIn a terminal the command asks for --title, --responsible, --due and the goals when they are not given.\n' +
      'Elsewhere (a script, CI) it needs --title, --responsible and --due.\n' +
      '\nExamples:\n  $ samverkan action add handlingsplan-nb\n' +
      '  $ samverkan action add handlingsplan-nb --title "Utbilda socialtjänsten i FREDA" --responsible munkedal --due 2010-06-30 --goal d1',
  },
  missing: {
    sv: {
      one: '{flags} saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Till exempel: {example}',
      other: '{flags} saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Till exempel: {example}',
    },
    en: {
      one: '{flags} is missing, and input is not a terminal, so samverkan cannot ask. For example: {example}',
      other: '{flags} are missing, and input is not a terminal, so samverkan cannot ask. For example: {example}',
    },
  },
  and: { sv: 'och', en: 'and' },
  exampleTitle: { sv: 'Utbilda personalen', en: 'Train the staff' },
  added: {
    sv: 'Lade till åtgärd {id} "{title}" i handlingsplanen {plan} ({where}): {responsible} är ansvarig, klar senast {due}, {status}{goals}.',
    en: 'Added action {id} "{title}" to plan {plan} ({where}): {responsible} is responsible, due {due}, {status}{goals}.',
  },
  serves: { sv: ', arbetar mot {goals}', en: ', serves {goals}' },
  setDescription: {
    sv: 'för in hur en åtgärd går: ange status och hur långt den kommit, och lägg till en daterad uppföljning',
    en: 'record how an action goes: set its status and progress, and add a dated follow-up entry',
  },
  ref: { sv: 'åtgärden, som planens id/åtgärdens id, t.ex. handlingsplan-nb/a3', en: 'the action, as plan id/action id, e.g. handlingsplan-nb/a3' },
  progress: { sv: 'hur långt den har kommit, 0 till 100', en: 'how far it has come, 0 to 100' },
  note: { sv: 'vad som hänt, för uppföljningsloggen', en: 'what happened, for the follow-up log' },
  setAfter: {
    sv:
      '\nUppföljningen får dagens datum (eller --as-of), status, hur långt åtgärden kommit och anteckningen.\n' +
      'I en terminal, utan --status, --progress och --note, frågar kommandot efter dem.\n' +
      '\nExempel:\n  $ samverkan action set handlingsplan-nb/a3 --status pågående --progress 40 --note "3 av 6 halvdagar genomförda"\n' +
      '  $ samverkan action set handlingsplan-nb/a3 --status klar',
    en:
      "\nThe follow-up entry gets today's date (or --as-of), the status, the progress and the note.\n" +
      'In a terminal, with none of --status, --progress and --note, the command asks for them.\n' +
      '\nExamples:\n  $ samverkan action set handlingsplan-nb/a3 --status ongoing --progress 40 --note "3 av 6 halvdagar genomförda"\n' +
      '  $ samverkan action set handlingsplan-nb/a3 --status done',
  },
  still: { sv: 'fortfarande {status}', en: 'still {status}' },
  changedStatus: { sv: '{from} → {to}', en: '{from} → {to}' },
  progressStill: { sv: 'fortfarande {progress} % klar', en: 'progress still {progress} %' },
  progressChanged: { sv: 'klar till {from} → {to} %', en: 'progress {from} → {to} %' },
  noted: { sv: 'anteckningen "{note}"', en: 'note "{note}"' },
  recorded: {
    sv: 'Förde in en uppföljning av {ref} ("{title}") daterad {date} i {where}: {changes}.',
    en: 'Recorded a follow-up of {ref} ("{title}") dated {date} in {where}: {changes}.',
  },
});

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
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option('--json', say('json'));
}

/** In a terminal (both ways) the command may ask; otherwise it must be told everything. */
function canAsk(io: CliIO): boolean {
  return io.stdinIsTTY && io.isTTY;
}

function warningLines(io: CliIO, warnings: ReadonlyArray<{ message: string; line: number; file: string }>, display: (file: string) => string): void {
  for (const w of warnings) io.stderr(noteLine(`${display(w.file)}:${w.line}`, w.message));
}

export function registerAction(program: Command, io: CliIO): void {
  const action = program
    .command('action')
    .description(summary('action'))
    .addHelpText('after', say('examples'));

  const add = action
    .command('add')
    .argument(`<${placeholder('PLAN')}>`, say('plan'))
    .description(say('addDescription'))
    .option(`--id <${placeholder('ID')}>`, say('id'))
    .option(`--title <${placeholder('TEXT')}>`, say('title'))
    .option(`--responsible <${placeholder('ORG')}>`, say('responsible'))
    .option(`--due <${placeholder('DATE')}>`, say('due'), parseDate)
    .addOption(new Option(`--status <${placeholder('STATUS')}>`, say('status')).default('planned'))
    .option(`--goal <${placeholder('GOAL')}>`, say('goal'), collect)
    .option(`--phase <${placeholder('PHASE')}>`, say('phase'))
    .option(`--lead <${placeholder('ID')}>`, say('lead'))
    .option(`--start <${placeholder('DATE')}>`, say('start'), parseDate);
  addEditOptions(add)
    .addHelpText('after', say('addAfter'))
    .action(async (planId: string, options: ActionAddCliOptions) => {
      const [{ loadWorkspace }, { addAction }, { documentToEdit, editDate }, { displayPath }, { jsonText }, { labelsFor }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/action.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../report/json.js'),
        import('../i18n/index.js'),
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
            say('missing', {
              n: missing.length,
              flags: missing.join(', ').replace(/, ([^,]*)$/, ` ${say('and')} $1`),
              example: `samverkan action add ${planId} --title "${say('exampleTitle')}" --responsible ${[...workspace.index.organizations.keys()][0] ?? placeholder('ORG')} --due 2010-06-30`,
            }),
          );
        }
        const { askActionAdd, whileAsking } = await import('./prompts.js');
        const items = [...(workspace.index.planItems.get(planId)?.values() ?? [])];
        const answers = await whileAsking(() =>
          askActionAdd({
            lang: language(),
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
        const status = labelsFor(language()).action_status[a.status].toLowerCase();
        const goals = a.goals?.length ? say('serves', { goals: a.goals.join(', ') }) : '';
        io.stdout(`${say('added', { id: a.id, title: a.title, plan: result.plan, where: `${where}:${result.line}`, responsible: a.responsible, due: a.due, status, goals })}\n`);
      }
      warningLines(io, result.warnings, (f) => displayPath(f, io.cwd));
    });

  const set = action
    .command('set')
    .argument(`<${placeholder('PLAN')}/${placeholder('ACTION')}>`, say('ref'))
    .description(say('setDescription'))
    .addOption(new Option(`--status <${placeholder('STATUS')}>`, say('status')))
    .option(`--progress <${placeholder('PERCENT')}>`, say('progress'))
    .option(`--note <${placeholder('TEXT')}>`, say('note'));
  addEditOptions(set)
    .addHelpText('after', say('setAfter'))
    .action(async (ref: string, options: ActionSetCliOptions) => {
      const [{ loadWorkspace }, { setAction, findAction, requireProgress }, { editDate }, { displayPath }, { jsonText }, { labelsFor }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/action.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../report/json.js'),
        import('../i18n/index.js'),
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
          askActionSet({ lang: language(), status: found.action.status, progress: found.action.progress }),
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
        const statusWord = (value: keyof ReturnType<typeof labelsFor>['action_status']) => labelsFor(language()).action_status[value].toLowerCase();
        const changes: string[] = [];
        changes.push(
          result.was.status === result.now.status
            ? say('still', { status: statusWord(result.now.status) })
            : say('changedStatus', { from: statusWord(result.was.status), to: statusWord(result.now.status) }),
        );
        if (progress !== undefined) {
          changes.push(
            result.was.progress === result.now.progress
              ? say('progressStill', { progress: result.now.progress })
              : say('progressChanged', { from: result.was.progress ?? '–', to: result.now.progress }),
          );
        }
        if (result.followUp.note) changes.push(say('noted', { note: result.followUp.note }));
        io.stdout(`${say('recorded', { ref: `${result.plan}/${result.action}`, title: result.title, date: today, where, changes: changes.join(', ') })}\n`);
      }
      warningLines(io, result.warnings, (f) => displayPath(f, io.cwd));
    });
}
