/**
 * The checked workspace: loaded and checked once, then handed to every command that reads it
 * (render, status, calendar, validate), so that none of them runs the rules again or decides
 * for itself which documents can be trusted.
 */
import { notADate, UsageError } from '../errors.js';
import { Confidentiality, Disclosure, type Definition } from '../model/confidentiality.js';
import { isIsoDate, todayIn } from '../model/dates.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import type { Entry, IdIndex } from './id-index.js';
import { loadWorkspace, type LoadOptions } from './load.js';
import type { Workspace } from './types.js';

export interface CheckedWorkspace {
  workspace: Workspace;
  /** Every finding, sorted by file, line and column. */
  findings: Finding[];
  /** Number of files read. */
  fileCount: number;
  /** The day the checks were told for (YYYY-MM-DD). */
  asOf: string;
  /** Number of findings of each severity. */
  errors: number;
  warnings: number;
  /** What is confidential in this workspace, failing closed on whatever did not load or check. */
  confidentiality: Confidentiality;
}

/** Every definition of each id of a namespace, the duplicates included. */
function definitions(index: IdIndex, map: ReadonlyMap<string, Entry>, namespace: string): Map<string, Definition[]> {
  const result = new Map<string, Definition[]>();
  for (const [id, entry] of map) result.set(id, [{ data: entry.value, valid: entry.doc.valid }]);
  for (const dup of index.duplicates) {
    if (dup.namespace !== namespace) continue;
    result.get(dup.id)?.push({ data: dup.again.value, valid: dup.again.doc.valid });
  }
  return result;
}

/** The confidentiality answers for a workspace whose documents have been checked. */
export function confidentialityOf(workspace: Workspace): Confidentiality {
  const { index } = workspace;
  return new Confidentiality({
    groups: definitions(index, index.groups, 'group'),
    meetings: definitions(index, index.meetings, 'meeting'),
  });
}

/** What one output may show of a checked workspace: everything, or for the public. */
export function disclosureOf(checked: CheckedWorkspace, isPublic: boolean): Disclosure {
  return new Disclosure(checked.confidentiality, isPublic);
}

/** Checks a loaded workspace once, for `asOf` (today in its time zone unless given). */
export async function checkLoadedWorkspace(workspace: Workspace, options: { asOf?: string } = {}): Promise<CheckedWorkspace> {
  // checkWorkspace refuses an --as-of that is not a date.
  const asOf = options.asOf ?? todayIn(workspace.config.timezone);
  const { findings, fileCount } = await checkWorkspace(workspace, { asOf });
  return {
    workspace,
    findings,
    fileCount,
    asOf,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    confidentiality: confidentialityOf(workspace),
  };
}

/** Loads the workspace and checks it once. */
export async function loadCheckedWorkspace(options: LoadOptions & { asOf?: string } = {}): Promise<CheckedWorkspace> {
  // Refused before the files are read, not after.
  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new UsageError(notADate('--as-of', options.asOf));
  }
  return checkLoadedWorkspace(await loadWorkspace(options), { asOf: options.asOf });
}
