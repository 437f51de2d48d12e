/**
 * `samverkan member add` and `member remove`: roster changes with dates. Nothing is deleted:
 * a member who leaves gets an `until` date, so the roster keeps its history (who sat in the
 * group when a decision was taken).
 */
import { isMap } from 'yaml';
import { didYouMean, NotFoundError, UsageError } from '../errors.js';
import { commitFileEdit, documentToEdit, editDate, editsOrExplain, notEditable, type EditOptions, type FileEditResult } from '../edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, setScalar, styledItem } from '../edit/text-edits.js';
import { labelsFor } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import { addDays } from '../model/dates.js';
import type { GroupDoc, Member } from '../model/index.js';
import { holdersOn, memberLabel, quorumOf, votingMembers, VOTING_ROLES } from '../model/roster.js';
import { closest } from '../rules/words.js';
import { canonicalValue, fieldAmbiguity, fieldNode } from '../schema/aliases.js';
import type { SourceDocument, SourceFile, Workspace } from '../workspace/types.js';
import { requireDate } from './action.js';

const say = messages('commands/member', {
  notRole: {
    sv: '--role "{value}" är ingen roll.{guess} Använd någon av {roles}.',
    en: '--role "{value}" is not a role.{guess} Use one of {roles}.',
  },
  notMember: { sv: '{flag} {person}: {who} är inte ledamot i {group}.{guess}', en: '{flag} {person}: {who} is not a member of {group}.{guess}' },
  joinsLater: {
    sv: '{who} går med i {group} {from}, efter {until}, så medlemskapet kan inte upphöra då. Ge ett slutdatum på eller efter {from}.',
    en: '{who} joins {group} on {from}, after {until}, so the membership cannot end then. Give an until date on or after {from}.',
  },
  notInRole: {
    sv: '{who} är inte {role} i {group} den {until}. Utelämna --role, eller ge den roll personen har.',
    en: '{who} is not a {role} of {group} on {until}. Leave out --role, or give the role they have.',
  },
  alreadyLeft: { sv: '{who} lämnade redan {group} {until}. Det finns inget att avsluta.', en: '{who} already left {group} on {until}. Nothing to end.' },
  several: {
    sv: '{who} har {n} medlemskap i {group} den {until} ({roles}). Ange med --role vilket som ska avslutas.',
    en: '{who} has {n} memberships of {group} on {until} ({roles}). Say which one to end with --role.',
  },
  noPerson: { sv: '--person saknas. Ge personens id som det står i people.yaml.', en: '--person is missing. Give the id of the person, as in people.yaml.' },
  unknownPerson: {
    sv: '--person {person}: det finns ingen person "{person}" i people.yaml.{guess} Lägg först in personen i people.yaml (id, name och organization).',
    en: '--person {person}: there is no person "{person}" in people.yaml.{guess} Add them to people.yaml first (id, name and organization).',
  },
  unknownOrganization: {
    sv: '--represents {org}: det finns ingen organisation "{org}" i organizations.yaml.{guess}',
    en: '--represents {org}: there is no organisation "{org}" in organizations.yaml.{guess}',
  },
  alreadyIn: { sv: '{who} är redan med i {group} som {role}{from}{until}. ', en: '{who} is already in {group} as {role}{from}{until}. ' },
  since: { sv: ' från {date}', en: ' from {date}' },
  until: { sv: ' till {date}', en: ' until {date}' },
  nothingToAdd: { sv: 'Det finns inget att lägga till.', en: 'Nothing to add.' },
  endFirst: {
    sv: 'Avsluta först medlemskapet för att ändra det (samverkan member remove {group} --person {person} --until {date}) och lägg sedan till personen igen.',
    en: 'To change their membership, end it first (samverkan member remove {group} --person {person} --until {date}), then add them again.',
  },
  replacesSelf: {
    sv: '--replaces anger samma person som läggs till. Ge den ledamot vars plats personen tar.',
    en: '--replaces names the person being added. Give the member whose place they take.',
  },
  noLeaver: { sv: '--person saknas. Ge id för den ledamot som lämnar, som det står i people.yaml.', en: '--person is missing. Give the id of the member who leaves, as in people.yaml.' },
  noChairFrom: {
    sv: 'Observera: {group} har ingen ordförande från {date}. Utse en ny: samverkan member add {id} --person PERSON --role chair --from {date}. Till dess säger samverkan validate att ordförande saknas (group/chair).',
    en: 'Note: {group} has no chair from {date}. Appoint one: samverkan member add {id} --person PERSON --role chair --from {date}. Until then samverkan validate reports the missing chair (group/chair).',
  },
  quorumFrom: {
    sv: {
      one: 'Observera: från {date} har {group} bara {n} röstberättigad ledamot, färre än de {quorum} som krävs för att gruppen ska vara beslutför. Lägg till ledamöter, eller ändra quorum: i gruppens fil.',
      other: 'Observera: från {date} har {group} bara {n} röstberättigade ledamöter, färre än de {quorum} som krävs för att gruppen ska vara beslutför. Lägg till ledamöter, eller ändra quorum: i gruppens fil.',
    },
    en: {
      one: 'Note: from {date} {group} has only {n} voting member, fewer than the {quorum} it needs to be quorate. Add members, or change quorum: in the group\'s file.',
      other: 'Note: from {date} {group} has only {n} voting members, fewer than the {quorum} it needs to be quorate. Add members, or change quorum: in the group\'s file.',
    },
  },
  noSecretaryFrom: {
    sv: 'Observera: {group} har ingen sekreterare från {date}. Utse en ny: samverkan member add {id} --person PERSON --role secretary --from {date}, eller ange i varje sammanträde vem som för protokollet (secretary:).',
    en: 'Note: {group} has no secretary from {date}. Appoint one: samverkan member add {id} --person PERSON --role secretary --from {date}, or say in each meeting who takes the minutes (secretary:).',
  },
});

