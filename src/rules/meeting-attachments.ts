/** meeting/attachment-missing: an agenda item's `file:` attachment is not a file in the workspace. */
import { fileAttachments, locateAttachment } from '../model/attachments.js';
import type { RuleModule } from './context.js';

export const meetingAttachmentRules: RuleModule = {
  rules: [
    {
      id: 'meeting/attachment-missing',
      severity: 'error',
      description: "An agenda item's attachment (file:) is not a file inside the workspace: it does not exist, is a folder, or is a link that leads outside the workspace.",
      fullDescription:
        'A file: attachment is written relative to the meeting file\'s folder (file: bilagor/budget.pdf next to meetings/styrgrupp/2009-08-20.yaml is meetings/styrgrupp/bilagor/budget.pdf). ' +
        'The notice links to it and an internal site copies it, so a file that is not there gives a notice whose bilaga cannot be opened. ' +
        'A symbolic link that leads outside the workspace counts as missing: a site never copies a file from outside the workspace. ' +
        'Put the file at that path (and commit it), correct the path, or link to the attachment with href: https://… instead.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - title: Budget 2010\n    type: decision\n    attachments:\n      - {title: Förslag till budget, file: bilagor/budget-2010.pdf}\n',
        good: 'kind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\nitems:\n  - title: Budget 2010\n    type: decision\n    attachments:\n      - {title: Förslag till budget, href: "https://kommun.example.se/budget-2010.pdf"}\n',
      },
    },
  ],
  async check(context) {
    const root = context.workspace.root;
    for (const { doc, data } of context.documents('meeting')) {
      for (const a of fileAttachments(data, doc.file.rel)) {
        const where = await locateAttachment(root, a.rel);
        if (where.state === 'file') continue;
        const reason =
          where.state === 'missing' ? `there is no file ${a.rel} in the workspace`
          : where.state === 'not-a-file' ? `${a.rel} is a folder (or another thing that is not a plain file)`
          : `${a.rel} is a symbolic link that leads outside the workspace (to ${where.target}), and a file outside the workspace is never linked or copied, so it counts as missing`;
        context.report(
          'meeting/attachment-missing',
          doc,
          ['items', a.itemIndex, 'attachments', a.index, 'file'],
          `The attachment "${a.title}" is file: ${a.file}, relative to the meeting file's folder, but ${reason}. ` +
            'Put the file there (and commit it), correct the path, or give the attachment as a link with href: https://… instead.',
        );
      }
    }
  },
};
