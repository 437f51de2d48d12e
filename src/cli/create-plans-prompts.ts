/**
 * The conversations of `plan new`, `goal add`, `indicator add`, `indicator measure` and
 * `agreement new`: each answer comes from its flag (checked), else from a question in a terminal
 * whose `validate` is the same check, so a wrong answer is refused where it was typed; without a
 * terminal a missing required answer is refused naming its flag. Each conversation is shaped like
 * an inquirer prompt, (config, context), so @inquirer/testing's `render` drives it in tests.
 */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { UsageError } from '../errors.js';
import { labelsFor } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import {
  agreementFields,
  agreementTypes,
  checkLead,
  checkParties,
  checkShare,
  checkSharesTotal,
  defaultAgreementId,
  PARTIES_FIELD,
  type AgreementNewInput,
  type ShareInput,
} from '../commands/create/agreement.js';
import { answer, asValidate, checkFlag, enumValues, missingFlag } from '../commands/create/common.js';
import { goalAddFields, refuseOverallOnly, type GoalAddInput } from '../commands/create/goal.js';
import { defaultPeriod, findIndicator, indicatorAddFields, measureFields, type IndicatorAddInput, type MeasureInput } from '../commands/create/indicator.js';
import { defaultPlanId, planItems, planNewFields, type PlanNewInput } from '../commands/create/plan.js';
import { entryChoices, enumChoices, picked, typed, withDefault, type Ask } from './create-prompts.js';
import { forEachPrompt, type PromptContext } from './init-prompts.js';
import { nameOf } from './options.js';