/** A role as a word of the sentence it is said in ("ordförande", "chair"). */
function roleWord(role: string): string {
  return (labelsFor(language()).member_role as Record<string, string | undefined>)[role]?.toLowerCase() ?? role;
}

export type MemberRole = 'chair' | 'vice-chair' | 'secretary' | 'member' | 'co-opted' | 'substitute';
/** Every role a member can have (the schema's list). */
export const MEMBER_ROLES = (fieldNode('group', 'members[].role')?.enum ?? []) as readonly MemberRole[];

/**
 * What a group is left without once a membership ends, from the day after, and the sentence to
 * say: its chair, its secretary, or enough voting members to reach its quorum.
 */
export interface RoleVacancy {
  role: 'chair' | 'secretary' | 'quorum';
  from: string;
  message: string;
}

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
  /** The chair or secretary the group is left without by the memberships this ended. */
  vacated: RoleVacancy[];
}

export interface MemberRemoveResult extends FileEditResult {
  group: string;
  person: string;
  role: MemberRole;
  /** The membership's first day, if known. */
  from?: string;
  until: string;
  /** The chair or secretary the group is left without from the day after `until`. */
  vacated: RoleVacancy[];
}

function groupToEdit(workspace: Workspace, groupId: string): { doc: SourceDocument; file: SourceFile; data: GroupDoc } {
  const target = documentToEdit(workspace, 'group', groupId);
  if (!isMap(target.doc.yaml.contents) || !Array.isArray(target.data.members)) {
    throw notEditable(target.file, 'group');
  }
  return target;
}

/** The role `value` names (a Swedish spelling such as ordförande included); a UsageError unless it names one. */
export function requireRole(value: string): MemberRole {
  const reading = canonicalValue('group', 'members[].role', value);
  if (reading && 'value' in reading) return reading.value as MemberRole;
  const ambiguous = fieldAmbiguity('group', 'members[].role', value);
  if (ambiguous) throw new UsageError(`--role: ${ambiguous}`);
  const guess = closest(value, MEMBER_ROLES);
  throw new UsageError(say('notRole', { value, guess: didYouMean(guess), roles: MEMBER_ROLES.join(', ') }));
}

function personName(workspace: Workspace, id: string): string {
  // The workspace may not be checked yet: memberLabel shows no name that is not a text.
  return memberLabel(id, workspace.index.people);
}

/**
 * The chair and secretary the group is left without once the memberships at `endings` end (and
 * `added` joins): a role held before an ending that nobody holds the day after.
 */
function vacancies(group: GroupDoc, endings: ReadonlyArray<{ index: number; until: string }>, added?: Member): RoleVacancy[] {
  const after: GroupDoc = {
    ...group,
    members: [...group.members.map((m, i) => ({ ...m, until: endings.find((e) => e.index === i)?.until ?? m.until })), ...(added ? [added] : [])] as GroupDoc['members'],
  };
  const found: RoleVacancy[] = [];
  for (const { index, until } of endings) {
    const role = group.members[index].role ?? 'member';
    if (role !== 'chair' && role !== 'secretary') continue;
    const from = addDays(until, 1);
    if (found.some((v) => v.role === role) || holdersOn(after, role, from).length > 0) continue;
    const params = { group: group.name ?? group.id, id: group.id, date: from };
    found.push({ role, from, message: say(role === 'chair' ? 'noChairFrom' : 'noSecretaryFrom', params) });
  }
  // A voter leaving can put the quorum out of reach: judged the day after the last ending, as validate will.
  const last = endings.map((e) => e.until).sort().at(-1);
  if (last !== undefined && endings.some((e) => VOTING_ROLES.has(group.members[e.index].role ?? 'member'))) {
    const from = addDays(last, 1);
    const quorum = quorumOf(after, from);
    const voting = votingMembers(after, from).length;
    const couldBefore = (quorumOf(group, from) ?? 0) <= votingMembers(group, from).length;
    if (quorum !== undefined && quorum > voting && couldBefore) {
      found.push({ role: 'quorum', from, message: say('quorumFrom', { group: group.name ?? group.id, date: from, n: voting, quorum }) });
    }
  }
  return found;
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
    throw new NotFoundError(say('notMember', { flag, person, who, group: group.id, guess: didYouMean(guess) }));
  }
  let current = currentOn(group.members, person, until);
  if (role) current = current.filter(({ member }) => (member.role ?? 'member') === role);
  if (current.length === 0) {
    const last = [...all].sort((a, b) => ((a.member.until ?? '9999') < (b.member.until ?? '9999') ? 1 : -1))[0].member;
    if (last.from !== undefined && last.from > until) {
      throw new UsageError(say('joinsLater', { who, group: group.id, from: last.from, until }));
    }
    throw new UsageError(
      role ? say('notInRole', { who, role: roleWord(role), group: group.id, until }) : say('alreadyLeft', { who, group: group.id, until: last.until }),
    );
  }
  if (current.length > 1) {
    throw new UsageError(
      say('several', { who, n: current.length, group: group.id, until, roles: current.map(({ member }) => member.role ?? 'member').join(', ') }),
    );
  }
  return current[0];
}

