/**
 * `samverkan group new`: a group file under groups/, with the defaults that suit its type. A steering
 * group decides and has a quorum (majority); a working group prepares and reports to the steering
 * group; a case group is always confidential and says under which secrecy provision its documents
 * fall; a reference group advises. The chair is required (group/chair), the secretary and other
 * members are optional; everyone sits from the same first day.
 */
import { UsageError } from '../../errors.js';
import type { EditOptions, FileEditResult } from '../../edit/edit-workspace-file.js';
import { editDate } from '../../edit/edit-workspace-file.js';
import { labelsFor } from '../../i18n/index.js';
import { messages } from '../../i18n/messages.js';
import { groupDecides, lacksSecrecyProvision } from '../../model/group-record.js';
import type { GroupDoc } from '../../model/index.js';
import type { Workspace } from '../../workspace/types.js';
import {
  both,
  checkDate,
  checkEnum,
  checkField,
  checkGiven,
  checkNewId,
  checkRef,
  checkText,
  enumValue,
  enumValues,
  firstMissing,
  flagProblem,
  idFromName,
  meetingsBlock,
  meetingsFields,
  writeNewDocument,
  type Field,
  type MeetingsInput,
} from './common.js';

const say = messages('commands/create/group', {
  caseDecides: {
    sv: 'En ärendegrupp fattar inga beslut: varje myndighet beslutar i sitt eget ärende, och gruppen ger råd. Ta bort --decides, eller skriv no.',
    en: 'A case group takes no decisions: each agency decides in its own case, and the group advises. Leave out --decides, or write no.',
  },
  caseOpen: {
    sv: 'En ärendegrupp behandlar enskildas ärenden och är alltid konfidentiell (group/case-confidential). Ta bort --confidentiality, eller skriv confidential.',
    en: 'A case group handles individuals\' cases and is always confidential (group/case-confidential). Leave out --confidentiality, or write confidential.',
  },
  twice: {
    sv: '{person} står mer än en gång bland ordförande, sekreterare och ledamöter. Ange varje person en gång.',
    en: '{person} is given more than once among the chair, the secretary and the members. Give each person once.',
  },
  quorum: {
    sv: 'Skriv hur många ledamöter som måste vara närvarande, som ett heltal från 1, eller majority (majoriteten).',
    en: 'Write how many members must be present, as a whole number from 1, or majority.',
  },
  decides: { sv: 'Skriv yes eller no (ja eller nej).', en: 'Write yes or no.' },
  commentTop: {
    sv: '{type}: vem som sitter i gruppen, vad den ska göra och när den träffas. Kontrollera med: samverkan validate',
    en: '{type}: who sits in the group, what it is for and when it meets. Check it with: samverkan validate',
  },
  id: { sv: 'gruppens id, används i möten och i andra grupper', en: 'the group\'s id, used by meetings and other groups' },
  name: { sv: 'namnet som står på kallelser och protokoll', en: 'the name on notices and minutes' },
  type: {
    sv: 'steering (styrgrupp), working (arbetsgrupp), case (ärendegrupp), reference (referensgrupp) m.fl.',
    en: 'steering, working, case, reference, coordination, network or resource-team',
  },
  agreement: { sv: 'överenskommelsen gruppen finns under', en: 'the agreement the group is set up under' },
  reports_to: { sv: 'gruppen som den här gruppen rapporterar till', en: 'the group this group reports to' },
  purpose: { sv: 'vad gruppen är till för', en: 'what the group is for' },
  decidesComment: { sv: 'true: gruppen fattar beslut; false: den bereder och ger råd', en: 'true: the group takes decisions; false: it prepares and advises' },
  confidentiality: {
    sv: 'open (öppen), internal (intern) eller confidential (sekretess: handlingarna märks)',
    en: 'open, internal or confidential (its documents are marked as secret)',
  },
  secrecy: {
    sv: 'Sekretessmarkeringen överst på gruppens handlingar: bestämmelsen som gäller, vem som beslutade och när.',
    en: 'The secrecy marking at the top of the group\'s documents: the provision that applies, who decided it and when.',
  },
  quorumComment: { sv: 'hur många som måste vara närvarande för beslut: ett antal, eller majority', en: 'how many must be present for a decision: a number, or majority' },
  meetings: {
    sv: 'När gruppen träffas: cadence (hur ofta, t.ex. every 6 weeks), weekday, time ("TT:MM"), duration_minutes och location.',
    en: 'When the group meets: cadence (how often, e.g. every 6 weeks), weekday, time ("HH:MM"), duration_minutes and location.',
  },
  members: {
    sv: 'Ledamöterna. Den som slutar får until: med sista dagen, så finns historiken kvar. Ändra med: samverkan member add/remove',
    en: 'The members. Someone who leaves gets until: with their last day, so the history is kept. Change it with: samverkan member add/remove',
  },
});

export type GroupType = GroupDoc['type'];
export type Confidentiality = NonNullable<GroupDoc['confidentiality']>;