const say = messages('cli/create-plans-prompts', {
  planTitle: { sv: 'Vad heter handlingsplanen?', en: 'What is the action plan called?' },
  planId: { sv: 'Planens id (används i kommandon och filnamn):', en: 'The plan\'s id (used in commands and the file name):' },
  planOwner: { sv: 'Vilken grupp eller organisation äger planen?', en: 'Which group or organisation owns the plan?' },
  planOwnerId: { sv: 'Vilken grupp eller organisation äger planen? (id)', en: 'Which group or organisation owns the plan? (id)' },
  planAgreement: { sv: 'Vilken överenskommelse genomför planen?', en: 'Which agreement does the plan carry out?' },
  planStart: { sv: 'Vilken dag börjar planens period? (ÅÅÅÅ-MM-DD)', en: 'On which day does the plan\'s period start? (YYYY-MM-DD)' },
  planEnd: { sv: 'Vilken dag slutar den? (ÅÅÅÅ-MM-DD)', en: 'On which day does it end? (YYYY-MM-DD)' },
  planGoal: { sv: 'Planens första övergripande mål, som en mening:', en: 'The plan\'s first overall goal, as a sentence:' },
  goalOrSubgoal: { sv: 'Vad ska läggas till?', en: 'What is to be added?' },
  overallGoal: { sv: 'Ett nytt övergripande mål', en: 'A new overall goal' },
  subgoalUnder: { sv: 'Ett delmål under {goal}', en: 'A sub-goal under {goal}' },
  goalTitle: { sv: 'Målet, som en mening:', en: 'The goal, as a sentence:' },
  subgoalTitle: { sv: 'Delmålet under {goal}, som en mening:', en: 'The sub-goal under {goal}, as a sentence:' },
  nationalGoal: { sv: 'Vilket nationellt mål arbetar det mot?', en: 'Which national goal does it serve?' },
  focusArea: { sv: 'Fokusområde, till exempel styrning, samverkan eller kompetens', en: 'Focus area, for example governance, collaboration or competence' },
  indicatorGoal: { sv: 'Vilket mål eller delmål ska indikatorn mäta?', en: 'Which goal or sub-goal does the indicator measure?' },
  indicatorGoalId: { sv: 'Vilket mål eller delmål ska indikatorn mäta? (id)', en: 'Which goal or sub-goal does the indicator measure? (id)' },
  indicatorName: { sv: 'Vad mäts?', en: 'What is measured?' },
  unit: { sv: 'Enhet, till exempel antal eller procent', en: 'Unit, for example number or percent' },
  direction: { sv: 'Vilket håll är bättre?', en: 'Which way is better?' },
  source: { sv: 'Var kommer siffrorna ifrån?', en: 'Where do the figures come from?' },
  baseline: { sv: 'Utgångsläge: värdet', en: 'Baseline: the value' },
  baselinePeriod: { sv: 'Utgångsläge: vilken period? (till exempel 2024 eller 2024-H1)', en: 'Baseline: which period? (for example 2024 or 2024-H1)' },
  target: { sv: 'Målvärde', en: 'Target value' },
  targetPeriod: { sv: 'Målvärdet gäller vilken period? (till exempel 2026)', en: 'The target is for which period? (for example 2026)' },
  measureValue: { sv: 'Vilket värde mättes för {name}?', en: 'Which value was measured for {name}?' },
  measurePeriod: { sv: 'För vilken period? (ett år, 2025-H1, 2025-Q3, en månad eller ett datum)', en: 'For which period? (a year, 2025-H1, 2025-Q3, a month or a date)' },
  measureNote: { sv: 'Anteckning', en: 'Note' },
  agreementTitle: { sv: 'Vad heter överenskommelsen?', en: 'What is the agreement called?' },
  agreementType: { sv: 'Vad är det för slags överenskommelse?', en: 'What kind of agreement is it?' },
  parties: { sv: 'Vilka organisationer är parter? (mellanslag väljer, enter går vidare)', en: 'Which organisations are parties? (space selects, enter goes on)' },
  lead: { sv: 'Vilken part är huvudman?', en: 'Which party is the lead (huvudman)?' },
  purpose: { sv: 'Vad är syftet med samverkan?', en: 'What is the collaboration for?' },
  agreementStart: { sv: 'Från vilken dag gäller den? (ÅÅÅÅ-MM-DD)', en: 'From which day does it apply? (YYYY-MM-DD)' },
  agreementEnd: { sv: 'Till och med vilken dag? (ÅÅÅÅ-MM-DD; lämna tomt om den gäller tills vidare)', en: 'Until which day? (YYYY-MM-DD; leave empty if it runs until further notice)' },
  noticeMonths: { sv: 'Uppsägningstid i månader', en: 'Notice period in months' },
  renewal: { sv: 'Förlängs den av sig själv?', en: 'Is it renewed by itself?' },
  status: { sv: 'Var står överenskommelsen nu?', en: 'Where does the agreement stand now?' },
  mandate: { sv: 'Uppdrag: vad ska samverkan göra?', en: 'Mandate: what is the collaboration to do?' },
  authority: { sv: 'Befogenhet: vad får samverkans grupper besluta?', en: 'Authority: what may its groups decide?' },
  budget: { sv: 'Budget per år i kronor', en: 'Budget per year in SEK' },
  shareCosts: { sv: 'Delar parterna på kostnaderna med en andel var?', en: 'Do the parties share the costs, each with a share?' },
  share: { sv: 'Hur stor andel betalar {party}, i procent?', en: 'What share does {party} pay, in percent?' },
  tooFewOrganizations: {
    sv: { one: 'Arbetsytan har bara {n} organisation, och en överenskommelse har minst två parter. Lägg till parterna först med "samverkan organization add".', other: 'Arbetsytan har {n} organisationer, och en överenskommelse har minst två parter. Lägg till parterna först med "samverkan organization add".' },
    en: { one: 'The workspace has only {n} organisation, and an agreement has at least two parties. Add the parties first with "samverkan organization add".', other: 'The workspace has {n} organisations, and an agreement has at least two parties. Add the parties first with "samverkan organization add".' },
  },
});

// ---------------------------------------------------------------------------------------------

export interface PlanNewPromptConfig extends Ask {
  /** What the flags gave. */
  given: PlanNewInput;
}

/** Asks for a new plan's title, owner, agreement, period and first goal, where the flags left them out. */
export async function askPlanNew(config: PlanNewPromptConfig, outer: PromptContext = {}): Promise<PlanNewInput> {
  const context = forEachPrompt(outer);
  const { workspace, given } = config;
  let fields = planNewFields(workspace, given.start);
  const title = await typed(fields.title, given.title, config, context, say('planTitle'));
  const id = await typed(fields.id, given.id, config, context, say('planId'), title ? defaultPlanId(workspace, title) : undefined);
  const owners = [...entryChoices(workspace.index.groups.values()), ...entryChoices(workspace.index.organizations.values())];
  const owner = await picked(fields.owner, given.owner, config, context, say('planOwner'), owners, say('planOwnerId'));
  const agreements = entryChoices(workspace.index.agreements.values());
  const agreement =
    given.agreement !== undefined || agreements.length > 0
      ? await picked(fields.agreement, given.agreement, config, context, say('planAgreement'), agreements)
      : undefined;
  const start = await typed(fields.start, given.start, config, context, say('planStart'));
  fields = planNewFields(workspace, start);
  const end = await typed(fields.end, given.end, config, context, say('planEnd'));
  const goal = await typed(fields.goal, given.goal, config, context, say('planGoal'));
  return { title, id, owner, agreement, start, end, goal };
}

