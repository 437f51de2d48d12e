/**
 * file/* and yaml/*: problems found while reading files (see workspace/load.ts), and
 * config/* for the rule settings in samverkan.yaml.
 */
import type { RuleModule } from './context.js';

export const fileRules: RuleModule = {
  rules: [
    {
      id: 'yaml/syntax',
      severity: 'error',
      description: 'The file is not valid YAML.',
      fullDescription:
        'samverkan cannot read a file whose YAML is broken, so nothing in it is checked or rendered, and documents that refer to it report unknown ids. The message names the line; look for an unclosed bracket or quote, or a line indented differently from its neighbours.',
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: [Styrgrupp Exempel\n', good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\n' },
    },
    {
      id: 'yaml/duplicate-key',
      severity: 'error',
      description: 'A key appears twice in the same map, so one value would be lost.',
      fullDescription:
        'When a key is written twice, only one of the values can be kept, and it is easy to edit the one that is thrown away. Remove one of the two lines, or merge what they say into one.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\nname: Styrgruppen\n',
        good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\n',
      },
    },
    {
      id: 'yaml/too-many-aliases',
      severity: 'error',
      description: 'A document uses so many aliases that reading it would exhaust memory.',
      fullDescription:
        'YAML aliases (*name) repeat a part of the document; nested aliases can make a small file expand to gigabytes, which is a known way to make programs run out of memory. samverkan does not read such a document. Write the values out instead of repeating them through aliases.',
      example: {
        file: 'exempel.yaml',
        bad: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n',
        good: 'a: [x, x, x]\nb: [x, x, x]\n',
      },
    },
    {
      id: 'yaml/unsupported-tag',
      severity: 'error',
      description: 'A YAML tag (other than !!str, !!int, !!float, !!bool, !!null, !!map, !!seq) or a directive (%YAML, %TAG); the document is not read.',
      fullDescription:
        'Tags tell a YAML reader to build special values, which other programs reading the same file may treat differently or unsafely. samverkan documents need none: remove the tag, and quote the value if it should be text.',
      example: {
        file: 'groups/exempel.yaml',
        bad: 'kind: group\nid: exempel\nname: !!binary U3R5cmdydXBw\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
        good: 'kind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/empty',
      severity: 'warning',
      description: 'A YAML file with no document in it.',
      fullDescription:
        'An empty file is usually a document that was started and forgotten, or one whose content was deleted by mistake. Fill it in (it needs at least a kind:) or delete the file.',
      example: {
        file: 'meetings/styrgrupp/2009-08-20.yaml',
        bad: '# Protokoll från styrgruppen 20 augusti\n',
        good: '# Protokoll från styrgruppen 20 augusti\nkind: meeting\nid: styrgrupp-2009-08-20\ngroup: styrgrupp\ndate: 2009-08-20\n',
      },
    },
    {
      id: 'file/unreadable',
      severity: 'error',
      description: 'A file that could not be read.',
      fullDescription:
        'The file exists but the operating system would not let samverkan read it, usually because of its permissions, so nothing in it is checked. Make the file readable to the account that runs samverkan (in CI, the checkout user), or move it out of the workspace.',
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml with permissions that let no one read it (chmod 000)\n',
        good: '# groups/exempel.yaml readable by its owner and group (chmod 644)\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/binary',
      severity: 'error',
      description: 'A .yaml file that is not text.',
      fullDescription:
        'A file named .yaml that holds a picture, a spreadsheet or another binary format cannot be read as a document. Rename it so that it does not end in .yaml or .yml, or move it out of the workspace; attachments belong outside the workspace or in a folder of their own.',
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml that is really a Word document saved under the wrong name (bytes 50 4B 03 04 …)\n',
        good: '# the Word document saved as bilagor/styrgrupp.docx, and groups/exempel.yaml as text:\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
    {
      id: 'file/too-large',
      severity: 'error',
      description: 'A file too large to read.',
      fullDescription:
        'Files over 5 MB are not read, so that a mistaken export or a runaway file cannot stall a check. No real agreement, plan or meeting comes near that size: split the file into several documents (one meeting per file), or move the data out of the workspace.',
      example: {
        file: 'meetings/styrgrupp/alla.yaml',
        bad: '# meetings/styrgrupp/alla.yaml: every meeting since 2008 in one 6 MB file\n',
        good: '# one file per meeting: meetings/styrgrupp/2009-04-30.yaml, meetings/styrgrupp/2009-06-11.yaml, …\n',
      },
    },
    {
      id: 'file/name-encoding',
      severity: 'error',
      description: 'A file or folder whose name is not UTF-8 text; it is not read.',
      fullDescription:
        'A name that is not UTF-8 (often one with å, ä or ö copied from an old Windows or a zip file) cannot be shown or linked correctly, so the file is skipped. Rename the file or folder, typing the name anew.',
      example: {
        file: 'meetings/exempel.yaml',
        bad: '# a folder named "m\\xF6ten" (ö in Latin-1, not UTF-8), holding meetings that are not read\n',
        good: '# the same folder renamed to "möten" in UTF-8 (or "moten")\n',
      },
    },
    {
      id: 'file/outside-workspace',
      severity: 'warning',
      description: 'A link that points outside the workspace; it is not read.',
      fullDescription:
        'A symbolic link to a file or folder outside the workspace is not followed, so that checking one workspace cannot read, or publish, another one\'s files. Copy the file into the workspace, or remove the link.',
      example: {
        file: 'groups/exempel.yaml',
        bad: '# groups/exempel.yaml is a symbolic link to ../../annan-kommun/groups/styrgrupp.yaml\n',
        good: '# groups/exempel.yaml is a file of its own inside the workspace\nkind: group\nid: exempel\nname: Styrgrupp Exempel\ntype: steering\nmembers:\n  - {person: samordnare, role: chair}\n',
      },
    },
  ],
  check() {
    // The loader already found these problems; the engine reports them with the rest.
  },
};