/** The provision a case group's documents usually fall under: secrecy in the social services (OSL 26 kap. 1 §). */
export const DEFAULT_SECRECY_PROVISION = '26 kap. 1 § offentlighets- och sekretesslagen (2009:400)';

/**
 * How open a new group of each type is unless told: a working group or resource team handles
 * internal matters; a case group is always confidential; the others meet in the open.
 */
const DEFAULT_CONFIDENTIALITY: Partial<Record<string, Confidentiality>> = {
  working: 'internal',
  'resource-team': 'internal',
  case: 'confidential',
};

/** The defaults of a new group of `type`, from the homes of each fact. */
export function groupDefaults(type: GroupType): { decides: boolean; confidentiality: Confidentiality; quorum?: 'majority' } {
  const decides = groupDecides({ type });
  return { decides, confidentiality: DEFAULT_CONFIDENTIALITY[type] ?? 'open', ...(decides ? { quorum: 'majority' as const } : {}) };
}

/** What `group new` is told, by flags or answers. */
export interface GroupNewInput extends MeetingsInput {
  type?: string;
  name?: string;
  id?: string;
  purpose?: string;
  /** Person id of the chair (ordförande). */
  chair?: string;
  /** Person id of the secretary (sekreterare). */
  secretary?: string;
  /** Person ids of the other members (ledamöter). */
  members?: string[];
  /** Group id this group reports to; null for none; the workspace's one steering group by default, for a group that reports. */
  reportsTo?: string | null;
  agreement?: string;
  /** 'yes' or 'no' as typed; the type decides when left out. */
  decides?: string;
  confidentiality?: string;
  /** The secrecy provision of a confidential or case group. */
  provision?: string;
  /** A number from 1, or majority. */
  quorum?: string;
  /** The members' first day; today unless given. */
  from?: string;
}

export interface GroupNewResult extends FileEditResult {
  group: GroupDoc;
}

const EXAMPLE = 'samverkan group new --type working --name "Arbetsgrupp Kvinnofrid" --chair samordnare';

/** The one steering group of the workspace, if it has exactly one: where other groups report by default. */
export function steeringGroup(workspace: Workspace): string | undefined {
  const steering = [...workspace.index.groups.values()].filter((g) => (g.value as { type?: unknown }).type === 'steering');
  return steering.length === 1 ? steering[0].id : undefined;
}

function checkPerson(workspace: Workspace) {
  return checkRef(workspace, 'person');
}

/** The answers `group new` takes, in the order it asks for them, each with its flag and check. */
export function groupFields(workspace: Workspace): Record<Exclude<keyof GroupNewInput, 'members'>, Field> {
  return {
    type: { flag: '--type', required: true, check: checkEnum('group', 'type'), example: EXAMPLE },
    name: { flag: '--name', required: true, check: both(checkField('group', 'name'), checkText), example: EXAMPLE },
    id: { flag: '--id', required: false, check: checkNewId(workspace, 'group'), example: `${EXAMPLE} --id arbetsgrupp` },
    purpose: { flag: '--purpose', required: false, check: both(checkField('group', 'purpose'), checkText), example: `${EXAMPLE} --purpose "Samordna det praktiska arbetet."` },
    chair: { flag: '--chair', required: true, check: checkPerson(workspace), example: EXAMPLE },
    secretary: { flag: '--secretary', required: false, check: checkPerson(workspace), example: `${EXAMPLE} --secretary sekreterare` },
    reportsTo: { flag: '--reports-to', required: false, check: checkRef(workspace, 'group'), example: `${EXAMPLE} --reports-to styrgrupp` },
    agreement: { flag: '--agreement', required: false, check: checkRef(workspace, 'agreement'), example: `${EXAMPLE} --agreement samverkansavtal` },
    decides: { flag: '--decides', required: false, check: (v) => (yesNo(v) === undefined ? say('decides') : undefined), example: `${EXAMPLE} --decides no` },
    confidentiality: {
      flag: '--confidentiality',
      required: false,
      check: checkEnum('group', 'confidentiality'),
      example: `${EXAMPLE} --confidentiality internal`,
    },
    provision: { flag: '--provision', required: false, check: both(checkField('group', 'secrecy.provision'), checkText), example: `${EXAMPLE} --provision "26 kap. 1 § OSL"` },
    quorum: { flag: '--quorum', required: false, check: (v) => (parseQuorum(v) === undefined ? say('quorum') : undefined), example: `${EXAMPLE} --quorum 3` },
    from: { flag: '--from', required: false, check: checkDate, example: `${EXAMPLE} --from 2009-09-01` },
    ...meetingsFields(EXAMPLE),
  };
}

/** yes/no as typed (ja/nej, true/false too), or undefined. */
export function yesNo(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['yes', 'y', 'ja', 'j', 'true'].includes(v)) return true;
  if (['no', 'n', 'nej', 'false'].includes(v)) return false;
  return undefined;
}

/** A quorum as the schema takes it: a whole number from 1, or majority. */
export function parseQuorum(value: string): number | 'majority' | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'majority' || v === 'majoritet' || v === 'majoriteten') return 'majority';
  if (/^\d+$/.test(v) && Number(v) >= 1) return Number(v);
  return undefined;
}

