/**
 * The fast parse (js-yaml) must read every file it takes exactly as the position-keeping parse
 * (the yaml package) does: the same data, no file it takes that the slow parse finds a problem in,
 * the same line starts, the same tree when a position is asked for, and so the same findings.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { claim, fastParse, HERE, mayReadFast, parseShare, SLOW, type ParseAnswer, type ParseJob } from '../../src/workspace/fast-parse.js';
import { parseSource, parseSourceSlowly } from '../../src/workspace/load.js';
import { generateWorkspace } from '../../bench/generate.js';
import { mayReadFastBefore } from './fast-parse-reference.js';

const root = join(import.meta.dirname, '../..');

/** Every YAML file of the example workspaces and the test fixtures. */
function corpus(): Array<{ rel: string; text: string }> {
  const files: Array<{ rel: string; text: string }> = [];
  for (const top of ['plans', 'tests/fixtures']) {
    for (const rel of readdirSync(join(root, top), { recursive: true }).map(String)) {
      if (/\.ya?ml$/.test(rel)) files.push({ rel: `${top}/${rel}`, text: readFileSync(join(root, top, rel), 'utf8') });
    }
  }
  return files;
}

/** The edge cases of the two parsers: each must be read alike, or left to the slow path. */
const EDGE_CASES = [
  'a: 1_000', 'a: 1_000.5', 'a: 017', 'a: 0o17', 'a: 0x1F', 'a: .inf', 'a: -.Inf', 'a: .NaN', 'a: 1e3', 'a: 1e400',
  'a: +12', 'a: -0', 'a: +0', 'a: -0.0', 'a: [-0]', 'a: yes', 'a: on', 'a: True', 'a: FALSE', 'a: 2024-01-01', 'a: 2024-01-01T10:00:00Z', 'a: ~', 'a: 0b101',
  'a: -0x1', 'a: +0o7', 'a: +.5', 'a: -.5', 'a: 12:30', 'a: 1:20:30', 'a: "x"#c', 'a: [b]#c', 'a: {b: c}#c',
  'a:\tb', 'a:\n\t- b', '? a\n: b', ': b', 'null: x', '~: x', '1: x', 'a:\n  1: b\n  "1": c', '[a]: 1', '{a: 1}: 2',
  'a: 1\na: 2', 'a: b\n---\nc: d', '', '# only a comment', '---', '--- \na: 1', 'a: 1\n...\n', 'a: !!str 1', 'a: !x 1',
  '%YAML 1.1\n---\na: yes', 'a: &x 1\nb: *x', 'a: [b,\nc]', 'a:\n  - [b,\n  c]', 'a: "x\\\n\n y"', 'a: "\\x41\\u00e5"',
  'a: |\n  x\n  y\n', 'a: >-\n  x\n  y\n', 'a: |2\n   x', 'a: b\n  c', 'a: b: c', '- a\n- b', 'just a text',
  '\ufeffa: 1', 'a: 1\r\nb: 2\r\n', 'a: b\u2028c', 'a: b\u0085', '__proto__: {x: 1}', 'a: {<<: {b: 1}}', '<<: {b: 1}',
  `a: ${'x'.repeat(1100)}`, `${'k'.repeat(1100)}: 1`, 'a: 9007199254740993', `a: ${'9'.repeat(320)}`,
  'kind: plan\nid: x\nactions:\n  - {id: a1, title: "Steg 1: kartlägga", status: ongoing}\n',
];

/** The slow parse's reading of a text: its documents' data, or that it has a problem. */
function slowReading(text: string): { ok: boolean; data?: unknown[] } {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (docs.some((d) => d.errors.length > 0)) return { ok: false };
  try {
    return { ok: true, data: docs.map((d) => d.toJS({ maxAliasCount: 100 })) };
  } catch {
    return { ok: false };
  }
}

