import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { writeFileAtomic, fingerprint, createFileAtomic } from '../../src/edit/atomic-write.js';
import { commitFileEdit } from '../../src/edit/edit-workspace-file.js';
import { appendToSequence, applyEdits, setScalar } from '../../src/edit/text-edits.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

const PLAN = `# Handlingsplan, reviderad av styrgruppen
kind: plan
id: p

actions:
  - id: a1   # the first action
    title: 'Utbilda personal'
    due: 2009-12-31
    status: planned
    follow_up:
      - {date: 2009-01-10, note: "Start"}

  - id: a2
    title: Rutiner
    due: 2010-06-30
    status: ongoing
tags: [a, b]
# the end
`;

/** Lines of `after` that are not in `before`, and the reverse: what an edit changed. */
function diffLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { removed: a.filter((l) => !b.includes(l)), added: b.filter((l) => !a.includes(l)) };
}

describe('text edits', () => {
  it('replaces one value and leaves every other byte alone', () => {
    const doc = parseDocument(PLAN);
    const out = applyEdits(PLAN, [setScalar(doc, PLAN, ['actions', 0, 'status'], 'done')]);
    expect(diffLines(PLAN, out)).toEqual({ removed: ['    status: planned'], added: ['    status: done'] });
  });

  it('adds a missing key at the end of its map, at the map\'s indentation', () => {
    const doc = parseDocument(PLAN);
    const out = applyEdits(PLAN, [setScalar(doc, PLAN, ['actions', 1, 'progress'], 50)]);
    expect(out).toContain('    status: ongoing\n    progress: 50\ntags: [a, b]');
    expect(parse(out).actions[1].progress).toBe(50);
  });

  it('appends to block and flow sequences in their own style', () => {
    const doc = parseDocument(PLAN);
    const out = applyEdits(PLAN, [
      appendToSequence(doc, PLAN, ['actions', 0, 'follow_up'], { date: '2009-06-01', status: 'done', note: 'Klart: alla utbildade' }),
      appendToSequence(doc, PLAN, ['tags'], 'c'),
    ]);
    const data = parse(out);
    expect(data.actions[0].follow_up[1]).toEqual({ date: '2009-06-01', status: 'done', note: 'Klart: alla utbildade' });
    expect(data.tags).toEqual(['a', 'b', 'c']);
    expect(diffLines(PLAN, out).removed).toEqual(['tags: [a, b]']);
  });

  it('creates a missing list with its first item', () => {
    const doc = parseDocument(PLAN);
    const out = applyEdits(PLAN, [appendToSequence(doc, PLAN, ['actions', 1, 'follow_up'], { date: '2009-06-01', note: 'Ny' })]);
    expect(parse(out).actions[1].follow_up).toEqual([{ date: '2009-06-01', note: 'Ny' }]);
    expect(diffLines(PLAN, out).removed).toEqual([]);
  });

  it('keeps CRLF line ends', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const doc = parseDocument(crlf);
    const out = applyEdits(crlf, [setScalar(doc, crlf, ['actions', 1, 'progress'], 10)]);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});

describe('writing edits', () => {
  it('refuses to overwrite a file that changed since it was read', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      const path = join(dir, 'plans/plan.yaml');
      const original = readFileSync(path, 'utf8');
      writeFileSync(path, `${original}# someone else's line\n`);
      await expect(writeFileAtomic(path, 'kind: plan\n', fingerprint(original))).rejects.toThrow(/changed on disk/);
      expect(readFileSync(path, 'utf8')).toBe(`${original}# someone else's line\n`);
      await expect(createFileAtomic(path, 'x')).rejects.toThrow(/already exists/);
    } finally {
      cleanup();
    }
  });

  it('refuses an edit that would make the workspace invalid, and writes a valid one', async () => {
    const { dir, cleanup } = copyWorkspace(fixture('clean'));
    try {
      const ws = await loadWorkspace({ dir });
      const file = ws.files.find((f) => f.rel === 'plans/plan.yaml')!;
      const doc = file.documents[0].yaml;
      const bad = applyEdits(file.text, [setScalar(doc, file.text, ['actions', 0, 'responsible'], 'no-such-org')]);
      await expect(commitFileEdit(ws, file, bad, { asOf: '2009-06-01' })).rejects.toThrow(/invalid, so nothing was written: line \d+: "no-such-org" names no organisation/);
      expect(readFileSync(file.path, 'utf8')).toBe(file.text);
      const good = applyEdits(file.text, [setScalar(doc, file.text, ['actions', 0, 'status'], 'done')]);
      await commitFileEdit(ws, file, good, { asOf: '2009-06-01' });
      expect(readFileSync(file.path, 'utf8')).toBe(good);
    } finally {
      cleanup();
    }
  });
});
