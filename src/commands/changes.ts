/**
 * `samverkan changes`: what happened to the plans, groups, agreements and meetings between a
 * revision and now (the working tree, uncommitted changes marked) or another revision. The
 * older versions are read from git (ls-tree, cat-file), never checked out.
 */
import { UsageError } from '../errors.js';
import { commitInfo, commitOnOrBefore, openRepo, resolveRevision, workingChanges, type Repo } from '../git/git.js';
import { loadWorkspaceAt } from '../git/snapshot.js';
import type { Lang } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import type { GroupDoc } from '../model/index.js';
import { checkLoadedWorkspace, loadCheckedWorkspace, type CheckedWorkspace } from '../workspace/checked.js';
import { findWorkspaceRoot } from '../workspace/discover.js';
import type { Workspace } from '../workspace/types.js';
import { compareVersions, markUncommitted, type Change, type Comparison, type DocumentChanges, type Version } from '../changes/diff.js';
import { followedPlans } from './meeting-new.js';
import { resolve } from 'node:path';
import { todayIn } from '../model/dates.js';

const say = messages('commands/changes', {
  noMeeting: {
    sv: '{group} har inget möte före {date}, så det finns inget "förra mötet" att jämföra med; ge en version med --since.',
    en: '{group} has no meeting before {date}, so there is no "last meeting" to compare with; give a revision with --since.',
  },
  noCommit: {
    sv: 'Det finns ingen incheckning från {date} eller tidigare (mötet {meeting}); ge en version med --since.',
    en: 'There is no commit from {date} or earlier (the meeting {meeting}); give a revision with --since.',
  },
  noGroup: { sv: 'Det finns ingen grupp {group} i arbetsytan. Grupper: {groups}.', en: 'There is no group {group} in the workspace. Groups: {groups}.' },
  none: { sv: 'inga', en: 'none' },
});

/** A revision of the comparison, as the report names it. */
export interface RevisionInfo {
  /** As given (origin/main, HEAD~2) or, for --group, the commit's short hash. */
  rev: string;
  /** The full commit hash. */
  commit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  subject: string;
}

/** What `changes` found. */
export interface ChangesReport {
  lang: Lang;
  since: RevisionInfo;
  /** The later revision, or undefined for the working tree. */
  until?: RevisionInfo;
  /** For --group: the group and the meeting the comparison starts from. */
  group?: { id: string; meeting?: { id: string; date: string } };
  /** True if public output: confidential documents and changes are left out. */
  public: boolean;
  documents: DocumentChanges[];
  unreadable: Comparison['unreadable'];
}

export interface ChangesOptions {
  cwd?: string;
  dir?: string;
  since?: string;
  until?: string;
  group?: string;
  /** The report's language; the language messages are said in unless given. */
  lang?: Lang;
  /** Leave out what is confidential. */
  public?: boolean;
  /** The day taken as today (rosters, the group's last meeting); today in the workspace's zone by default. */
  asOf?: string;
}

async function revisionInfo(repo: Repo, rev: string, commit: string): Promise<RevisionInfo> {
  const info = await commitInfo(repo, commit);
  return { rev, commit: info.hash, date: info.date.slice(0, 10), subject: info.subject };
}

async function versionAt(repo: Repo, commit: string, root: string, asOf: string): Promise<Version> {
  const checked = await checkLoadedWorkspace(await loadWorkspaceAt(repo, commit, root), { asOf });
  return { workspace: checked.workspace, confidentiality: checked.confidentiality };
}

/** The group's meetings dated before `date`, the latest last. */
function meetingsBefore(workspace: Workspace, group: string, date: string): Array<{ id: string; date: string }> {
  return workspace.index
    .meetingsOf(group)
    .map((m) => ({ id: m.id, date: m.value.date }))
    .filter((m) => typeof m.date === 'string' && m.date < date);
}

/**
 * The commit a group's changes are counted from: the last commit on or before the day of the
 * group's last meeting before `date`. Undefined when the group has no such meeting or the
 * repository no such commit; a GitError when there is no repository to ask.
 */
export async function commitBeforeLastMeeting(
  repo: Repo,
  workspace: Workspace,
  group: string,
  date: string,
): Promise<{ meeting?: { id: string; date: string }; commit?: string }> {
  const meeting = meetingsBefore(workspace, group, date).pop();
  if (!meeting) return {};
  return { meeting, commit: await commitOnOrBefore(repo, meeting.date, 'HEAD', workspace.config.timezone) };
}

/** The documents that concern a group: itself, its meetings, the plans it follows, its agreement. */
function concernsGroup(versions: Workspace[], groupId: string): (doc: DocumentChanges) => boolean {
  const plans = new Set<string>();
  const agreements = new Set<string>();
  const meetings = new Set<string>();
  for (const w of versions) {
    const group = w.index.groups.get(groupId)?.value as GroupDoc | undefined;
    if (!group) continue;
    for (const plan of followedPlans(w, group)) plans.add(plan.id);
    if (typeof group.agreement === 'string') agreements.add(group.agreement);
    for (const m of w.index.meetingsOf(groupId)) meetings.add(m.id);
  }
  return (doc) =>
    (doc.kind === 'group' && doc.id === groupId) ||
    (doc.kind === 'meeting' && meetings.has(doc.id)) ||
    (doc.kind === 'plan' && plans.has(doc.id)) ||
    (doc.kind === 'agreement' && agreements.has(doc.id));
}

