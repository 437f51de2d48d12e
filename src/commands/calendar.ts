/**
 * `samverkan calendar`: a group's meetings (or every group's) as an iCalendar file, built with
 * ical-generator. Times are local to the workspace's time zone and carry a TZID, with the
 * VTIMEZONE that RFC 5545 requires beside them, so that every calendar shows 13:00 as 13:00.
 * The file depends on the workspace alone, not on the clock, so that exporting again into a git
 * repository changes nothing unless a meeting changed; a moved meeting carries a higher SEQUENCE,
 * from its `sequence:` field, so that Outlook replaces the event it imported before.
 */
import { didYouMean, NotFoundError, UsageError, WorkspaceError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { addDays } from '../model/dates.js';
import type { MeetingDoc } from '../model/index.js';
import { Disclosure } from '../model/confidentiality.js';
import { agendaOf } from '../model/agenda.js';
import { confidentialityOf, loadCheckedWorkspace } from '../workspace/checked.js';
import { maskIdentityNumbers } from '../rules/identity-numbers.js';
import { closest } from '../rules/words.js';
import type { Workspace } from '../workspace/types.js';
import { slugify } from './init.js';
import { statusLabels, type StatusLabels, type StatusLang } from '../i18n/status-labels.js';
import { holdersOn } from '../model/roster.js';

const say = messages('commands/calendar', {
  notZone: {
    sv: 'timezone: {zone} i samverkan.yaml är ingen tidszon. Skriv ett namn som Europe/Stockholm.',
    en: 'timezone: {zone} in samverkan.yaml is not a time zone. Write a name such as Europe/Stockholm.',
  },
  noGroup: {
    sv: 'Ange den grupp vars möten du vill ha, till exempel samverkan calendar styrgrupp-nb, eller ge --all för alla grupper.',
    en: 'Name the group whose meetings you want, e.g. samverkan calendar styrgrupp-nb, or give --all for every group.',
  },
  unknownGroup: { sv: 'Det finns ingen grupp "{id}" i arbetsytan.{guess} {list}', en: 'There is no group "{id}" in the workspace.{guess} {list}' },
  groupsAre: { sv: 'Grupperna är: {ids}.', en: 'The groups are: {ids}.' },
  noGroups: { sv: 'Lägg först in en grupp under groups/.', en: 'Add a group under groups/ first.' },
  invalidGroup: {
    sv: '{file} följer inte formatet för en grupp, så dess möten kan inte listas. Kör samverkan validate för att se vad som ska rättas.',
    en: '{file} does not follow the format of a group, so its meetings cannot be listed. Run samverkan validate to see what to fix.',
  },
});

export interface CalendarOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** Group ids; every group when `all` is set. */
  groups?: string[];
  all?: boolean;
  /** Language of the words in the events; the workspace's language by default. */
  lang?: StatusLang;
}

export interface CalendarResult {
  /** The iCalendar text, CRLF line ends as RFC 5545 wants. */
  ics: string;
  /** Group ids the calendar covers. */
  groups: string[];
  events: number;
  /** Groups with no meeting files, for a note. */
  empty: string[];
}