/** Holds one text: if the fast parse takes it, the whole file reads as the slow path reads it. */
function expectSameReading(text: string, rel = 'x.yaml'): boolean {
  const data = fastParse(text.replace(/^\ufeff/, ''));
  if (data === undefined) return false;
  const slow = slowReading(text.replace(/^\ufeff/, ''));
  expect(slow, rel).toEqual({ ok: true, data: [data] });
  const fast = parseSource(`/w/${rel}`, rel, text);
  const reference = parseSourceSlowly(`/w/${rel}`, rel, text);
  expect(fast.problems, rel).toEqual(reference.problems);
  expect(fast.file.text).toBe(reference.file.text);
  expect(fast.file.hadBom).toBe(reference.file.hadBom);
  expect(fast.file.lineCounter.lineStarts, rel).toEqual(reference.file.lineCounter.lineStarts);
  expect(fast.file.documents.map((d) => [d.index, d.kind, d.data]), rel).toEqual(reference.file.documents.map((d) => [d.index, d.kind, d.data]));
  // The tree, parsed when first asked for, is the one the slow path holds: same ranges, same data.
  const [lazy] = fast.file.documents;
  const [eager] = reference.file.documents;
  expect(lazy.yaml.range).toEqual(eager.yaml.range);
  expect(lazy.yaml.toJS()).toEqual(eager.yaml.toJS());
  expect(String(lazy.yaml)).toBe(String(eager.yaml));
  return true;
}

describe('the fast parse', () => {
  it('reads every file of the examples and fixtures as the slow path does, and takes most of them', () => {
    const files = corpus();
    let taken = 0;
    for (const { rel, text } of files) if (expectSameReading(text, rel)) taken++;
    expect(files.length).toBeGreaterThan(100);
    expect(taken / files.length).toBeGreaterThan(0.6);
  });

  it('reads each edge case as the slow path does, or leaves it to the slow path', () => {
    const taken = EDGE_CASES.filter((text) => expectSameReading(text));
    // Plain data is taken; what the parsers read differently is not.
    expect(taken).toEqual(expect.arrayContaining(['a: 1_000', 'a: 017', 'a: 0x1F', 'a: .inf', 'a: yes', 'a: 2024-01-01', 'a: |\n  x\n  y\n']));
    for (const doubtful of ['a: -0', 'a: [-0]', 'a: 0b101', 'a: -0x1', 'a: +.5', 'a: "x"#c', ': b', 'null: x', '[a]: 1', 'a: [b,\nc]', 'a: &x 1\nb: *x', 'a: !!str 1', '%YAML 1.1\n---\na: yes', 'a: 1\r\nb: 2\r\n', 'a: "x\\\n\n y"', `${'k'.repeat(1100)}: 1`]) {
      expect(fastParse(doubtful), doubtful).toBeUndefined();
    }
  });

  it('never takes a text the slow path reads otherwise (generated texts)', () => {
    const keys = ['a', 'id', 'kind', '1', '0x1', 'null', '~', '"q"', "'s'", 'x y', 'å', '[k]', '{k: 1}', '-', '?', '__proto__', '<<', ''];
    const values = [
      '', 'b', '1', '-1', '+1', '-0', '+0', '-0.0', '-00', '1.5', '.5', '-.5', '+.5', '1e3', '1e400', '1_0', '0b1', '0o7', '-0o7', '0x1f', '-0x1f', '017', '.inf', '-.inf', '.nan',
      'true', 'True', 'yes', 'no', 'null', '~', '2024-01-01', '12:30', '"x"', '"x"#c', "'it''s'", '"\\x41"', '"\\q"', '"a\\', '[a, b]', '[a,', 'b]',
      '{a: b}', '{a: b, a: c}', '[a]#c', '&x y', '*x', '!!str y', '!t y', '|', '>-', '# c', 'b # c', 'b#c', 'a: b', '- b', '"x" y', '@x', '`x',
      '%x', 'ä ö', '\u00ad8', '８', '330121-4455', 'x\t', '\\', ',',
    ];
    const line = fc.record({
      indent: fc.constantFrom('', '  ', '    ', ' ', '   ', '\t'),
      dash: fc.constantFrom('', '- ', '- - '),
      key: fc.constantFrom(...keys),
      colon: fc.constantFrom(': ', ':', ' : ', ''),
      value: fc.constantFrom(...values),
    });
    const text = fc.tuple(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, marker]) =>
      `${marker ? '---\n' : ''}${lines.map((l) => `${l.indent}${l.dash}${l.key}${l.colon}${l.value}`).join(eol)}${eol}`,
    );
    // Silences the yaml package's warning about collections as keys, which this property provokes.
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      fc.assert(fc.property(text, (t) => void expectSameReading(t)), { numRuns: 3000, seed: 20261203 });
    } finally {
      warn.mockRestore();
    }
  });

  it('leaves a file that fails to the slow path, which reports it as before (fail closed)', () => {
    for (const text of ['kind: group\nid: g\nid: h\n', 'kind: group\nname: "unclosed\n', 'kind: group\n\tid: g\n']) {
      const fast = parseSource('/w/g.yaml', 'g.yaml', text);
      const slow = parseSourceSlowly('/w/g.yaml', 'g.yaml', text);
      expect(fast.problems.length).toBeGreaterThan(0);
      expect(fast.problems).toEqual(slow.problems);
      expect(fast.file.documents.map((d) => d.data)).toEqual(slow.file.documents.map((d) => d.data));
    }
  });
});

