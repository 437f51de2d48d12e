/** meeting/unknown-item: the minutes record something under an agenda item the agenda does not have. */
import { agendaItemsNamed, agendaOf, type AgendaSource } from '../model/agenda.js';
import { messages, type Message } from '../i18n/messages.js';
import { defineRules } from './context.js';
import { phrase } from './words.js';

const say = messages('rules/meeting-items', {
  numbered: { sv: 'ärende § {n}', en: 'agenda item § {n}' },
  withId: { sv: 'ärendet med id {id}', en: 'the agenda item with id {id}' },
  oneId: { sv: ' och id:t {id}', en: ' and the id {id}' },
  ids: { sv: ' och id:na {ids}', en: ' and the ids {ids}' },
});

/** The § numbers and ids the agenda has, for the message; undefined when it has no items. */
function available(meeting: AgendaSource): { numbers: string; ids: Message | '' } | undefined {
  const agenda = agendaOf(meeting);
  if (agenda.length === 0) return undefined;
  const numbers = agenda.map((e) => e.number);
  const ids = agenda.map((e) => e.item.id).filter((id): id is string => id !== undefined);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const contiguous = new Set(numbers).size === numbers.length && last - first + 1 === numbers.length;
  const numberText = contiguous && numbers.length > 2 ? `§ ${first}–${last}` : numbers.map((n) => `§ ${n}`).join(', ');
  const idText = ids.length === 0 ? '' : ids.length === 1 ? phrase(say, 'oneId', { id: ids[0] }) : phrase(say, 'ids', { ids: ids.join(', ') });
  return { numbers: numberText, ids: idText };
}

export const meetingItemRules = defineRules({
  rules: [
    {
      id: 'meeting/unknown-item',
      severity: 'error',
      description: {
        sv: 'Ett beslut, en anteckning, en uppgift eller en rättelse i protokollet hänvisar till ett ärende (med §-nummer eller id) som dagordningen inte har, eller som flera ärenden har.',
        en: 'A decision, note, task or correction in the minutes refers to an agenda item (by § number or id) that the agenda does not have, or that more than one item has.',
      },
      fullDescription: {
        sv: 'Beslut, anteckningar, uppgifter och rättelser visas under det ärende de nämner: item: 7 är ärendet som skrivs ut som § 7 (ärendena numreras från first_number, eller efter sitt number:), och item: budget är ärendet med id: budget. En hänvisning som inte pekar på något ärende, eller på två, skulle placera beslutet under fel paragraf eller utelämna det, och beslutet i ett sekretessbelagt ärende skulle kunna publiceras. Använd ett §-nummer eller ett id som dagordningen har.',
        en: 'Decisions, notes, tasks and corrections are shown under the agenda item they name: item: 7 is the item printed as § 7 (items are numbered from first_number, or by their number:), and item: budget is the item with id: budget. A reference that names no item, or two items, would put the decision under the wrong paragraph or leave it out, and a confidential item\'s decision could be published. Use a § number or an id the agenda has.',
      },
      messages: {
        noItems: {
          sv: 'Det här hänvisar till {what}, men sammanträdet har inga ärenden på dagordningen. Lägg till ärendena under items:.',
          en: 'This refers to {what}, but the meeting has no agenda items. Add the items under items:. Use one of them.',
        },
        notOnAgenda: {
          sv: 'Det här hänvisar till {what}, men dagordningen har {numbers}{ids}. Använd ett av dem.',
          en: 'This refers to {what}, but the agenda has {numbers}{ids}. Use one of them.',
        },
        ambiguous: {
          sv: 'Det här hänvisar till {what}, men {n} ärenden har det ({titles}). Ge ärendena olika nummer eller id:n.',
          en: 'This refers to {what}, but {n} items have it ({titles}). Give the items different numbers or ids.',
        },
      },
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
          const what = typeof record.item === 'number' ? phrase(say, 'numbered', { n: record.item }) : phrase(say, 'withId', { id: record.item });
          const at = ['minutes', key, i, 'item'];
          if (named.length > 0) {
            const titles = named.map((e) => `"${e.item.title}"`).join(', ');
            context.report('meeting/unknown-item', doc, at, 'ambiguous', { what, n: named.length, titles });
            return;
          }
          const agenda = available(data);
          if (agenda) context.report('meeting/unknown-item', doc, at, 'notOnAgenda', { what, ...agenda });
          else context.report('meeting/unknown-item', doc, at, 'noItems', { what });
        });
      }
    }
  },
});
