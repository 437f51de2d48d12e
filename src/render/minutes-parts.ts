/**
 * The parts of a meeting's documents that follow the conventions of a Swedish municipal
 * protokoll and kallelse: the header (plats och tid, beslutande, övriga deltagande, utses att
 * justera, justeringens plats och tid, paragrafer), the signature page, the sentence a decision
 * is written in ("Styrgruppen beslutar att …"), a paragraph with nothing recorded ("Informationen
 * antecknas"), the notice's förslag till beslut, bilagor and follow-ups under their item, the
 * state of the minutes (utkast or justerat), rättelser of adjusted minutes and the secrecy marking
 * of a confidential group.
 *
 * Everything here reads the meeting file and the group's name, type, roster and secrecy only:
 * the minutes are a record and say what they said when they were written.
 */
import { join, relative, sep } from 'node:path';
import { labelsFor, type Lang } from '../i18n/index.js';
import { overdueSinceText } from '../i18n/status-labels.js';
import { agendaOf, findAgendaItem } from '../model/agenda.js';
import { attachmentRel, siteAttachmentPath } from '../model/attachments.js';
import { isSignedRecord, recordKindOf, secrecyMarkingOf, type RecordKind } from '../model/group-record.js';
import type { AgendaItem, GroupDoc, MeetingDoc } from '../model/index.js';
import { isActiveOn, representedOrganization, VOTING_ROLES } from '../model/roster.js';
import { escapeInline } from './markdown-text.js';
import type { RenderContext } from './render-context.js';

const NBSP = '\u00a0';

