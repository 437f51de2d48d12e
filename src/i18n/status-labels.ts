/**
 * The words `samverkan status` and `samverkan calendar` print in a terminal, in Swedish and
 * English. Names of statuses and cadences come from the labels of rendered documents, so that a
 * status reads the same in the terminal and on paper.
 */
import type { ActionStatus } from '../model/index.js';
import type { ActionState, IndicatorState, RollUp } from '../model/plan-status.js';
import { fill, formatCadence, formatDate, labelsFor, type Lang } from './index.js';

export type StatusLang = 'sv' | 'en';

export interface StatusLabels {
  title: (workspace: string, date: string) => string;
  checks: (errors: number, warnings: number) => string;
  actions: (days: number) => string;
  noActions: string;
  /** An overdue action: "försenad sedan 2009-06-30". */
  overdue: (since: string) => string;
  dueIn: (days: number) => string;
  due: string;
  actionStatus: Record<ActionStatus, string>;
  tasks: string;
  noTasks: string;
  taskDue: (date: string) => string;
  taskOverdue: (date: string, days: number) => string;
  noDue: string;
  meetings: string;
  noGroups: string;
  fromCadence: (cadence: string) => string;
  noMeeting: (group: string) => string;
  agreements: (months: number) => string;
  noAgreements: string;
  endsIn: (date: string, days: number) => string;
  renewsYearly: string;
  noticeBy: (date: string) => string;
  decideRenewal: string;
  /** An agreement a party has given notice on: it ends, there is nothing to decide. */
  terminated: (noticeGiven: string | undefined) => string;
  gaps: string;
  noGaps: string;
  gapNoChair: (group: string, file: string) => string;
  gapNoSecretary: (group: string, file: string) => string;
  gapCoverage: (organization: string, group: string, agreement: string, file: string) => string;
  gapMemberLeft: (person: string, organization: string, until: string, group: string, file: string) => string;
  /** Calendar: the agenda heading in an event's description. */
  agenda: string;
  /** Calendar: an item that falls under confidentiality, as public output shows it. */
  confidentialItem: string;
  presenter: string;
  minutes: string;
  onlineLink: string;
  chair: string;
  meetingOf: (group: string) => string;
  /** Calendar: a note when a group has no meeting files yet. */
  noMeetingFiles: (group: string) => string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The words of status and calendar, per language. */
function lowerCased(labels: Record<ActionStatus, string>): Record<ActionStatus, string> {
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v.toLowerCase()])) as Record<ActionStatus, string>;
}

