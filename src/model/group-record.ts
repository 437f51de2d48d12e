/**
 * What record a group keeps of its meetings, and the secrecy marking its documents carry: the one
 * home of "does this group decide" and "what marking goes at the top". Render, the minutes
 * commands and the rules ask here.
 *
 * A group that decides keeps a protokoll with decisions and a signature page; a case group
 * (ärendegrupp) only advises, because each agency decides in its own case, so its record gives
 * the group's advice; every other group keeps minnesanteckningar (notes) and signs nothing.
 */
import type { GroupDoc } from './index.js';
import { isConfidentialGroupDoc } from './confidentiality.js';

/** decisions: protokoll with beslut; advice: a case group's råd; notes: minnesanteckningar. */
export type RecordKind = 'decisions' | 'advice' | 'notes';

/**
 * True if the group takes decisions: what its `decides` says, and when it says nothing, only a
 * steering group does. A case group never does, whatever its file says.
 */
export function groupDecides(group: Pick<GroupDoc, 'type' | 'decides'> | undefined): boolean {
  if (!group || group.type === 'case') return false;
  return group.decides ?? group.type === 'steering';
}

/** The kind of record the group's minutes are. */
export function recordKindOf(group: Pick<GroupDoc, 'type' | 'decides'> | undefined): RecordKind {
  if (group?.type === 'case') return 'advice';
  return groupDecides(group) ? 'decisions' : 'notes';
}

/** True if minutes of this kind are signed (sekreterare, ordförande, justerare): only a decision record is. */
export function isSignedRecord(kind: RecordKind): boolean {
  return kind === 'decisions';
}

/** The secrecy marking of a group's documents; `provision` undefined means the default text applies. */
export interface SecrecyMarking {
  provision?: string;
  by?: string;
  date?: string;
}

/**
 * The marking at the top of every document of the group, or undefined for a group whose
 * documents are not confidential. A confidential group that names no provision still gets a
 * marking (with the default text, and a warning from group/secrecy-provision): when in doubt, mark.
 */
export function secrecyMarkingOf(group: unknown): SecrecyMarking | undefined {
  if (!isConfidentialGroupDoc(group)) {
    // A group that names a provision is marked even if it is not confidential: someone decided it.
    const own = (group as Partial<GroupDoc> | undefined)?.secrecy;
    return own ? { ...own } : undefined;
  }
  const secrecy = (group as Partial<GroupDoc> | null | undefined)?.secrecy;
  return secrecy ? { provision: secrecy.provision, by: secrecy.by, date: secrecy.date } : {};
}

/** True if the group's documents must carry a marking but its file names no provision. */
export function lacksSecrecyProvision(group: unknown): boolean {
  return isConfidentialGroupDoc(group) && !(group as Partial<GroupDoc> | undefined)?.secrecy?.provision;
}