/** The name a group of `type` gets when the user takes the offer: "Arbetsgrupp Kvinnofrid Norra Bohuslän". */
export function defaultGroupName(workspace: Workspace, type: GroupType): string {
  const word = labelsFor(workspace.config.language).group_type[type] ?? type;
  return `${word} ${workspace.config.name}`;
}

/** The group a new group of `type` reports to unless told: the workspace's one steering group, unless it is one itself. */
export function defaultReportsTo(workspace: Workspace, type: GroupType): string | undefined {
  return type === 'steering' ? undefined : steeringGroup(workspace);
}

/** The group document `group new` would write, every answer checked; throws UsageError naming the flag of a wrong or missing one. */
export function planGroup(workspace: Workspace, input: GroupNewInput, today: string): { rel: string; group: GroupDoc } {
  const fields = groupFields(workspace);
  const { members: memberList, reportsTo: reportsInput, ...single } = input;
  const given = checkGiven(fields, { ...single, reportsTo: reportsInput ?? undefined });
  const missing = firstMissing(fields, given);
  if (missing) throw missing;
  const members = (memberList ?? []).map((m) => m.trim()).filter(Boolean);
  for (const m of members) checkGiven({ member: { ...fields.chair, flag: '--member' } }, { member: m });

  const type = enumValue('group', 'type', given.type!) as GroupType;
  const defaults = groupDefaults(type);
  const confidentiality = (given.confidentiality ? enumValue('group', 'confidentiality', given.confidentiality) : defaults.confidentiality) as Confidentiality;
  if (type === 'case' && confidentiality !== 'confidential') throw new UsageError(flagProblem('--confidentiality', given.confidentiality!, say('caseOpen')));
  const decides = given.decides === undefined ? defaults.decides : yesNo(given.decides)!;
  // The home of "does this group decide" says a case group never does, whatever its file says: do not write otherwise.
  if (decides && !groupDecides({ type, decides })) throw new UsageError(flagProblem('--decides', given.decides!, say('caseDecides')));
  const quorum = given.quorum !== undefined ? parseQuorum(given.quorum) : decides ? defaults.quorum : undefined;
  const name = given.name!;
  const id = idFromName(workspace, 'group', given.id, name, 'grupp');
  const reportsTo = reportsInput === null ? undefined : (given.reportsTo ?? defaultReportsTo(workspace, type));

  const seen = new Set<string>();
  const roster: Array<GroupDoc['members'][number]> = [];
  const from = given.from ?? today;
  for (const [person, role] of [
    [given.chair!, 'chair'],
    ...(given.secretary ? [[given.secretary, 'secretary']] : []),
    ...members.map((m) => [m, 'member']),
  ] as Array<[string, 'chair' | 'secretary' | 'member']>) {
    if (seen.has(person)) throw new UsageError(say('twice', { person }));
    seen.add(person);
    roster.push({ person, role, from });
  }

  // The marking's provision is asked for where the group's documents are marked: the home of that answer decides.
  const secrecy = lacksSecrecyProvision({ type, confidentiality }) ? { provision: given.provision ?? DEFAULT_SECRECY_PROVISION } : undefined;
  const meetings = meetingsBlock(given, EXAMPLE);
  // Keys in the order the format's examples write them, the roster last.
  const group: GroupDoc = {
    kind: 'group',
    id,
    name,
    type,
    ...(given.agreement ? { agreement: given.agreement } : {}),
    ...(reportsTo && reportsTo !== id ? { reports_to: reportsTo } : {}),
    ...(given.purpose ? { purpose: given.purpose } : {}),
    decides,
    confidentiality,
    ...(secrecy ? { secrecy } : {}),
    ...(quorum !== undefined ? { quorum } : {}),
    ...(meetings ? { meetings: meetings as GroupDoc['meetings'] } : {}),
    members: roster as GroupDoc['members'],
  };
  return { rel: `groups/${id}.yaml`, group };
}

/** Writes a new group file under groups/, checked with the whole workspace first. */
export async function newGroup(workspace: Workspace, input: GroupNewInput, options: EditOptions = {}): Promise<GroupNewResult> {
  const today = editDate(workspace, options.asOf);
  const { rel, group } = planGroup(workspace, input, today);
  const lang = workspace.config.language;
  const keys: Record<string, string> = {};
  for (const key of ['id', 'name', 'type', 'agreement', 'reports_to', 'purpose', 'confidentiality', 'secrecy', 'meetings', 'members'] as const) {
    keys[key] = say.in(lang, key);
  }
  keys.decides = say.in(lang, 'decidesComment');
  keys.quorum = say.in(lang, 'quorumComment');
  const top = say.in(lang, 'commentTop', { type: labelsFor(lang).group_type[group.type] ?? group.type });
  const result = await writeNewDocument(workspace, rel, 'group', group as unknown as Record<string, unknown>, { top, keys }, options);
  return { ...result, group };
}

/** The group types, as the schema lists them. */
export function groupTypes(): readonly GroupType[] {
  return enumValues<GroupType>('group', 'type');
}
