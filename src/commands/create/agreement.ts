/**
 * `samverkan agreement new`: a new collaboration agreement (samverkansöverenskommelse) file: its
 * parties and the lead among them, purpose, term and, when the parties share costs, each party's
 * share. Shares are added up by src/model/agreement-costs.ts, as agreement/cost-sharing does, so
 * the command refuses exactly what validate would.
 */
import { UsageError } from '../../errors.js';
import { editDate, type EditOptions, type FileEditResult } from '../../edit/edit-workspace-file.js';
import { formatNumber } from '../../i18n/index.js';
import { language, messages, type Lang } from '../../i18n/messages.js';
import { costSharing, sharesAddUp } from '../../model/agreement-costs.js';
import type { AgreementDoc } from '../../model/index.js';
import type { Workspace } from '../../workspace/types.js';
import { both, checkDate, checkEnum, checkField, enumValue, checkNewId, checkRef, checkText, enumValues, freeId, missingFlag, writeNewDocument, type Check, type Field } from './common.js';
import { checkEndAfter, checkFileFree, checkNumber, parseNumber, requireAnswers } from './plan.js';

const say = messages('commands/create/agreement', {
  tooFewParties: {
    sv: 'En överenskommelse har minst två parter. Välj minst två organisationer.',
    en: 'An agreement has at least two parties. Choose at least two organisations.',
  },
  partyTwice: { sv: '{id} är med två gånger bland parterna. Ange varje part en gång.', en: '{id} is among the parties twice. Give each party once.' },
  leadNotParty: {
    sv: '{id} är inte part i överenskommelsen, så den kan inte vara huvudman. Välj en av parterna: {parties}.',
    en: '{id} is not a party of the agreement, so it cannot be the lead. Choose one of the parties: {parties}.',
  },
  notAShare: {
    sv: 'Skriv andelen i procent som ett tal från 0 till 100, till exempel 40 eller 3,6.',
    en: 'Write the share in percent as a number from 0 to 100, for example 40 or 3.6.',
  },
  shareForm: {
    sv: '--share "{value}" ska skrivas ORGANISATION=PROCENT, till exempel --share munkedal=40.',
    en: '--share "{value}" is written ORGANISATION=PERCENT, for example --share munkedal=40.',
  },
  shareNotParty: {
    sv: '{id} betalar en andel men är inte part i överenskommelsen. Lägg till den med --party, eller ta bort dess andel.',
    en: '{id} pays a share but is not a party of the agreement. Add it with --party, or leave its share out.',
  },
  sharesOff: {
    sv: 'Andelarna blir {total} % tillsammans, inte 100 %. Parterna delar hela sin del av kostnaden, så andelarna ska bli 100 %.{fix}',
    en: 'The shares add up to {total} %, not 100 %. The parties share the whole of their part of the cost, so the shares must add up to 100 %.{fix}',
  },
  sharesFix: { sv: ' Skriv {need} här, så går det jämnt ut.', en: ' Write {need} here to make them add up.' },
  // The comments of a new agreement file, in the workspace's language.
  fileTop: {
    sv: 'Samverkansöverenskommelse: parterna, syftet, giltighetstiden och hur kostnaderna delas. Kontrollera med: samverkan validate',
    en: 'Collaboration agreement: the parties, its purpose, its term and how costs are shared. Check it with: samverkan validate',
  },
  commentStatus: {
    sv: 'draft tills alla parter har skrivit under, sedan active',
    en: 'draft until every party has signed, then active',
  },
  commentType: {
    sv: 'collaboration-agreement, memorandum, contractual-cooperation eller association-charter',
    en: 'collaboration-agreement, memorandum, contractual-cooperation or association-charter',
  },
  commentParties: {
    sv: 'Parterna. Exakt en är huvudman (role: lead); signatory och signed fylls i när parten skrivit under',
    en: 'The parties. Exactly one is the lead (role: lead); add signatory and signed when a party has signed',
  },
  commentPurpose: { sv: 'vad samverkan ska åstadkomma', en: 'what the collaboration is for' },
  commentMandate: { sv: 'uppdraget parterna ger samverkan', en: 'what the parties task the collaboration with' },
  commentAuthority: { sv: 'vad samverkans grupper får besluta', en: 'what its groups may decide' },
  commentResources: {
    sv: 'Budget per år och varje parts andel i procent av parternas del; andelarna blir tillsammans 100',
    en: 'Budget per year and each party\'s share in percent of the parties\' part; the shares add up to 100',
  },
  commentTerm: {
    sv: 'Giltighetstid: start, end (utan end gäller den tills vidare), uppsägningstid i månader och förnyelse',
    en: 'Term: start, end (without end it runs until further notice), notice period in months and renewal',
  },
});

/** One party's share of the costs, as typed. */
export interface ShareInput {
  organization: string;
  share: string;
}