export const STATUS_LABELS: Record<StatusLang, StatusLabels> = {
  sv: {
    title: (workspace, date) => `${workspace} – läget den ${date}`,
    checks: (errors, warnings) =>
      `Kontrollen hittar ${plural(errors, 'fel', 'fel')} och ${plural(warnings, 'varning', 'varningar')}.${errors > 0 ? ' Dokument som inte följer formatet räknas inte med här.' : ''} Kör samverkan validate för att se dem.`,
    actions: (days) => `Åtgärder som är försenade eller ska vara klara inom ${days} dagar`,
    noActions: 'Inga åtgärder är försenade eller ska vara klara snart.',
    overdue: (since) => overdueSinceText(since, 'sv'),
    dueIn: (days) => (days === 0 ? 'ska vara klar i dag' : `ska vara klar om ${plural(days, 'dag', 'dagar')}`),
    due: 'senast',
    actionStatus: lowerCased(labelsFor('sv').action_status),
    tasks: 'Öppna uppgifter från mötena',
    noTasks: 'Inga öppna uppgifter.',
    taskDue: (date) => `senast ${date}`,
    taskOverdue: (date, days) => `senast ${date}, försenad ${plural(days, 'dag', 'dagar')}`,
    noDue: 'inget datum',
    meetings: 'Nästa möte per grupp',
    noGroups: 'Det finns inga grupper än.',
    fromCadence: (cadence) => `enligt mötesrytmen, ${formatCadence(cadence, labelsFor('sv'))}; ingen mötesfil än`,
    noMeeting: (group) => `inget möte planerat – skapa det med: samverkan meeting new ${group}`,
    agreements: (months) => `Avtal som löper ut inom ${months} månader`,
    noAgreements: 'Inga avtal löper ut den närmaste tiden.',
    endsIn: (date, days) => `löper ut ${date}, om ${plural(days, 'dag', 'dagar')}`,
    renewsYearly: 'förlängs ett år i taget om det inte sägs upp',
    noticeBy: (date) => `säg upp senast ${date} om det ska upphöra`,
    decideRenewal: 'besluta om det ska förlängas',
    terminated: (given) => (given ? `uppsagt ${given}, förlängs inte` : 'uppsagt, förlängs inte'),
    gaps: 'Luckor i grupperna',
    noGaps: 'Inga luckor: alla grupper har ordförande och sekreterare, och alla parter sitter i styrgruppen.',
    gapNoChair: (group, file) => `${group} har ingen ordförande. Ge en nuvarande ledamot role: chair i ${file}.`,
    gapNoSecretary: (group, file) => `${group} har ingen sekreterare. Ge en ledamot role: secretary i ${file}.`,
    gapCoverage: (organization, group, agreement, file) =>
      `${organization} är part i ${agreement} men har ingen ledamot i ${group}. Lägg till en ledamot som företräder dem i ${file}.`,
    gapMemberLeft: (person, organization, until, group, file) =>
      `${person} (${organization}) slutade i ${group} ${until} och ingen har tagit platsen. Lägg till en ny ledamot i ${file}.`,
    agenda: 'Dagordning',
    confidentialItem: 'Ärendet redovisas inte med hänvisning till sekretess',
    presenter: 'föredragande',
    minutes: 'min',
    onlineLink: 'Möteslänk',
    chair: 'Ordförande',
    meetingOf: (group) => `Möte: ${group}`,
    noMeetingFiles: (group) => `${group} har inga möten i arbetsytan än. Skapa nästa med: samverkan meeting new ${group}`,
  },
  en: {
    title: (workspace, date) => `${workspace} – status on ${date}`,
    checks: (errors, warnings) =>
      `The checks find ${plural(errors, 'error', 'errors')} and ${plural(warnings, 'warning', 'warnings')}.${errors > 0 ? ' Documents that do not follow the format are left out here.' : ''} Run samverkan validate to see them.`,
    actions: (days) => `Actions that are overdue or due within ${days} days`,
    noActions: 'No action is overdue or due soon.',
    overdue: (since) => overdueSinceText(since, 'en'),
    dueIn: (days) => (days === 0 ? 'due today' : `due in ${plural(days, 'day', 'days')}`),
    due: 'due',
    actionStatus: lowerCased(labelsFor('en').action_status),
    tasks: 'Open tasks from meetings',
    noTasks: 'No open tasks.',
    taskDue: (date) => `due ${date}`,
    taskOverdue: (date, days) => `due ${date}, ${plural(days, 'day', 'days')} overdue`,
    noDue: 'no due date',
    meetings: 'Next meeting of each group',
    noGroups: 'There are no groups yet.',
    fromCadence: (cadence) => `from the cadence, ${formatCadence(cadence, labelsFor('en'))}; no meeting file yet`,
    noMeeting: (group) => `no meeting planned – create it with: samverkan meeting new ${group}`,
    agreements: (months) => `Agreements ending within ${months} months`,
    noAgreements: 'No agreement ends soon.',
    endsIn: (date, days) => `ends ${date}, in ${plural(days, 'day', 'days')}`,
    renewsYearly: 'renews a year at a time unless terminated',
    noticeBy: (date) => `give notice by ${date} to end it`,
    decideRenewal: 'decide whether to renew it',
    terminated: (given) => (given ? `notice given on ${given}, not renewed` : 'notice given, not renewed'),
    gaps: 'Gaps in the groups',
    noGaps: 'No gaps: every group has a chair and a secretary, and every party sits in the steering group.',
    gapNoChair: (group, file) => `${group} has no chair. Give a current member role: chair in ${file}.`,
    gapNoSecretary: (group, file) => `${group} has no secretary. Give a member role: secretary in ${file}.`,
    gapCoverage: (organization, group, agreement, file) =>
      `${organization} is a party of ${agreement} but has no member in ${group}. Add a member who represents it in ${file}.`,
    gapMemberLeft: (person, organization, until, group, file) =>
      `${person} (${organization}) left ${group} on ${until} and no one has taken the seat. Add a new member in ${file}.`,
    agenda: 'Agenda',
    confidentialItem: 'Not shown: confidential',
    presenter: 'presenter',
    minutes: 'min',
    onlineLink: 'Online meeting',
    chair: 'Chair',
    meetingOf: (group) => `Meeting: ${group}`,
    noMeetingFiles: (group) => `${group} has no meetings in the workspace yet. Create the next one with: samverkan meeting new ${group}`,
  },
};