export interface GoalAddPromptConfig extends Ask {
  plan: string;
  given: GoalAddInput;
}

/** Asks for a goal's sentence and, for an overall goal, its national goal and focus area. */
export async function askGoalAdd(config: GoalAddPromptConfig, outer: PromptContext = {}): Promise<GoalAddInput> {
  const context = forEachPrompt(outer);
  const { workspace, plan, given } = config;
  // An overall goal or a sub-goal: asked unless a flag settles it (--under, or what only an overall goal has).
  const overallOnly = Boolean(given.nationalGoal ?? given.focusArea);
  const goals = [...planItems(workspace, plan).values()].filter((i) => i.type === 'goal');
  const under = await answer(goalAddFields(workspace, plan).under, given.under, {
    canAsk: config.canAsk && !overallOnly,
    ask: () =>
      select(
        {
          message: say('goalOrSubgoal'),
          choices: [
            { value: '', name: say('overallGoal') },
            ...goals.map((g) => ({ value: g.id, name: say('subgoalUnder', { goal: `${g.id} ${nameOf(g.value.title, '')}`.trim() }) })),
          ],
          pageSize: Math.min(goals.length + 1, 12),
        },
        context,
      ),
  });
  refuseOverallOnly({ ...given, under });
  const fields = goalAddFields(workspace, plan, under);
  const title = await typed(fields.title, given.title, config, context, under ? say('subgoalTitle', { goal: under }) : say('goalTitle'));
  const id = checkFlag(fields.id, given.id);
  if (under) return { under, title, id };
  const nationalGoal = await picked(
    fields.nationalGoal,
    given.nationalGoal,
    config,
    context,
    say('nationalGoal'),
    enumChoices(enumValues('plan', 'goals[].national_goal'), labelsFor(language()).national_goal),
  );
  const focusArea = await typed(fields.focusArea, given.focusArea, config, context, say('focusArea'));
  return { title, id, nationalGoal, focusArea };
}

export interface IndicatorAddPromptConfig extends Ask {
  plan: string;
  given: IndicatorAddInput;
}

/** Asks for an indicator's goal, what it measures, its unit and direction, its baseline and its target. */
export async function askIndicatorAdd(config: IndicatorAddPromptConfig, outer: PromptContext = {}): Promise<IndicatorAddInput> {
  const context = forEachPrompt(outer);
  const { workspace, plan, given } = config;
  let fields = indicatorAddFields(workspace, plan, given);
  const goals = [...planItems(workspace, plan).values()]
    .filter((i) => i.type === 'goal' || i.type === 'subgoal')
    .map((i) => ({ value: i.id, name: `${i.id} ${nameOf(i.value.title, '')}`.trim() }));
  const goal = await picked(fields.goal, given.goal, config, context, say('indicatorGoal'), goals, say('indicatorGoalId'));
  const name = await typed(fields.name, given.name, config, context, say('indicatorName'));
  const id = checkFlag(fields.id, given.id);
  const unit = await typed(fields.unit, given.unit, config, context, say('unit'));
  const direction = await picked(
    fields.direction,
    given.direction,
    config,
    context,
    say('direction'),
    enumChoices(enumValues('plan', 'goals[].indicators[].direction'), labelsFor(language()).direction),
  );
  const source = await typed(fields.source, given.source, config, context, say('source'));
  const baseline = await typed(fields.baseline, given.baseline, config, context, say('baseline'));
  fields = indicatorAddFields(workspace, plan, { ...given, baseline });
  const baselinePeriod = baseline ? await typed(fields.baselinePeriod, given.baselinePeriod, config, context, say('baselinePeriod')) : undefined;
  const target = await typed(fields.target, given.target, config, context, say('target'));
  fields = indicatorAddFields(workspace, plan, { ...given, baseline, target });
  const targetPeriod = target ? await typed(fields.targetPeriod, given.targetPeriod, config, context, say('targetPeriod')) : undefined;
  return { goal, name, id, unit, direction, source, baseline, baselinePeriod, target, targetPeriod };
}

export interface MeasurePromptConfig extends Ask {
  /** PLAN/INDICATOR. */
  ref: string;
  given: MeasureInput;
  /** --as-of, for the default period. */
  asOf?: string;
}

