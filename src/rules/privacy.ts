/**
 * privacy/*: no identity numbers anywhere, case codes only in case groups, no contact details
 * in confidential items, and tasks that say which item they come from in meetings that have
 * confidential items. Messages never repeat the number or address they found, because findings
 * end up in CI logs.
 */
import { isScalar, visit } from 'yaml';
import type { AgendaItem } from '../model/index.js';
import { hasConfidentialItems, isConfidentialGroupDoc, isConfidentialItem } from '../model/confidentiality.js';
import { spanOfOffsets, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument, SourceFile } from '../workspace/types.js';
import type { RuleContext, RuleModule } from './context.js';
import { findIdentityNumbers, type IdentityNumberMatch } from './identity-numbers.js';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
/** Swedish phone numbers: 0 or +46, then 7–9 more digits in the usual groupings. */
const PHONE = /(?:\+46|\b0)[\s-]?\d{1,3}(?:[\s-]?\d){5,8}\b/;

const KIND_WORDS: Record<IdentityNumberMatch['kind'], string> = {
  personnummer: 'personal identity number (personnummer)',
  samordningsnummer: 'coordination number (samordningsnummer)',
  interim: 'interim identity number (interimistiskt personnummer, reservnummer)',
};

function identityMessage(match: IdentityNumberMatch, hidden: boolean): string {
  const where = hidden
    ? ' It is written in escape codes (like \\x33 or \\u0033) or split over lines, so it is not visible as it stands: look through the whole value that starts here.'
    : '';
  return `This looks like a Swedish ${KIND_WORDS[match.kind]} (${match.masked}).${where} Identity numbers must never be written in these files: remove it, and refer to a case by its case code (case: Ä-2009-003) instead. If it is already committed, ask whoever manages the repository to remove it from the history too.`;
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
    context.reportAt('privacy/identity-number', file, spanOfOffsets(file.lineCounter, match.start, match.end), identityMessage(match, false));
  }
  for (const doc of file.documents) {
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
          context.reportAt('privacy/identity-number', file, spanOfOffsets(file.lineCounter, from, to), identityMessage(match, true));
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
    const what = EMAIL.test(rest) ? 'an e-mail address' : PHONE.test(rest) ? 'a phone number' : undefined;
    if (!what) continue;
    context.report(
      'privacy/contact-in-case-item',
      doc,
      at,
      `This confidential item contains ${what}, which can identify the people in the case. Remove it; the group keeps contact details in its case records, not in the agenda.`,
    );
  }
}

export const privacyRules: RuleModule = {
  rules: [
    {
      id: 'privacy/identity-number',
      severity: 'error',
      description: 'A Swedish personnummer, samordningsnummer or interim number anywhere in any file, comments and escape codes included (10 or 12 characters, with or without a separator, valid date and check digit).',
      fullDescription:
        'Identity numbers identify individuals, and collaboration documents are shared, kept in git and published; once in a commit, a number stays in the history. Remove the number, and refer to a case by its case code (case:) in a confidential item of a case group; if it was committed, ask whoever runs the repository to rewrite its history.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna gäller även 19121212-1212.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'privacy/case-outside-case-group',
      severity: 'error',
      description: 'A case code (case:) in a meeting of a group that is not a case group.',
      fullDescription:
        'Individual cases belong in the case group (ärendegrupp), whose meetings are confidential; a case in another group\'s meeting may be published with it. Move the item to a meeting of the case group.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: discussion, case: Ä-2009-002, confidential: true}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Uppföljning av handlingsplanen, type: follow-up}\nminutes:\n  notes:\n    - {item: 1, text: Rutinerna är på remiss hos polisen.}\n',
      },
    },
    {
      id: 'privacy/contact-in-case-item',
      severity: 'warning',
      description: 'An e-mail address or phone number in a confidential item.',
      fullDescription:
        'Contact details in a confidential item identify the people in it and are spread to everyone who gets the minutes. Keep them in the case records, not in the minutes.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Ring mamman på 070-123 45 67.}\nminutes:\n  tasks:\n    - {id: t1, item: 1, title: Kalla till nytt möte, responsible: samordnare}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - {title: Ärende, type: discussion, confidential: true, description: Kontaktuppgifter finns i journalen.}\nminutes:\n  tasks:\n    - {id: t1, item: 1, title: Kalla till nytt möte, responsible: samordnare}\n',
      },
    },
    {
      id: 'privacy/task-without-item',
      severity: 'warning',
      description: 'A task in the minutes of a meeting with confidential items that does not say which agenda item it comes from (item:).',
      fullDescription:
        'A task that does not name its item cannot be withheld with its confidential item, so public minutes would have to leave it out, or could reveal it. Add item: with the § number or the id of the agenda item the task comes from.',
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
            `Case codes belong only in meetings of a case group (ärendegrupp), and ${group.name} is a ${group.type} group. Take the case to the case group, and remove case: here.`,
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
          `Task ${task.id} does not say which agenda item it comes from, and this meeting has confidential items. Say which agenda item the task comes from (item: N with its § number, or item: ID with its id); until then it is withheld from public output with the confidential items.`,
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
            `Case codes belong only in case groups (ärendegrupp), and ${data.name} is a ${data.type} group. Remove case: here.`,
          );
        }
        checkItemContacts(context, doc, ['standing_items', i], item);
      });
    }
  },
};
