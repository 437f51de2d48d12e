/**
 * Positions of a file the fast parse read, found without the `yaml` package's tree
 * (locateLight in src/workspace/locate.ts), must be the tree's exactly: for every path into the
 * data of the examples, the fixtures, a generated workspace and generated texts, with and without
 * `key`, and for paths that go past what exists. Where the light reading is not sure it answers
 * nothing and the tree is asked, so it must also answer for most paths of ordinary files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineCounter, parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { fastParse } from '../../src/workspace/fast-parse.js';
import { locate, locateLight, type PathSegment } from '../../src/workspace/locate.js';

const root = join(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((rel) => /\.ya?ml$/.test(rel))
    .map((rel) => readFileSync(join(dir, rel), 'utf8'));
}

/** Every path into `data`, and for each a path one step past it that does not exist. */
function pathsOf(data: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((item, i) => pathsOf(item, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, 'x']);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) pathsOf(value, [...prefix, key], out);
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  }
  return out;
}

/** Holds the light spans of one text to the tree's; returns how many paths it answered and how many there were. */
function compare(text: string): { answered: number; paths: number } {
  const clean = text.replace(/^\ufeff/, '');
  const data = fastParse(clean);
  if (data === undefined) return { answered: 0, paths: 0 };
  const lineCounter = new LineCounter();
  const [doc] = parseAllDocuments(clean, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  let answered = 0;
  const paths = pathsOf(data);
  for (const path of paths) {
    for (const key of [false, true]) {
      const light = locateLight(clean, lineCounter, path, { key });
      if (light === undefined) continue;
      answered++;
      expect(light, `${JSON.stringify(path)} key=${key}\n${clean.slice(0, 300)}`).toEqual(locate(doc, lineCounter, path, { key }));
    }
  }
  return { answered, paths: paths.length * 2 };
}

describe('positions without the tree', () => {
  it('are the tree’s for every path of the examples and fixtures', () => {
    let answered = 0;
    for (const text of [...yamlFiles(join(root, 'plans')), ...yamlFiles(join(root, 'tests/fixtures'))]) answered += compare(text).answered;
    expect(answered).toBeGreaterThan(1000);
  });

  it('are the tree’s for every path of a generated workspace, and found for nearly all of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-locate-'));
    try {
      generateWorkspace(dir, { plans: 12, groups: 3, meetingsPerGroup: 3 });
      let answered = 0;
      let paths = 0;
      for (const text of yamlFiles(dir)) {
        const r = compare(text);
        answered += r.answered;
        paths += r.paths;
      }
      expect(paths).toBeGreaterThan(1000);
      // Every path that exists is answered; of those past it, a number into a map is left to the tree.
      expect(answered / paths).toBeGreaterThan(0.85);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are the tree’s, or left to it, in hand-written corners', () => {
    const corners = [
      '# lead comment\n\nkind: plan\nid: p\n',
      'a:\n  # comment before\n  - x\n  - y # after\n',
      'a:\n- x\n- y\nb: 1\n',
      'a: [x, "y z" , {b: c, \'d\': [1, 2]}, []]\nb: {}\n',
      'a:\n  b:\n    c: 1\n  d: 2\n',
      'a: x\n  y\n',
      'a: |\n  x\n',
      'a:\n',
      'a: \'it\'\'s\'\n"b": 2\n\'c d\': 3\n',
      '1: x\ntrue: y\n',
      'a:\n  -\n    b: 1\n  - - x\n',
      'a: x # c\nb: "q" # d\n',
      'a:\n\n  - x\n\n  - y\n',
      'a: x\n\n\n',
      'a: -1\nb: 2025-06-01\nc: 12:30\n',
      'a:\n  - id: x\n    due: 2026-01-28\n    follow_up:\n      - {date: 2025-03-01, note: Arbetet pågår}\n',
      'a:\n  - x\n# between items, at the margin\n  - y\n    # deeper\nb: 1\n',
      'a:\n  b: 1\n# between keys\n  c: 2\n',
      'a: [x, y, ]\nb: [ ]\nc: { }\n',
      'a: b#c\nd: "e # f"\ng: \'h: i\'\n"j: k": l\n',
      'a:\n  -\n    - x\n  -\n    b: c\n',
      'a:\n    b: 1\n    c:\n        - 2\n',
      'a: x\n\n  \nb: y\n',
      'a:   spaced   \nb:\t1\n',
    ];
    for (const text of corners) compare(text);
    // The common cases are answered.
    expect(compare('a:\n  - id: x\n    due: 2026-01-28\n').answered).toBeGreaterThan(0);
  });

  it('are the tree’s for generated documents written in either style', () => {
    const key = fc.constantFrom('a', 'id', 'x y', 'å', 'b-c', '1', 'true', 'null', 'k:v', 'q"', "it's");
    const scalar = fc.oneof(
      fc.constantFrom('x', 'två ord', '', '1', '-1', '2025-06-01', '12:30', 'a: b', 'a #b', 'yes', 'null', "it's", 'x,y', '[x]', 'lång '.repeat(30)),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    const doc = fc.tuple(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.record({ flowLevel: fc.constantFrom(-1, 1, 2), indentSeq: fc.boolean(), comments: fc.boolean(), lineWidth: fc.constantFrom(0, 40) }));
    let answered = 0;
    fc.assert(
      fc.property(doc, ([data, style]) => {
        let text = stringify(data, { flowLevel: style.flowLevel, indentSeq: style.indentSeq, lineWidth: style.lineWidth });
        if (style.comments) text = text.replace(/\n(?=\S)/g, '\n# c\n').replace(/(\S)\n/g, '$1 # c\n');
        const r = compare(text);
        answered += r.answered;
      }),
      { numRuns: 300, seed: 20261203 },
    );
    expect(answered).toBeGreaterThan(5_000);
  });
});
