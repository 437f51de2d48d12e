/**
 * A file samverkan may not write. The tests run as root, where chmod does not stop writes (and a
 * read-only folder doesn't either), so the "permission denied" the write path would meet is
 * injected instead: what is tested is that it becomes one plain sentence and the file stays.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const failure = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock('../../src/edit/atomic-write.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/edit/atomic-write.js')>();
  const fail = (path: string) => Object.assign(new Error(`${failure.code}: operation not permitted, open '${path}'`), { code: failure.code, path });
  return {
    ...original,
    writeFileAtomic: async (path: string, text: string, expected: string) => {
      if (failure.code) throw fail(path);
      return original.writeFileAtomic(path, text, expected);
    },
    createFileAtomic: async (path: string, text: string) => {
      if (failure.code) throw fail(path);
      return original.createFileAtomic(path, text);
    },
  };
});

const { setAction } = await import('../../src/commands/action.js');
const { createMeeting } = await import('../../src/commands/meeting-new.js');
const { EditConflictError } = await import('../../src/errors.js');
const { loadWorkspace } = await import('../../src/workspace/load.js');
const { loadCheckedWorkspace } = await import('../../src/workspace/checked.js');
const { copyWorkspace, fixture } = await import('../helpers/workspaces.js');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
});
afterEach(() => {
  failure.code = undefined;
  cleanup();
});

describe('a file samverkan may not write', () => {
  for (const code of ['EACCES', 'EPERM', 'EROFS']) {
    it(`turns ${code} on an edit into a plain refusal and leaves the file as it was`, async () => {
      const path = join(dir, 'plans/plan.yaml');
      const before = readFileSync(path, 'utf8');
      failure.code = code;
      const attempt = setAction(await loadWorkspace({ dir }), { ref: 'plan/a1', status: 'done' }, { asOf: '2009-06-01' });
      await expect(attempt).rejects.toBeInstanceOf(EditConflictError);
      await expect(setAction(await loadWorkspace({ dir }), { ref: 'plan/a1', status: 'done' }, { asOf: '2009-06-01' })).rejects.toThrow(
        'plans/plan.yaml is read-only for you, so nothing was written. Make it writable (in a terminal: chmod u+w plans/plan.yaml) or ask whoever manages the files, then run the command again.',
      );
      expect(readFileSync(path, 'utf8')).toBe(before);
    });
  }

  it('says which folder a new meeting could not be created in', async () => {
    failure.code = 'EACCES';
    await expect(createMeeting(await loadCheckedWorkspace({ dir }), { group: 'styrgrupp' }, { asOf: '2009-06-01' })).rejects.toThrow(
      /samverkan may not create files in meetings\/styrgrupp \(the folder is read-only for you\), so nothing was written/,
    );
  });

  it('lets other errors through unchanged', async () => {
    failure.code = 'ENOSPC';
    await expect(setAction(await loadWorkspace({ dir }), { ref: 'plan/a1', status: 'done' }, { asOf: '2009-06-01' })).rejects.toMatchObject({ code: 'ENOSPC' });
  });
});
