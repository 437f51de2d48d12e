/**
 * file/* and yaml/*: problems found while reading files (see workspace/load.ts), and
 * config/* for the rule settings in samverkan.yaml.
 */
import { defineRules } from './context.js';

export const fileRules = defineRules({
  rules: [
    {
      id: 'yaml/syntax',
      severity: 'error',
      description: {
        sv: 'Filen är inte giltig YAML.',
        en: 'The file is not valid YAML.',
      },
      fullDescription: {
        sv: 'samverkan kan inte läsa en fil vars YAML är trasig, så ingenting i den kontrolleras eller skrivs ut, och dokument som hänvisar till den får okända id:n. Meddelandet anger raden; leta efter en hakparentes eller ett citattecken som inte stängs, eller en rad som är indragen annorlunda än raderna runt den.',
        en: 'samverkan cannot read a file whose YAML is broken, so nothing in it is checked or rendered, and documents that refer to it report unknown ids. The message names the line; look for an unclosed bracket or quote, or a line indented differently from its neighbours.',
      },
      messages: {
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: [Styrgrupp Exempel\n', good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\n' },
    },
    {
      id: 'yaml/duplicate-key',
      severity: 'error',
      description: {
        sv: 'En nyckel förekommer två gånger i samma karta, så ett av värdena skulle gå förlorat.',
        en: 'A key appears twice in the same map, so one value would be lost.',
      },
      fullDescription: {
        sv: 'När en nyckel skrivs två gånger kan bara ett av värdena behållas, och det är lätt att ändra i det som kastas bort. Ta bort en av de två raderna, eller slå ihop det de säger till en.',
        en: 'When a key is written twice, only one of the values can be kept, and it is easy to edit the one that is thrown away. Remove one of the two lines, or merge what they say into one.',
      },
      messages: {
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\nname: Styrgruppen\n',
        good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\n',
      },
    },
    {
      id: 'yaml/too-many-aliases',
      severity: 'error',
      description: {
        sv: 'Ett dokument använder så många alias att det skulle ta slut på minnet att läsa det.',
        en: 'A document uses so many aliases that reading it would exhaust memory.',
      },
      fullDescription: {
        sv: 'YAML-alias (*namn) upprepar en del av dokumentet; alias i flera led kan få en liten fil att växa till flera gigabyte, ett känt sätt att få program att ta slut på minne. samverkan läser inte ett sådant dokument. Skriv ut värdena i stället för att upprepa dem med alias.',
        en: 'YAML aliases (*name) repeat a part of the document; nested aliases can make a small file expand to gigabytes, which is a known way to make programs run out of memory. samverkan does not read such a document. Write the values out instead of repeating them through aliases.',
      },
      messages: {
      },
      example: {
        file: 'exempel.yaml',
        bad: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
        good: 'a: [x, x, x]\nb: [x, x, x]\n',
      },
    },
    {
      id: 'yaml/unsupported-tag',
      severity: 'error',
      description: {
        sv: 'En YAML-tagg (en annan än !!str, !!int, !!float, !!bool, !!null, !!map, !!seq) eller ett direktiv (%YAML, %TAG); dokumentet läses inte.',
        en: 'A YAML tag (other than !!str, !!int, !!float, !!bool, !!null, !!map, !!seq) or a directive (%YAML, %TAG); the document is not read.',
      },
      fullDescription: {
        sv: 'Taggar säger åt den som läser YAML att bygga särskilda värden, som andra program som läser samma fil kan hantera annorlunda eller osäkert. samverkans dokument behöver inga: ta bort taggen, och sätt värdet inom citattecken om det ska vara en text.',
        en: 'Tags tell a YAML reader to build special values, which other programs reading the same file may treat differently or unsafely. samverkan documents need none: remove the tag, and quote the value if it should be text.',
      },
      messages: {
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: !!binary U3R5cmdydXBw\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
        good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/empty',
      severity: 'warning',
      description: {
        sv: 'En YAML-fil utan något dokument i.',
        en: 'A YAML file with no document in it.',
      },
      fullDescription: {
        sv: 'En tom fil är oftast ett dokument som påbörjades och glömdes bort, eller ett vars innehåll togs bort av misstag. Fyll i den (den behöver åtminstone en kind:) eller ta bort filen.',
        en: 'An empty file is usually a document that was started and forgotten, or one whose content was deleted by mistake. Fill it in (it needs at least a kind:) or delete the file.',
      },
      messages: {
      },
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: '# Protokoll från styrgruppen 20 augusti\n',
        good: '# Protokoll från styrgruppen 20 augusti\nkind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\n',
      },
    },
    {
      id: 'file/unreadable',
      severity: 'error',
      description: {
        sv: 'En fil som inte gick att läsa.',
        en: 'A file that could not be read.',
      },
      fullDescription: {
        sv: 'Filen finns men operativsystemet lät inte samverkan läsa den, oftast på grund av dess behörigheter, så ingenting i den kontrolleras. Gör filen läsbar för kontot som kör samverkan (i CI, användaren som checkar ut koden), eller flytta den ut ur arbetsytan.',
        en: 'The file exists but the operating system would not let samverkan read it, usually because of its permissions, so nothing in it is checked. Make the file readable to the account that runs samverkan (in CI, the checkout user), or move it out of the workspace.',
      },
      messages: {
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml with permissions that let no one read it (chmod 000)\n',
        good: '# groups/exempel.yaml readable by its owner and group (chmod 644)\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/binary',
      severity: 'error',
      description: {
        sv: 'En .yaml-fil som inte är text.',
        en: 'A .yaml file that is not text.',
      },
      fullDescription: {
        sv: 'En fil som heter .yaml men innehåller en bild, ett kalkylark eller ett annat binärt format kan inte läsas som ett dokument. Byt namn på den så att den inte slutar på .yaml eller .yml, eller flytta den ut ur arbetsytan; bilagor hör hemma utanför arbetsytan eller i en egen mapp.',
        en: 'A file named .yaml that holds a picture, a spreadsheet or another binary format cannot be read as a document. Rename it so that it does not end in .yaml or .yml, or move it out of the workspace; attachments belong outside the workspace or in a folder of their own.',
      },
      messages: {
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml that is really a Word document saved under the wrong name (bytes 50 4B 03 04 …)\n',
        good: '# the Word document saved as bilagor/styrgrupp.docx, and groups/exempel.yaml as text:\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/too-large',
      severity: 'error',
      description: {
        sv: 'En fil som är för stor för att läsas.',
        en: 'A file too large to read.',
      },
      fullDescription: {
        sv: 'Filer över 5 MB läses inte, så att en felaktig export eller en fil som växt okontrollerat inte kan stoppa en kontroll. Ingen verklig överenskommelse, plan eller sammanträde kommer i närheten av den storleken: dela upp filen i flera dokument (ett sammanträde per fil), eller flytta data ut ur arbetsytan.',
        en: 'Files over 5 MB are not read, so that a mistaken export or a runaway file cannot stall a check. No real agreement, plan or meeting comes near that size: split the file into several documents (one meeting per file), or move the data out of the workspace.',
      },
      messages: {
      },
      example: {
        file: 'meetings/styrgrupp/alla.yaml',
        bad: '# meetings/styrgrupp/alla.yaml: every meeting since 2008 in one 6 MB file\n',
        good: '# one file per meeting: meetings/styrgrupp/2009-04-30.yaml, meetings/styrgrupp/2009-06-11.yaml, …\n',
      },
    },
    {
      id: 'file/name-encoding',
      severity: 'error',
      description: {
        sv: 'En fil eller mapp vars namn inte är UTF-8-text; den läses inte.',
        en: 'A file or folder whose name is not UTF-8 text; it is not read.',
      },
      fullDescription: {
        sv: 'Ett namn som inte är UTF-8 (ofta ett med å, ä eller ö som kopierats från en gammal Windowsdator eller en zip-fil) kan inte visas eller länkas rätt, så filen hoppas över. Byt namn på filen eller mappen genom att skriva namnet på nytt.',
        en: 'A name that is not UTF-8 (often one with a Swedish letter, copied from an old Windows or a zip file) cannot be shown or linked correctly, so the file is skipped. Rename the file or folder, typing the name anew.',
      },
      messages: {
      },
      example: {
        file: 'meetings/exempel.yaml',
        bad: '# a folder named "m\\xF6ten" (ö in Latin-1, not UTF-8), holding meetings that are not read\n',
        good: '# the same folder renamed to "möten" in UTF-8 (or "moten")\n',
      },
    },
    {
      id: 'file/outside-workspace',
      severity: 'warning',
      description: {
        sv: 'En länk som pekar ut ur arbetsytan; den läses inte.',
        en: 'A link that points outside the workspace; it is not read.',
      },
      fullDescription: {
        sv: 'En symbolisk länk till en fil eller mapp utanför arbetsytan följs inte, så att en kontroll av en arbetsyta inte kan läsa, eller publicera, en annans filer. Kopiera filen in i arbetsytan, eller ta bort länken.',
        en: 'A symbolic link to a file or folder outside the workspace is not followed, so that checking one workspace cannot read, or publish, another one\'s files. Copy the file into the workspace, or remove the link.',
      },
      messages: {
      },
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml is a symbolic link to ../../annan-kommun/groups/styrgrupp.yaml\n',
        good: '# groups/exempel.yaml is a file of its own inside the workspace\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
  ],
  check() {
    // The loader already found these problems (said in both languages or in the language of
    // loading, see LoadProblem); the engine reports them with the rest.
  },
});