/** The UID of a meeting's event: the same on every export, so a calendar updates instead of duplicating. */
export function meetingUid(meetingId: string, workspaceName: string): string {
  return `${meetingId}@${slugify(workspaceName, 'samverkan')}.samverkan`;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

function timeOf(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The DTSTAMP of a meeting's event: midnight UTC at the start of the meeting's date.
 * RFC 5545 wants the time the object was created, but the clock would change the file on every
 * export, and the file system's mtime changes on checkout; the meeting file keeps no date of its
 * last change, so the meeting's own date is the one date that is stable while the file is unchanged
 * and moves with the meeting. Calendars order versions of an event by SEQUENCE first, so the stamp
 * need not grow with every edit. No LAST-MODIFIED is written, since no date of the last change is known.
 */
export function meetingStamp(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** `date` at `time` plus `add` minutes, as a local date-time string without a zone. */
function localDateTime(date: string, time: string, add = 0): string {
  const total = minutesOf(time) + add;
  return `${addDays(date, Math.floor(total / 1440))}T${timeOf(total)}:00`;
}

/**
 * The agenda as plain text, as the meeting file records it (src/model/agenda.ts), with the §
 * numbers and start times when known; the formal items take no time of their own.
 */
function agendaText(
  meeting: MeetingDoc,
  start: string | undefined,
  labels: StatusLabels,
  personName: (id: string) => string,
  disclosure: Disclosure,
): string {
  const agenda = agendaOf(meeting);
  if (agenda.length === 0) return '';
  let clock = start ? minutesOf(start) : undefined;
  const lines = agenda.map(({ number, item }) => {
    const at = clock !== undefined ? `${timeOf(clock)} ` : '';
    const duration = item.duration_minutes ?? (item.role !== undefined ? 0 : undefined);
    clock = clock !== undefined && duration !== undefined ? clock + duration : undefined;
    if (!disclosure.showsItem(item)) return `${at}${number}. ${labels.confidentialItem}`;
    const details = [
      item.presenter ? `${labels.presenter} ${personName(item.presenter)}` : '',
      item.duration_minutes ? `${item.duration_minutes} ${labels.minutes}` : '',
    ].filter(Boolean);
    return `${at}${number}. ${item.title}${details.length ? ` (${details.join(', ')})` : ''}`;
  });
  return `${labels.agenda}\n${lines.join('\n')}`;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/**
 * The VTIMEZONE of an IANA zone for the years given, from the time zone data Node carries (Intl):
 * one observance per change of offset, so it is right for any zone and any rules of the past.
 * Written here because no VTIMEZONE library is a dependency yet (timezones-ical-library would do).
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset', year: 'numeric' });
  const offsetAt = (ms: number): number => {
    const name = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  };
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const transitions: Array<{ at: number; from: number; to: number }> = [];
  const day = 86_400_000;
  for (let t = start, before = offsetAt(start); t < end; t += day) {
    const after = offsetAt(t + day);
    if (after === before) continue;
    // Bisect in whole seconds: hi ends as the first second of the new offset.
    let lo = t / 1000;
    let hi = (t + day) / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * 1000) === before) lo = mid;
      else hi = mid;
    }
    transitions.push({ at: hi * 1000, from: before, to: after });
    before = after;
  }
  const initial = offsetAt(start);
  const standard = Math.min(initial, ...transitions.map((t) => t.to));
  const block = (from: number, to: number, localStart: number) =>
    [
      `BEGIN:${to > standard ? 'DAYLIGHT' : 'STANDARD'}`,
      `DTSTART:${utcStamp(localStart)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `END:${to > standard ? 'DAYLIGHT' : 'STANDARD'}`,
    ].join('\r\n');
  const parts = [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    block(initial, initial, start + initial * 60_000),
    // A transition's DTSTART is the local time just before it, in the offset it leaves.
    ...transitions.map((t) => block(t.from, t.to, t.at + t.from * 60_000)),
    'END:VTIMEZONE',
  ];
  return parts.join('\r\n');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The iCalendar text of the given groups' meetings in a loaded, checked workspace. Calendars are
 * synced to phones and shared further than the group, so they show what public output shows:
 * a confidential item only its number, and a confidential group's meeting only its time.
 */
export async function calendarIcs(
  workspace: Workspace,
  groupIds: readonly string[],
  options: {
    lang?: StatusLang;
    disclosure?: Disclosure;
  } = {},
): Promise<{ ics: string; events: number; empty: string[] }> {
  const disclosure = options.disclosure ?? new Disclosure(confidentialityOf(workspace), true);
  const { default: ical, ICalCalendarMethod, ICalEventClass } = await import('ical-generator');
  const { index, config } = workspace;
  const lang = options.lang ?? (config.language === 'en' ? 'en' : 'sv');
  const labels = statusLabels(lang);
  const zone = config.timezone;
  if (!isTimeZone(zone)) {
    throw new WorkspaceError(say('notZone', { zone }));
  }
  const personName = (id: string) => index.validEntry('person', id)?.value.name ?? id;
  const single = groupIds.length === 1 ? index.groups.get(groupIds[0])?.value : undefined;
  const calendar = ical({
    name: maskIdentityNumbers(single ? `${single.name} – ${config.name}` : config.name),
    prodId: { company: 'samverkan', product: 'samverkan', language: lang.toUpperCase() },
    // Without METHOD, Outlook treats an opened file as new events rather than updates of those it has.
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.x('X-WR-TIMEZONE', zone);

  const years: number[] = [];
  const empty: string[] = [];
  let events = 0;
  for (const groupId of groupIds) {
    const group = index.groups.get(groupId)!.value;
    const meetings = index.meetingsOf(groupId).filter((m) => m.doc.valid);
    if (meetings.length === 0) empty.push(groupId);
    for (const { value: meeting } of meetings) {
      const start = meeting.start ?? group.meetings?.time;
      const shown = disclosure.showsMeeting(meeting.id);
      const location = shown ? (meeting.location ?? group.meetings?.location) : undefined;
      // online: null in a meeting means "no link this time", not "use the group's".
      const online = !shown || meeting.online === null ? undefined : (meeting.online ?? group.meetings?.online);
      let end: string | undefined;
      if (start && meeting.end) {
        end = localDateTime(meeting.date, meeting.end, minutesOf(meeting.end) <= minutesOf(start) ? 1440 : 0);
      } else if (start && group.meetings?.duration_minutes) {
        end = localDateTime(meeting.date, start, group.meetings.duration_minutes);
      }
      const chair = meeting.chair ?? holdersOn(group, 'chair', meeting.date)[0]?.person;
      const description = [
        shown ? agendaText(meeting, start, labels, personName, disclosure) : labels.confidentialItem,
        online ? `${labels.onlineLink}: ${online}` : '',
        chair && shown ? `${labels.chair}: ${personName(chair)}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
      // Masked before ical-generator folds the lines, which could split a number in two.
      const place = location ?? online;
      const confidentiality = group.confidentiality ?? (group.type === 'case' ? 'confidential' : 'open');
      calendar.createEvent({
        id: maskIdentityNumbers(meetingUid(meeting.id, config.name)),
        summary: maskIdentityNumbers(labels.meetingOf(group.name)),
        // Local date-times without a zone: ical-generator writes them as they are, with the TZID.
        ...(start
          ? { start: localDateTime(meeting.date, start), ...(end ? { end } : {}), timezone: zone }
          : { start: meeting.date, allDay: true }),
        stamp: meetingStamp(meeting.date),
        sequence: meeting.sequence ?? 0,
        ...(place ? { location: maskIdentityNumbers(place) } : {}),
        ...(online ? { url: maskIdentityNumbers(online) } : {}),
        ...(description ? { description: maskIdentityNumbers(description) } : {}),
        ...(confidentiality === 'confidential'
          ? { class: ICalEventClass.CONFIDENTIAL }
          : confidentiality === 'internal'
            ? { class: ICalEventClass.PRIVATE }
            : {}),
      });
      years.push(Number(meeting.date.slice(0, 4)));
      events++;
    }
  }
  // RFC 5545 ends every line with CRLF, the last one too; ical-generator leaves the last bare.
  let ics = `${calendar.toString()}\r\n`;
  if (years.length > 0) {
    // ical-generator writes a VTIMEZONE only for a calendar-wide zone, and then writes DTSTAMP
    // in local time, which RFC 5545 forbids; so the zone is set per event and the block added here.
    const tz = vtimezone(zone, Math.min(...years) - 1, Math.max(...years) + 1);
    ics = ics.replace(/\r\nBEGIN:VEVENT\r\n/, `\r\n${tz}\r\nBEGIN:VEVENT\r\n`);
  }
  return { ics, events, empty };
}

/** Loads the workspace and returns the calendar of the groups asked for. */
export async function calendar(options: CalendarOptions): Promise<CalendarResult> {
  const requested = options.groups ?? [];
  if (!options.all && requested.length === 0) {
    throw new UsageError(say('noGroup'));
  }
  // The checks mark which documents match their schema; only those become events.
  const checked = await loadCheckedWorkspace({ cwd: options.cwd, dir: options.dir });
  const { workspace } = checked;
  const known = [...workspace.index.groups.keys()];
  for (const id of requested) {
    if (!workspace.index.groups.has(id)) {
      const guess = closest(id, known);
      const list = known.length > 0 ? say('groupsAre', { ids: known.sort().join(', ') }) : say('noGroups');
      throw new NotFoundError(say('unknownGroup', { id, guess: didYouMean(guess), list }));
    }
  }
  const invalid = requested.map((id) => workspace.index.groups.get(id)!).find((entry) => !entry.doc.valid);
  if (invalid) {
    throw new WorkspaceError(say('invalidGroup', { file: invalid.doc.file.rel }));
  }
  const groups = options.all ? known.filter((id) => workspace.index.groups.get(id)!.doc.valid).sort() : requested;
  const { ics, events, empty } = await calendarIcs(workspace, groups, {
    lang: options.lang,
    disclosure: new Disclosure(checked.confidentiality, true),
  });
  return { ics, groups, events, empty };
}
