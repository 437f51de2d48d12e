/** plan/*: dates that make sense, overdue actions, goals that nothing serves or measures. */
import { isOverdue } from '../model/plan-status.js';
import { defineRules } from './context.js';

export const planRules = defineRules({
  rules: [
    {
      id: 'plan/dates',
      severity: 'error',
      description: {
        sv: 'En start efter sitt slutdatum eller förfallodatum (fel); en åtgärd utanför planperioden (varning).',
        en: 'A start after its end or due date (error); an action outside the plan period (warning).',
      },
      fullDescription: {
        sv: 'En start efter slutet går inte att lägga på en tidslinje och är oftast ett skrivfel; en åtgärd utanför planens period följs inte upp med planen. Rätta datumen, eller förläng perioden.',
        en: 'A start after its end cannot be put on a timeline and is usually a typing error; an action outside the plan\'s period will not be followed up with the plan. Correct the dates, or extend the period.',
      },
      messages: {
        periodReversed: {
          sv: 'Planperioden slutar ({end}) innan den börjar ({start}). Byt plats på datumen eller rätta dem.',
          en: 'The plan period ends ({end}) before it starts ({start}). Swap or correct the dates.',
        },
        phaseReversed: {
          sv: 'Fasen {phase} slutar ({end}) innan den börjar ({start}). Rätta ett av datumen.',
          en: 'Phase {phase} ends ({end}) before it starts ({start}). Correct one of the dates.',
        },
        startAfterDue: {
          sv: 'Åtgärden {action} börjar {start}, efter att den ska vara klar ({due}). Flytta starten tidigare eller slutdatumet senare.',
          en: 'Action {action} starts {start}, after it is due ({due}). Move the start earlier or the due date later.',
        },
        dueOutside: {
          sv: 'Åtgärden {action} ska vara klar {date}, utanför planperioden {start} – {end}. Ändra datumet, eller förläng planens period.',
          en: 'Action {action} is due {date}, outside the plan period {start} – {end}. Change the date, or extend the plan\'s period.',
        },
        startOutside: {
          sv: 'Åtgärden {action} ska börja {date}, utanför planperioden {start} – {end}. Ändra datumet, eller förläng planens period.',
          en: 'Action {action} is set to start {date}, outside the plan period {start} – {end}. Change the date, or extend the plan\'s period.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, start: 2009-11-01, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, start: 2009-02-01, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'plan/overdue',
      severity: 'warning',
      description: {
        sv: 'En åtgärd som inte är klar eller inställd och som skulle ha varit klar före i dag (--as-of anger dagens datum).',
        en: 'An action that is not done or cancelled and was due before today (--as-of sets today).',
      },
      fullDescription: {
        sv: 'En försenad åtgärd är något styrgruppen bör få veta: antingen är den sen, eller så är den klar utan att någon har noterat det. Sätt status: done (eller cancelled), eller kom överens om ett nytt due: och skriv varför i follow_up:.',
        en: 'An overdue action is one the steering group should hear about: it is either late, or done without anyone noting it. Set status: done (or cancelled), or agree a new due: date and note why in follow_up:.',
      },
      messages: {
        overdue: {
          sv: 'Åtgärden {action} ("{title}") skulle ha varit klar {due} och har fortfarande status: {status}. Markera den som klar eller inställd, eller sätt ett nytt slutdatum och skriv i en uppföljningsanteckning varför.',
          en: 'Action {action} ("{title}") has been overdue since {due} and is still {status}. Mark it done or cancelled, or set a new due date and add a follow-up note saying why.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-03-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-03-31, status: done}\n',
      },
    },
    {
      id: 'plan/goal-without-action',
      severity: 'warning',
      description: {
        sv: 'Ett mål eller delmål som ingen åtgärd bidrar till.',
        en: 'A goal or sub-goal that no action serves.',
      },
      fullDescription: {
        sv: 'Ett mål som ingen åtgärd bidrar till kommer inte att nås genom planen, och uppföljningen har inget att rapportera om det. Lägg till en åtgärd som bidrar till det (goals: [id]), eller ta bort målet.',
        en: 'A goal that no action serves will not be reached by the plan, and its follow-up will have nothing to report. Add an action that serves it (goals: [id]), or remove the goal.',
      },
      messages: {
        goal: {
          sv: 'Ingen åtgärd bidrar till målet {goal} ("{title}"). Lägg till goals: [{goal}] i de åtgärder som bidrar till det, eller lägg till en åtgärd.',
          en: 'No action serves goal {goal} ("{title}"). Add goals: [{goal}] to the actions that work towards it, or add an action.',
        },
        subgoal: {
          sv: 'Ingen åtgärd bidrar till delmålet {goal} ("{title}"). Lägg till goals: [{goal}] i de åtgärder som bidrar till det, eller lägg till en åtgärd.',
          en: 'No action serves sub-goal {goal} ("{title}"). Add goals: [{goal}] to the actions that work towards it, or add an action.',
        },
      },
      example: {
        file: 'plans/exempel.yaml',
        bad: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - {id: m2, title: Personalen har kunskap om våld}\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
        good: 'kind: plan\nid: exempel\ntitle: Handlingsplan Exempel\nowner: alfa\nperiod: {start: 2009-01-01, end: 2009-12-31}\ngoals:\n  - {id: m2, title: Personalen har kunskap om våld, indicators: [{id: i2, name: Utbildad personal}]}\n  - id: m1\n    title: Fler får stöd i tid\n    indicators:\n      - {id: i1, name: Ärenden med samordnad insats}\nphases:\n  - {id: steg-1, title: Bygga rutiner}\nactions:\n  - {id: a1, title: Ta fram rutiner, goals: [m1, m2], phase: steg-1, responsible: alfa-soc, due: 2009-10-31, status: ongoing}\n',
      },
    },
    {
      id: 'plan/goal-without-indicator',
      severity: 'info',
      description: {
        sv: 'Ett övergripande mål som ingenting mäter: för vagt för att följas upp.',
        en: 'An overall goal that nothing measures: too vague to follow up.',
      },
      fullDescription: {
        sv: 'Ett mål utan indikator går inte att följa upp: ingen kan säga om det nåddes. Lägg till minst en indikator (vad som räknas, med ett utgångsvärde och ett målvärde).',
        en: 'A goal without an indicator cannot be followed up: nobody can say whether it was reached. Add at least one indicator (what is counted, with a baseline and a target).',
      },
      messages: {
        unmeasured: {
          sv: 'Ingenting mäter målet {goal}, så det är svårt att följa upp. Lägg till en indikator med ett utgångsvärde och ett målvärde (indicators:).',
          en: 'Nothing measures goal {goal}, so it is hard to follow up. Add an indicator with a baseline and a target (indicators:).',
        },
      },
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
        context.report('plan/dates', doc, ['period', 'end'], 'periodReversed', { end: period.end, start: period.start });
      }
      data.phases?.forEach((phase, i) => {
        if (phase.start && phase.end && phase.start > phase.end) {
          context.report('plan/dates', doc, ['phases', i, 'end'], 'phaseReversed', { phase: phase.id, end: phase.end, start: phase.start });
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
            'startAfterDue',
            { action: action.id, start: action.start, due: action.due },
          );
        }
        const outside = action.due < period.start || action.due > period.end ? 'due' : action.start && action.start < period.start ? 'start' : undefined;
        if (outside) {
          context.report(
            'plan/dates',
            doc,
            ['actions', i, outside],
            outside === 'due' ? 'dueOutside' : 'startOutside',
            { action: action.id, date: action[outside], start: period.start, end: period.end },
            { severity: 'warning' },
          );
        }
        if (isOverdue(action, context.today)) {
          context.report(
            'plan/overdue',
            doc,
            ['actions', i, 'due'],
            'overdue',
            { action: action.id, title: action.title, due: action.due, status: action.status },
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
            'goal',
            { goal: goal.id, title: goal.title },
          );
        }
        subgoals.forEach((sub, s) => {
          if (served.has(sub.id)) return;
          context.report(
            'plan/goal-without-action',
            doc,
            ['goals', g, 'subgoals', s, 'id'],
            'subgoal',
            { goal: sub.id, title: sub.title },
          );
        });
        const measured = (goal.indicators?.length ?? 0) > 0 || subgoals.some((s) => (s.indicators?.length ?? 0) > 0);
        if (!measured) {
          context.report(
            'plan/goal-without-indicator',
            doc,
            ['goals', g, 'id'],
            'unmeasured',
            { goal: goal.id },
          );
        }
      });
    }
  },
});