/** The answers `agreement new` needs; all as typed. */
export interface AgreementNewInput {
  title?: string;
  /** From the title unless given. */
  id?: string;
  /** collaboration-agreement unless given. */
  type?: string;
  /** Organisation ids, at least two. */
  parties?: string[];
  /** The party that is lead (huvudman). */
  lead?: string;
  purpose?: string;
  start?: string;
  /** Without an end the agreement runs until further notice. */
  end?: string;
  noticeMonths?: string;
  renewal?: string;
  /** draft unless given. */
  status?: string;
  mandate?: string;
  authority?: string;
  /** What the collaboration costs a year, in SEK. */
  budget?: string;
  /** Each paying party's share in percent of the parties' part. */
  shares?: ShareInput[];
}

/** The answers of `agreement new` that are one value each, and their flags; `start` is the start given, for the end's check. */
type ScalarKey = Exclude<keyof AgreementNewInput, 'parties' | 'shares'>;

/** The file a new agreement is written to. */
export function agreementFile(id: string): string {
  return `agreements/${id}.yaml`;
}

/** The fields of `agreement new` that take one value, in the order they are asked. */
export function agreementFields(workspace: Workspace, given: Pick<AgreementNewInput, 'parties' | 'start'> = {}): Record<ScalarKey, Field> {
  const parties = given.parties ?? [];
  const ex =
    'samverkan agreement new --title "Samverkansöverenskommelse om våld i nära relationer" --party kommunen --party regionen --lead kommunen ' +
    '--purpose "Samordnat stöd till våldsutsatta" --start 2025-01-01';
  return {
    title: { flag: '--title', required: true, check: checkText, example: ex },
    id: { flag: '--id', required: false, check: both(checkNewId(workspace, 'agreement'), checkFileFree(workspace, agreementFile)), example: `${ex} --id samverkansavtal` },
    type: { flag: '--type', required: false, check: checkEnum('agreement', 'type'), example: `${ex} --type memorandum` },
    lead: { flag: '--lead', required: true, check: both(checkRef(workspace, 'organization'), checkLead(parties)), example: ex },
    purpose: { flag: '--purpose', required: true, check: checkText, example: ex },
    start: { flag: '--start', required: true, check: checkDate, example: ex },
    end: { flag: '--end', required: false, check: checkEndAfter(given.start), example: `${ex} --end 2027-12-31` },
    noticeMonths: { flag: '--notice-months', required: false, check: checkField('agreement', 'term.notice_months'), example: `${ex} --notice-months 6` },
    renewal: { flag: '--renewal', required: false, check: checkEnum('agreement', 'term.renewal'), example: `${ex} --renewal yearly` },
    status: { flag: '--status', required: false, check: checkEnum('agreement', 'status'), example: `${ex} --status active` },
    mandate: { flag: '--mandate', required: false, check: checkText, example: `${ex} --mandate "Ta fram en gemensam handlingsplan"` },
    authority: { flag: '--authority', required: false, check: checkText, example: `${ex} --authority "Styrgruppen beslutar inom budgeten"` },
    budget: { flag: '--budget', required: false, check: both(checkNumber, (v) => checkField('agreement', 'resources.budget.amount')(String(parseNumber(v)))), example: `${ex} --budget 900000` },
  };
}

/** The flag that gives the parties, for the sentence when they are missing. */
export const PARTIES_FIELD: Field = {
  flag: '--party',
  required: true,
  example: 'samverkan agreement new --title "Samverkansöverenskommelse" --party kommunen --party regionen --lead kommunen --purpose "…" --start 2025-01-01',
};

/** The parties: at least two, each an organisation of the workspace, none twice. */
export function checkParties(workspace: Workspace): (ids: readonly string[]) => string | undefined {
  const known = checkRef(workspace, 'organization');
  return (ids) => {
    for (const id of ids) {
      const problem = known(id);
      if (problem) return problem;
    }
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) return say('partyTwice', { id: twice });
    return ids.length < 2 ? say('tooFewParties') : undefined;
  };
}

/** The lead: one of the parties (when they are known). */
export function checkLead(parties: readonly string[]): Check {
  return (value) => (parties.length === 0 || parties.includes(value) ? undefined : say('leadNotParty', { id: value, parties: parties.join(', ') }));
}

/** One share, in percent: a number from 0 to 100 (3,6 as well as 3.6). */
export const checkShare: Check = (value) => {
  const n = parseNumber(value);
  return n === undefined || checkField('agreement', 'resources.cost_sharing[].share')(String(n)) !== undefined ? say('notAShare') : undefined;
};

/**
 * The shares together, as agreement/cost-sharing adds them up (src/model/agreement-costs.ts): the
 * problem when they do not make 100 %. With `last`, the sentence says what that share should be.
 */
