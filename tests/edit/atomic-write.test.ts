import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFileAtomic, fingerprint, removeStaleTemporaries, temporaryPath, writeFileAtomic } from '../../src/edit/atomic-write.js';

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-atomic-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The id of a process that has ended, so that no process has it now. */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('temporary files of interrupted edits', () => {
  it('names a temporary after the file and the process writing it', () => {
    expect(temporaryPath('/w/people.yaml')).toMatch(new RegExp(`^/w/\\.people\\.yaml\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`));
  });

  it('the next edit of a file removes what a killed edit of it left, and nothing else', async () => {
    const dir = folder();
    const path = join(dir, 'people.yaml');
    writeFileSync(path, 'kind: people\npeople: []\n');
    const orphan = join(dir, `.people.yaml.${endedPid()}.0123456789ab.tmp`);
    const old = join(dir, `.people.yaml.${process.pid}.aaaaaaaaaaaa.tmp`);
    const oldWithoutPid = join(dir, '.people.yaml.bbbbbbbbbbbb.tmp');
    const running = join(dir, `.people.yaml.${process.pid}.cccccccccccc.tmp`);
    const otherFile = join(dir, `.organizations.yaml.${endedPid()}.dddddddddddd.tmp`);
    const lookalike = join(dir, '.people.yaml.notes.tmp');
    for (const p of [orphan, old, oldWithoutPid, running, otherFile, lookalike]) writeFileSync(p, 'half-written');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const p of [old, oldWithoutPid, lookalike]) utimesSync(p, twoMinutesAgo, twoMinutesAgo);

    await writeFileAtomic(path, 'kind: people\npeople: [] # edited\n', fingerprint(readFileSync(path)));

    expect(readFileSync(path, 'utf8')).toContain('# edited');
    expect(readdirSync(dir).sort()).toEqual([otherFile, lookalike, running, path].map((p) => basename(p)).sort());
  });

  it('a temporary of an edit still running, younger than a minute, is kept', async () => {
    const dir = folder();
    const path = join(dir, 'plan.yaml');
    const fresh = join(dir, `.plan.yaml.${process.ppid}.0123456789ab.tmp`);
    writeFileSync(fresh, 'x');
    expect(await removeStaleTemporaries(path)).toEqual([]);
    expect(existsSync(fresh)).toBe(true);
    expect(await removeStaleTemporaries(path, Date.now() + 61_000)).toEqual([fresh]);
    expect(existsSync(fresh)).toBe(false);
  });

  it('creating a file clears the temporaries a killed creation of it left', async () => {
    const dir = folder();
    const path = join(dir, '2009-06-11.yaml');
    const orphan = join(dir, `.2009-06-11.yaml.${endedPid()}.0123456789ab.tmp`);
    writeFileSync(orphan, 'half');
    await createFileAtomic(path, 'kind: meeting\n');
    expect(readdirSync(dir)).toEqual(['2009-06-11.yaml']);
  });
});
