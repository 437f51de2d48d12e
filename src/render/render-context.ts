/**
 * What every view model needs: the labels of the output language, the reference date, whether
 * the output is public, names for ids, and links to the other pages of a site. Lookups use
 * only documents that match their schema, so a broken file elsewhere never breaks a render:
 * its ids are shown as written.
 */
import {
  formatDate,
  formatDateWithWeekday,
  formatNumber,
  formatTime,
  formatTimeRange,
  labelsFor,
  fill,
  plural,
  type Labels,
  type Lang,
  type LightColor,
  type TextKey,
} from '../i18n/index.js';
import type { Disclosure } from '../model/confidentiality.js';
import type { AgreementDoc, AssessmentDoc, DocumentKind, GroupDoc, MeetingDoc, PlanDoc } from '../model/index.js';
import type { Entry } from '../workspace/id-index.js';
import type { Workspace } from '../workspace/types.js';
import { LIGHT_MARKERS } from './markdown.js';

/** Markdown, a self-contained HTML page, or that page printed as a PDF (its content is the HTML to print). */
export type OutputFormat = 'md' | 'html' | 'pdf';

export interface RenderSettings {
  lang: Lang;
  /** Output for people outside the group: confidential items withheld. */
  public: boolean;
  /** The day the status is told for (overdue, current members), YYYY-MM-DD. */
  asOf: string;
  /** Set when the document is a page of a site: links go to the site's other pages. */
  site?: { ext: OutputFormat; pages: ReadonlySet<string> };
  /** Where the links of `file:` attachments lead; their path from the workspace's root unless given. */
  attachments?: AttachmentLinks;
}

/** Where a meeting's `file:` attachment (bilaga) is linked to, by where the document is read. */
export type AttachmentLinks =
  /** Its path from the workspace's root: Markdown on the terminal, read beside the workspace. */
  | { to: 'workspace' }
  /** Its path from `dir` (absolute), the folder of the written document, to the file in the workspace. */
  | { to: 'file'; dir: string }
  /** The site's copy (bilagor/<meeting-id>/<file>), for the copies in `copied`; no link to one the site lacks. */
  | { to: 'site'; copied: ReadonlySet<string> };

/** A traffic light: colour, its sign and a text label, so it reads without colour too. */
export interface LightView {
  color: LightColor;
  marker: string;
  label: string;
  /** Sign and label, e.g. "▲ Försenad". */
  text: string;
}

/** A reference to another document: its name, and a link when the site has a page for it. */
export interface RefView {
  text: string;
  href: string | null;
}

/** The file name of a document's page in a site, e.g. plan-handlingsplan-2006.html. */
export function pageFileName(kind: DocumentKind, id: string, ext: OutputFormat): string {
  return `${kind}-${id}.${ext}`;
}

export class RenderContext {
  readonly l: Labels;
  readonly lang: Lang;
  readonly asOf: string;
  readonly public: boolean;

  constructor(
    readonly workspace: Workspace,
    readonly settings: RenderSettings,
    /** What this output may show; every decision about confidentiality is asked of it. */
    readonly disclosure: Disclosure,
  ) {
    this.lang = settings.lang;
    this.l = labelsFor(settings.lang);
    this.asOf = settings.asOf;
    this.public = settings.public;
  }

  private validValue<T>(entry: Entry<T> | undefined): T | undefined {
    return entry && entry.doc.valid ? entry.value : undefined;
  }

  organization(id: string | undefined | null) {
    return id ? this.validValue(this.workspace.index.organizations.get(id)) : undefined;
  }
  person(id: string | undefined | null) {
    return id ? this.validValue(this.workspace.index.people.get(id)) : undefined;
  }
  group(id: string | undefined | null): GroupDoc | undefined {
    return id ? this.validValue(this.workspace.index.groups.get(id)) : undefined;
  }
  agreement(id: string | undefined | null): AgreementDoc | undefined {
    return id ? this.validValue(this.workspace.index.agreements.get(id)) : undefined;
  }
  plan(id: string | undefined | null): PlanDoc | undefined {
    return id ? this.validValue(this.workspace.index.plans.get(id)) : undefined;
  }
  meeting(id: string | undefined | null): MeetingDoc | undefined {
    return id ? this.validValue(this.workspace.index.meetings.get(id)) : undefined;
  }
  assessment(id: string | undefined | null): AssessmentDoc | undefined {
    return id ? this.validValue(this.workspace.index.assessments.get(id)) : undefined;
  }

