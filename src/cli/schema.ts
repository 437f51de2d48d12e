/** `samverkan schema [KIND]`: print or write the JSON Schemas, for editors and other tools. */
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { NotFoundError, UsageError } from '../errors.js';
import { writeOutputFile } from '../output/write-output.js';
import { KINDS, isKind } from '../model/index.js';
import type { CliIO } from './io.js';

interface SchemaCliOptions {
  write?: string;
  out?: string;
  lang?: 'sv' | 'en';
}

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .argument('[KIND]', `one of ${KINDS.join(', ')}; without it, the schema of every kind in one (samverkan.schema.json)`)
    .option('--write <DIR>', 'write DIR/<kind>.schema.json for every kind and DIR/samverkan.schema.json for all of them, instead of printing')
    .addOption(new Option('--out <DIR>', 'the same as --write').hideHelp())
    .addOption(new Option('--lang <LANG>', 'language of the messages an editor shows for a wrong value: sv or en (default: the workspace\'s language, else sv)').choices(['sv', 'en']))
    .description('print the JSON Schemas, self-contained, for editors such as VS Code or Neovim with yaml-language-server')
    .addHelpText(
      'after',
      '\nExamples:\n  $ samverkan schema --write .schemas\n  $ samverkan schema plan --lang en > plan.schema.json\n' +
        'Then apply .schemas/samverkan.schema.json to the workspace\'s YAML files in the editor\'s settings (docs/editors.md),\n' +
        'or start a file with:  # yaml-language-server: $schema=../.schemas/plan.schema.json',
    )
    .action(async (kind: string | undefined, options: SchemaCliOptions) => {
      const { schemaFiles, combinedSchema, editorSchema } = await import('../schema/index.js');
      if (kind !== undefined && !isKind(kind)) {
        throw new NotFoundError(`"${kind}" is not a kind. Use one of ${KINDS.join(', ')}.`);
      }
      if (options.write !== undefined && options.out !== undefined && options.write !== options.out) {
        throw new UsageError('--out is another name for --write: give one of them.');
      }
      const target = options.write ?? options.out;
      const { workspaceLanguage } = await import('../workspace/config.js');
      // The messages speak the language of the workspace the schemas are for, unless told otherwise.
      const lang = options.lang ?? (await workspaceLanguage(resolve(io.cwd, target ?? '.'))) ?? 'sv';
      if (target !== undefined) {
        if (kind !== undefined) throw new UsageError(`--write writes every kind's schema and the combined one; to save only the ${kind} schema, run: samverkan schema ${kind} > ${kind}.schema.json`);
        const dir = resolve(io.cwd, target);
        const files = schemaFiles(lang);
        for (const [name, text] of files) await writeOutputFile(join(dir, name), text);
        io.stdout(`Wrote ${files.size} schemas to ${target}: one per kind, and samverkan.schema.json for every kind (see docs/editors.md).\n`);
        return;
      }
      const value = kind ? editorSchema(kind, lang) : combinedSchema(lang);
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    });
}
