/** meeting/*: who attends, whether enough of them are there, whether the agenda fits the time. */
import { activeMembers, quorumOf } from '../model/roster.js';
import type { GroupDoc, MeetingDoc } from '../model/index.js';
import { defineRules } from './context.js';
import { agendaOf } from '../model/agenda.js';

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The meeting's length in minutes: end − start, or else the group's usual length. */
export function meetingLength(meeting: MeetingDoc, group: GroupDoc | undefined): number | undefined {
  const start = meeting.start ?? group?.meetings?.time;
  if (start && meeting.end) return minutesOf(meeting.end) - minutesOf(start);
  return group?.meetings?.duration_minutes;
}


export const meetingRules = defineRules({
  rules: [
    {
      id: 'meeting/not-member',
      severity: 'warning',
      description: {
        sv: 'Närvaron tar upp någon som inte är ledamot och som inte ersätter någon.',
        en: 'Attendance names someone outside the roster who substitutes for no one.',
      },
      fullDescription: {
        sv: 'Ett protokoll som tar upp någon utanför gruppen som närvarande, utan att säga vem personen ersätter, gör det oklart vilka som deltog i besluten. Lägg till substitute_for: med den ledamot personen ersatte, lägg till personen bland gruppens ledamöter, eller ta upp personen som gäst i det ärende hen föredrog.',
        en: 'Minutes that list someone outside the group as present, without saying whom they replace, make it unclear who took part in the decisions. Add substitute_for: with the member they replaced, add them to the group\'s members, or list them as a guest in the item they presented.',
      },
      messages: {
        substituteNotMember: {
          sv: '{person} ersätter {substitute}, som inte heller är ledamot i {group} den {date}. Ange substitute_for: med den ledamot personen ersatte, lägg till personen bland gruppens ledamöter, eller anteckna personen i protokollet i stället.',
          en: '{person} stands in for {substitute}, who is not a member of {group} on {date} either. Add substitute_for: with the member they replaced, add them to the roster, or note them in the minutes instead.',
        },
        notMember: {
          sv: '{person} är inte ledamot i {group} den {date}. Ange substitute_for: med den ledamot personen ersatte, lägg till personen bland gruppens ledamöter, eller anteckna personen i protokollet i stället.',
          en: '{person} is not a member of {group} on {date}. Add substitute_for: with the member they replaced, add them to the roster, or note them in the minutes instead.',
        },
        namedSubstitute: {
          sv: '{person} är inte ledamot i {group} den {date} (personen är utsedd ersättare: ange substitute_for: med den ledamot personen ersatte). Ange substitute_for: med den ledamot personen ersatte, lägg till personen bland gruppens ledamöter, eller anteckna personen i protokollet i stället.',
          en: '{person} is not a member of {group} on {date} (they are a named substitute: add substitute_for: with the member they replaced). Add substitute_for: with the member they replaced, add them to the roster, or note them in the minutes instead.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: handlaggare-alfa, status: present}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: present}\n',
      },
    },
    {
      id: 'meeting/quorum',
      severity: 'warning',
      description: {
        sv: 'Färre ledamöter närvarande än vad som krävs för att gruppen ska vara beslutför.',
        en: 'Fewer members present than the group\'s quorum.',
      },
      fullDescription: {
        sv: 'En grupp som inte är beslutför kan inte fatta giltiga beslut, så dess beslut kan behöva fattas om. Kontrollera närvaron, eller anteckna i protokollet att besluten ska bekräftas vid nästa sammanträde.',
        en: 'A group that is not quorate cannot make valid decisions, so its decisions may need to be taken again. Check the attendance, or note in the minutes that the decisions are to be confirmed at the next meeting.',
      },
      messages: {
        notQuorate: {
          sv: { one: '{n} ledamot var närvarande, färre än de {quorum} som krävs för att gruppen ska vara beslutför, så gruppen kunde inte fatta beslut. Anteckna besluten som förslag, eller kontrollera närvaron.', other: '{n} ledamöter var närvarande, färre än de {quorum} som krävs för att gruppen ska vara beslutför, så gruppen kunde inte fatta beslut. Anteckna besluten som förslag, eller kontrollera närvaron.' },
          en: { one: '{n} member was present, fewer than the quorum of {quorum}, so the group could not take decisions. Record the decisions as proposals, or check the attendance.', other: '{n} members were present, fewer than the quorum of {quorum}, so the group could not take decisions. Record the decisions as proposals, or check the attendance.' },
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: absent}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: present}\n    - {person: socchef-beta, status: present}\n',
      },
    },
    {
      id: 'meeting/time-box',
      severity: 'warning',
      description: {
        sv: 'Ärendenas duration_minutes blir sammanlagt mer än sammanträdets längd.',
        en: 'The items\' duration_minutes add up to more than the meeting\'s length.',
      },
      fullDescription: {
        sv: 'En dagordning som behöver mer tid än sammanträdet har betyder att de sista ärendena blir forcerade eller faller bort. Korta ärendena, flytta ett till nästa sammanträde, eller gör sammanträdet längre.',
        en: 'An agenda that needs more time than the meeting has means the last items will be rushed or left out. Shorten items, move one to the next meeting, or make the meeting longer.',
      },
      messages: {
        endsBeforeStart: {
          sv: 'Sammanträdet slutar ({end}) innan det börjar ({start}). Rätta tiderna.',
          en: 'The meeting ends ({end}) before it starts ({start}). Correct the times.',
        },
        overTime: {
          sv: 'Dagordningen behöver {planned} minuter, men sammanträdet är {length} minuter långt. Korta ärendena, flytta några till nästa sammanträde, eller gör sammanträdet längre.',
          en: 'The agenda needs {planned} minutes, but the meeting is {length} minutes long. Shorten items, move some to the next meeting, or make the meeting longer.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nstart: "13:00"\nend: "14:00"\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, duration_minutes: 40}\n  - {title: Budget 2010, type: decision, duration_minutes: 30}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nstart: "13:00"\nend: "14:00"\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up, duration_minutes: 20}\n  - {title: Budget 2010, type: decision, duration_minutes: 20}\n',
      },
    },
  ],
  check(context) {
    const { index } = context.workspace;
    for (const { doc, data } of context.documents('meeting')) {
      // A group whose file does not match its schema has its own findings; nothing is concluded from it.
      const group = index.validEntry('group', data.group)?.value;
      if (group && data.start && data.end && data.end <= data.start) {
        context.report('meeting/time-box', doc, ['end'], 'endsBeforeStart', { end: data.end, start: data.start });
      }
      const length = meetingLength(data, group);
      // The meeting file is the record: its items are the whole agenda, standing items included.
      const planned = agendaOf(data).reduce((sum, { item }) => sum + (item.duration_minutes ?? 0), 0);
      if (length !== undefined && length > 0 && planned > length) {
        context.report(
          'meeting/time-box',
          doc,
          data.items?.length ? ['items'] : ['date'],
          'overTime',
          { planned, length },
        );
      }

      const attendance = data.minutes?.attendance;
      if (!group || !attendance) continue;
      const members = new Set(activeMembers(group, data.date).map((m) => m.person));
      const substitutes = new Set(group.members.map((m) => m.substitute).filter(Boolean));
      attendance.forEach((a, i) => {
        if (members.has(a.person)) return;
        if (a.substitute_for && members.has(a.substitute_for)) return;
        context.report(
          'meeting/not-member',
          doc,
          ['minutes', 'attendance', i, a.substitute_for ? 'substitute_for' : 'person'],
          a.substitute_for ? 'substituteNotMember' : substitutes.has(a.person) ? 'namedSubstitute' : 'notMember',
          { person: a.person, substitute: a.substitute_for, group: group.name, date: data.date },
        );
      });

      const quorum = quorumOf(group, data.date);
      if (quorum === undefined) continue;
      const present = new Set(
        attendance
          .filter((a) => a.status === 'present')
          .map((a) => (members.has(a.person) ? a.person : a.substitute_for && members.has(a.substitute_for) ? a.substitute_for : undefined))
          .filter(Boolean),
      );
      if (present.size < quorum) {
        context.report(
          'meeting/quorum',
          doc,
          ['minutes', 'attendance'],
          'notQuorate',
          { n: present.size, quorum },
        );
      }
    }
  },
});
