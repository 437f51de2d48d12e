/**
 * `samverkan member add` and `member remove`: roster changes with dates. Nothing is deleted:
 * a member who leaves gets an `until` date, so the roster keeps its history (who sat in the
 * group when a decision was taken).
 */
import { isMap } from 'yaml';
import { EditConflictError, NotFoundError, UsageError } from '../errors.js';
import { commitFileEdit, documentToEdit, editDate, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, EditPathError, setScalar, styledItem, type TextEdit } from '../edit/text-edits.js';
import { addDays } from '../model/dates.js';
import type { GroupDoc, Member } from '../model/index.js';
import { closest } from '../rules/words.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import { requireDate } from './action.js';

/** Every role a member can have. */
export const MEMBER_ROLES = ['chair', 'vice-chair', 'secretary', 'member', 'co-opted', 'substitute'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface MemberAddInput {
  group: string;
  /** Person id, as in people.yaml. */
  person: string;
  /** member unless given. */
  role?: MemberRole;
  /** Organisation id the member sits for; the person's own organisation unless given. */
  represents?: string;
  /** First day in the group; today unless given. */
  from?: string;
  /** Person id of a current member whose place this member takes: their membership ends the day before `from`. */
  replaces?: string;
}

export interface MemberRemoveInput {
  group: string;
  person: string;
  /** Last day in the group; today unless given. */
  until?: string;
  /** Which membership to end, if the person has several at once. */
  role?: MemberRole;
}

export interface MemberAddResult extends FileEditResult {
  group: string;
  /** The member as added. */
  member: Member;
  /** The membership ended to make room, with --replaces. */
  replaced?: { person: string; role: MemberRole; until: string };
  /** The person's own membership ended the day before, when they were in the group in another role. */
  roleChange?: { from: MemberRole; until: string };
}

export interface MemberRemoveResult extends FileEditResult {
  group: string;
  person: string;
  role: MemberRole;
  /** The membership's first day, if known. */
  from?: string;
  until: string;
}

function groupToEdit(workspace: Workspace, groupId: string): { doc: SourceDocument; file: SourceFile; data: GroupDoc } {
  const target = documentToEdit(workspace, 'group', groupId);
  if (!isMap(target.doc.yaml.contents) || !Array.isArray(target.data.members)) {
    throw new EditConflictError(
      `${target.file.rel} has no list of members that samverkan can edit, so nothing was written. Run "samverkan validate ${target.file.rel}" to see what is wrong.`,
    );
  }
  return target;
}

function editsOrExplain(file: SourceFile, make: () => TextEdit[]): TextEdit[] {
  try {
    return make();
  } catch (error) {
    if (error instanceof EditPathError) {
      throw new EditConflictError(
        `${file.rel} is not shaped as a group should be (${error.message}), so nothing was written. Run "samverkan validate ${file.rel}" to see what is wrong, fix it, and try again.`,
      );
    }
    throw error;
  }
}

/** Throws a UsageError unless `value` is a member role. */
export function requireRole(value: string): MemberRole {
  if ((MEMBER_ROLES as readonly string[]).includes(value)) return value as MemberRole;
  const guess = closest(value, MEMBER_ROLES);
  throw new UsageError(`--role "${value}" is not a role.${guess ? ` Did you mean "${guess}"?` : ''} Use one of ${MEMBER_ROLES.join(', ')}.`);
}

function personName(workspace: Workspace, id: string): string {
  const name: unknown = workspace.index.people.get(id)?.value.name;
  // The workspace may not be checked yet: a name that is not a text is not shown.
  return typeof name === 'string' && name ? `${name} (${id})` : id;
}

/** The person's memberships that are open on `date` or begin after it: the ones a new membership from `date` would overlap. */
function openOn(members: readonly Member[], person: string, date: string): Array<{ member: Member; index: number }> {
  return members
    .map((member, index) => ({ member, index }))
    .filter(({ member }) => member && member.person === person && (member.until == null || member.until >= date));
}

/** The person's memberships that are current on `date` (from ≤ date ≤ until). */
function currentOn(members: readonly Member[], person: string, date: string): Array<{ member: Member; index: number }> {
  return openOn(members, person, date).filter(({ member }) => member.from === undefined || member.from <= date);
}

/** The membership of `person` to end on `until`, or a plain message why there is none. */
function membershipToEnd(
  workspace: Workspace,
  group: GroupDoc,
  person: string,
  until: string,
  role: MemberRole | undefined,
  flag: string,
): { member: Member; index: number } {
  const all = group.members.map((member, index) => ({ member, index })).filter(({ member }) => member?.person === person);
  const who = personName(workspace, person);
  if (all.length === 0) {
    const guess = closest(person, group.members.map((m) => m?.person).filter((p): p is string => typeof p === 'string'));
    throw new NotFoundError(`${flag} ${person}: ${who} is not a member of ${group.id}.${guess ? ` Did you mean "${guess}"?` : ''}`);
  }
  let current = currentOn(group.members, person, until);
  if (role) current = current.filter(({ member }) => (member.role ?? 'member') === role);
  if (current.length === 0) {
    const last = [...all].sort((a, b) => ((a.member.until ?? '9999') < (b.member.until ?? '9999') ? 1 : -1))[0].member;
    if (last.from !== undefined && last.from > until) {
      throw new UsageError(`${who} joins ${group.id} on ${last.from}, after ${until}, so the membership cannot end then. Give an until date on or after ${last.from}.`);
    }
    throw new UsageError(
      role
        ? `${who} is not a ${role} of ${group.id} on ${until}. Leave out --role, or give the role they have.`
        : `${who} already left ${group.id} on ${last.until}. Nothing to end.`,
    );
  }
  if (current.length > 1) {
    throw new UsageError(
      `${who} has ${current.length} memberships of ${group.id} on ${until} (${current.map(({ member }) => member.role ?? 'member').join(', ')}). Say which one to end with --role.`,
    );
  }
  return current[0];
}

/** Works out the edit that adds a member, without writing anything. */
export function prepareMemberAdd(
  workspace: Workspace,
  input: MemberAddInput,
  today: string,
): { file: SourceFile; text: string; member: Member; replaced?: MemberAddResult['replaced']; roleChange?: MemberAddResult['roleChange'] } {
  const { doc, file, data } = groupToEdit(workspace, input.group);
  const { index } = workspace;
  if (!input.person) throw new UsageError('--person is missing. Give the id of the person, as in people.yaml.');
  if (!index.people.has(input.person)) {
    const guess = closest(input.person, index.people.keys());
    throw new NotFoundError(
      `--person ${input.person}: there is no person "${input.person}" in people.yaml.${guess ? ` Did you mean "${guess}"?` : ''} Add them to people.yaml first (id, name and organization).`,
    );
  }
  const role = requireRole(input.role ?? 'member');
  if (input.represents !== undefined && !index.organizations.has(input.represents)) {
    const guess = closest(input.represents, index.organizations.keys());
    throw new NotFoundError(
      `--represents ${input.represents}: there is no organisation "${input.represents}" in organizations.yaml.${guess ? ` Did you mean "${guess}"?` : ''}`,
    );
  }
  const from = input.from === undefined ? today : requireDate('--from', input.from);
  let represents = input.represents;
  let substitute: string | undefined;

  // Ending memberships the day before `from`: a member's own former role, and with --replaces the
  // member whose place they take. One edit does both, so the roster is never without a chair.
  const endings: Array<{ index: number; until: string }> = [];
  const dayBefore = addDays(from, -1);
  let roleChange: MemberAddResult['roleChange'];
  const overlapping = openOn(data.members, input.person, from);
  if (overlapping.length > 0) {
    const { member: m, index: i } = overlapping[0];
    const sameSeat = (m.role ?? 'member') === role && (represents === undefined || m.represents === represents);
    const startsLater = m.from !== undefined && m.from >= from;
    if (overlapping.length > 1 || sameSeat || startsLater) {
      throw new UsageError(
        `${personName(workspace, input.person)} is already in ${data.id} as ${m.role ?? 'member'}${m.from ? ` from ${m.from}` : ''}${m.until ? ` until ${m.until}` : ''}. ` +
          (sameSeat
            ? 'Nothing to add.'
            : `To change their membership, end it first (samverkan member remove ${data.id} --person ${input.person} --until ${dayBefore}), then add them again.`),
      );
    }
    endings.push({ index: i, until: dayBefore });
    roleChange = { from: m.role ?? 'member', until: dayBefore };
    // A new role, the same person: they still sit for the same organisation with the same substitute.
    represents ??= m.represents;
    substitute = m.substitute;
  }
  const member: Record<string, unknown> = { person: input.person, role };
  if (represents !== undefined) member.represents = represents;
  if (substitute !== undefined) member.substitute = substitute;
  member.from = from;

  let replaced: MemberAddResult['replaced'];
  if (input.replaces !== undefined) {
    if (input.replaces === input.person) throw new UsageError('--replaces names the person being added. Give the member whose place they take.');
    const old = membershipToEnd(workspace, data, input.replaces, dayBefore, undefined, '--replaces');
    endings.push({ index: old.index, until: dayBefore });
    replaced = { person: input.replaces, role: old.member.role ?? 'member', until: dayBefore };
  }
  // The appended member is listed first: an `until` added to the last member lands at the same
  // offset, and of two edits at one offset the one listed later comes first in the text.
  const edits = editsOrExplain(file, () => [
    appendToSequence(doc.yaml, file.text, ['members'], styledItem(doc.yaml, ['members'], member)),
    ...endings.map((e) => setScalar(doc.yaml, file.text, ['members', e.index, 'until'], e.until)),
  ]);
  return {
    file,
    text: applyEdits(file.text, edits),
    member: member as unknown as Member,
    ...(replaced ? { replaced } : {}),
    ...(roleChange ? { roleChange } : {}),
  };
}

/**
 * Adds a member to a group's roster from a date (today unless given). If the person is in the
 * group already in another role, that membership ends the day before (a role change keeps its
 * history); with `replaces`, so does that member's, so that a chair can hand over in one step
 * (two chairs, or none, on any day would be refused). Writes the group file.
 */
export async function addMember(workspace: Workspace, input: MemberAddInput, options: EditOptions = {}): Promise<MemberAddResult> {
  const today = editDate(workspace, options.asOf);
  const { file, text, member, replaced, roleChange } = prepareMemberAdd(workspace, input, today);
  return {
    ...(await commitFileEdit(workspace, file, text, options)),
    group: input.group,
    member,
    ...(replaced ? { replaced } : {}),
    ...(roleChange ? { roleChange } : {}),
  };
}

/** Works out the edit that ends a membership, without writing anything. */
export function prepareMemberRemove(
  workspace: Workspace,
  input: MemberRemoveInput,
  today: string,
): { file: SourceFile; text: string; member: Member; until: string } {
  const { doc, file, data } = groupToEdit(workspace, input.group);
  if (!input.person) throw new UsageError('--person is missing. Give the id of the member who leaves, as in people.yaml.');
  const until = input.until === undefined ? today : requireDate('--until', input.until);
  const role = input.role === undefined ? undefined : requireRole(input.role);
  const { member, index } = membershipToEnd(workspace, data, input.person, until, role, '--person');
  const edits = editsOrExplain(file, () => [setScalar(doc.yaml, file.text, ['members', index, 'until'], until)]);
  return { file, text: applyEdits(file.text, edits), member, until };
}

/**
 * Ends a member's current membership on a date (today unless given) by setting its `until`; the
 * entry stays in the roster as history. Writes the group file.
 */
export async function removeMember(workspace: Workspace, input: MemberRemoveInput, options: EditOptions = {}): Promise<MemberRemoveResult> {
  const today = editDate(workspace, options.asOf);
  const { file, text, member, until } = prepareMemberRemove(workspace, input, today);
  return {
    ...(await commitFileEdit(workspace, file, text, options)),
    group: input.group,
    person: input.person,
    role: member.role ?? 'member',
    ...(member.from !== undefined ? { from: member.from } : {}),
    until,
  };
}