/** Month names of both languages, for keeping "14 maj 2009" on one line. */
const MONTHS = (['sv-SE', 'en-GB'] as const).flatMap((locale) =>
  Array.from({ length: 12 }, (_, m) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, m, 1)))),
);
const DATE_PHRASE = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})\\b`, 'gi');

/**
 * The text with no-break spaces where a line must not break: after "kl." and "§"/"§§", before
 * "§" ("1 § OSL"), and inside a date written "14 maj 2009", so that a notice never leaves "kl."
 * or "§" at a line's end.
 */
export function keepTogether(text: string): string {
  return text
    .replace(/\bkl\. (?=\d)/g, `kl.${NBSP}`)
    .replace(/(§§?) (?=\d)/g, `$1${NBSP}`)
    .replace(/(\d) (?=§)/g, `$1${NBSP}`)
    .replace(DATE_PHRASE, `$1${NBSP}$2${NBSP}$3`);
}

/** A person in the header of the minutes: name, and whom they represent and in what role. */
export interface PersonLine {
  name: string;
  detail: string | null;
}

/** The secrecy marking at the top of a document, as Markdown and as plain text (for a PDF's header). */
export interface SecrecyView {
  markdown: string;
  plain: string;
}

/**
 * The secrecy marking of a group's documents: the provision, when and by whom it was marked; a
 * confidential group that names no provision gets the default text. Null for a group whose
 * documents are not marked.
 */
export function secrecyView(ctx: RenderContext, group: unknown): SecrecyView | null {
  const marking = secrecyMarkingOf(group);
  if (!marking) return null;
  const under = keepTogether(ctx.t('secrecy_under', { provision: marking.provision ?? ctx.l.t.secrecy_default_provision }));
  const name = marking.by ? ctx.personName(marking.by) : undefined;
  const date = marking.date ? keepTogether(ctx.date(marking.date)) : undefined;
  const marked =
    date && name ? ctx.t('secrecy_marked_by', { date, name })
    : date ? ctx.t('secrecy_marked_on', { date })
    : name ? ctx.t('secrecy_marked_by_nodate', { name })
    : null;
  const label = ctx.l.t.secrecy_label;
  return {
    markdown: `**${escapeInline(label)}** ${escapeInline(under)}${marked ? ` ${escapeInline(marked)}` : ''}`,
    plain: [label, under, marked].filter(Boolean).join(' '),
  };
}

/** Draft or adjusted: what the minutes say about their adjustment (justering). */
export interface MinutesState {
  /** "Utkast – ej justerat" while minutes that are to be adjusted are not; else null. */
  draft_banner: string | null;
  /** "Justerat 20 maj 2009 av …" once they are. */
  adjusted_text: string | null;
}

/**
 * Minutes are to be adjusted when they are a signed record (a group that decides) or name
 * adjusters; until `minutes.status` is adjusted they are a draft.
 */
export function minutesState(ctx: RenderContext, meeting: MeetingDoc, group: GroupDoc | undefined): MinutesState {
  const minutes = meeting.minutes;
  if (!minutes) return { draft_banner: null, adjusted_text: null };
  if (minutes.status === 'adjusted' && minutes.adjusted) {
    const names = ctx.list(minutes.adjusted.by.map((p) => ctx.personName(p)));
    return { draft_banner: null, adjusted_text: keepTogether(ctx.t('minutes_adjusted', { date: ctx.date(minutes.adjusted.date), names })) };
  }
  const toAdjust = isSignedRecord(recordKindOf(group)) || (meeting.adjusters ?? []).length > 0;
  return { draft_banner: toAdjust && minutes.status !== 'adjusted' ? ctx.l.t.minutes_draft_banner : null, adjusted_text: null };
}

/** The header of the minutes. */
export interface MinutesHeaderView {
  kind: RecordKind;
  /** Protokoll or Minnesanteckningar. */
  kind_label: string;
  place_time: string;
  /** "Beslutande" in a protokoll, "Närvarande" in notes. */
  members_label: string;
  members: PersonLine[];
  others: PersonLine[];
  excused: PersonLine[];
  absent: PersonLine[];
  adjusters_text: string | null;
  adjustment_text: string | null;
  /** "§§ 1–12", in a protokoll. */
  paragraphs_text: string | null;
  /** What a decision is headed with: "Beslut:", "Ärendegruppens råd:" or "Slutsats:". */
  decision_label: string;
  signatures: Array<{ role_label: string; name: string }>;
}

/** A label inside a line: its first letter in lower case ("Ordförande" → "ordförande"), names after it kept. */
function lower(label: string, lang: Lang): string {
  return label.charAt(0).toLocaleLowerCase(lang === 'sv' ? 'sv-SE' : 'en-GB') + label.slice(1);
}

/**
 * The header and signature page of the minutes. `numbers` are the § numbers of the agenda as
 * rendered; `chair` and `secretary` are person ids of who chaired and took the minutes.
 */
export function minutesHeader(
  ctx: RenderContext,
  meeting: MeetingDoc,
  group: GroupDoc | undefined,
  parts: { placeTime: string; numbers: readonly number[]; chair?: string; secretary?: string },
): MinutesHeaderView {
  const kind = recordKindOf(group);
  const signed = isSignedRecord(kind);
  const roster = group ? group.members.filter((m) => isActiveOn(m, meeting.date)) : [];
  const membership = (person: string) => roster.find((m) => m.person === person);
  const detail = (person: string, extra: Array<string | null> = []): string | null => {
    const m = membership(person);
    const org = m ? representedOrganization(m, ctx.workspace.index.people) : ctx.person(person)?.organization;
    // A serving substitute is listed by whom they stand in for, not by their role of substitute.
    const role = m && m.role && m.role !== 'member' && !(m.role === 'substitute' && extra.length > 0) ? lower(ctx.l.member_role[m.role], ctx.lang) : null;
    const out = [org ? ctx.orgShort(org) : null, role, ...extra].filter((p): p is string => Boolean(p));
    return out.length > 0 ? out.join(', ') : null;
  };
  const line = (person: string, extra: Array<string | null> = []): PersonLine => ({ name: ctx.personName(person), detail: detail(person, extra) });

  const attendance = meeting.minutes?.attendance ?? [];
  const members: PersonLine[] = [];
  const others: PersonLine[] = [];
  for (const a of attendance.filter((x) => x.status === 'present')) {
    if (a.substitute_for) {
      members.push(line(a.person, [lower(ctx.t('substitute_for', { name: ctx.personName(a.substitute_for) }), ctx.lang)]));
      continue;
    }
    const m = membership(a.person);
    // In a protokoll only those with a vote decide; in notes every member present is listed.
    const counts = m !== undefined && (!signed || VOTING_ROLES.has(m.role ?? 'member'));
    const secretaryNote = a.person === parts.secretary && m?.role !== 'secretary' ? lower(ctx.l.t.secretary, ctx.lang) : null;
    (counts ? members : others).push(line(a.person, [secretaryNote]));
  }
  if (parts.secretary && !attendance.some((a) => a.person === parts.secretary)) {
    others.push(line(parts.secretary, [membership(parts.secretary)?.role === 'secretary' ? null : lower(ctx.l.t.secretary, ctx.lang)]));
  }
  const adjusters = (meeting.adjusters ?? []).map((p) => ctx.personName(p));
  const adjustment = meeting.minutes?.adjustment;
  const adjustmentText = adjustment ? [adjustment.place, adjustment.date ? ctx.date(adjustment.date) : undefined].filter(Boolean).join(', ') : '';
  const first = parts.numbers.length > 0 ? Math.min(...parts.numbers) : undefined;
  const last = parts.numbers.length > 0 ? Math.max(...parts.numbers) : undefined;
  const definite = group ? ctx.l.group_definite[group.type] : '';
  return {
    kind,
    kind_label: signed ? ctx.l.t.minutes : ctx.l.t.notes_kind,
    place_time: keepTogether(parts.placeTime),
    members_label: signed ? ctx.l.t.deciding : ctx.l.t.present,
    members,
    others,
    excused: attendance.filter((a) => a.status === 'excused').map((a) => line(a.person)),
    absent: attendance.filter((a) => a.status === 'absent').map((a) => line(a.person)),
    adjusters_text: adjusters.length > 0 ? ctx.list(adjusters) : null,
    adjustment_text: adjustmentText ? keepTogether(adjustmentText) : null,
    paragraphs_text:
      signed && first !== undefined && last !== undefined
        ? first === last ? ctx.t('paragraph_single', { n: first }) : ctx.t('paragraph_range', { first, last })
        : null,
    decision_label: kind === 'decisions' ? ctx.l.t.decision : kind === 'advice' ? ctx.t('advice', { group: definite || ctx.l.group_definite.case }) : ctx.l.t.conclusion,
    signatures: signed
      ? [
          ...(parts.secretary ? [{ role_label: ctx.l.t.secretary, name: ctx.personName(parts.secretary) }] : []),
          ...(parts.chair ? [{ role_label: ctx.l.t.chair, name: ctx.personName(parts.chair) }] : []),
          ...(meeting.adjusters ?? []).map((p) => ({ role_label: ctx.l.t.adjuster, name: ctx.personName(p) })),
        ]
      : [],
  };
}

/**
 * A decision as the protokoll writes it: a text that starts with "att …" (or "to …") becomes
 * "Styrgruppen beslutar att …", in the language of the text; any other text is kept as written.
 * A case group's advice and a group's conclusions never read "beslutar".
 */
export function decisionSentence(text: string, kind: RecordKind, groupType: GroupDoc['type'] | undefined): string {
  if (kind !== 'decisions' || !groupType) return text;
  const match = /^(att|to)\s/i.exec(text);
  if (!match) return text;
  const labels = labelsFor(match[1].toLowerCase() === 'att' ? 'sv' : 'en');
  return `${labels.t.decision_lead.replace('{group}', labels.group_definite[groupType])} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** A row of what a follow-up item follows up, as `meeting new` recorded it. */
