/**
 * privacy/*: no identity numbers anywhere, case codes only in case groups, no contact details
 * in confidential items, and tasks that say which item they come from in meetings that have
 * confidential items. Messages never repeat the number or address they found, because findings
 * end up in CI logs.
 */
import { yamlPackage } from '../workspace/yaml-package.js';
import type { AgendaItem } from '../model/index.js';
import { hasConfidentialItems, isConfidentialGroupDoc, isConfidentialItem } from '../model/confidentiality.js';
import { spanOfOffsets, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument, SourceFile } from '../workspace/types.js';
import { messages } from '../i18n/messages.js';
import { defineRules, type FindingData, type RuleContext } from './context.js';
import { decodedMayHoldNumber, findIdentityNumbers, type IdentityNumberMatch } from './identity-numbers.js';
import { phrase } from './words.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
/** Swedish phone numbers: 0 or +46, then 7–9 more digits in the usual groupings. */
const PHONE = /(?:\+46|\b0)[\s-]?\d{1,3}(?:[\s-]?\d){5,8}\b/;

const say = messages('rules/privacy', {
  personnummer: { sv: 'personnummer', en: 'personal identity number (personnummer)' },
  samordningsnummer: { sv: 'samordningsnummer', en: 'coordination number (samordningsnummer)' },
  interim: { sv: 'interimistiskt personnummer (reservnummer)', en: 'interim identity number (interimistiskt personnummer, reservnummer)' },
  hidden: {
    sv: ' Det är skrivet med escape-koder (som \\x33 eller \\u0033) eller delat över flera rader, så det syns inte som det står: titta igenom hela värdet som börjar här.',
    en: ' It is written in escape codes (like \\x33 or \\u0033) or split over lines, so it is not visible as it stands: look through the whole value that starts here.',
  },
});

/** What privacy/identity-number says of a match: its kind and masked form, never the number. */
function identityData(match: IdentityNumberMatch, hidden: boolean): FindingData {
  return { kind: phrase(say, match.kind), masked: match.masked, hidden: hidden ? phrase(say, 'hidden') : '' };
}


/**
 * True if a string or number in `data` (keys included) holds an identity number as decoded: every
 * scalar the YAML tree has is in its data, so none is missed. Shared values (aliases) are read once.
 */
function decodedValuesHoldNumber(data: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  const holds = (text: string) => findIdentityNumbers(text).length > 0;
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (holds(value)) return true;
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      if (holds(String(value))) return true;
    } else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      if (Array.isArray(value)) for (const item of value) stack.push(item);
      else {
        for (const [key, child] of Object.entries(value)) {
          if (holds(key)) return true;
          stack.push(child);
        }
      }
    }
  }
  return false;
}

/**
 * Identity numbers in one file: in its text as written (which covers comments, keys and plain
 * values, at the exact column), and in the value of every scalar as YAML decodes it, which is
 * what every output shows. A number that only the decoded value has (escape codes, a line fold)
 * is reported at the start of its scalar.
 */
function checkIdentityNumbers(context: RuleContext, file: SourceFile): void {
  const written = findIdentityNumbers(file.text);
  for (const match of written) {
    context.reportAt('privacy/identity-number', file, spanOfOffsets(file.lineCounter, match.start, match.end), 'identityNumber', identityData(match, false));
  }
  // Most files cannot hold a number in a decoded value at all; their values are not searched.
  const mayHold = decodedMayHoldNumber(file.text);
  for (const doc of file.documents) {
    // The tree is parsed only when asked for (src/workspace/fast-parse.ts): walk it only when the
    // decoded values hold a number somewhere, to find where.
    if (doc.data !== undefined && (!mayHold || !decodedValuesHoldNumber(doc.data))) continue;
    const { isScalar, visit } = yamlPackage();
    visit(doc.yaml, {
      Scalar(_key, node) {
        if (!isScalar(node) || !node.range) return;
        const value = node.value;
        const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined;
        if (text === undefined) return;
        const decoded = findIdentityNumbers(text);
        if (decoded.length === 0) return;
        const [from, to] = node.range;
        const seen = written.filter((m) => m.start >= from && m.end <= to).map((m) => m.canonical);
        for (const match of decoded) {
          const already = seen.indexOf(match.canonical);
          if (already >= 0) {
            seen.splice(already, 1);
            continue;
          }
          context.reportAt('privacy/identity-number', file, spanOfOffsets(file.lineCounter, from, to), 'identityNumber', identityData(match, true));
        }
      },
    });
  }
}

function withoutIdentityNumbers(text: string): string {
  let rest = text;
  for (const { start, end } of findIdentityNumbers(text).reverse()) rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
  return rest;
}

