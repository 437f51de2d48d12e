/** meeting/*: who attends, whether enough of them are there, whether the agenda fits the time. */
import { activeMembers, VOTING_ROLES } from '../model/roster.js';
import type { GroupDoc, MeetingDoc } from '../model/index.js';
import type { RuleModule } from './context.js';
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

/** How many members must be present: the group's number, or a majority of the voting members. */
export function quorumOf(group: GroupDoc, date: string): number | undefined {
  if (group.quorum === undefined) return undefined;
  if (group.quorum === 'majority') {
    const voting = activeMembers(group, date).filter((m) => VOTING_ROLES.has(m.role ?? 'member')).length;
    return Math.floor(voting / 2) + 1;
  }
  return group.quorum;
}

export const meetingRules: RuleModule = {
  rules: [
    {
      id: 'meeting/not-member',
      severity: 'warning',
      description: 'Attendance names someone outside the roster who substitutes for no one.',
      fullDescription:
        'Minutes that list someone outside the group as present, without saying whom they replace, make it unclear who took part in the decisions. Add substitute_for: with the member they replaced, add them to the group\'s members, or list them as a guest in the item they presented.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: handlaggare-alfa, status: present}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: present}\n',
      },
    },
    {
      id: 'meeting/quorum',
      severity: 'warning',
      description: 'Fewer members present than the group\'s quorum.',
      fullDescription:
        'A group that is not quorate (beslutför) cannot make valid decisions, so its decisions may need to be taken again. Check the attendance, or note in the minutes that the decisions are to be confirmed at the next meeting.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: absent}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nminutes:\n  attendance:\n    - {person: socchef-alfa, status: present}\n    - {person: polis, status: present}\n    - {person: socchef-beta, status: present}\n',
      },
    },
    {
      id: 'meeting/time-box',
      severity: 'warning',
      description: 'The items\' duration_minutes add up to more than the meeting\'s length.',
      fullDescription:
        'An agenda that needs more time than the meeting has means the last items will be rushed or left out. Shorten items, move one to the next meeting, or make the meeting longer.',
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
        context.report('meeting/time-box', doc, ['end'], `The meeting ends (${data.end}) before it starts (${data.start}). Correct the times.`);
      }
      const length = meetingLength(data, group);
      // The meeting file is the record: its items are the whole agenda, standing items included.
      const planned = agendaOf(data).reduce((sum, { item }) => sum + (item.duration_minutes ?? 0), 0);
      if (length !== undefined && length > 0 && planned > length) {
        context.report(
          'meeting/time-box',
          doc,
          data.items?.length ? ['items'] : ['date'],
          `The agenda needs ${planned} minutes, but the meeting is ${length} minutes long. Shorten items, move some to the next meeting, or make the meeting longer.`,
        );
      }

      const attendance = data.minutes?.attendance;
      if (!group || !attendance) continue;
      const members = new Set(activeMembers(group, data.date).map((m) => m.person));
      const substitutes = new Set(group.members.map((m) => m.substitute).filter(Boolean));
      attendance.forEach((a, i) => {
        if (members.has(a.person)) return;
        if (a.substitute_for && members.has(a.substitute_for)) return;
        const why = a.substitute_for
          ? `stands in for ${a.substitute_for}, who is not a member of ${group.name} on ${data.date} either`
          : `is not a member of ${group.name} on ${data.date}${substitutes.has(a.person) ? ' (they are a named substitute: add substitute_for: with the member they replaced)' : ''}`;
        context.report(
          'meeting/not-member',
          doc,
          ['minutes', 'attendance', i, a.substitute_for ? 'substitute_for' : 'person'],
          `${a.person} ${why}. Add substitute_for: with the member they replaced, add them to the roster, or note them in the minutes instead.`,
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
          `${present.size} member${present.size === 1 ? ' was' : 's were'} present, fewer than the quorum of ${quorum}, so the group could not take decisions. Record the decisions as proposals, or check the attendance.`,
        );
      }
    }
  },
};
