/**
 * `samverkan status`: the coordinator's Monday-morning overview, as plain data. The CLI prints it
 * for a terminal or as JSON (the same object). Only documents that match their schema are read,
 * so one broken file leaves the rest of the overview intact; the counts of the checks say so.
 */
import { termState } from '../model/agreement-term.js';
import { nextMeetingDate } from '../model/cadence.js';
import { addDays, addMonths, daysBetween } from '../model/dates.js';
import type { ActionStatus, DocOfKind, GroupDoc, Kind } from '../model/index.js';
import { activeMembers, organizationChain, representedOrganization, VOTING_ROLES } from '../model/roster.js';
import { Disclosure } from '../model/confidentiality.js';
import { statusLabels } from '../i18n/status-labels.js';
import { loadCheckedWorkspace, confidentialityOf } from '../workspace/checked.js';
import { actionState, isClosed, type ActionStateKind } from '../model/plan-status.js';
import { locate, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument, Workspace } from '../workspace/types.js';

/** Actions due within this many days count as soon due. */
export const SOON_DAYS = 30;
/** Agreements ending within this many months are listed. */
export const AGREEMENT_MONTHS = 6;

/** Where something is written: a path relative to the workspace root, and a 1-based line. */
export interface SourceRef {
  file: string;
  line: number;
}

export interface StatusAction extends SourceRef {
  /** `<plan-id>/<action-id>`. */
  ref: string;
  plan: string;
  planTitle: string;
  id: string;
  title: string;
  due: string;
  status: ActionStatus;
  progress?: number;
  /** The action's state, from the model every view of a plan asks (overdue, at-risk, on-track, …). */
  state: ActionStateKind;
  /** For an overdue action: the day it was due, so that it reads "overdue since …". */
  overdueSince?: string;
  /** Days past due (overdue) or days left (due soon). */
  days: number;
}

export interface StatusOrganization {
  organization: string;
  name: string;
  overdue: StatusAction[];
  dueSoon: StatusAction[];
}

export interface StatusTask extends SourceRef {
  group: string;
  groupName: string;
  meeting: string;
  meetingDate: string;
  id: string;
  title: string;
  responsible: string;
  responsibleName: string;
  due?: string;
  /** Days past due; 0 when not overdue or without a due date. */
  daysOverdue: number;
  /**
   * True when the task is confidential (a case group's, a confidential group's or from a
   * confidential item): its title then only says so, and file and line tell where to read it.
   */
  withheld: boolean;
}

export interface StatusMeeting {
  group: string;
  groupName: string;
  /** meeting-file: a meeting is written for the date; cadence: computed from the group's rhythm; none: unknown. */
  source: 'meeting-file' | 'cadence' | 'none';
  date?: string;
  start?: string;
  location?: string;
  /** Id of the meeting file, when there is one. */
  meeting?: string;
  /** True for a confidential group: where it meets is not shown. */
  withheld: boolean;
  cadence?: string;
  file: string;
}

export interface StatusAgreement extends SourceRef {
  id: string;
  title: string;
  /** The end of the current term (for yearly renewal: the next end). */
  end: string;
  daysLeft: number;
  renewal: 'none' | 'yearly';
  noticeMonths?: number;
  /** For yearly renewal with a notice period: the last day to give notice, or it runs another year. */
  noticeBy?: string;
  /** Set when a party has given notice (status terminated): it ends at `end`, nothing to decide. */
  terminated?: { noticeGiven?: string };
}

export type StatusGap =
  | { type: 'no-chair'; group: string; groupName: string; file: string }
  | { type: 'no-secretary'; group: string; groupName: string; file: string }
  | { type: 'steering-coverage'; group: string; groupName: string; file: string; agreement: string; agreementTitle: string; organization: string; organizationName: string }
  | { type: 'member-left'; group: string; groupName: string; file: string; person: string; personName: string; organization: string; organizationName: string; until: string };

/** The whole overview. `--json` prints exactly this. */
export interface StatusReport {
  workspace: { name: string; root: string; language: 'sv' | 'en' };
  asOf: string;
  soonDays: number;
  agreementMonths: number;
  /** What validate would report; documents with errors are left out of the overview. */
  checks: { errors: number; warnings: number };
  /** Organisations with overdue or soon-due actions, by name. */
  actions: StatusOrganization[];
  tasks: StatusTask[];
  meetings: StatusMeeting[];
  agreements: StatusAgreement[];
  gaps: StatusGap[];
}

export interface StatusOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** Today, YYYY-MM-DD; defaults to today in the workspace's time zone. */
  asOf?: string;
}

function validDocuments<K extends Kind>(workspace: Workspace, kind: K): Array<{ doc: SourceDocument; data: DocOfKind[K] }> {
  return workspace.documents.filter((d) => d.valid && d.kind === kind).map((doc) => ({ doc, data: doc.data as DocOfKind[K] }));
}

function lineOf(doc: SourceDocument, path: readonly PathSegment[]): number {
  return locate(doc.yaml, doc.file.lineCounter, path).line;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'sv');