/** The labels of a language. */
export function statusLabels(lang: StatusLang): StatusLabels {
  return STATUS_LABELS[lang];
}

/**
 * The day an action has been overdue since, as each language writes it in a status: the ISO
 * date in Swedish ("försenad sedan 2009-06-30", as Swedish official texts write it), the long
 * date in English ("overdue since 30 June 2009"). Never a count of days: after years it says
 * nothing a reader can check.
 */
export function sinceDate(date: string, lang: Lang): string {
  return lang === 'sv' ? date : formatDate(date, lang);
}

/** "försenad sedan 2009-06-30" / "overdue since 30 June 2009", lower case for running text. */
export function overdueSinceText(since: string, lang: Lang): string {
  return fill(labelsFor(lang).t.overdue_since, { date: sinceDate(since, lang) });
}

/** The word for an action's state, as a traffic light's label: "Försenad sedan 2009-06-30", "Enligt plan", … */
export function actionStateLabel(state: ActionState, lang: Lang): string {
  const l = labelsFor(lang);
  switch (state.kind) {
    case 'overdue':
      return fill(l.t.state_overdue_since, { date: sinceDate(state.since!, lang) });
    case 'at-risk':
      return state.reason === 'should-have-started' ? l.state.should_have_started : l.state.at_risk;
    case 'on-track':
      return l.state.on_track;
    case 'not-started':
      return l.state.not_started;
    default:
      return l.state[state.kind];
  }
}

/** The word for an indicator's state: "Målvärdet nått", "Målvärdet nåddes inte (2010)", … */
export function indicatorStateLabel(state: IndicatorState, lang: Lang): string {
  const t = labelsFor(lang).t;
  switch (state.kind) {
    case 'reached':
      return t.indicator_reached;
    case 'on-track':
      return t.indicator_on_track;
    case 'missed':
      return fill(t.indicator_missed, { period: state.target?.period ?? '' });
    case 'at-risk':
      return state.reason === 'unchanged' ? t.indicator_at_risk_unchanged : state.reason === 'too-slow' ? t.indicator_at_risk_slow : t.indicator_at_risk_wrong;
    case 'no-data':
      return state.reason === 'no-target' ? t.indicator_no_target : state.reason === 'too-few' ? t.indicator_too_few : t.indicator_no_measurement;
  }
}

/** The word for the roll-up of a goal's or a plan's actions: "Försenade åtgärder", "Enligt plan", … */
export function rollUpLabel(rollup: RollUp, lang: Lang): string {
  const s = labelsFor(lang).state;
  const key = {
    overdue: s.goal_overdue,
    'at-risk': s.goal_at_risk,
    done: s.goal_done,
    'done-or-cancelled': s.goal_done_or_cancelled,
    'all-cancelled': s.goal_all_cancelled,
    'no-actions': s.goal_no_actions,
    'on-track': s.goal_on_track,
  } as const;
  return key[rollup.kind];
}