function checkItemContacts(context: RuleContext, doc: SourceDocument, path: PathSegment[], item: AgendaItem): void {
  if (!isConfidentialItem(item)) return;
  const fields: Array<[PathSegment[], string | undefined]> = [
    [[...path, 'title'], item.title],
    [[...path, 'description'], item.description],
    ...(item.documents ?? []).map((d, i): [PathSegment[], string] => [[...path, 'documents', i], d]),
  ];
  for (const [at, text] of fields) {
    if (!text) continue;
    // An identity number has the shape of a phone number; privacy/identity-number reports it already.
    const rest = withoutIdentityNumbers(text);
    const what = EMAIL.test(rest) ? 'email' : PHONE.test(rest) ? 'phone' : undefined;
    if (!what) continue;
    context.report('privacy/contact-in-case-item', doc, at, what);
  }
}

export const privacyRules = defineRules({
  rules: [
    {
      id: 'privacy/identity-number',
      severity: 'error',
      description: {
        sv: 'Ett svenskt personnummer, samordningsnummer eller interimistiskt nummer var som helst i någon fil, kommentarer och escape-koder inräknade (10 eller 12 tecken, med eller utan skiljetecken, giltigt datum och kontrollsiffra).',
        en: 'A Swedish personnummer, samordningsnummer or interim number anywhere in any file, comments and escape codes included (10 or 12 characters, with or without a separator, valid date and check digit).',
      },
      fullDescription: {
        sv: 'Personnummer identifierar enskilda, och samverkansdokument delas, sparas i git och publiceras; när ett nummer väl finns i en commit ligger det kvar i historiken. Ta bort numret, och hänvisa till ett ärende med dess ärendekod (case:) i ett sekretessbelagt ärende i en ärendegrupp; om det har checkats in, be den som förvaltar arkivet att skriva om historiken.',
        en: 'Identity numbers identify individuals, and collaboration documents are shared, kept in git and published; once in a commit, a number stays in the history. Remove the number, and refer to a case by its case code (case:) in a confidential item of a case group; if it was committed, ask whoever runs the repository to rewrite its history.',
      },
      messages: {
        identityNumber: {
          sv: 'Det här ser ut som ett svenskt {kind} ({masked}).{hidden} Personnummer och andra identitetsnummer får aldrig skrivas i de här filerna: ta bort numret, och hänvisa till ett ärende med dess ärendekod (case: Ä-2009-003) i stället. Om det redan är incheckat, be den som förvaltar arkivet att ta bort det ur historiken också.',
          en: 'This looks like a Swedish {kind} ({masked}).{hidden} Identity numbers must never be written in these files: remove it, and refer to a case by its case code (case: Ä-2009-003) instead. If it is already committed, ask whoever manages the repository to remove it from the history too.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna gäller även 19121212-1212.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'privacy/case-outside-case-group',
      severity: 'error',
      description: {
        sv: 'En ärendekod (case:) i ett sammanträde för en grupp som inte är en ärendegrupp.',
        en: 'A case code (case:) in a meeting of a group that is not a case group.',
      },
      fullDescription: {
        sv: 'Enskilda ärenden hör hemma i ärendegruppen, vars sammanträden omfattas av sekretess; ett ärende i en annan grupps sammanträde kan publiceras med det. Flytta ärendet till ett sammanträde i ärendegruppen.',
        en: 'Individual cases belong in the case group, whose meetings are confidential; a case in another group\'s meeting may be published with it. Move the item to a meeting of the case group.',
      },
      messages: {
        inMeeting: {
          sv: 'Ärendekoder hör bara hemma i sammanträden för en ärendegrupp, och {group} är en grupp av typen {type}. Ta upp ärendet i ärendegruppen, och ta bort case: här.',
          en: 'Case codes belong only in meetings of a case group, and {group} is a {type} group. Take the case to the case group, and remove case: here.',
        },
        inGroup: {
          sv: 'Ärendekoder hör bara hemma i ärendegrupper, och {group} är en grupp av typen {type}. Ta bort case: här.',
          en: 'Case codes belong only in case groups, and {group} is a {type} group. Remove case: here.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: discussion, case: Ä-2009-002, confidential: true}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'privacy/contact-in-case-item',
      severity: 'warning',
      description: {
        sv: 'En e-postadress eller ett telefonnummer i ett sekretessbelagt ärende.',
        en: 'An e-mail address or phone number in a confidential item.',
      },
      fullDescription: {
        sv: 'Kontaktuppgifter i ett sekretessbelagt ärende identifierar personerna i det och sprids till alla som får protokollet. Förvara dem i ärendeakterna, inte i protokollet.',
        en: 'Contact details in a confidential item identify the people in it and are spread to everyone who gets the minutes. Keep them in the case records, not in the minutes.',
      },
      messages: {
        email: {
          sv: 'Det här sekretessbelagda ärendet innehåller en e-postadress, som kan identifiera personerna i ärendet. Ta bort den; gruppen förvarar kontaktuppgifter i sina ärendeakter, inte i dagordningen.',
          en: 'This confidential item contains an e-mail address, which can identify the people in the case. Remove it; the group keeps contact details in its case records, not in the agenda.',
        },
        phone: {
          sv: 'Det här sekretessbelagda ärendet innehåller ett telefonnummer, som kan identifiera personerna i ärendet. Ta bort det; gruppen förvarar kontaktuppgifter i sina ärendeakter, inte i dagordningen.',
          en: 'This confidential item contains a phone number, which can identify the people in the case. Remove it; the group keeps contact details in its case records, not in the agenda.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Ring mamman på 070-123 45 67.}\nminutes:\n  tasks:\n    - {id: t1, item: 1, title: Kalla till nytt möte, responsible: samordnare}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Kontaktuppgifter finns i journalen.}\nminutes:\n  tasks:\n    - {id: t1, item: 1, title: Kalla till nytt möte, responsible: samordnare}\n',
      },
    },
    {
      id: 'privacy/task-without-item',
      severity: 'warning',
      description: {
        sv: 'En uppgift i protokollet från ett sammanträde med sekretessbelagda ärenden som inte anger vilket ärende den kommer från (item:).',
        en: 'A task in the minutes of a meeting with confidential items that does not say which agenda item it comes from (item:).',
      },
      fullDescription: {
        sv: 'En uppgift som inte anger sitt ärende kan inte hållas inne tillsammans med det sekretessbelagda ärendet, så ett offentligt protokoll måste utelämna den, eller kan röja den. Lägg till item: med §-numret eller id:t för det ärende uppgiften kommer från.',
        en: 'A task that does not name its item cannot be withheld with its confidential item, so public minutes would have to leave it out, or could reveal it. Add item: with the § number or the id of the agenda item the task comes from.',
      },
      messages: {
        noItem: {
          sv: 'Uppgiften {task} anger inte vilket ärende på dagordningen den kommer från, och det här sammanträdet har sekretessbelagda ärenden. Ange vilket ärende uppgiften kommer från (item: N med dess §-nummer, eller item: ID med dess id); till dess hålls den inne från offentliga utskrifter tillsammans med de sekretessbelagda ärendena.',
          en: 'Task {task} does not say which agenda item it comes from, and this meeting has confidential items. Say which agenda item the task comes from (item: N with its § number, or item: ID with its id); until then it is withheld from public output with the confidential items.',
        },
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Kontaktuppgifter finns i journalen.}\nminutes:\n  tasks:\n    - {id: t1, title: Kalla till nytt möte, responsible: samordnare}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Kontaktuppgifter finns i journalen.}\nminutes:\n  tasks:\n    - {id: t1, item: 1, title: Kalla till nytt möte, responsible: samordnare}\n',
      },
    },
  ],
  check(context) {
    const { workspace } = context;
    for (const file of workspace.files) checkIdentityNumbers(context, file);
    for (const { doc, data } of context.documents('meeting')) {
      // Only a group file that matched its schema says what type the group is: a misspelt type
      // is the schema rule's finding, not a reason to call the group something it is not.
      const entry = workspace.index.groups.get(data.group);
      const group = entry?.doc.valid ? entry.value : undefined;
      data.items?.forEach((item, i) => {
        if (item.case !== undefined && group && group.type !== 'case') {
          context.report(
            'privacy/case-outside-case-group',
            doc,
            ['items', i, 'case'],
            'inMeeting',
            { group: group.name, type: group.type },
          );
        }
        checkItemContacts(context, doc, ['items', i], item);
      });
      // A meeting of a confidential group is withheld whole, so its tasks need no item to be safe.
      if (isConfidentialGroupDoc(group)) continue;
      if (!hasConfidentialItems(data, group)) continue;
      data.minutes?.tasks?.forEach((task, i) => {
        if (task.item !== undefined) return;
        context.report(
          'privacy/task-without-item',
          doc,
          ['minutes', 'tasks', i],
          'noItem',
          { task: task.id },
        );
      });
    }
    for (const { doc, data } of context.documents('group')) {
      data.standing_items?.forEach((item, i) => {
        if (item.case !== undefined && data.type !== 'case') {
          context.report(
            'privacy/case-outside-case-group',
            doc,
            ['standing_items', i, 'case'],
            'inGroup',
            { group: data.name, type: data.type },
          );
        }
        checkItemContacts(context, doc, ['standing_items', i], item);
      });
    }
  },
});
