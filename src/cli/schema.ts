/** `samverkan schema [KIND]`: print or write the JSON Schemas, for editors and other tools. */
import { join, resolve } from 'node:path';
import { Option, type Command } from './command.js';
import { NotFoundError, UsageError } from '../errors.js';
import { messages } from '../i18n/messages.js';
import { KINDS, isKind } from '../model/index.js';
import type { CliIO } from './io.js';
import { placeholder } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/schema', {
  kind: {
    sv: 'ett av {kinds}; utan det, schemat för alla slag i ett (samverkan.schema.json)',
    en: 'one of {kinds}; without it, the schema of every kind in one (samverkan.schema.json)',
  },
  write: {
    sv: 'skriv {dir}/<slag>.schema.json för varje slag och {dir}/samverkan.schema.json för alla, i stället för att visa dem',
    en: 'write {dir}/<kind>.schema.json for every kind and {dir}/samverkan.schema.json for all of them, instead of printing',
  },
  out: { sv: 'samma som --write', en: 'the same as --write' },
  lang: {
    sv: 'språket i meddelandena som en editor visar för ett felaktigt värde: sv eller en (förval: arbetsytans språk, annars sv)',
    en: "language of the messages an editor shows for a wrong value: sv or en (default: the workspace's language, else sv)",
  },
  after: {
    sv:
      '\nExempel:\n  $ samverkan schema --write .schemas\n  $ samverkan schema plan --lang en > plan.schema.json\n' +
      'Använd sedan .schemas/samverkan.schema.json för arbetsytans YAML-filer i editorns inställningar (docs/editors.md),\n' +
      'eller börja en fil med:  # yaml-language-server: $schema=../.schemas/plan.schema.json',
    en:
      '\nExamples:\n  $ samverkan schema --write .schemas\n  $ samverkan schema plan --lang en > plan.schema.json\n' +
      "Then apply .schemas/samverkan.schema.json to the workspace's YAML files in the editor's settings (docs/editors.md),\n" +
      'or start a file with:  # yaml-language-server: $schema=../.schemas/plan.schema.json',
  },
  notAKind: { sv: '"{kind}" är inget slag. Använd ett av {kinds}.', en: '"{kind}" is not a kind. Use one of {kinds}.' },
  outAndWrite: { sv: '--out är ett annat namn för --write: ge en av dem.', en: '--out is another name for --write: give one of them.' },
  writeOne: {
    sv: '--write skriver alla slags scheman och det sammanslagna; för att spara bara schemat för {kind}, kör: samverkan schema {kind} > {kind}.schema.json',
    en: "--write writes every kind's schema and the combined one; to save only the {kind} schema, run: samverkan schema {kind} > {kind}.schema.json",
  },
  wrote: {
    sv: 'Skrev {n} scheman till {dir}: ett per slag, och samverkan.schema.json för alla slag (se docs/editors.md).',
    en: 'Wrote {n} schemas to {dir}: one per kind, and samverkan.schema.json for every kind (see docs/editors.md).',
  },
});

interface SchemaCliOptions {
  write?: string;
  out?: string;
  lang?: 'sv' | 'en';
}

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .argument(`[${placeholder('KIND')}]`, say('kind', { kinds: KINDS.join(', ') }))
    .option(`--write <${placeholder('DIR')}>`, say('write', { dir: placeholder('DIR') }))
    .addOption(new Option(`--out <${placeholder('DIR')}>`, say('out')).hideHelp())
    .addOption(new Option(`--lang <${placeholder('LANG')}>`, say('lang')).choices(['sv', 'en']))
    .description(summary('schema'))
    .addHelpText('after', say('after'))
    .action(async (kind: string | undefined, options: SchemaCliOptions) => {
      const [{ schemaFiles, combinedSchema, editorSchema }, { writeOutputFile }] = await Promise.all([import('../schema/index.js'), import('../output/write-output.js')]);
      if (kind !== undefined && !isKind(kind)) {
        throw new NotFoundError(say('notAKind', { kind, kinds: KINDS.join(', ') }));
      }
      if (options.write !== undefined && options.out !== undefined && options.write !== options.out) {
        throw new UsageError(say('outAndWrite'));
      }
      const target = options.write ?? options.out;
      const { workspaceLanguage } = await import('../workspace/config.js');
      // The messages speak the language of the workspace the schemas are for, unless told otherwise.
      const lang = options.lang ?? (await workspaceLanguage(resolve(io.cwd, target ?? '.'))) ?? 'sv';
      if (target !== undefined) {
        if (kind !== undefined) throw new UsageError(say('writeOne', { kind }));
        const dir = resolve(io.cwd, target);
        const files = schemaFiles(lang);
        for (const [name, text] of files) await writeOutputFile(join(dir, name), text);
        io.stdout(`${say('wrote', { n: files.size, dir: target })}\n`);
        return;
      }
      const value = kind ? editorSchema(kind, lang) : combinedSchema(lang);
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    });
}