  /** The valid documents of a kind, in id order. */
  documents<K extends DocumentKind>(kind: K): Array<K extends 'plan' ? PlanDoc : K extends 'agreement' ? AgreementDoc : K extends 'group' ? GroupDoc : K extends 'meeting' ? MeetingDoc : AssessmentDoc> {
    const map = this.workspace.index.of(kind);
    return [...map.values()]
      .filter((e) => e.doc.valid)
      .map((e) => e.value)
      .sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1)) as never;
  }

  /** Meetings of a group, oldest first (valid ones only). */
  meetingsOf(groupId: string): MeetingDoc[] {
    return this.workspace.index.meetingsOf(groupId).filter((e) => e.doc.valid).map((e) => e.value);
  }

  /** An organisation's full name, or the id if it is unknown. */
  orgName(id: string | undefined | null): string {
    if (!id) return '';
    return this.organization(id)?.name ?? id;
  }
  /** An organisation's short name for tables. */
  orgShort(id: string | undefined | null): string {
    if (!id) return '';
    const org = this.organization(id);
    return org?.short_name ?? org?.name ?? id;
  }
  /** A person's name, or the id if they are unknown. */
  personName(id: string | undefined | null): string {
    if (!id) return '';
    return this.person(id)?.name ?? id;
  }
  /** "Name, title" for a presenter or a signatory. */
  personWithTitle(id: string | undefined | null): string {
    if (!id) return '';
    const p = this.person(id);
    return p ? (p.title ? `${p.name}, ${p.title}` : p.name) : id;
  }
  /** The name of whatever an id names: a person, organisation, group, plan or agreement. */
  anyName(id: string | undefined | null): string {
    if (!id) return '';
    return (
      this.person(id)?.name ??
      this.organization(id)?.name ??
      this.group(id)?.name ??
      this.agreement(id)?.title ??
      this.plan(id)?.title ??
      id
    );
  }

  /** The link to a document's page, if the output is a site that has a page for it. */
  href(kind: DocumentKind, id: string): string | null {
    const site = this.settings.site;
    if (!site || !site.pages.has(`${kind}:${id}`)) return null;
    return pageFileName(kind, id, site.ext);
  }
  /** A reference to a document, named by its title. */
  ref(kind: DocumentKind, id: string | undefined | null): RefView | null {
    if (!id) return null;
    const text =
      kind === 'group' ? this.group(id)?.name
      : kind === 'agreement' ? this.agreement(id)?.title
      : kind === 'plan' ? this.plan(id)?.title
      : kind === 'assessment' ? this.assessment(id)?.title
      : this.meeting(id) ? this.meetingTitle(this.meeting(id)!)
      : undefined;
    return { text: text ?? id, href: this.href(kind, id) };
  }
  /** "Styrgruppen 10 juni 2009" — how a meeting is named in lists and links. */
  meetingTitle(meeting: MeetingDoc): string {
    return `${this.group(meeting.group)?.name ?? meeting.group} ${this.date(meeting.date)}`;
  }
  /** True if the document may appear in this output (public output leaves confidential groups' documents out). */
  isShown(kind: DocumentKind, id: string): boolean {
    if (kind === 'group') return this.disclosure.showsGroup(id);
    if (kind === 'meeting') return this.disclosure.showsMeeting(id);
    return true;
  }
  /** True if an agenda item may be shown in full in this output. */
  showsItem(item: unknown): boolean {
    return this.disclosure.showsItem(item);
  }
  /** True if a task, decision or note of a meeting's minutes may be shown in this output. */
  showsRecord(meeting: MeetingDoc, record: unknown): boolean {
    return this.disclosure.showsRecord(meeting, record);
  }

  /** A phrase of the language, with its {placeholders} filled. */
  t(key: TextKey, params?: Record<string, string | number | undefined>): string {
    return fill(this.l.t[key], params);
  }
  date(date: string | undefined | null): string {
    return formatDate(date, this.lang);
  }
  dateWithWeekday(date: string | undefined | null): string {
    return formatDateWithWeekday(date, this.lang);
  }
  time(time: string | undefined | null): string {
    return formatTime(time, this.lang);
  }
  timeRange(start: string | undefined | null, end: string | undefined | null): string {
    return formatTimeRange(start, end, this.lang);
  }
  number(n: number): string {
    return formatNumber(n, this.lang);
  }
  days(n: number): string {
    return plural(this.lang, n, this.l.t.day_one, this.l.t.day_other);
  }
  /** A period "10 juni 2009 – 31 december 2010". */
  range(start: string | undefined | null, end: string | undefined | null): string {
    if (!start && !end) return '';
    return this.t('range', { start: this.date(start) || '…', end: this.date(end) || '…' });
  }
  /** A traffic light with its text label. */
  light(color: LightColor, label: string): LightView {
    const marker = LIGHT_MARKERS[color];
    return { color, marker, label, text: `${marker} ${label}` };
  }
  /** Names joined for a sentence: "A, B och C". */
  list(names: readonly string[]): string {
    if (names.length <= 1) return names.join('');
    return `${names.slice(0, -1).join(', ')} ${this.l.t.and} ${names[names.length - 1]}`;
  }
}
