/** meeting/unknown-item: the minutes record something under an agenda item the agenda does not have. */
import { agendaItemsNamed, agendaOf, type AgendaSource } from '../model/agenda.js';
import type { RuleModule } from './context.js';

/** The § numbers and ids the agenda has, in words, for the message. */
function available(meeting: AgendaSource): string {
  const agenda = agendaOf(meeting);
  if (agenda.length === 0) return 'the meeting has no agenda items. Add the items under items:';
  const numbers = agenda.map((e) => e.number);
  const ids = agenda.map((e) => e.item.id).filter((id): id is string => id !== undefined);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const contiguous = new Set(numbers).size === numbers.length && last - first + 1 === numbers.length;
  const numberText = contiguous && numbers.length > 2 ? `§ ${first}–${last}` : numbers.map((n) => `§ ${n}`).join(', ');
  const idText = ids.length === 0 ? '' : ids.length === 1 ? ` and the id ${ids[0]}` : ` and the ids ${ids.join(', ')}`;
  return `the agenda has ${numberText}${idText}`;
}

export const meetingItemRules: RuleModule = {
  rules: [
    {
      id: 'meeting/unknown-item',
      severity: 'error',
      description: 'A decision, note, task or correction in the minutes refers to an agenda item (by § number or id) that the agenda does not have, or that more than one item has.',
      fullDescription:
        'Decisions, notes, tasks and corrections are shown under the agenda item they name: item: 7 is the item printed as § 7 (items are numbered from first_number, or by their number:), and item: budget is the item with id: budget. A reference that names no item, or two items, would put the decision under the wrong paragraph or leave it out, and a confidential item\'s decision could be published. Use a § number or an id the agenda has.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nfirst_number: 5\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nfirst_number: 5\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 5, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
  ],
  check(context) {
    for (const { doc, data } of context.documents('meeting')) {
      const minutes = data.minutes;
      if (!minutes) continue;
      for (const key of ['decisions', 'notes', 'tasks', 'corrections'] as const) {
        minutes[key]?.forEach((record, i) => {
          if (record.item === undefined) return;
          const named = agendaItemsNamed(data, record.item);
          if (named.length === 1) return;
          const what = typeof record.item === 'number' ? `agenda item § ${record.item}` : `the agenda item with id ${record.item}`;
          const message =
            named.length === 0
              ? `This refers to ${what}, but ${available(data)}. Use one of them.`
              : `This refers to ${what}, but ${named.length} items have it (${named.map((e) => `"${e.item.title}"`).join(', ')}). Give the items different numbers or ids.`;
          context.report('meeting/unknown-item', doc, ['minutes', key, i, 'item'], message);
        });
      }
    }
  },
};