export interface FollowUpRow {
  ref: string;
  title: string;
  responsible: string;
  due_text: string;
  status_text: string;
  overdue: boolean;
}

/** What this module adds to an agenda entry. */
export interface EntryParts {
  /** Förslag till beslut, on the notice. */
  proposal: string | null;
  /** Bilagor, each with its link (a file: where the output's AttachmentLinks say). */
  attachments: AttachmentLine[];
  /** What the item follows up, under the item. */
  follow_ups: FollowUpRow[];
  /** The decisions in the protokoll's sentence; null for a decision line not filled in yet. */
  decision_texts: Array<string | null>;
  /** The sentence of a paragraph with nothing recorded under it, in the minutes. */
  empty_text: string | null;
  /**
   * Rättelser under the paragraph; the last paragraph also has those that name no item (or an item
   * the agenda does not have), so that none is lost. Public output leaves out what it may not show.
   */
  corrections: CorrectionView[];
}

/** A correction of adjusted minutes as the minutes show it: "Rättelse 2025-11-03:" and its text. */
export interface CorrectionView {
  label: string;
  text: string;
}

type Correction = NonNullable<NonNullable<MeetingDoc['minutes']>['corrections']>[number];

function correctionView(ctx: RenderContext, correction: Correction): CorrectionView {
  // Each language picks its date style from these: Swedish writes a rättelse's date as 2025-11-03.
  const params = { iso: correction.date, date: keepTogether(ctx.date(correction.date)), name: correction.by ? ctx.personName(correction.by) : undefined };
  return { label: ctx.t(correction.by ? 'correction_label_by' : 'correction_label', params), text: correction.text };
}

