/** `samverkan schema [KIND]`: print the JSON Schemas, for editors and other tools. */
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { NotFoundError } from '../errors.js';
import { writeOutputFile } from '../output/write-output.js';
import { KINDS, isKind } from '../model/index.js';
import type { CliIO } from './io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .argument('[KIND]', `one of ${KINDS.join(', ')}`)
    .option('--out <DIR>', 'write every kind\'s schema as DIR/<kind>.schema.json instead of printing')
    .description('print the JSON Schema of a kind (self-contained, for editors such as VS Code with the YAML extension)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ samverkan schema plan > .schemas/plan.schema.json\n  $ samverkan schema --out .schemas\n' +
        'Then start a plan file with:  # yaml-language-server: $schema=../.schemas/plan.schema.json',
    )
    .action(async (kind: string | undefined, options: { out?: string }) => {
      const { bundledSchema } = await import('../schema/index.js');
      if (kind !== undefined && !isKind(kind)) {
        throw new NotFoundError(`"${kind}" is not a kind. Use one of ${KINDS.join(', ')}.`);
      }
      if (options.out) {
        const dir = resolve(io.cwd, options.out);
        const kinds = kind ? [kind] : KINDS;
        for (const k of kinds) await writeOutputFile(join(dir, `${k}.schema.json`), `${JSON.stringify(bundledSchema(k), null, 2)}\n`);
        io.stdout(`Wrote ${kinds.length} schema${kinds.length === 1 ? '' : 's'} to ${options.out}.\n`);
        return;
      }
      const value = kind ? bundledSchema(kind) : Object.fromEntries(KINDS.map((k) => [k, bundledSchema(k)]));
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
    });
}