/** Asks for a measured value, its period (this year unless changed) and a note. */
export async function askMeasure(config: MeasurePromptConfig, outer: PromptContext = {}): Promise<MeasureInput> {
  const context = forEachPrompt(outer);
  const { workspace, ref, given } = config;
  const fields = measureFields(workspace, ref);
  const { indicator } = findIndicator(workspace, ref);
  const value = await typed(fields.value, given.value, config, context, say('measureValue', { name: indicator.name }));
  // The period has a default (this year), so the question offers it rather than a skip.
  const period = await answer(fields.period, given.period, {
    canAsk: config.canAsk,
    ask: () => input({ message: say('measurePeriod'), default: defaultPeriod(workspace, config.asOf), validate: asValidate(fields.period.check!) }, context),
  });
  const note = await typed(fields.note, given.note, config, context, say('measureNote'));
  return { value, period, note };
}

export interface AgreementNewPromptConfig extends Ask {
  given: AgreementNewInput;
}

/** Asks, in turn, for an agreement's title, type, parties, lead, purpose, term, and how the parties share its cost. */
export async function askAgreementNew(config: AgreementNewPromptConfig, outer: PromptContext = {}): Promise<AgreementNewInput> {
  const context = forEachPrompt(outer);
  const { workspace, given } = config;
  const labels = labelsFor(language());
  let fields = agreementFields(workspace, { parties: given.parties, start: given.start });
  const title = await typed(fields.title, given.title, config, context, say('agreementTitle'));
  const id = checkFlag(fields.id, given.id) ?? (title ? defaultAgreementId(workspace, title) : undefined);
  const type = await withDefault(fields.type, given.type, config, context, say('agreementType'), enumChoices(agreementTypes(), labels.agreement_type), 'collaboration-agreement');

  const partiesCheck = checkParties(workspace);
  let parties = given.parties;
  if (parties && parties.length > 0) {
    const problem = partiesCheck(parties);
    if (problem) throw new UsageError(`${PARTIES_FIELD.flag} ${parties.join(' ')}: ${problem}`);
  } else if (config.canAsk) {
    const organizations = entryChoices(workspace.index.organizations.values());
    // Two parties at least: with fewer organisations the question could never be answered.
    if (organizations.length < 2) throw new UsageError(say('tooFewOrganizations', { n: organizations.length }));
    parties = await checkbox(
      {
        message: say('parties'),
        choices: organizations,
        pageSize: Math.min(Math.max(organizations.length, 1), 12),
        validate: (chosen) => partiesCheck(chosen.map((c) => c.value)) ?? true,
      },
      context,
    );
  } else throw missingFlag(PARTIES_FIELD);
  const chosen = parties;

  fields = agreementFields(workspace, { parties: chosen, start: given.start });
  const partyChoices = chosen.map((p) => entryChoices([{ id: p, value: workspace.index.organizations.get(p)?.value }])[0]);
  const lead = await answer({ ...fields.lead, check: checkLead(chosen) }, given.lead, {
    canAsk: config.canAsk,
    ask: () => select({ message: say('lead'), choices: partyChoices }, context),
  });
  const purpose = await typed(fields.purpose, given.purpose, config, context, say('purpose'));
  const start = await typed(fields.start, given.start, config, context, say('agreementStart'));
  fields = agreementFields(workspace, { parties: chosen, start });
  const end = await typed(fields.end, given.end, config, context, say('agreementEnd'));
  const noticeMonths = await typed(fields.noticeMonths, given.noticeMonths, config, context, say('noticeMonths'));
  const renewal = end
    ? await picked(fields.renewal, given.renewal, config, context, say('renewal'), enumChoices(enumValues('agreement', 'term.renewal'), labels.renewal))
    : checkFlag(fields.renewal, given.renewal);
  const status = await withDefault(fields.status, given.status, config, context, say('status'), enumChoices(enumValues('agreement', 'status'), labels.agreement_status), 'draft');
  const mandate = await typed(fields.mandate, given.mandate, config, context, say('mandate'));
  const authority = await typed(fields.authority, given.authority, config, context, say('authority'));
  const budget = await typed(fields.budget, given.budget, config, context, say('budget'));

  let shares: ShareInput[] | undefined = given.shares;
  if (shares === undefined && config.canAsk && (await confirm({ message: say('shareCosts'), default: Boolean(budget) }, context))) {
    shares = [];
    for (const [i, party] of chosen.entries()) {
      const last = i === chosen.length - 1;
      const done = [...shares];
      const share = await input(
        {
          message: say('share', { party: partyChoices[i].name }),
          // The last share is refused unless the shares then add up, the way agreement/cost-sharing counts.
          validate: asValidate((v) => checkShare(v) ?? (last ? checkSharesTotal([...done, { organization: party, share: v }], party) : undefined)),
        },
        context,
      );
      shares.push({ organization: party, share: share.trim() });
    }
  }
  return { title, id, type, parties: chosen, lead, purpose, start, end, noticeMonths, renewal, status, mandate, authority, budget, shares };
}
