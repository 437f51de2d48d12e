/**
 * A meeting's bilagor: where a `file:` attachment is (relative to the meeting file's folder),
 * whether it is really there, and where a site keeps its copy. The rule that reports a missing
 * attachment, the site that copies attachments and the documents that link to them all ask here.
 */
import { lstat, realpath } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { outsideTarget } from '../workspace/files.js';
import { agendaOf } from './agenda.js';
import type { AgendaItem, MeetingDoc } from './index.js';

/** A `file:` attachment of an agenda item, with its path from the workspace's root. */
export interface FileAttachment {
  /** The item's position in `items:`. */
  itemIndex: number;
  /** The attachment's position in the item's `attachments:`. */
  index: number;
  item: AgendaItem;
  title: string;
  /** As written: relative to the meeting file's folder. */
  file: string;
  /** Relative to the workspace's root, with forward slashes. */
  rel: string;
}

/** The path of a `file:` attachment from the workspace's root, given the meeting file's path from the root. */
export function attachmentRel(meetingFileRel: string, file: string): string {
  return posix.normalize(posix.join(posix.dirname(meetingFileRel), file));
}

/** Every `file:` attachment of a meeting's agenda, in order. */
export function fileAttachments(meeting: MeetingDoc, meetingFileRel: string): FileAttachment[] {
  return agendaOf(meeting).flatMap(({ item, index: itemIndex }) =>
    (item.attachments ?? []).flatMap((a, index) =>
      'file' in a ? [{ itemIndex, index, item, title: a.title, file: a.file, rel: attachmentRel(meetingFileRel, a.file) }] : [],
    ),
  );
}

/** Where an attachment is: a file inside the workspace (its real path), or why it is not. */
export type AttachmentLocation =
  | { state: 'file'; path: string }
  | { state: 'missing' }
  | { state: 'not-a-file' }
  /** A symbolic link (the file or a folder on its way) that leads out of the workspace. */
  | { state: 'outside'; target: string };

/**
 * Finds the attachment at `rel` in the workspace at `root`. Links are followed: one that leads
 * outside the workspace counts as missing, since copying it into a site could publish any file
 * of the machine.
 */
export async function locateAttachment(root: string, rel: string): Promise<AttachmentLocation> {
  // The schema keeps a file: free of "..", so the path itself stays inside; only links can lead out.
  const path = join(root, ...rel.split('/'));
  const outside = await outsideTarget(root, path);
  if (outside !== undefined) return { state: 'outside', target: outside };
  const real = await realpath(path).catch(() => undefined);
  const info = real === undefined ? undefined : await lstat(real).catch(() => undefined);
  if (real === undefined || !info) return { state: 'missing' };
  return info.isFile() ? { state: 'file', path: real } : { state: 'not-a-file' };
}

/** Where a site keeps its copy of a meeting's attachment, relative to the site's folder. */
export function siteAttachmentPath(meetingId: string, file: string): string {
  return posix.join('bilagor', meetingId, posix.normalize(file));
}
