/** meeting/attachment-missing: an agenda item's `file:` attachment is not a file in the workspace. */
import { fileAttachments, locateAttachment } from '../model/attachments.js';
import { defineRules } from './context.js';

export const meetingAttachmentRules = defineRules({
  rules: [
    {
      id: 'meeting/attachment-missing',
      severity: 'error',
      description: {
        sv: 'Ett ärendes bilaga (file:) är inte en fil i arbetsytan: den finns inte, är en mapp, eller är en länk som leder ut ur arbetsytan.',
        en: "An agenda item's attachment (file:) is not a file inside the workspace: it does not exist, is a folder, or is a link that leads outside the workspace.",
      },
      fullDescription: {
        sv:
          'En bilaga med file: skrivs räknat från sammanträdesfilens mapp (file: bilagor/budget.pdf bredvid meetings/styrgrupp/2009-08-20.yaml är meetings/styrgrupp/bilagor/budget.pdf). ' +
          'Kallelsen länkar till den och en intern webbplats kopierar den, så en fil som inte finns ger en kallelse vars bilaga inte går att öppna. ' +
          'En symbolisk länk som leder ut ur arbetsytan räknas som saknad: en webbplats kopierar aldrig en fil utanför arbetsytan. ' +
          'Lägg filen på den sökvägen (och checka in den i git), rätta sökvägen, eller länka till bilagan med href: https://… i stället.',
        en:
          'A file: attachment is written relative to the meeting file\'s folder (file: bilagor/budget.pdf next to meetings/styrgrupp/2009-08-20.yaml is meetings/styrgrupp/bilagor/budget.pdf). ' +
          'The notice links to it and an internal site copies it, so a file that is not there gives a notice whose bilaga cannot be opened. ' +
          'A symbolic link that leads outside the workspace counts as missing: a site never copies a file from outside the workspace. ' +
          'Put the file at that path (and commit it), correct the path, or link to the attachment with href: https://… instead.',
      },
      messages: {
        missing: {
          sv: 'Bilagan "{title}" är file: {file}, räknat från sammanträdesfilens mapp, men det finns ingen fil {rel} i arbetsytan. Lägg filen där (och checka in den i git), rätta sökvägen, eller ange bilagan som en länk med href: https://… i stället.',
          en: 'The attachment "{title}" is file: {file}, relative to the meeting file\'s folder, but there is no file {rel} in the workspace. Put the file there (and commit it), correct the path, or give the attachment as a link with href: https://… instead.',
        },
        notAFile: {
          sv: 'Bilagan "{title}" är file: {file}, räknat från sammanträdesfilens mapp, men {rel} är en mapp (eller något annat som inte är en vanlig fil). Lägg filen där (och checka in den i git), rätta sökvägen, eller ange bilagan som en länk med href: https://… i stället.',
          en: 'The attachment "{title}" is file: {file}, relative to the meeting file\'s folder, but {rel} is a folder (or another thing that is not a plain file). Put the file there (and commit it), correct the path, or give the attachment as a link with href: https://… instead.',
        },
        outside: {
          sv: 'Bilagan "{title}" är file: {file}, räknat från sammanträdesfilens mapp, men {rel} är en symbolisk länk som leder ut ur arbetsytan (till {target}), och en fil utanför arbetsytan länkas eller kopieras aldrig, så den räknas som saknad. Lägg filen där (och checka in den i git), rätta sökvägen, eller ange bilagan som en länk med href: https://… i stället.',
          en: 'The attachment "{title}" is file: {file}, relative to the meeting file\'s folder, but {rel} is a symbolic link that leads outside the workspace (to {target}), and a file outside the workspace is never linked or copied, so it counts as missing. Put the file there (and commit it), correct the path, or give the attachment as a link with href: https://… instead.',
        },
      },
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
        context.report(
          'meeting/attachment-missing',
          doc,
          ['items', a.itemIndex, 'attachments', a.index, 'file'],
          where.state === 'missing' ? 'missing' : where.state === 'not-a-file' ? 'notAFile' : 'outside',
          { title: a.title, file: a.file, rel: a.rel, target: where.state === 'outside' ? where.target : undefined },
        );
      }
    }
  },
});