/** An attachment under its item: its title, its link, and in public output where it can be had instead. */
export interface AttachmentLine {
  title: string;
  href: string | null;
  /** Said after the title when there is no link: "finns hos gruppen och lämnas ut på begäran". */
  note: string | null;
}

type Attachment = NonNullable<AgendaItem['attachments']>[number];

/** A path as a relative link: each part percent-encoded, so that "#" or "%" in a file name stays a name. */
function pathHref(parts: readonly string[]): string {
  return parts.map((p) => (p === '..' || p === '.' ? p : encodeURIComponent(p))).join('/');
}

/**
 * An attachment's line. A web link stays a link everywhere. A file is linked where the output's
 * AttachmentLinks say, except in public output: samverkan cannot see what an attached file holds
 * (a Word file may carry a name or an identity number), so public output names it, links nothing
 * and says that the group has it.
 */
function attachmentLine(ctx: RenderContext, meetingId: string, meetingRel: string, a: Attachment): AttachmentLine {
  if ('href' in a) return { title: a.title, href: a.href, note: null };
  if (ctx.public) return { title: a.title, href: null, note: ctx.l.t.attachment_on_request };
  const links = ctx.settings.attachments ?? { to: 'workspace' };
  const rel = attachmentRel(meetingRel, a.file);
  if (links.to === 'workspace') return { title: a.title, href: rel, note: null };
  if (links.to === 'file') return { title: a.title, href: pathHref(relative(links.dir, join(ctx.workspace.root, ...rel.split('/'))).split(sep)), note: null };
  const copy = siteAttachmentPath(meetingId, a.file);
  return { title: a.title, href: links.copied.has(copy) ? pathHref(copy.split('/')) : null, note: null };
}

/** The fields of an agenda entry this module reads. */
interface EntryLike {
  number: number;
  time_text: string | null;
  meta_text: string | null;
  withheld: boolean;
  text: string | null;
  notes: readonly unknown[];
  decisions: ReadonlyArray<string | null | undefined>;
  previous: unknown;
}

