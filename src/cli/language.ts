/**
 * The language the CLI speaks, settled once at start-up, before the program is built: `--lang`,
 * then the workspace's `language:`, then the system locale, then Swedish (resolveLanguage).
 * Start-up must stay cheap, so this reads argv by hand (commander parses it again later) and
 * reads the one key of samverkan.yaml with a regular expression instead of a YAML parser.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveLanguage, type Lang } from '../i18n/messages.js';

/**
 * The value of an option in `argv` as commander would read it (`--lang en`, `--lang=en`, `-C dir`,
 * `-Cdir`), or undefined. Stops at `--`, after which everything is an argument.
 */
export function optionValue(argv: readonly string[], long: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg === long || (short !== undefined && arg === short)) value = argv[++i];
    else if (arg.startsWith(`${long}=`)) value = arg.slice(long.length + 1);
    else if (short !== undefined && arg.startsWith(short) && arg.length > short.length) value = arg.slice(short.length);
  }
  return value;
}

/**
 * The `language:` a workspace's samverkan.yaml states, found as `findWorkspaceRoot` finds it: in
 * `-C DIR` itself, else in the nearest folder walking up from `cwd`. Undefined when there is no
 * workspace, the file cannot be read or the key is not plainly sv or en: the real check of the
 * settings comes later, with a proper message, and must not be pre-empted here.
 */
export function workspaceLanguageHint(cwd: string, dir?: string): string | undefined {
  let folder = resolve(cwd, dir ?? '.');
  for (;;) {
    const file = join(folder, 'samverkan.yaml');
    if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
      try {
        // A top-level key only: indented `language:` lines belong to some other map.
        const match = /^language:[ \t]*(["']?)(sv|en)\1[ \t]*(?:#.*)?$/m.exec(readFileSync(file, 'utf8'));
        return match?.[2];
      } catch {
        return undefined;
      }
    }
    const parent = dirname(folder);
    if (dir !== undefined || parent === folder) return undefined;
    folder = parent;
  }
}

/**
 * The language to speak for a run with `argv` in `cwd` with `env`. SAMVERKAN_LANG stands between
 * `--lang` and the workspace: the language of one reader's terminal (an English-speaking auditor
 * of a Swedish workspace), which, unlike `--lang`, leaves the documents in the workspace's
 * language. Never throws.
 */
export function startLanguage(argv: readonly string[], env: Record<string, string | undefined>, cwd: string): Lang {
  for (const value of [optionValue(argv, '--lang'), env.SAMVERKAN_LANG]) if (value === 'sv' || value === 'en') return value;
  const flag = optionValue(argv, '--lang');
  let workspace: string | undefined;
  try {
    workspace = workspaceLanguageHint(cwd, optionValue(argv, '--dir', '-C'));
  } catch {
    // An unreadable folder: the command will say so itself, in the locale's language.
  }
  return resolveLanguage({ flag, workspace, env });
}
