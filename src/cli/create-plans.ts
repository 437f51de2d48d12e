/**
 * `samverkan plan new`, `goal add PLAN`, `indicator add PLAN`, `indicator measure PLAN/INDICATOR`
 * and `agreement new`: parse the flags, ask in a terminal for what they leave out (each answer
 * checked where it is typed), write through the core, and say in one line what was written and
 * what to do next.
 */
import type { Command } from './command.js';
import { language, messages } from '../i18n/messages.js';
import type { AgreementNewInput } from '../commands/create/agreement.js';
import type { GoalAddInput } from '../commands/create/goal.js';
import type { IndicatorAddInput, MeasureInput } from '../commands/create/indicator.js';
import type { PlanNewInput } from '../commands/create/plan.js';
import type { Workspace } from '../workspace/types.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, collect, noteLine, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/create-plans', {
  planNewDescription: {
    sv: 'skapa en ny handlingsplan med sitt första mål (frågar efter det som saknas i en terminal)',
    en: 'create a new action plan with its first goal (asks for what is missing in a terminal)',
  },
  goalAddDescription: {
    sv: 'lägg till ett övergripande mål i en plan, eller med --under ett delmål; planfilens kommentarer och form behålls',
    en: 'add an overall goal to a plan, or with --under a sub-goal; the plan file keeps its comments and layout',
  },
  indicatorAddDescription: {
    sv: 'lägg till en indikator under ett mål eller delmål: vad som mäts, enhet, riktning, utgångsläge och målvärde',
    en: 'add an indicator under a goal or sub-goal: what is measured, unit, direction, baseline and target',
  },
  measureDescription: { sv: 'för in ett nytt mätvärde för en indikator: värde, period och anteckning', en: 'record a new measurement of an indicator: value, period and note' },
  agreementNewDescription: {
    sv: 'skapa en ny överenskommelse: parter, huvudman, giltighetstid och kostnadsfördelning, som frågas efter i tur och ordning',
    en: 'create a new agreement: parties, lead, term and cost sharing, asked for in turn',
  },
  argPlan: { sv: 'planens id', en: 'the plan\'s id' },
  argIndicator: { sv: 'indikatorn, som planens id/indikatorns id, till exempel handlingsplan/i1', en: 'the indicator, as plan id/indicator id, e.g. handlingsplan/i1' },
  optTitle: { sv: 'namnet (obligatoriskt)', en: 'the title (required)' },
  optPlanId: { sv: 'planens id (förval: bildat av namnet)', en: 'the plan\'s id (default: made from the title)' },
  optOwner: { sv: 'id för gruppen eller organisationen som äger planen (obligatoriskt)', en: 'id of the group or organisation that owns the plan (required)' },
  optAgreement: { sv: 'id för överenskommelsen som planen genomför', en: 'id of the agreement the plan carries out' },
  optStart: { sv: 'första dagen, ÅÅÅÅ-MM-DD (obligatoriskt)', en: 'the first day, YYYY-MM-DD (required)' },
  optPlanEnd: { sv: 'sista dagen, ÅÅÅÅ-MM-DD (obligatoriskt)', en: 'the last day, YYYY-MM-DD (required)' },
  optFirstGoal: { sv: 'planens första övergripande mål, som en mening (obligatoriskt)', en: 'the plan\'s first overall goal, as a sentence (required)' },
  optGoalTitle: { sv: 'målet som en mening (obligatoriskt)', en: 'the goal as a sentence (required)' },
  optGoalId: { sv: 'målets id (förval: nästa lediga mN, eller dN för ett delmål)', en: 'the goal\'s id (default: the next free mN, or dN for a sub-goal)' },
  optUnder: { sv: 'id för målet som detta är ett delmål under', en: 'id of the goal this is a sub-goal of' },
  optNationalGoal: {
    sv: 'det nationella målet: prevention, detection-protection-support, law-enforcement eller knowledge-methods',
    en: 'the national goal: prevention, detection-protection-support, law-enforcement or knowledge-methods',
  },
  optFocusArea: { sv: 'fokusområde, till exempel governance, collaboration eller competence', en: 'focus area, for example governance, collaboration or competence' },
  optIndicatorGoal: { sv: 'id för målet eller delmålet som indikatorn mäter (obligatoriskt)', en: 'id of the goal or sub-goal the indicator measures (required)' },
  optName: { sv: 'vad som mäts (obligatoriskt)', en: 'what is measured (required)' },
  optIndicatorId: { sv: 'indikatorns id (förval: nästa lediga iN)', en: 'the indicator\'s id (default: the next free iN)' },
  optUnit: { sv: 'enhet, till exempel antal eller procent', en: 'unit, for example antal or procent' },
  optDirection: { sv: 'vilket håll som är bättre: increase, decrease eller reach', en: 'which way is better: increase, decrease or reach' },
  optSource: { sv: 'var siffrorna kommer ifrån', en: 'where the figures come from' },
  optBaseline: { sv: 'utgångsläget (ett tal); kräver --baseline-period', en: 'the baseline (a number); needs --baseline-period' },
  optBaselinePeriod: { sv: 'perioden för utgångsläget, till exempel 2024', en: 'the baseline\'s period, for example 2024' },
  optTarget: { sv: 'målvärdet (ett tal); kräver --target-period', en: 'the target (a number); needs --target-period' },
  optTargetPeriod: { sv: 'perioden målvärdet gäller, till exempel 2026', en: 'the period of the target, for example 2026' },
  optValue: { sv: 'det uppmätta värdet, ett tal (obligatoriskt)', en: 'the measured value, a number (required)' },
  optPeriod: {
    sv: 'perioden: ett år, 2025-H1, 2025-Q3, en månad eller ett datum (förval: i år)',
    en: 'the period: a year, 2025-H1, 2025-Q3, a month or a date (default: this year)',
  },
  optNote: { sv: 'en anteckning om mätningen', en: 'a note on the measurement' },
  optAgreementId: { sv: 'överenskommelsens id (förval: bildat av namnet)', en: 'the agreement\'s id (default: made from the title)' },
  optType: {
    sv: 'collaboration-agreement (förval), memorandum, contractual-cooperation eller association-charter',
    en: 'collaboration-agreement (default), memorandum, contractual-cooperation or association-charter',
  },
  optParty: {
    sv: 'id för en organisation som är part; upprepa för varje part (minst två, obligatoriskt)',
    en: 'id of an organisation that is a party; repeat for each (at least two, required)',
  },
  optLead: { sv: 'parten som är huvudman (obligatoriskt)', en: 'the party that is lead (huvudman) (required)' },
  optPurpose: { sv: 'syftet med samverkan (obligatoriskt)', en: 'what the collaboration is for (required)' },
  optAgreementEnd: { sv: 'sista dagen den gäller, ÅÅÅÅ-MM-DD (utan: tills vidare)', en: 'the last day it applies, YYYY-MM-DD (without: until further notice)' },
  optNoticeMonths: { sv: 'uppsägningstid i månader', en: 'notice period in months' },
  optRenewal: { sv: 'none eller yearly (förlängs ett år i taget)', en: 'none or yearly (renewed a year at a time)' },
  optStatus: { sv: 'draft (förval), active, terminated eller ended', en: 'draft (default), active, terminated or ended' },
  optMandate: { sv: 'uppdraget parterna ger samverkan', en: 'what the parties task the collaboration with' },
  optAuthority: { sv: 'vad samverkans grupper får besluta', en: 'what its groups may decide' },
  optBudget: { sv: 'budget per år i kronor', en: 'budget per year in SEK' },
  optShare: { sv: 'en parts andel av kostnaden i procent; upprepa för varje part, tillsammans 100', en: 'a party\'s share of the cost in percent; repeat for each party, 100 together' },
  optAsOf: { sv: 'gör som om i dag vore DATUM (ÅÅÅÅ-MM-DD)', en: 'act as if today were DATE (YYYY-MM-DD)' },
  optJson: { sv: 'skriv ut vad som gjordes som JSON', en: 'print what was done as JSON' },
  askHelp: {
    sv: '\nI en terminal frågar kommandot efter det som flaggorna inte anger, och varje svar kontrolleras direkt.\nAnnars (ett skript, CI) behövs de obligatoriska flaggorna.',
    en: '\nIn a terminal the command asks for what the flags leave out, and checks each answer as it is given.\nElsewhere (a script, CI) it needs the required flags.',
  },
  examplesWord: { sv: 'Exempel', en: 'Examples' },
  planWritten: {
    sv: 'Skrev {file}: handlingsplanen {id} "{title}" med målet m1. Nästa steg: lägg till åtgärder med "samverkan action add {id}" och indikatorer med "samverkan indicator add {id} --goal m1".',
    en: 'Wrote {file}: the action plan {id} "{title}" with goal m1. Next: add actions with "samverkan action add {id}" and indicators with "samverkan indicator add {id} --goal m1".',
  },
  goalAdded: {
    sv: 'Lade till målet {goal} "{title}" i planen {plan} ({file}:{line}). Nästa steg: bestäm hur det ska mätas med "samverkan indicator add {plan} --goal {goal}".',
    en: 'Added goal {goal} "{title}" to plan {plan} ({file}:{line}). Next: say how it is measured with "samverkan indicator add {plan} --goal {goal}".',
  },
  subgoalAdded: {
    sv: 'Lade till delmålet {goal} "{title}" under {under} i planen {plan} ({file}:{line}). Nästa steg: koppla åtgärder till det med "samverkan action add {plan} --goal {goal}".',
    en: 'Added sub-goal {goal} "{title}" under {under} to plan {plan} ({file}:{line}). Next: link actions to it with "samverkan action add {plan} --goal {goal}".',
  },
  indicatorAdded: {
    sv: 'Lade till indikatorn {id} "{name}" under {goal} i planen {plan} ({file}:{line}). Nästa steg: för in mätvärden med "samverkan indicator measure {plan}/{id} --value TAL".',
    en: 'Added indicator {id} "{name}" under {goal} to plan {plan} ({file}:{line}). Next: record measurements with "samverkan indicator measure {plan}/{id} --value NUMBER".',
  },
  measured: {
    sv: 'Förde in {value} för {period} på indikatorn {plan}/{id} "{name}" ({file}:{line}). Nästa steg: se hur planen går med "samverkan status".',
    en: 'Recorded {value} for {period} on indicator {plan}/{id} "{name}" ({file}:{line}). Next: see how the plan goes with "samverkan status".',
  },
  agreementWritten: {
    sv: 'Skrev {file}: överenskommelsen {id} "{title}" mellan {parties}, med {lead} som huvudman. Nästa steg: sätt status: active när alla parter har skrivit under, och skapa planen som genomför den med "samverkan plan new --agreement {id}".',
    en: 'Wrote {file}: the agreement {id} "{title}" between {parties}, with {lead} as lead. Next: set status: active once every party has signed, and create the plan that carries it out with "samverkan plan new --agreement {id}".',
  },
});