/**
 * The next meeting from the cadence: step from the last meeting held before `asOf` until a date
 * on or after it. Without a meeting to count from there is nothing to step from, and a guessed
 * date would be worse than none.
 */
function nextFromCadence(group: GroupDoc, lastHeld: string | undefined, asOf: string): string | undefined {
  if (!lastHeld) return undefined;
  let from = lastHeld;
  // A weekly group idle for ten years needs ~520 steps; beyond that the cadence is not in use.
  for (let i = 0; i < 1000; i++) {
    const next = nextMeetingDate(group, from);
    if (!next || next <= from) return undefined;
    if (next >= asOf) return next;
    from = next;
  }
  return undefined;
}

/**
 * Builds the overview of a loaded, checked workspace (the check marks the valid documents).
 * The overview is read on screens that others see, so it shows nothing confidential: it asks
 * the confidentiality module as public output does, and points to the file instead.
 */
export function statusOf(
  workspace: Workspace,
  asOf: string,
  checks: StatusReport['checks'] = { errors: 0, warnings: 0 },
  disclosure: Disclosure = new Disclosure(confidentialityOf(workspace), true),
): StatusReport {
  const { index } = workspace;
  const withheldText = statusLabels(workspace.config.language === 'en' ? 'en' : 'sv').confidentialItem;
  const orgName = (id: string) => index.validEntry('organization', id)?.value.name ?? id;
  const personName = (id: string) => index.validEntry('person', id)?.value.name ?? id;
  const organizations = index.valid('organization');
  const people = index.valid('person');
  const soonEnd = addDays(asOf, SOON_DAYS);

  const perOrg = new Map<string, StatusOrganization>();
  for (const { doc, data } of validDocuments(workspace, 'plan')) {
    (data.actions ?? []).forEach((action, i) => {
      if (isClosed(action) || action.due > soonEnd) return;
      const state = actionState(action, asOf);
      const overdue = state.kind === 'overdue';
      const item: StatusAction = {
        ref: `${data.id}/${action.id}`,
        plan: data.id,
        planTitle: data.title,
        id: action.id,
        title: action.title,
        due: action.due,
        status: action.status,
        ...(action.progress !== undefined ? { progress: action.progress } : {}),
        state: state.kind,
        ...(state.since ? { overdueSince: state.since } : {}),
        days: overdue ? daysBetween(action.due, asOf) : daysBetween(asOf, action.due),
        file: doc.file.rel,
        line: lineOf(doc, ['actions', i]),
      };
      let entry = perOrg.get(action.responsible);
      if (!entry) {
        entry = { organization: action.responsible, name: orgName(action.responsible), overdue: [], dueSoon: [] };
        perOrg.set(action.responsible, entry);
      }
      (overdue ? entry.overdue : entry.dueSoon).push(item);
    });
  }
  const byDue = (a: StatusAction, b: StatusAction) => byText(a.due, b.due) || byText(a.ref, b.ref);
  const actions = [...perOrg.values()].sort((a, b) => byText(a.name, b.name));
  for (const org of actions) {
    org.overdue.sort(byDue);
    org.dueSoon.sort(byDue);
  }

  const groups = validDocuments(workspace, 'group').sort((a, b) => byText(a.data.name, b.data.name));
  const groupName = (id: string) => index.validEntry('group', id)?.value.name ?? id;

  const tasks: StatusTask[] = [];
  for (const { doc, data } of validDocuments(workspace, 'meeting')) {
    (data.minutes?.tasks ?? []).forEach((task, i) => {
      if (task.done === true) return;
      const shown = disclosure.showsMeeting(data.id) && disclosure.showsRecord(data, task);
      tasks.push({
        group: data.group,
        groupName: groupName(data.group),
        meeting: data.id,
        meetingDate: data.date,
        id: task.id,
        title: shown ? task.title : withheldText,
        responsible: task.responsible,
        responsibleName: personName(task.responsible),
        ...(task.due ? { due: task.due } : {}),
        daysOverdue: task.due && task.due < asOf ? daysBetween(task.due, asOf) : 0,
        withheld: !shown,
        file: doc.file.rel,
        line: lineOf(doc, ['minutes', 'tasks', i]),
      });
    });
  }
  // Overdue first, then by due date; tasks without a date last.
  tasks.sort((a, b) => byText(a.due ?? '9999', b.due ?? '9999') || byText(a.meetingDate, b.meetingDate) || byText(a.id, b.id));

  const meetings: StatusMeeting[] = groups.map(({ doc, data }) => {
    const all = validDocuments(workspace, 'meeting')
      .filter((m) => m.data.group === data.id)
      .sort((a, b) => byText(a.data.date, b.data.date));
    const upcoming = all.find((m) => m.data.date >= asOf);
    const withheld = !disclosure.showsGroup(data.id);
    const base = { group: data.id, groupName: data.name, file: doc.file.rel, withheld, ...(data.meetings?.cadence ? { cadence: data.meetings.cadence } : {}) };
    if (upcoming) {
      const start = upcoming.data.start ?? data.meetings?.time;
      const location = withheld ? undefined : (upcoming.data.location ?? data.meetings?.location);
      return {
        ...base,
        source: 'meeting-file' as const,
        date: upcoming.data.date,
        ...(start ? { start } : {}),
        ...(location ? { location } : {}),
        meeting: upcoming.data.id,
        file: upcoming.doc.file.rel,
      };
    }
    const lastHeld = all.filter((m) => m.data.date < asOf).at(-1)?.data.date;
    const date = nextFromCadence(data, lastHeld, asOf);
    if (!date) return { ...base, source: 'none' as const };
    return {
      ...base,
      source: 'cadence' as const,
      date,
      ...(data.meetings?.time ? { start: data.meetings.time } : {}),
      ...(data.meetings?.location && !withheld ? { location: data.meetings.location } : {}),
    };
  });

  const agreementEnd = addMonths(asOf, AGREEMENT_MONTHS);
  const agreements: StatusAgreement[] = [];
  for (const { doc, data } of validDocuments(workspace, 'agreement')) {
    // The running period's end (a yearly renewed agreement's next one) comes from the term's one home.
    const state = termState(data, asOf);
    const end = state.periodEnd;
    if (!end || state.phase === 'draft' || data.status === 'ended') continue;
    if (end < asOf || end > agreementEnd) continue;
    const renewal = state.renews ? 'yearly' : 'none';
    const notice = data.term.notice_months;
    agreements.push({
      id: data.id,
      title: data.title,
      end,
      daysLeft: daysBetween(asOf, end),
      renewal,
      ...(notice !== undefined ? { noticeMonths: notice } : {}),
      ...(state.noticeBy ? { noticeBy: state.noticeBy } : {}),
      ...(data.status === 'terminated' ? { terminated: data.term.notice_given ? { noticeGiven: data.term.notice_given } : {} } : {}),
      file: doc.file.rel,
      line: lineOf(doc, ['term', 'end']),
    });
  }
  agreements.sort((a, b) => byText(a.end, b.end) || byText(a.id, b.id));

  const gaps: StatusGap[] = [];
  for (const { doc, data } of groups) {
    const g = { group: data.id, groupName: data.name, file: doc.file.rel };
    const current = activeMembers(data, asOf);
    if (!current.some((m) => m.role === 'chair')) gaps.push({ type: 'no-chair', ...g });
    if (!current.some((m) => m.role === 'secretary')) gaps.push({ type: 'no-secretary', ...g });

    const agreement = data.agreement ? index.validEntry('agreement', data.agreement)?.value : undefined;
    if (agreement && data.type === 'steering') {
      const parties = new Set(agreement.parties.map((p) => p.organization));
      const partyOf = (org: string | undefined) => (org ? organizationChain(org, organizations).find((o) => parties.has(o)) : undefined);
      // Co-opted members and substitutes take part without sitting for a party, as in group/steering-coverage.
      const covered = new Set(
        current.filter((m) => VOTING_ROLES.has(m.role ?? 'member')).map((m) => partyOf(representedOrganization(m, people))),
      );
      for (const party of agreement.parties) {
        if (covered.has(party.organization)) continue;
        gaps.push({
          type: 'steering-coverage',
          ...g,
          agreement: agreement.id,
          agreementTitle: agreement.title,
          organization: party.organization,
          organizationName: orgName(party.organization),
        });
      }
    }

    // A member who has left is a gap only while no current member sits for the same organisation;
    // otherwise the roster's history would be listed for ever.
    const seated = new Set(current.map((m) => representedOrganization(m, people)).filter(Boolean));
    const latestLeaver = new Map<string, (typeof data.members)[number]>();
    for (const m of data.members) {
      if (m.until == null || m.until >= asOf || current.some((c) => c.person === m.person)) continue;
      const org = representedOrganization(m, people) ?? '';
      if (seated.has(org)) continue;
      const previous = latestLeaver.get(org);
      if (!previous || (previous.until ?? '') < m.until) latestLeaver.set(org, m);
    }
    for (const [org, m] of latestLeaver) {
      gaps.push({
        type: 'member-left',
        ...g,
        person: m.person,
        personName: personName(m.person),
        organization: org,
        organizationName: orgName(org),
        until: m.until!,
      });
    }
  }

  return {
    workspace: { name: workspace.config.name, root: workspace.root, language: workspace.config.language === 'en' ? 'en' : 'sv' },
    asOf,
    soonDays: SOON_DAYS,
    agreementMonths: AGREEMENT_MONTHS,
    checks,
    actions,
    tasks,
    meetings,
    agreements,
    gaps,
  };
}

/** Loads and checks the workspace, then builds the overview for `asOf` (today by default). */
export async function status(options: StatusOptions): Promise<StatusReport> {
  const checked = await loadCheckedWorkspace({ cwd: options.cwd, dir: options.dir, asOf: options.asOf });
  return statusOf(checked.workspace, checked.asOf, { errors: checked.errors, warnings: checked.warnings }, new Disclosure(checked.confidentiality, true));
}
