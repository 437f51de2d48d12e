/** `samverkan validate`: load the workspace, run every check, keep the findings of the asked-for paths. */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import type { Finding } from '../rules/types.js';
import { CONFIG_FILE, findWorkspaceRoot } from '../workspace/discover.js';
import { toPosix, whyNotDocument } from '../workspace/files.js';
import { MAX_FILE_BYTES } from '../workspace/source.js';
import { checkWithCache } from '../workspace/check-cache.js';
import type { SourceFile, Workspace } from '../workspace/types.js';
import type { CheckedFile } from '../report/types.js';

export interface ValidateOptions {
  cwd: string;
  /** The -C option. */
  dir?: string;
  /** Files or folders to report on; the whole workspace is still loaded for cross-document rules. */
  paths?: string[];
  asOf?: string;
  /**
   * A document read from standard input, checked as if it were the file at `path` (relative to
   * `cwd`; default `<stdin>` in the workspace's root), replacing that file if it exists. Only its
   * findings are returned; `paths` must then be empty.
   */
  stdin?: { bytes: Buffer; path?: string };
  /**
   * Keep the check's result, and the compiled schema validators, in the user's cache folder and
   * answer from it while nothing the findings depend on has changed (src/workspace/check-cache.ts).
   * Off unless asked for; the CLI asks unless --no-cache is given.
   */
  cache?: boolean;
  /** The environment that names the cache folder (XDG_CACHE_HOME, HOME); process.env unless given. */
  env?: NodeJS.ProcessEnv;
  /** Threads that parse the files: a number, or 'auto' (one per core from a few hundred files). The findings are the same. */
  workers?: number | 'auto';
}

const say = messages('commands/validate', {
  stdinTooLarge: {
    sv: 'Standardindata är {size} MB; filer över {max} MB läses inte. Dela upp dokumentet i flera filer.',
    en: 'Standard input holds {size} MB; files over {max} MB are not read. Split the document into several files.',
  },
  stdinNotText: { sv: 'Standardindata är inte text. Skicka YAML-dokumentet som vanlig UTF-8-text.', en: 'Standard input is not text. Send the YAML document as plain UTF-8 text.' },
  stdinAndPaths: {
    sv: 'Ge antingen - (standardindata) eller sökvägar att kontrollera, inte båda. Ange med --stdin-filename SÖKVÄG vilken fil standardindata står för.',
    en: 'Give either - (standard input) or paths to check, not both. Use --stdin-filename PATH to say which file standard input stands for.',
  },
  stdinOutside: {
    sv: '--stdin-filename {path} ligger utanför arbetsytan {root}. Ge den sökväg dokumentet skulle ha i arbetsytan.',
    en: '--stdin-filename {path} is outside the workspace {root}. Give the path the document would have inside it.',
  },
  stdinConfig: {
    sv: 'Standardindata kan inte stå för {file}: inställningarna läses före alla dokument. Spara filen och kör samverkan validate.',
    en: 'Standard input cannot stand for {file}: the settings are read before any document. Save the file and run samverkan validate.',
  },
  notChecked: { sv: '{file} {why}, så standardindata kontrollerades inte.', en: '{file} {why}, so standard input was not checked.' },
  noSuchPath: { sv: '{path} finns inte. Ge en fil eller mapp i arbetsytan.', en: '{path} does not exist. Give a file or folder inside the workspace.' },
  pathOutside: { sv: '{path} ligger utanför arbetsytan {root}. Ge sökvägar i arbetsytan.', en: '{path} is outside the workspace {root}. Give paths inside it.' },
});

/** Name the findings of standard input carry when --stdin-filename does not give one. */
export const STDIN_NAME = '<stdin>';

export interface ValidateResult {
  root: string;
  findings: Finding[];
  fileCount: number;
  /** Why the document from standard input was not checked: its path is not a document's. */
  notChecked?: string;
  /** The files checked, with the kind of their first document, for reports that list them all. */
  files: CheckedFile[];
  /** The text of a checked file as it was checked (standard input for -), for fingerprints. */
  source: (file: string) => string | undefined;
}

/** The files of `workspace` as reports list them, and a reader of their texts as checked. */
function checkedFiles(workspace: Workspace, files: readonly SourceFile[]): Pick<ValidateResult, 'files' | 'source'> {
  const texts = new Map(workspace.files.map((f) => [f.path, f.text]));
  return { files: files.map((f) => ({ path: f.path, kind: f.documents.find((d) => d.kind)?.kind })), source: (file) => texts.get(file) };
}

function within(path: string, scope: string): boolean {
  const rel = relative(scope, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** The text of standard input, refused in one sentence when it cannot be a YAML file. */
function stdinText(bytes: Buffer): string {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UsageError(say('stdinTooLarge', { size: (bytes.length / 1024 / 1024).toFixed(1), max: MAX_FILE_BYTES / 1024 / 1024 }));
  }
  const text = (() => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  })();
  if (text === undefined || text.includes('\0')) {
    throw new UsageError(say('stdinNotText'));
  }
  return text;
}

