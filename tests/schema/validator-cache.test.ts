/**
 * The schema validators kept in the user's cache folder as compiled code must judge every document
 * as the validators ajv compiles do, with the same errors (the messages are made from them); and a
 * cache file that is truncated, foreign or edited by hand is never loaded.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS } from '../../src/model/index.js';
import { RULES } from '../../src/rules/registry.js';
import { compileValidatorsForTest } from '../../src/schema/index.js';
import { cacheDir, readCacheFile, writeCacheFile } from '../../src/workspace/cache-dir.js';

const root = join(import.meta.dirname, '../..');

/** Documents to judge: every example file and every rule's good and bad example, valid or not. */
function documents(): unknown[] {
  const docs: unknown[] = [];
  for (const rel of readdirSync(join(root, 'plans'), { recursive: true }).map(String)) {
    if (!rel.endsWith('.yaml') || rel.includes('.schemas')) continue;
    try {
      docs.push(parse(readFileSync(join(root, 'plans', rel), 'utf8')));
    } catch {
      // A file with more than one document is not needed here.
    }
  }
  for (const rule of RULES) {
    for (const text of [rule.example?.bad, rule.example?.good]) {
      if (!text) continue;
      try {
        docs.push(parse(text));
      } catch {
        // An example that is not one YAML document (a YAML error's example) has no schema to meet.
      }
    }
  }
  return docs;
}

describe('the compiled validators in the cache', () => {
  it('judge every example and rule example as the validators ajv compiles, with the same errors', async () => {
    const { compiled, loaded } = await compileValidatorsForTest();
    expect(loaded).toBeDefined();
    let invalid = 0;
    for (const data of documents()) {
      // Every document is judged by every kind's validator, so each meets many errors.
      for (const kind of KINDS) {
        const a = compiled.get(kind)!;
        const b = loaded!.get(kind)!;
        const ok = a(data);
        expect(b(data)).toBe(ok);
        if (!ok) invalid++;
        expect(b.errors ?? null).toEqual(a.errors ?? null);
      }
    }
    expect(invalid).toBeGreaterThan(100);
  });
});

describe('cache files', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'samverkan-cache-'));
    dirs.push(d);
    return d;
  };

  it('live in $XDG_CACHE_HOME/samverkan, else ~/.cache/samverkan, never a relative folder', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/samverkan');
    expect(cacheDir({ HOME: '/home/u' })).toBe('/home/u/.cache/samverkan');
    expect(cacheDir({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/samverkan');
  });

  it('are read back whole for their key, and ignored when truncated, foreign or edited by hand', () => {
    const dir = tempDir();
    writeCacheFile(dir, 'f', 'key-1', 'body\nwith lines\n');
    expect(readCacheFile(dir, 'f', 'key-1')).toBe('body\nwith lines\n');
    expect(readCacheFile(dir, 'f', 'key-2')).toBeUndefined();
    expect(readCacheFile(dir, 'missing', 'key-1')).toBeUndefined();
    const path = join(dir, 'f');
    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole.slice(0, whole.length - 3));
    expect(readCacheFile(dir, 'f', 'key-1')).toBeUndefined();
    writeFileSync(path, whole.replace('with lines', 'with LINES'));
    expect(readCacheFile(dir, 'f', 'key-1')).toBeUndefined();
    writeFileSync(path, 'not a cache file at all');
    expect(readCacheFile(dir, 'f', 'key-1')).toBeUndefined();
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual(['f']);
  });

  it('are not written, and nothing fails, when the folder cannot be made', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), '');
    expect(() => writeCacheFile(join(dir, 'file', 'sub'), 'f', 'k', 'body')).not.toThrow();
    expect(readCacheFile(join(dir, 'file', 'sub'), 'f', 'k')).toBeUndefined();
  });
});
