import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { writeOutputFile } from '../../src/output/write-output.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeOutputFile', () => {
  it('makes the folders, replaces an earlier file, and leaves no temporary file behind', async () => {
    const path = join(dir, 'a/b/report.json');
    await writeOutputFile(path, 'one');
    await writeOutputFile(path, 'two');
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['report.json']);
  });

  it('says in words why a place cannot be written, naming it, and writes nothing', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    await expect(writeOutputFile(join(dir, 'a-file/report.json'), 'x')).rejects.toThrow(
      new UsageError(`Could not write ${join(dir, 'a-file')}: part of the path is a file, not a folder. Give another place to write to, or ask whoever manages that folder.`),
    );
    mkdirSync(join(dir, 'site'));
    await expect(writeOutputFile(join(dir, 'site'), 'x')).rejects.toThrow(/^Could not write .*site: it is a folder\./);
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'site']);
    expect(readdirSync(join(dir, 'site'))).toEqual([]);
    expect(existsSync(join(dir, 'a-file'))).toBe(true);
  });
});