interface CreateOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

interface Written {
  path: string;
  line?: number;
  warnings: ReadonlyArray<{ ruleId: string; line: number; message: string; file: string }>;
}

/** Adds --as-of and --json, and the help on asking, to a creating command. */
function addCreateOptions(command: Command, examples: string[]): Command {
  return addWorkspaceOptions(command)
    .option(`--as-of <${placeholder('DATE')}>`, say('optAsOf'))
    .option('--json', say('optJson'))
    .addHelpText('after', `${say('askHelp')}\n\n${say('examplesWord')}:\n${examples.map((e) => `  $ ${e}`).join('\n')}`);
}

/**
 * The one way these commands run: load the workspace, get the answers (flags, else questions in a
 * terminal; a stop at a question writes nothing), write through the core, and say what was written.
 */
async function runCreate<I, R extends Written>(
  io: CliIO,
  options: CreateOptions,
  ask: (workspace: Workspace, canAsk: boolean) => Promise<I>,
  write: (workspace: Workspace, input: I) => Promise<R>,
  line: (result: R, where: string) => string,
  json: (result: R) => Record<string, unknown>,
): Promise<void> {
  const [{ loadWorkspace }, { editDate }, { whileAsking }, { displayPath }, { jsonText }] = await Promise.all([
    import('../workspace/load.js'),
    import('../edit/edit-workspace-file.js'),
    import('./prompts.js'),
    import('../report/display-path.js'),
    import('../report/json.js'),
  ]);
  const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
  editDate(workspace, options.asOf);
  // In a terminal (both ways) the command may ask; otherwise it must be told everything.
  const input = await whileAsking(() => ask(workspace, io.stdinIsTTY && io.isTTY));
  const result = await write(workspace, input);
  const where = displayPath(result.path, io.cwd);
  if (options.json) {
    io.stdout(jsonText({ file: where, ...(result.line ? { line: result.line } : {}), ...json(result), warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
  } else io.stdout(`${line(result, where)}\n`);
  for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
}

// The flags are named as the answers are, so the options are the answers given (agreement new's
// repeatable --party and --share aside).
type PlanNewCliOptions = CreateOptions & PlanNewInput;
type GoalAddCliOptions = CreateOptions & GoalAddInput;
type IndicatorAddCliOptions = CreateOptions & IndicatorAddInput;
type MeasureCliOptions = CreateOptions & MeasureInput;
type AgreementNewCliOptions = CreateOptions & Omit<AgreementNewInput, 'parties' | 'shares'> & { party?: string[]; share?: string[] };

/** Registers plan new, goal add, indicator add, indicator measure and agreement new. */
export function registerCreatePlans(program: Command, io: CliIO): void {
  const [TEXT, ID, DATE, GOAL, ORG, N, PERCENT, TYPE, STATUS, PERIOD, VALUE] = [
    placeholder('TEXT'), placeholder('ID'), placeholder('DATE'), placeholder('GOAL'), placeholder('ORG'), placeholder('N'), placeholder('PERCENT'), placeholder('TYPE'),
    placeholder('STATUS'), placeholder('PERIOD'), placeholder('VALUE'),
  ];

  const plan = program.command('plan').description(summary('plan'));
  const planNew = plan
    .command('new')
    .description(say('planNewDescription'))
    .option(`--title <${TEXT}>`, say('optTitle'))
    .option(`--id <${ID}>`, say('optPlanId'))
    .option(`--owner <${ID}>`, say('optOwner'))
    .option(`--agreement <${ID}>`, say('optAgreement'))
    .option(`--start <${DATE}>`, say('optStart'))
    .option(`--end <${DATE}>`, say('optPlanEnd'))
    .option(`--goal <${TEXT}>`, say('optFirstGoal'));
  addCreateOptions(planNew, [
    'samverkan plan new',
    'samverkan plan new --title "Handlingsplan mot våld i nära relationer 2025–2026" --owner styrgrupp --start 2025-01-01 --end 2026-12-31 --goal "Fler våldsutsatta får stöd i tid"',
  ]).action(async (options: PlanNewCliOptions) => {
    const [{ askPlanNew }, { createPlan }] = await Promise.all([import('./create-plans-prompts.js'), import('../commands/create/plan.js')]);
    await runCreate(
      io,
      options,
      (workspace, canAsk) => askPlanNew({ workspace, canAsk, given: options }),
      (workspace, input) => createPlan(workspace, input, { asOf: options.asOf }),
      (r, file) => say('planWritten', { file, id: r.plan.id, title: r.plan.title }),
      (r) => ({ plan: r.plan }),
    );
  });

  const goal = program.command('goal').description(summary('goal'));
  const goalAdd = goal
    .command('add')
    .argument(`<${placeholder('PLAN')}>`, say('argPlan'))
    .description(say('goalAddDescription'))
    .option(`--title <${TEXT}>`, say('optGoalTitle'))
    .option(`--id <${ID}>`, say('optGoalId'))
    .option(`--under <${GOAL}>`, say('optUnder'))
    .option(`--national-goal <${GOAL}>`, say('optNationalGoal'))
    .option(`--focus-area <${TEXT}>`, say('optFocusArea'));
  addCreateOptions(goalAdd, [
    'samverkan goal add handlingsplan',
    'samverkan goal add handlingsplan --title "Personalen har kunskap om våld i nära relationer" --national-goal knowledge-methods',
    'samverkan goal add handlingsplan --under m1 --title "Alla nyanställda går grundutbildningen"',
  ]).action(async (planId: string, options: GoalAddCliOptions) => {
    const [{ askGoalAdd }, { addGoal }] = await Promise.all([import('./create-plans-prompts.js'), import('../commands/create/goal.js')]);
    await runCreate(
      io,
      options,
      (workspace, canAsk) => askGoalAdd({ workspace, canAsk, plan: planId, given: options }),
      (workspace, input) => addGoal(workspace, planId, input, { asOf: options.asOf }),
      (r, file) =>
        r.under
          ? say('subgoalAdded', { goal: r.goal.id, title: r.goal.title, under: r.under, plan: r.plan, file, line: r.line })
          : say('goalAdded', { goal: r.goal.id, title: r.goal.title, plan: r.plan, file, line: r.line }),
      (r) => ({ plan: r.plan, goal: r.goal, ...(r.under ? { under: r.under } : {}) }),
    );
  });

  const indicator = program.command('indicator').description(summary('indicator'));
  const indicatorAdd = indicator
    .command('add')
    .argument(`<${placeholder('PLAN')}>`, say('argPlan'))
    .description(say('indicatorAddDescription'))
    .option(`--goal <${GOAL}>`, say('optIndicatorGoal'))
    .option(`--name <${TEXT}>`, say('optName'))
    .option(`--id <${ID}>`, say('optIndicatorId'))
    .option(`--unit <${TEXT}>`, say('optUnit'))
    .option(`--direction <${TYPE}>`, say('optDirection'))
    .option(`--source <${TEXT}>`, say('optSource'))
    .option(`--baseline <${VALUE}>`, say('optBaseline'))
    .option(`--baseline-period <${PERIOD}>`, say('optBaselinePeriod'))
    .option(`--target <${VALUE}>`, say('optTarget'))
    .option(`--target-period <${PERIOD}>`, say('optTargetPeriod'));
  addCreateOptions(indicatorAdd, [
    'samverkan indicator add handlingsplan',
    'samverkan indicator add handlingsplan --goal m1 --name "Tjänstepersoner som gått grundutbildningen" --unit antal --direction increase --baseline 0 --baseline-period 2024 --target 200 --target-period 2026',
  ]).action(async (planId: string, options: IndicatorAddCliOptions) => {
    const [{ askIndicatorAdd }, { addIndicator }] = await Promise.all([import('./create-plans-prompts.js'), import('../commands/create/indicator.js')]);
    await runCreate(
      io,
      options,
      (workspace, canAsk) => askIndicatorAdd({ workspace, canAsk, plan: planId, given: options }),
      (workspace, input) => addIndicator(workspace, planId, input, { asOf: options.asOf }),
      (r, file) => say('indicatorAdded', { id: r.indicator.id, name: r.indicator.name, goal: r.goal, plan: r.plan, file, line: r.line }),
      (r) => ({ plan: r.plan, goal: r.goal, indicator: r.indicator }),
    );
  });

  const measure = indicator
    .command('measure')
    .argument(`<${placeholder('PLAN')}/${placeholder('ID')}>`, say('argIndicator'))
    .description(say('measureDescription'))
    .option(`--value <${VALUE}>`, say('optValue'))
    .option(`--period <${PERIOD}>`, say('optPeriod'))
    .option(`--note <${TEXT}>`, say('optNote'));
  addCreateOptions(measure, ['samverkan indicator measure handlingsplan/i1', 'samverkan indicator measure handlingsplan/i1 --value 146 --period 2025 --note "Enligt deltagarlistorna"']).action(
    async (ref: string, options: MeasureCliOptions) => {
      const [{ askMeasure }, { addMeasurement }, { formatNumber }] = await Promise.all([
        import('./create-plans-prompts.js'),
        import('../commands/create/indicator.js'),
        import('../i18n/index.js'),
      ]);
      // The value as written, in the reader's own way of writing numbers (12,5 in Swedish).
      const shown = (n: number) => formatNumber(n, language(), String(n).split('.')[1]?.length ?? 0);
      await runCreate(
        io,
        options,
        (workspace, canAsk) => askMeasure({ workspace, canAsk, ref, asOf: options.asOf, given: options }),
        (workspace, input) => addMeasurement(workspace, ref, input, { asOf: options.asOf }),
        (r, file) => say('measured', { value: shown(r.measurement.value), period: r.measurement.period, plan: r.plan, id: r.indicator, name: r.name, file, line: r.line }),
        (r) => ({ plan: r.plan, indicator: r.indicator, measurement: r.measurement }),
      );
    },
  );

  const agreement = program.command('agreement').description(summary('agreement'));
  const agreementNew = agreement
    .command('new')
    .description(say('agreementNewDescription'))
    .option(`--title <${TEXT}>`, say('optTitle'))
    .option(`--id <${ID}>`, say('optAgreementId'))
    .option(`--type <${TYPE}>`, say('optType'))
    .option(`--party <${ORG}>`, say('optParty'), collect)
    .option(`--lead <${ORG}>`, say('optLead'))
    .option(`--purpose <${TEXT}>`, say('optPurpose'))
    .option(`--start <${DATE}>`, say('optStart'))
    .option(`--end <${DATE}>`, say('optAgreementEnd'))
    .option(`--notice-months <${N}>`, say('optNoticeMonths'))
    .option(`--renewal <${TYPE}>`, say('optRenewal'))
    .option(`--status <${STATUS}>`, say('optStatus'))
    .option(`--mandate <${TEXT}>`, say('optMandate'))
    .option(`--authority <${TEXT}>`, say('optAuthority'))
    .option(`--budget <${N}>`, say('optBudget'))
    .option(`--share <${ORG}=${PERCENT}>`, say('optShare'), collect);
  addCreateOptions(agreementNew, [
    'samverkan agreement new',
    'samverkan agreement new --title "Samverkansöverenskommelse om våld i nära relationer" --party kommunen --party regionen --lead kommunen --purpose "Samordnat stöd till våldsutsatta" --start 2025-01-01 --end 2027-12-31 --share kommunen=60 --share regionen=40',
  ]).action(async (options: AgreementNewCliOptions) => {
    const [{ askAgreementNew }, { createAgreement, parseShareFlag }] = await Promise.all([
      import('./create-plans-prompts.js'),
      import('../commands/create/agreement.js'),
    ]);
    const { party: parties, share, ...rest } = options;
    const shares = share?.map(parseShareFlag);
    await runCreate(
      io,
      options,
      (workspace, canAsk) => askAgreementNew({ workspace, canAsk, given: { ...rest, parties, shares } }),
      (workspace, input) => createAgreement(workspace, input, { asOf: options.asOf }),
      (r, file) =>
        say('agreementWritten', {
          file,
          id: r.agreement.id,
          title: r.agreement.title,
          parties: r.agreement.parties.map((p) => p.organization).join(', '),
          lead: r.agreement.parties.find((p) => p.role === 'lead')?.organization,
        }),
      (r) => ({ agreement: r.agreement }),
    );
  });
}