/** A job as load.ts shares it with its workers: the texts' bytes end to end, and a counter at 0. */
function jobOf(texts: readonly string[], threads: number): ParseJob {
  const buffers = texts.map((t) => Buffer.from(t, 'utf8'));
  const ends = new Int32Array(new SharedArrayBuffer(4 * texts.length));
  let total = 0;
  buffers.forEach((b, k) => (ends[k] = total += b.length));
  const bytes = new SharedArrayBuffer(total);
  buffers.forEach((b, k) => new Uint8Array(bytes).set(b, k === 0 ? 0 : ends[k - 1]));
  return { bytes, ends, next: new Int32Array(new SharedArrayBuffer(4)), threads, offset: 0 };
}

describe("a worker's part of the parse", () => {
  it('answers for every file with data JSON carries unchanged, the slow path, or "parse it here"', () => {
    const texts = [
      ...corpus().map((f) => f.text),
      ...EDGE_CASES,
      'a: .nan', 'a: [1, -.inf]', 'a: {b: .Inf}', 'a: -0', 'a: -0.0', 'a: 0', 'a: [x, {y: -0e0}]', 'a: 2025-06-01',
    ];
    const answers: ParseAnswer[] = [];
    parseShare(jobOf(texts, 7), (a) => answers.push(a));
    const byFile = answers.flatMap((a) => a.answers.map((answer, j) => ({ k: a.start + j, answer })));
    expect(byFile.map((a) => a.k)).toEqual(texts.map((_, k) => k));
    let json = 0;
    for (const { k, answer } of byFile) {
      // The worker reads the bytes, as the loader does: a text is what its UTF-8 decodes to.
      const text = Buffer.from(texts[k], 'utf8').toString('utf8').replace(/^\ufeff/, '');
      const data = fastParse(text);
      if (data === undefined) expect(answer, text).toBe(SLOW);
      else if (answer === HERE) expect(JSON.stringify(data), text).toMatch(/null|-?0\b/);
      else {
        json++;
        // Object.is tells -0 from 0 and NaN from itself, which toEqual alone might pass over.
        expect(typeof answer).toBe('string');
        expect(JSON.parse(answer as string), text).toStrictEqual(data);
      }
    }
    expect(json).toBeGreaterThan(texts.length / 2);
    // What the fast parse takes with a number JSON cannot carry is parsed by the loading thread.
    for (const text of ['a: .nan', 'a: [1, -.inf]', 'a: {b: .Inf}']) expect(byFile[texts.indexOf(text)].answer, text).toBe(HERE);
    for (const text of ['a: -0', 'a: -0.0', 'a: [x, {y: -0e0}]']) expect(byFile[texts.indexOf(text)].answer, text).not.toEqual(expect.any(String));
  });

  it('shares out every file once, in large shares first and small ones at the end', () => {
    for (const [count, threads] of [[0, 2], [1, 2], [7, 3], [3204, 2], [10_000, 4]]) {
      const job = jobOf(Array.from({ length: count }, () => 'a: 1\n'), threads);
      const shares: Array<[number, number]> = [];
      for (let share = claim(job); share !== undefined; share = claim(job)) shares.push(share);
      expect(shares.flatMap(([start, end]) => Array.from({ length: end - start }, (_, j) => start + j))).toEqual(Array.from({ length: count }, (_, k) => k));
      for (const [start, end] of shares) expect(end - start).toBeLessThanOrEqual(64);
      if (count > 1000) {
        expect(shares[0][1] - shares[0][0]).toBe(64);
        expect(shares.at(-1)![1] - shares.at(-1)![0]).toBeLessThanOrEqual(2);
      }
    }
  });

  it('takes only the files no other thread has taken off the counter', () => {
    const texts = Array.from({ length: 50 }, (_, i) => `id: f${i}\n`);
    const job = jobOf(texts, 2);
    // Another thread has taken the first 12 files.
    job.next[0] = 12;
    const answers: ParseAnswer[] = [];
    parseShare(job, (a) => answers.push(a));
    const taken = answers.flatMap((a) => a.answers.map((answer, j) => [a.start + j, answer]));
    expect(taken).toEqual(texts.slice(12).map((_, j) => [12 + j, JSON.stringify({ id: `f${12 + j}` })]));
    // A job later in the load numbers its answers after the files of the jobs before it.
    const later: ParseAnswer[] = [];
    parseShare({ ...jobOf(texts.slice(0, 3), 2), offset: 100 }, (a) => later.push(a));
    expect(later.flatMap((a) => a.answers.map((_, j) => a.start + j))).toEqual([100, 101, 102]);
  });
});