/** Checks one document from standard input as the file it stands for, in its workspace. */
async function validateStdin(options: ValidateOptions, stdin: NonNullable<ValidateOptions['stdin']>): Promise<ValidateResult> {
  if ((options.paths ?? []).length > 0) {
    throw new UsageError(say('stdinAndPaths'));
  }
  const text = stdinText(stdin.bytes);
  const named = stdin.path === undefined ? undefined : resolve(options.cwd, stdin.path);
  // The workspace is found from the named file's folder, which need not exist yet (a new file).
  let from = named ? dirname(named) : options.cwd;
  while (!(await stat(from).catch(() => undefined))) from = dirname(from);
  const { loadWorkspace } = await import('../workspace/load.js');
  const workspace = await loadWorkspace(options.dir ? { dir: resolve(options.cwd, options.dir) } : { cwd: from });
  const path = named ?? resolve(workspace.root, STDIN_NAME);
  if (!within(path, workspace.root)) {
    throw new UsageError(say('stdinOutside', { path: stdin.path, root: workspace.root }));
  }
  if (relative(workspace.root, path) === CONFIG_FILE) {
    throw new UsageError(say('stdinConfig', { file: CONFIG_FILE }));
  }
  const rel = toPosix(relative(workspace.root, path));
  // Without a name, the document is checked for what it says it is.
  const why = named ? whyNotDocument(rel, { output: workspace.config.output, ignore: workspace.config.ignore }) : undefined;
  if (why !== undefined) {
    return { root: workspace.root, findings: [], fileCount: 0, notChecked: say('notChecked', { file: rel, why }), files: [], source: () => undefined };
  }
  const [{ withNewFile }, { checkWorkspace }] = await Promise.all([import('../edit/edit-workspace-file.js'), import('../rules/check-workspace.js')]);
  const next = withNewFile(workspace, path, text).workspace;
  const result = await checkWorkspace(next, { asOf: options.asOf });
  return { root: workspace.root, findings: result.findings.filter((f) => f.file === path), fileCount: 1, ...checkedFiles(next, next.files.filter((f) => f.path === path)) };
}

/** Checks the workspace and returns the findings, limited to `paths` when given. */
export async function validate(options: ValidateOptions): Promise<ValidateResult> {
  if (options.stdin) return validateStdin(options, options.stdin);
  const scopes: string[] = [];
  for (const p of options.paths ?? []) {
    const abs = resolve(options.cwd, p);
    if (!(await stat(abs).catch(() => undefined))) throw new UsageError(say('noSuchPath', { path: p }));
    scopes.push(abs);
  }
  // Without -C the workspace is found from the first path given (so a path outside the current
  // folder works), or else from the current folder.
  const from = scopes[0] && (await stat(scopes[0])).isFile() ? dirname(scopes[0]) : (scopes[0] ?? options.cwd);
  const root = options.dir ? await findWorkspaceRoot(resolve(options.cwd, options.dir), true) : await findWorkspaceRoot(from);
  for (const scope of scopes) {
    if (!within(scope, root)) throw new UsageError(say('pathOutside', { path: scope, root }));
  }
  const useCache = options.cache ?? false;
  // The rules and the schemas are loaded only when the cache cannot answer.
  const outcome = await checkWithCache(root, { asOf: options.asOf, setting: language(), useCache, env: options.env }, async (source, day) => {
    const [{ checkWorkspace }, { useValidatorCache }, { loadWorkspaceFrom }] = await Promise.all([
      import('../rules/check-workspace.js'),
      import('../schema/index.js'),
      import('../workspace/load.js'),
    ]);
    useValidatorCache(useCache, options.env);
    // Threads from 400 files on unless asked otherwise: they share the files as they go and send
    // data back as JSON, so a worker only takes work off this thread (see load.ts parseTexts).
    const workspace = await loadWorkspaceFrom(source, { workers: options.workers ?? 'auto' });
    return { workspace, findings: (await checkWorkspace(workspace, { asOf: day(workspace) })).findings };
  });
  const inScope = (path: string) => scopes.length === 0 || scopes.some((s) => within(path, s));
  const files = scopes.length === 0 ? outcome.files : outcome.files.filter((f) => inScope(f.path));
  // The note that references into a broken file could not be checked stands in that file, and
  // concerns the files that refer into it: it is kept when only those are asked for.
  const kept = outcome.findings.filter((f) => inScope(f.file) || f.ruleId === 'ref/unchecked');
  return { root, findings: kept, fileCount: files.length, files, source: (file) => outcome.text(file) };
}
