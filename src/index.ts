/**
 * The programmatic API of samverkan; the CLI is built on it. Nothing here prints or exits:
 * functions return data and throw the typed errors of ./errors.js.
 */
export { loadWorkspace, parseSource, type LoadOptions } from './workspace/load.js';
export type { Workspace, SourceDocument, SourceFile } from './workspace/types.js';
export { checkWorkspace, type CheckOptions, type CheckResult } from './rules/check-workspace.js';
export { RULES } from './rules/registry.js';
export type { Finding, RuleMeta, Severity } from './rules/types.js';
export { validate, type ValidateOptions, type ValidateResult } from './commands/validate.js';
export { bundledSchema } from './schema/index.js';
export * from './errors.js';
export type * from './model/index.js';
export { KINDS, DOCUMENT_KINDS } from './model/index.js';