function followUpRows(ctx: RenderContext, item: AgendaItem): FollowUpRow[] {
  return (item.follow_up ?? [])
    .filter((row) => {
      if (!ctx.public) return true;
      // A task of earlier minutes is shown only if those minutes and the task may be.
      const [first, second] = row.ref.split('/');
      if (ctx.plan(first)) return true;
      const from = ctx.meeting(first);
      const task = from?.minutes?.tasks?.find((t) => t.id === second);
      return from !== undefined && task !== undefined && ctx.isShown('meeting', from.id) && ctx.showsRecord(from, task);
    })
    .map((row) => ({
      ref: row.ref,
      title: row.title,
      responsible: row.responsible ? ctx.personName(row.responsible) : ctx.l.t.none,
      due_text: row.due ? keepTogether(ctx.date(row.due)) : ctx.l.t.none,
      status_text: [
        row.status === 'open' ? ctx.l.t.task_open : (ctx.l.action_status as Record<string, string>)[row.status] ?? row.status,
        row.overdue_since ? keepTogether(overdueSinceText(row.overdue_since, ctx.lang)) : null,
      ]
        .filter(Boolean)
        .join(', '),
      overdue: row.overdue_since !== undefined,
    }));
}

/** The sentence for a paragraph of the minutes with nothing recorded, by the item's role or type. */
function nothingRecorded(ctx: RenderContext, item: AgendaItem): string {
  if (item.role === 'other') return ctx.l.t.no_other_business;
  if (item.role === 'next') return ctx.l.t.next_meeting_not_set;
  if (item.type === 'discussion') return ctx.l.t.discussion_noted;
  if (item.type === 'decision') return ctx.l.t.no_decision_recorded;
  return ctx.l.t.information_noted;
}

/**
 * Adds the notice's and the minutes' conventions to the agenda entries, each looked up in the
 * meeting's own agenda by its § number. A withheld entry gets nothing.
 */
export function decorateEntries<E extends EntryLike>(ctx: RenderContext, meeting: MeetingDoc, group: GroupDoc | undefined, entries: readonly E[]): Array<E & EntryParts> {
  const byNumber = new Map(agendaOf(meeting).map((r) => [r.number, r]));
  const kind = recordKindOf(group);
  const meetingRel = ctx.workspace.index.meetings.get(meeting.id)?.doc.file.rel ?? 'meeting.yaml';
  const indexes = new Set(entries.map((e) => byNumber.get(e.number)?.index));
  const corrections = (meeting.minutes?.corrections ?? [])
    .filter((c) => ctx.showsRecord(meeting, c))
    .map((c) => {
      const index = c.item === undefined ? undefined : findAgendaItem(meeting, c.item)?.index;
      return { index: indexes.has(index) ? index : undefined, view: correctionView(ctx, c) };
    });
  const last = entries.length - 1;
  return entries.map((entry, position) => {
    const record = byNumber.get(entry.number);
    const item = entry.withheld ? undefined : record?.item;
    const decisionTexts = entry.withheld ? [] : entry.decisions.map((d) => (typeof d === 'string' && d.trim() !== '' ? decisionSentence(d, kind, group?.type) : null));
    const nothing =
      meeting.minutes !== undefined &&
      item !== undefined &&
      entry.text === null &&
      entry.notes.length === 0 &&
      entry.decisions.length === 0 &&
      !entry.previous &&
      (item.follow_up ?? []).length === 0;
    return {
      ...entry,
      // A time in the agenda or the meta line never breaks after "kl.".
      time_text: entry.time_text === null ? null : keepTogether(entry.time_text),
      meta_text: entry.meta_text === null ? null : keepTogether(entry.meta_text),
      proposal: item?.proposal ?? null,
      attachments: (item?.attachments ?? []).map((a) => attachmentLine(ctx, meeting.id, meetingRel, a)),
      follow_ups: item ? followUpRows(ctx, item) : [],
      decision_texts: decisionTexts,
      empty_text: nothing ? nothingRecorded(ctx, item) : null,
      corrections: corrections.filter((c) => (c.index === undefined ? position === last : c.index === record?.index)).map((c) => c.view),
    };
  });
}
