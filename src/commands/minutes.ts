/**
 * `samverkan minutes new MEETING` and `samverkan minutes adjust MEETING --by PERSON…`: the
 * secretary's two steps with the minutes (protokoll). `new` writes the skeleton into the meeting
 * file: the roster as of the meeting's date as attendance, and a line to fill in under every item
 * (a decision line under a decision item). `adjust` records the justering: status adjusted, the
 * date and the adjusters, who must be appointed (adjusters:) and have been present.
 *
 * Both are byte-keeping edits of the meeting file (src/edit): everything outside the lines they
 * add or change stays as written, and the result is checked before it is written. The commit
 * that records an adjustment is the record (minutes/changed-after-adjustment), so `adjust` can
 * commit the meeting file, and only it.
 */
import { isMap, isScalar, stringify, type Pair, type YAMLMap } from 'yaml';
import { UsageError } from '../errors.js';
import { commitFileEdit, documentToEdit, editDate, editsOrExplain, notEditable, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { applyEdits, EditPathError, setScalar, type TextEdit } from '../edit/text-edits.js';
import { fill, labelsFor, type Lang } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import { agendaOf, type AgendaRecordItem } from '../model/agenda.js';
import type { GroupDoc, MeetingDoc } from '../model/index.js';
import { activeMembers } from '../model/roster.js';
import { GitError, commitFiles, openRepo, workingChanges, type Repo } from '../git/git.js';
import type { CheckedWorkspace } from '../workspace/checked.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';

const say = messages('commands/minutes', {
  exists: {
    sv: '{meeting} har redan ett protokoll (minutes: i {file}), så inget skrevs. Fyll i det som står där, eller ta bort minutes: för att börja om.',
    en: '{meeting} already has minutes (minutes: in {file}), so nothing was written. Fill in what is there, or remove minutes: to start again.',
  },
  adjusterAbsent: {
    sv: '{person} kan inte utses att justera {meeting}: hen är inte med bland de närvarande ({names}). Välj en av dem.',
    en: '{person} cannot be appointed to adjust {meeting}: they are not among those present ({names}). Choose one of them.',
  },
  adjustersDiffer: {
    sv: '{meeting} har redan utsedda justerare ({names}) i {file}. Ändra adjusters: där, eller utelämna --adjuster.',
    en: '{meeting} already has appointed adjusters ({names}) in {file}. Change adjusters: there, or leave out --adjuster.',
  },
  noItems: {
    sv: '{meeting} har ingen dagordning (items: i {file}), så det finns inget att skriva protokoll över. Lägg in punkterna först.',
    en: '{meeting} has no agenda (items: in {file}), so there is nothing to take minutes of. Add the items first.',
  },
  noMinutes: {
    sv: '{meeting} har inget protokoll ännu (minutes: i {file}). Skriv det först med: samverkan minutes new {meeting}',
    en: '{meeting} has no minutes yet (minutes: in {file}). Write them first with: samverkan minutes new {meeting}',
  },
  noBy: {
    sv: 'Säg vem som justerar med --by PERSON (en eller flera). Utsedda justerare: {names}.',
    en: 'Say who adjusts with --by PERSON (one or more). Appointed adjusters: {names}.',
  },
  noAdjusters: {
    sv: '{meeting} har inga utsedda justerare (adjusters: i {file}). Skriv in dem där först.',
    en: '{meeting} has no appointed adjusters (adjusters: in {file}). Name them there first.',
  },
  notNamed: {
    sv: '{person} är inte utsedd att justera protokollet från {meeting}. Utsedda justerare: {names}.',
    en: '{person} is not appointed to adjust the minutes of {meeting}. Appointed adjusters: {names}.',
  },
  notPresent: {
    sv: '{person} var inte närvarande vid mötet {meeting} enligt närvarolistan, och bara närvarande ledamöter kan justera. Rätta närvaron i {file} eller välj en annan justerare.',
    en: '{person} was not present at {meeting} by its attendance list, and only members present can adjust. Correct the attendance in {file} or choose another adjuster.',
  },
  emptyDecisions: {
    sv: 'Beslutsraderna under {paragraphs} i {meeting} är inte ifyllda, så protokollet kan inte justeras ännu. Fyll i text: under minutes: decisions: i {file}.',
    en: 'The decision lines under {paragraphs} of {meeting} are not filled in, so the minutes cannot be adjusted yet. Fill in text: under minutes: decisions: in {file}.',
  },
  beforeMeeting: {
    sv: 'Justeringsdagen {date} är före mötet {meeting_date}. Ge ett datum med --date på eller efter mötesdagen.',
    en: 'The adjustment date {date} is before the meeting on {meeting_date}. Give a date on or after the meeting with --date.',
  },
  minutesNotMap: { sv: 'minutes har inga nycklar och värden', en: 'minutes is not a map' },
  adjustedEmpty: { sv: 'adjusted har inget värde', en: 'adjusted has no value' },
});

/** Options of both commands: the edit's date and the language of the comments written into the skeleton. */
export interface MinutesOptions extends EditOptions {
  /** Language of the comments written into the file; the workspace's unless given. Messages follow the message language. */
  lang?: Lang;
  /**
   * Who the meeting appoints to adjust the minutes (§ Val av justerare), written as the meeting's
   * adjusters: when it names none yet; each must be among those present.
   */
  adjusters?: readonly string[];
}

export interface MinutesNewResult extends FileEditResult {
  meeting: string;
  /** Person ids written as present (members on the meeting's date, and the secretary). */
  present: string[];
  /** Substitutes written as commented-out lines, to be taken in when they serve: substitute → member. */
  substitutes: Array<{ person: string; for: string }>;
  /** The items that got a line to fill in, by § number. */
  items: number[];
  /** The items that got a decision line. */
  decisionItems: number[];
}

export interface MinutesAdjustInput {
  meeting: string;
  /** Person ids of who adjusted (justerade) the minutes. */
  by: string[];
  /** The day of the adjustment; today unless given. */
  date?: string;
}

export interface MinutesAdjustResult extends FileEditResult {
  meeting: string;
  date: string;
  by: string[];
  /** False if the minutes were already adjusted; then nothing was written. */
  changed: boolean;
}

// Formal items whose paragraph the minutes write by themselves (opened, adjusters chosen, agenda
// approved, next meeting, closed); the others get a line to fill in.
const SELF_WRITING_ROLES = new Set(['opening', 'adjusters', 'agenda', 'next', 'closing']);

function langOf(workspace: Workspace, options: MinutesOptions): Lang {
  return options.lang ?? workspace.config.language;
}

function meetingToEdit(workspace: Workspace, id: string): { doc: SourceDocument; file: SourceFile; data: MeetingDoc } {
  const target = documentToEdit(workspace, 'meeting', id);
  if (!isMap(target.doc.yaml.contents) || target.doc.yaml.contents.flow) {
    throw notEditable(target.file, 'meeting');
  }
  return target;
}

/** The group of a meeting, if its file matched the schema when the workspace was checked (only then is its roster trusted). */
function groupOf(workspace: Workspace, meeting: MeetingDoc): GroupDoc | undefined {
  const entry = workspace.index.groups.get(meeting.group);
  return entry?.doc.valid ? entry.value : undefined;
}

/** A flow map or list on one line, the way the format's examples write records: {item: 3}. */
function flow(value: unknown): string {
  return stringify(value, { flow: true, lineWidth: 0, flowCollectionPadding: false }).trim();
}

/** What a line of the minutes names its item by: its id if it has one, else its § number. */
function itemRef(entry: AgendaRecordItem): string | number {
  return entry.item.id ?? entry.number;
}

/** Works out the minutes skeleton of a meeting, without writing anything. */
export function prepareMinutesNew(
  workspace: Workspace,
  meetingId: string,
  lang: Lang,
  adjusters: readonly string[] = [],
): { file: SourceFile; text: string; present: string[]; substitutes: MinutesNewResult['substitutes']; items: number[]; decisionItems: number[] } {
  const t = labelsFor(lang).t;
  const { doc, file, data } = meetingToEdit(workspace, meetingId);
  if (data.minutes !== undefined || (doc.yaml.contents as YAMLMap).has('minutes')) {
    throw new UsageError(say('exists', { meeting: data.id, file: file.rel }));
  }
  const agenda = agendaOf(data);
  if (agenda.length === 0) throw new UsageError(say('noItems', { meeting: data.id, file: file.rel }));

  const group = groupOf(workspace, data);
  const roster = group ? activeMembers(group, data.date) : [];
  // Standing substitutes (role: substitute) come only when called in: they are offered, not listed.
  const members = roster.filter((m) => (m.role ?? 'member') !== 'substitute');
  const present = [...new Set(members.map((m) => m.person))];
  if (data.secretary && !present.includes(data.secretary)) present.push(data.secretary);
  const substitutes = members
    .filter((m) => m.substitute && !present.includes(m.substitute))
    .map((m) => ({ person: m.substitute!, for: m.person }));

  const appointed = data.adjusters ?? [];
  const newAdjusters = [...new Set(adjusters)];
  if (newAdjusters.length > 0 && appointed.length > 0 && newAdjusters.join() !== appointed.join()) {
    throw new UsageError(say('adjustersDiffer', { meeting: data.id, names: appointed.join(', '), file: file.rel }));
  }
  for (const person of newAdjusters) {
    if (!present.includes(person)) throw new UsageError(say('adjusterAbsent', { person, meeting: data.id, names: present.join(', ') }));
  }

  const lines = agenda.filter((entry) => !SELF_WRITING_ROLES.has(entry.item.role ?? ''));
  const decisionItems = lines.filter((entry) => entry.item.type === 'decision');
  const noteItems = lines.filter((entry) => entry.item.type !== 'decision');

  const out: string[] = ['minutes:', '  status: draft', '  attendance:'];
  // A top-level key of the meeting, written just above its minutes.
  if (newAdjusters.length > 0 && appointed.length === 0) out.unshift(`adjusters: ${flow(newAdjusters)}`);
  for (const person of present) {
    out.push(`    - ${flow({ person, status: 'present' })}`);
    for (const s of substitutes.filter((x) => x.for === person)) {
      out.push(`    # - ${flow({ person: s.person, status: 'present', substitute_for: s.for })}`);
    }
  }
  if (substitutes.length > 0) out.splice(out.indexOf('  attendance:'), 0, `  # ${t.cmd_skeleton_substitutes}`);
  if (noteItems.length > 0) {
    out.push(`  # ${t.cmd_skeleton_notes}`, '  notes:');
    for (const entry of noteItems) out.push(`    - ${flow({ item: itemRef(entry) })}`);
  }
  if (decisionItems.length > 0) {
    out.push(`  # ${t.cmd_skeleton_decisions}`, '  decisions:');
    for (const entry of decisionItems) out.push(`    - ${flow({ item: itemRef(entry) })}`);
  }
  const block = `${out.join('\n')}\n`;
  const crlf = file.text.includes('\r\n');
  const ending = file.text.length === 0 || /\r?\n$/.test(file.text) ? '' : crlf ? '\r\n' : '\n';
  const text = applyEdits(file.text, [{ start: file.text.length, end: file.text.length, insert: ending + block }]);
  return {
    file,
    text,
    present,
    substitutes,
    items: lines.map((entry) => entry.number),
    decisionItems: decisionItems.map((entry) => entry.number),
  };
}

/**
 * Writes the minutes skeleton into the meeting file of a checked workspace (the roster is read
 * from the group only if it matched its schema): refuses if the meeting has minutes already or no
 * agenda; the result is checked before it is written.
 */
export async function newMinutes(checked: Pick<CheckedWorkspace, 'workspace'>, meetingId: string, options: MinutesOptions = {}): Promise<MinutesNewResult> {
  const { workspace } = checked;
  editDate(workspace, options.asOf);
  const prepared = prepareMinutesNew(workspace, meetingId, langOf(workspace, options), options.adjusters);
  return {
    ...(await commitFileEdit(workspace, prepared.file, prepared.text, options)),
    meeting: meetingId,
    present: prepared.present,
    substitutes: prepared.substitutes,
    items: prepared.items,
    decisionItems: prepared.decisionItems,
  };
}

/** The edits that set minutes.status to adjusted and write adjusted: {date, by}. */
function adjustEdits(doc: SourceDocument, text: string, date: string, by: readonly string[]): TextEdit[] {
  const minutes = (doc.yaml.contents as YAMLMap).get('minutes', true);
  if (!isMap(minutes)) throw new EditPathError(say('minutesNotMap'));
  const value = flow({ date, by: [...by] });
  const existing = minutes.items.find((p) => isScalar(p.key) && p.key.value === 'adjusted') as Pair | undefined;
  let adjusted: TextEdit;
  if (existing) {
    const range = (existing.value as { range?: [number, number, number] } | null)?.range;
    if (!range) throw new EditPathError(say('adjustedEmpty'));
    adjusted = { start: range[0], end: range[1], insert: value };
  } else {
    // Placed by the edit library (indentation, where the map ends), then given the flow map as its value.
    const marker = 'samverkan-adjusted-value';
    adjusted = setScalar(doc.yaml, text, ['minutes', 'adjusted'], marker, { after: 'status' });
    adjusted = { ...adjusted, insert: adjusted.insert.replace(marker, value) };
  }
  // Of two insertions at one place the later-listed comes first: status, then adjusted.
  return [adjusted, setScalar(doc.yaml, text, ['minutes', 'status'], 'adjusted')];
}

/** Works out the edit that records the adjustment, without writing anything; `text` is undefined if the minutes are adjusted already. */
export function prepareMinutesAdjust(
  workspace: Workspace,
  input: MinutesAdjustInput,
  today: string,
): { file: SourceFile; text?: string; date: string; by: string[] } {
  const { doc, file, data } = meetingToEdit(workspace, input.meeting);
  const name = (id: string) => {
    const person: unknown = workspace.index.people.get(id)?.value.name;
    return typeof person === 'string' && person ? `${person} (${id})` : id;
  };
  const names = (ids: readonly string[]) => ids.map(name).join(', ');
  const minutes = data.minutes;
  if (minutes === undefined) throw new UsageError(say('noMinutes', { meeting: data.id, file: file.rel }));
  if (minutes.status === 'adjusted' && minutes.adjusted) {
    return { file, date: minutes.adjusted.date, by: minutes.adjusted.by };
  }
  const adjusters = data.adjusters ?? [];
  if (adjusters.length === 0) throw new UsageError(say('noAdjusters', { meeting: data.id, file: file.rel }));
  const by = [...new Set(input.by.map((p) => p.trim()).filter(Boolean))];
  if (by.length === 0) throw new UsageError(say('noBy', { names: names(adjusters) }));
  for (const person of by) {
    if (!adjusters.includes(person)) throw new UsageError(say('notNamed', { person: name(person), meeting: data.id, names: names(adjusters) }));
    const present = (minutes.attendance ?? []).some((a) => a.person === person && a.status === 'present');
    if (!present) throw new UsageError(say('notPresent', { person: name(person), meeting: data.id, file: file.rel }));
  }
  const date = input.date ?? today;
  if (date < data.date) throw new UsageError(say('beforeMeeting', { date, meeting_date: data.date }));
  const unfilled = (minutes.decisions ?? []).filter((d) => typeof d.text !== 'string' || d.text.trim() === '');
  if (unfilled.length > 0) {
    const agenda = agendaOf(data);
    const numberOf = (ref: number | string) => (typeof ref === 'number' ? ref : agenda.find((e) => e.item.id === ref)?.number ?? ref);
    const paragraphs = [...new Set(unfilled.map((d) => `§\u00a0${numberOf(d.item)}`))].join(', ');
    throw new UsageError(say('emptyDecisions', { paragraphs, meeting: data.id, file: file.rel }));
  }
  const edits = editsOrExplain(file, 'meeting', () => adjustEdits(doc, file.text, date, by));
  return { file, text: applyEdits(file.text, edits), date, by };
}

/**
 * Records that the minutes were adjusted: status adjusted and adjusted: {date, by}. Every
 * adjuster must be appointed in adjusters: and present by the attendance, and every decision
 * line must be filled in. Does nothing if the minutes are adjusted already.
 */
export async function adjustMinutes(checked: Pick<CheckedWorkspace, 'workspace'>, input: MinutesAdjustInput, options: MinutesOptions = {}): Promise<MinutesAdjustResult> {
  const { workspace } = checked;
  const today = editDate(workspace, options.asOf);
  const { file, text, date, by } = prepareMinutesAdjust(workspace, input, today);
  if (text === undefined) {
    return { path: file.path, rel: file.rel, created: false, before: file.text, text: file.text, warnings: [], meeting: input.meeting, date, by, changed: false };
  }
  return { ...(await commitFileEdit(workspace, file, text, options)), meeting: input.meeting, date, by, changed: true };
}

/** The commit message of an adjustment: "Justerat protokoll X (justerat 2009-05-20 av A och B)". */
export function adjustmentCommitMessage(result: Pick<MinutesAdjustResult, 'meeting' | 'date'>, names: readonly string[], lang: Lang): string {
  return fill(labelsFor(lang).t.adjust_commit_message, { meeting: result.meeting, date: result.date, names: names.join(', ') });
}

/**
 * The repository that holds the workspace; undefined without git or outside any repository. Its
 * errors are said in `lang`, the language of the messages unless given.
 */
export async function repositoryOf(workspace: Workspace, lang: Lang = language()): Promise<Repo | undefined> {
  try {
    return await openRepo(workspace.root, lang);
  } catch (error) {
    if (error instanceof GitError && (error.code === 'not-a-repository' || error.code === 'git-missing')) return undefined;
    throw error;
  }
}

/** What committing an adjustment did. */
export type AdjustmentCommit = { state: 'committed'; commit: string } | { state: 'nothing-to-commit' };

/**
 * Commits the adjusted meeting file, and nothing else: other changes, staged or not, stay as
 * they were. `env` may give the commit's author and dates (GIT_AUTHOR_NAME …).
 */
export async function commitAdjustment(repo: Repo, result: Pick<MinutesAdjustResult, 'rel'>, message: string, env?: Record<string, string>): Promise<AdjustmentCommit> {
  if (!(await workingChanges(repo)).some((c) => c.rel === result.rel)) return { state: 'nothing-to-commit' };
  const path = repo.prefix === '' ? result.rel : `${repo.prefix}/${result.rel}`;
  return { state: 'committed', commit: await commitFiles(repo, [path], message, { env }) };
}