/** Works out the edit that adds a member, without writing anything. */
export function prepareMemberAdd(
  workspace: Workspace,
  input: MemberAddInput,
  today: string,
): { file: SourceFile; text: string; member: Member; replaced?: MemberAddResult['replaced']; roleChange?: MemberAddResult['roleChange']; vacated: RoleVacancy[] } {
  const { doc, file, data } = groupToEdit(workspace, input.group);
  const { index } = workspace;
  if (!input.person) throw new UsageError(say('noPerson'));
  if (!index.people.has(input.person)) {
    const guess = closest(input.person, index.people.keys());
    throw new NotFoundError(say('unknownPerson', { person: input.person, guess: didYouMean(guess) }));
  }
  const role = requireRole(input.role ?? 'member');
  if (input.represents !== undefined && !index.organizations.has(input.represents)) {
    const guess = closest(input.represents, index.organizations.keys());
    throw new NotFoundError(say('unknownOrganization', { org: input.represents, guess: didYouMean(guess) }));
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
        say('alreadyIn', {
          who: personName(workspace, input.person),
          group: data.id,
          role: roleWord(m.role ?? 'member'),
          from: m.from ? say('since', { date: m.from }) : '',
          until: m.until ? say('until', { date: m.until }) : '',
        }) + (sameSeat ? say('nothingToAdd') : say('endFirst', { group: data.id, person: input.person, date: dayBefore })),
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
    if (input.replaces === input.person) throw new UsageError(say('replacesSelf'));
    const old = membershipToEnd(workspace, data, input.replaces, dayBefore, undefined, '--replaces');
    endings.push({ index: old.index, until: dayBefore });
    replaced = { person: input.replaces, role: old.member.role ?? 'member', until: dayBefore };
  }
  // The appended member is listed first: an `until` added to the last member lands at the same
  // offset, and of two edits at one offset the one listed later comes first in the text.
  const edits = editsOrExplain(file, 'group', () => [
    appendToSequence(doc.yaml, file.text, ['members'], styledItem(doc.yaml, ['members'], member)),
    ...endings.map((e) => setScalar(doc.yaml, file.text, ['members', e.index, 'until'], e.until)),
  ]);
  return {
    file,
    text: applyEdits(file.text, edits),
    member: member as unknown as Member,
    ...(replaced ? { replaced } : {}),
    ...(roleChange ? { roleChange } : {}),
    vacated: vacancies(data, endings, member as unknown as Member),
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
  const { file, text, member, replaced, roleChange, vacated } = prepareMemberAdd(workspace, input, today);
  return {
    ...(await commitFileEdit(workspace, file, text, options)),
    group: input.group,
    member,
    ...(replaced ? { replaced } : {}),
    ...(roleChange ? { roleChange } : {}),
    vacated,
  };
}

/** Works out the edit that ends a membership, without writing anything. */
export function prepareMemberRemove(
  workspace: Workspace,
  input: MemberRemoveInput,
  today: string,
): { file: SourceFile; text: string; member: Member; until: string; vacated: RoleVacancy[] } {
  const { doc, file, data } = groupToEdit(workspace, input.group);
  if (!input.person) throw new UsageError(say('noLeaver'));
  const until = input.until === undefined ? today : requireDate('--until', input.until);
  const role = input.role === undefined ? undefined : requireRole(input.role);
  const { member, index } = membershipToEnd(workspace, data, input.person, until, role, '--person');
  const edits = editsOrExplain(file, 'group', () => [setScalar(doc.yaml, file.text, ['members', index, 'until'], until)]);
  return { file, text: applyEdits(file.text, edits), member, until, vacated: vacancies(data, [{ index, until }]) };
}

/**
 * Ends a member's current membership on a date (today unless given) by setting its `until`; the
 * entry stays in the roster as history. Writes the group file.
 */
export async function removeMember(workspace: Workspace, input: MemberRemoveInput, options: EditOptions = {}): Promise<MemberRemoveResult> {
  const today = editDate(workspace, options.asOf);
  const { file, text, member, until, vacated } = prepareMemberRemove(workspace, input, today);
  return {
    ...(await commitFileEdit(workspace, file, text, options)),
    group: input.group,
    person: input.person,
    role: member.role ?? 'member',
    ...(member.from !== undefined ? { from: member.from } : {}),
    until,
    vacated,
  };
}
