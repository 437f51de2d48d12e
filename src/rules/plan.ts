/** plan/*: dates that make sense, overdue actions, goals that nothing serves or measures. */
import { isOverdue } from '../model/plan-status.js';
import type { RuleModule } from './context.js';

export const planRules: RuleModule = {
  rules: [
    {
      id: 'plan/dates',
      severity: 'error',
      description: 'A start after its end or due date (error); an action outside the plan period (warning).',
      fullDescription:
        'A start after its end cannot be put on a timeline and is usually a typing error; an action outside the plan\'s period will not be followed up with the plan. Correct the dates, or extend the period.',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, start: 2009-11-01, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, start: 2009-02-01, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'plan/overdue',
      severity: 'warning',
      description: 'An action that is not done or cancelled and was due before today (--as-of sets today).',
      fullDescription:
        'An overdue action is one the steering group should hear about: it is either late, or done without anyone noting it. Set status: done (or cancelled), or agree a new due: date and note why in follow_up:.',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-03-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-03-31, status: done}\n',
      },
    },
    {
      id: 'plan/goal-without-action',
      severity: 'warning',
      description: 'A goal or sub-goal that no action serves.',
      fullDescription:
        'A goal that no action serves will not be reached by the plan, and its follow-up will have nothing to report. Add an action that serves it (goals: [id]), or remove the goal.',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - {id: m2, title: Personalen har kunskap om våld}\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - {id: m2, title: Personalen har kunskap om våld, indicators: [{id: i2, name: Utbildad personal}]}\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1, m2], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'plan/goal-without-indicator',
      severity: 'info',
      description: 'An overall goal that nothing measures: too vague to follow up.',
      fullDescription:
        'A goal without an indicator cannot be followed up: nobody can say whether it was reached. Add at least one indicator (what is counted, with a baseline and a target).',
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('plan')) {
      const period = data.period;
      if (period.start > period.end) {
        context.report('plan/dates', doc, ['period', 'end'], `The plan period ends (${period.end}) before it starts (${period.start}). Swap or correct the dates.`);
      }
      data.phases?.forEach((phase, i) => {
        if (phase.start && phase.end && phase.start > phase.end) {
          context.report('plan/dates', doc, ['phases', i, 'end'], `Phase ${phase.id} ends (${phase.end}) before it starts (${phase.start}). Correct one of the dates.`);
        }
      });

      const served = new Set<string>();
      data.actions?.forEach((action, i) => {
        for (const g of action.goals ?? []) served.add(g);
        if (action.start && action.start > action.due) {
          context.report(
            'plan/dates',
            doc,
            ['actions', i, 'start'],
            `Action ${action.id} starts ${action.start}, after it is due (${action.due}). Move the start earlier or the due date later.`,
          );
        }
        const outside = action.due < period.start || action.due > period.end ? 'due' : action.start && action.start < period.start ? 'start' : undefined;
        if (outside) {
          context.report(
            'plan/dates',
            doc,
            ['actions', i, outside],
            `Action ${action.id} is ${outside === 'due' ? 'due' : 'set to start'} ${action[outside]}, outside the plan period ${period.start} – ${period.end}. Change the date, or extend the plan's period.`,
            { severity: 'warning' },
          );
        }
        if (isOverdue(action, context.today)) {
          context.report(
            'plan/overdue',
            doc,
            ['actions', i, 'due'],
            `Action ${action.id} ("${action.title}") has been overdue since ${action.due} and is still ${action.status}. Mark it done or cancelled, or set a new due date and add a follow-up note saying why.`,
          );
        }
      });

      data.goals.forEach((goal, g) => {
        const subgoals = goal.subgoals ?? [];
        const anySubServed = subgoals.some((s) => served.has(s.id));
        if (!served.has(goal.id) && !anySubServed) {
          context.report(
            'plan/goal-without-action',
            doc,
            ['goals', g, 'id'],
            `No action serves goal ${goal.id} ("${goal.title}"). Add goals: [${goal.id}] to the actions that work towards it, or add an action.`,
          );
        }
        subgoals.forEach((sub, s) => {
          if (served.has(sub.id)) return;
          context.report(
            'plan/goal-without-action',
            doc,
            ['goals', g, 'subgoals', s, 'id'],
            `No action serves sub-goal ${sub.id} ("${sub.title}"). Add goals: [${sub.id}] to the actions that work towards it, or add an action.`,
          );
        });
        const measured = (goal.indicators?.length ?? 0) > 0 || subgoals.some((s) => (s.indicators?.length ?? 0) > 0);
        if (!measured) {
          context.report(
            'plan/goal-without-indicator',
            doc,
            ['goals', g, 'id'],
            `Nothing measures goal ${goal.id}, so it is hard to follow up. Add an indicator with a baseline and a target (indicators:).`,
          );
        }
      });
    }
  },
};