export function checkSharesTotal(shares: readonly ShareInput[], last?: string): string | undefined {
  const rows = shares.map((s) => ({ organization: s.organization, share: parseNumber(s.share) ?? 0 }));
  const { shareTotal } = costSharing({ resources: { cost_sharing: rows } });
  if (sharesAddUp(shareTotal)) return undefined;
  const others = costSharing({ resources: { cost_sharing: rows.filter((r) => r.organization !== last) } }).shareTotal;
  const need = Math.round((100 - others) * 1000) / 1000;
  // Said the way the reader writes numbers (99,5 in Swedish), with the decimals the share has.
  const shown = (n: number) => formatNumber(n, language(), String(n).split('.')[1]?.length ?? 0);
  const fix = last !== undefined && need >= 0 && need <= 100 ? say('sharesFix', { need: shown(need) }) : '';
  return say('sharesOff', { total: shown(shareTotal), fix });
}

/** Reads --share ORG=PERCENT. */
export function parseShareFlag(value: string): ShareInput {
  const m = /^\s*([^=\s]+)\s*=\s*(.+?)\s*%?\s*$/.exec(value);
  if (!m) throw new UsageError(say('shareForm', { value }));
  return { organization: m[1], share: m[2] };
}

/** Every share: a number, paid by a party, and together 100 %. */
function checkShares(parties: readonly string[], shares: readonly ShareInput[]): void {
  for (const s of shares) {
    const problem = checkShare(s.share);
    if (problem) throw new UsageError(`--share ${s.organization}=${s.share}: ${problem}`);
    if (!parties.includes(s.organization)) throw new UsageError(say('shareNotParty', { id: s.organization }));
  }
  const off = shares.length > 0 ? checkSharesTotal(shares) : undefined;
  if (off) throw new UsageError(`--share: ${off}`);
}

/** The id a new agreement gets when none is given: from its title, free in the workspace. */
export function defaultAgreementId(workspace: Workspace, title: string): string {
  return freeId(workspace, 'agreement', title, 'samverkansavtal');
}

/** The agreement types the schema lists, for the question. */
export function agreementTypes(): readonly string[] {
  return enumValues('agreement', 'type');
}

export interface AgreementNewResult extends FileEditResult {
  agreement: AgreementDoc;
}

/** Writes a new agreement; every answer checked as the prompts check it. */
export async function createAgreement(workspace: Workspace, input: AgreementNewInput, options: EditOptions = {}): Promise<AgreementNewResult> {
  editDate(workspace, options.asOf);
  const parties = (input.parties ?? []).map((p) => p.trim()).filter(Boolean);
  if (parties.length === 0) throw missingFlag(PARTIES_FIELD);
  const partiesProblem = checkParties(workspace)(parties);
  if (partiesProblem) throw new UsageError(`--party: ${partiesProblem}`);
  requireAnswers(agreementFields(workspace, { parties, start: input.start }), input);
  const shares = input.shares ?? [];
  checkShares(parties, shares);

  const title = input.title!.trim();
  const id = input.id?.trim() || defaultAgreementId(workspace, title);
  const lead = input.lead!.trim();
  const data: Record<string, unknown> = {
    kind: 'agreement',
    id,
    title,
    status: input.status?.trim() ? enumValue('agreement', 'status', input.status) : 'draft',
    type: input.type?.trim() ? enumValue('agreement', 'type', input.type) : 'collaboration-agreement',
    parties: parties.map((organization) => (organization === lead ? { organization, role: 'lead' } : { organization })),
    purpose: input.purpose!.trim(),
  };
  if (input.mandate?.trim()) data.mandate = input.mandate.trim();
  if (input.authority?.trim()) data.authority = input.authority.trim();
  const resources: Record<string, unknown> = {};
  if (input.budget?.trim()) resources.budget = { amount: parseNumber(input.budget)!, currency: 'SEK', per: 'year' };
  if (shares.length > 0) resources.cost_sharing = shares.map((s) => ({ organization: s.organization, share: parseNumber(s.share)! }));
  if (Object.keys(resources).length > 0) data.resources = resources;
  const term: Record<string, unknown> = { start: input.start!.trim() };
  if (input.end?.trim()) term.end = input.end.trim();
  if (input.noticeMonths?.trim()) term.notice_months = Number(input.noticeMonths.trim());
  if (input.renewal?.trim()) term.renewal = enumValue('agreement', 'term.renewal', input.renewal);
  data.term = term;

  const lang: Lang = workspace.config.language;
  const result = await writeNewDocument(workspace, agreementFile(id), 'agreement', data, {
    top: say.in(lang, 'fileTop'),
    keys: {
      status: say.in(lang, 'commentStatus'),
      type: say.in(lang, 'commentType'),
      parties: say.in(lang, 'commentParties'),
      purpose: say.in(lang, 'commentPurpose'),
      mandate: say.in(lang, 'commentMandate'),
      authority: say.in(lang, 'commentAuthority'),
      resources: say.in(lang, 'commentResources'),
      term: say.in(lang, 'commentTerm'),
    },
  }, options);
  return { ...result, agreement: data as unknown as AgreementDoc };
}