describe('the check before the fast parse (one pass over the characters)', () => {
  it('refuses every text the regular expressions it replaced refuse, and takes the same files of the examples, fixtures and a generated workspace', () => {
    const generated = mkdtempSync(join(tmpdir(), 'samverkan-fast-parse-'));
    try {
      generateWorkspace(generated, { plans: 40, groups: 5, meetingsPerGroup: 3 });
      const texts = [
        ...corpus().map((f) => f.text),
        ...readdirSync(generated, { recursive: true }).map(String).filter((rel) => rel.endsWith('.yaml')).map((rel) => readFileSync(join(generated, rel), 'utf8')),
        ...EDGE_CASES,
      ];
      for (const text of texts) expect(mayReadFast(text), text.slice(0, 200)).toBe(mayReadFastBefore(text));
      expect(texts.filter(mayReadFast).length).toBeGreaterThan(texts.length / 2);
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  });

  it('is never less strict than the regular expressions (generated texts)', () => {
    const pieces = [
      'a', 'x', 'n', 'u', 'l', 'N', 'U', 'L', 'null', 'Null', 'NULL', 'nUlL', 'b', 'B', 'e', 'E', '0', '1', '9', '00', ' ', '  ', '-', '- ', '+', '.', ':', ': ',
      '#', '"', "'", '[', ']', '{', '}', ',', '?', '? ', '!', '&', '*', '\\', '~', '<', '<<', '_', '__proto__', '%', '---', '...', '\n', '\t', '\r',
      '\u00a0', '\u2028', '\u3000', '\ufeff', '\u0085', '\u007f', 'é', 'å', '2025-06-01', '-0', '-.5', '1e300', '1e+300', '0b1', '0x1',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        if (mayReadFast(t)) expect(mayReadFastBefore(t), JSON.stringify(t)).toBe(true);
      }),
      { numRuns: 30000, seed: 20261203 },
    );
    const long = fc.tuple(fc.integer({ min: 990, max: 1010 }), fc.constantFrom('a', '9', ' '), fc.boolean()).map(([n, ch, eol]) => `k: ${ch.repeat(n)}${eol ? '\n' : ''}`);
    fc.assert(fc.property(long, (t) => void expect(mayReadFast(t), t.slice(-20)).toBe(mayReadFastBefore(t))), { numRuns: 200, seed: 20261203 });
  });
});