/** A meeting held, with only the decisions and tasks public output shows counted. */
function publicCounts(change: Change): Change {
  if (change.type !== 'meeting-held') return change;
  const { public_decisions, public_tasks, ...params } = change.params;
  return { ...change, params: { ...params, decisions: public_decisions, tasks: public_tasks } };
}

/** Leaves out what public output may not show. */
export function forPublic(documents: DocumentChanges[]): DocumentChanges[] {
  return documents
    .filter((d) => !d.confidential)
    .map((d) => ({ ...d, changes: d.changes.filter((c) => !c.confidential).map(publicCounts) }))
    .filter((d) => d.changes.length > 0);
}

/**
 * Compares the working tree (with `workingChecked` as already loaded and checked) with the
 * workspace at `sinceCommit`; changes not in HEAD yet are marked uncommitted.
 */
async function compareWithWorkingTree(repo: Repo, sinceCommit: string, working: CheckedWorkspace, asOf: string): Promise<Comparison> {
  const before = await versionAt(repo, sinceCommit, working.workspace.root, asOf);
  const after: Version = { workspace: working.workspace, confidentiality: working.confidentiality };
  const comparison = compareVersions({ before, after, asOf });
  const dirty = await workingChanges(repo);
  if (dirty.length === 0) return comparison;
  const head = await resolveRevision(repo, 'HEAD');
  const committed = head === sinceCommit ? { documents: [], unreadable: [] } : compareVersions({ before, after: await versionAt(repo, head, working.workspace.root, asOf), asOf });
  return markUncommitted(comparison, committed);
}

/**
 * The changes since the last meeting of a group before `date`, for a notice: compared with the
 * working tree, as the workspace is when the notice is written. Undefined, never an error, when
 * there is no git, no repository, no earlier meeting or no commit from then (a shallow clone).
 */
export async function changesSinceLastMeeting(checked: CheckedWorkspace, group: string, date: string): Promise<DocumentChanges[] | undefined> {
  try {
    const repo = await openRepo(checked.workspace.root);
    const { commit } = await commitBeforeLastMeeting(repo, checked.workspace, group, date);
    if (!commit) return undefined;
    const comparison = await compareWithWorkingTree(repo, commit, checked, checked.asOf);
    return comparison.documents.filter(concernsGroup([checked.workspace], group));
  } catch {
    // Without git, outside a repository or in a shallow clone the notice says nothing of it.
    return undefined;
  }
}

/** Works out the changes the options ask for. */
export async function changes(options: ChangesOptions = {}): Promise<ChangesReport> {
  const cwd = options.cwd ?? process.cwd();
  const root = await findWorkspaceRoot(options.dir !== undefined ? resolve(cwd, options.dir) : cwd, options.dir !== undefined);
  // The working tree is the later version unless --until names one; it also says the language.
  const working = await loadCheckedWorkspace({ cwd, dir: options.dir, asOf: options.asOf });
  // Said to the person at the terminal, with the sentences of files that could not be read: one language.
  const lang: Lang = options.lang ?? language();
  const asOf = options.asOf ?? todayIn(working.workspace.config.timezone);
  const repo = await openRepo(root);

  let since: RevisionInfo;
  let groupInfo: ChangesReport['group'];
  if (options.group !== undefined) {
    if (!working.workspace.index.groups.has(options.group)) {
      const known = [...working.workspace.index.groups.keys()].join(', ');
      throw new UsageError(say('noGroup', { group: options.group, groups: known || say('none') }));
    }
    groupInfo = { id: options.group };
  }
  if (options.since !== undefined) {
    since = await revisionInfo(repo, options.since, await resolveRevision(repo, options.since));
  } else if (options.group !== undefined) {
    const { meeting, commit } = await commitBeforeLastMeeting(repo, working.workspace, options.group, asOf);
    if (!meeting) throw new UsageError(say('noMeeting', { group: options.group, date: asOf }));
    if (!commit) throw new UsageError(say('noCommit', { date: meeting.date, meeting: meeting.id }));
    groupInfo = { id: options.group, meeting };
    since = await revisionInfo(repo, commit.slice(0, 7), commit);
  } else {
    since = await revisionInfo(repo, 'HEAD', await resolveRevision(repo, 'HEAD'));
  }

  let until: RevisionInfo | undefined;
  let comparison: Comparison;
  if (options.until !== undefined) {
    until = await revisionInfo(repo, options.until, await resolveRevision(repo, options.until));
    const before = await versionAt(repo, since.commit, root, asOf);
    const after = await versionAt(repo, until.commit, root, asOf);
    comparison = compareVersions({ before, after, asOf });
  } else {
    comparison = await compareWithWorkingTree(repo, since.commit, working, asOf);
  }

  let documents = comparison.documents;
  if (options.group !== undefined) documents = documents.filter(concernsGroup([working.workspace], options.group));
  if (options.public) documents = forPublic(documents);
  return {
    lang,
    since,
    ...(until ? { until } : {}),
    ...(groupInfo ? { group: groupInfo } : {}),
    public: options.public === true,
    documents,
    unreadable: comparison.unreadable,
  };
}
