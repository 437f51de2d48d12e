/**
 * The listing a re-run answered from the cache starts with (src/workspace/files.ts) is built by
 * appending names instead of normalising paths, asks realpath() only of links, reads names as
 * text and matches plain folder globs without picomatch. It must list exactly what the previous
 * listing did: that listing is kept here as the oracle and both are run over the example
 * workspaces, the fixtures, a generated workspace and a tree of links, odd names and globs.
 */
import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from '../../bench/generate.js';
import { globMatcher, isNeverDocument, listDocumentFiles, toPosix, whyNotDocument } from '../../src/workspace/files.js';

type Options = { output?: string; ignore?: readonly string[] };

/** The listing as it was before it was made fast (commit 61d3ab8), word for word but its messages. */
function previousListing(root: string, options: Options = {}) {
  const isInside = (base: string, path: string) => {
    const rel = relative(base, path);
    return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
  };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const decodeName = (bytes: Buffer) => {
    try {
      return utf8.decode(bytes);
    } catch {
      return undefined;
    }
  };
  const escapedName = (bytes: Buffer) =>
    [...bytes].map((b) => (b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  const realRoot = realpathSync(root);
  const ignored = picomatch([...(options.ignore ?? []), ...(options.output ? [`${options.output.replace(/\/+$/, '')}/**`] : [])], { dot: true });
  const files: Array<{ path: string; rel: string }> = [];
  const skipped: Array<{ path: string; rel: string; reason: string; detail: string }> = [];
  const seenDirs = new Set<string>();
  function visit(dir: string): void {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      skipped.push({ path: dir, rel: toPosix(relative(root, dir)), reason: 'unreadable', detail: (error as Error).message });
      return;
    }
    for (const entry of entries) {
      const name = decodeName(entry.name);
      if (name === undefined) {
        const shown = escapedName(entry.name);
        const isYaml = /\.ya?ml$/i.test(entry.name.toString('latin1'));
        if (entry.isDirectory() || isYaml) {
          const path = join(dir, shown);
          skipped.push({ path, rel: toPosix(relative(root, path)), reason: 'name-encoding', detail: entry.isDirectory() ? 'folder' : 'file' });
        }
        continue;
      }
      if (isNeverDocument(name)) continue;
      const path = join(dir, name);
      const rel = toPosix(relative(root, path));
      if (ignored(rel) || ignored(`${rel}/`)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(path);
        } catch {
          if (/\.ya?ml$/i.test(name)) skipped.push({ path, rel, reason: 'unreadable', detail: 'dangling' });
          continue;
        }
        if (!isInside(realRoot, target)) {
          if (/\.ya?ml$/i.test(name) || statSync(target).isDirectory()) skipped.push({ path, rel, reason: 'outside-workspace', detail: target });
          continue;
        }
        const info = statSync(target);
        isDir = info.isDirectory();
        isFile = info.isFile();
      }
      if (isDir) visit(path);
      else if (isFile && /\.ya?ml$/i.test(name)) files.push({ path, rel });
    }
  }
  visit(root);
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, skipped };
}

/** The new listing, with the dangling link's message replaced as the oracle words it. */
async function listing(root: string, options: Options = {}) {
  const listed = await listDocumentFiles(root, options);
  return { files: listed.files, skipped: listed.skipped.map((s) => (s.reason === 'unreadable' && s.path !== root && statSync(s.path, { throwIfNoEntry: false }) === undefined ? { ...s, detail: 'dangling' } : s)) };
}

const OPTIONS: Options[] = [
  {},
  { output: 'out' },
  { output: 'out/' },
  { output: './out' },
  { output: 'site.v2' },
  { output: 'meetings' },
  { output: 'plans/2024' },
  { output: 'out', ignore: ['drafts/**', '**/*.old.yaml', 'plans/plan-00[0-3]*.yaml', 'groups'] },
  { ignore: ['meetings/**', 'agreements/**'] },
  { ignore: ['{plans,groups}/**', '!x'] },
];

const here = (path: string) => join(import.meta.dirname, path);

describe('listing a workspace', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'samverkan-listing-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('lists what the previous listing listed, in the example workspaces and the fixtures', async () => {
    const roots = [
      ...readdirSync(here('../../plans')).map((d) => here(`../../plans/${d}`)),
      ...['workspaces', 'render', 'hostile', 'commands-b'].flatMap((f) => {
        const folder = here(`../fixtures/${f}`);
        return statSync(folder, { throwIfNoEntry: false }) ? [folder, ...readdirSync(folder).map((d) => join(folder, d)).filter((d) => statSync(d).isDirectory())] : [];
      }),
    ];
    expect(roots.length).toBeGreaterThan(10);
    for (const root of roots) {
      for (const options of OPTIONS) expect(await listing(root, options), `${root} ${JSON.stringify(options)}`).toEqual(previousListing(root, options));
    }
  });

  it('lists what the previous listing listed, in a generated workspace', async () => {
    const root = join(tmp, 'generated');
    generateWorkspace(root, { plans: 40, actionsPerPlan: 1, groups: 4, meetingsPerGroup: 2 });
    mkdirSync(join(root, 'out'), { recursive: true });
    writeFileSync(join(root, 'out', 'x.yaml'), 'kind: plan\n');
    for (const options of OPTIONS) expect(await listing(root, options)).toEqual(previousListing(root, options));
    expect((await listing(root, { output: 'out' })).files.length).toBeGreaterThan(40);
  });

  it('lists what the previous listing listed through links, loops, odd names and tools\' folders', async () => {
    const root = join(tmp, 'odd');
    const outside = join(tmp, 'outside');
    mkdirSync(join(root, 'plans', 'deep', 'deeper'), { recursive: true });
    mkdirSync(join(outside, 'more'), { recursive: true });
    writeFileSync(join(root, 'samverkan.yaml'), 'kind: workspace\n');
    writeFileSync(join(outside, 'far.yaml'), 'kind: plan\n');
    const files = ['plans/a.yaml', 'plans/B.YML', 'plans/deep/deeper/c.yaml', 'plans/notes.md', '.woodpecker.yml', '.github/ci.yaml', 'node_modules/x.yaml', '.hidden/h.yaml', 'out/o.yaml', 'site.v2/s.yaml', 'plans/...yaml', 'plans/\uFFFDvalid.yaml', 'plans/\uFEFFbom.yaml', 'plans/space name.yaml', 'plans/x\\y.yaml'];
    for (const f of files) {
      mkdirSync(join(root, f, '..'), { recursive: true });
      writeFileSync(join(root, f), 'kind: plan\n');
    }
    // Names whose bytes are not UTF-8: a file and a folder.
    writeFileSync(Buffer.concat([Buffer.from(join(root, 'plans/')), Buffer.from([0x66, 0xe5, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]), 'kind: plan\n');
    mkdirSync(Buffer.concat([Buffer.from(join(root, 'plans/')), Buffer.from([0x64, 0xff])]));
    symlinkSync(join(root, 'plans', 'deep'), join(root, 'linked-deep'));
    symlinkSync(root, join(root, 'plans', 'loop'));
    symlinkSync(join(outside, 'far.yaml'), join(root, 'plans', 'far.yaml'));
    symlinkSync(outside, join(root, 'plans', 'far-folder'));
    symlinkSync(join(root, 'nothing.yaml'), join(root, 'plans', 'dangling.yaml'));
    symlinkSync(join(root, 'plans', 'a.yaml'), join(root, 'plans', 'again.yaml'));
    for (const options of OPTIONS) expect(await listing(root, options), JSON.stringify(options)).toEqual(previousListing(root, options));
    // The same workspace given as a path written otherwise, and through a link to it.
    symlinkSync(root, join(tmp, 'odd-link'));
    for (const written of [`${root}/`, join(tmp, 'odd-link'), `${tmp}/./odd`]) {
      expect(await listing(written, { output: 'out' }), written).toEqual(previousListing(written, { output: 'out' }));
    }
    const { files: listed, skipped } = await listing(root, { output: 'out' });
    expect(listed.map((f) => f.rel)).toEqual(expect.arrayContaining(['plans/a.yaml', 'linked-deep/deeper/c.yaml', 'plans/\uFFFDvalid.yaml']));
    expect(skipped.map((s) => s.reason).sort()).toEqual(['name-encoding', 'name-encoding', 'outside-workspace', 'outside-workspace', 'unreadable']);
  });
});

describe('globMatcher', () => {
  const rels = ['out', 'out/', 'out/a.yaml', 'out/deep/b.yaml', 'outer/a.yaml', 'ou', 'site.v2/x.yaml', 'site.v2', 'site/v2/x.yaml', 'a/b', 'a/b/c.yaml', 'a/bc/d.yaml', 'a', 'x/out/a.yaml', '.out/a.yaml', 'out.yaml', 'Out/a.yaml', 'out/.hidden.yaml', 'out/...yaml', 'plans/plan-0001.yaml', 'my-out_1/a.yaml'];
  const globs = ['out/**', 'site.v2/**', 'a/b/**', 'my-out_1/**', 'Out/**', 'out/*', 'out', '**/out/**', '*.yaml', 'plans/plan-000[1-3].yaml', './out/**', 'out/**/', '.out/**', 'a/**/c.yaml', '!out/**', 'out/**/*.yaml'];

  it('matches every path as picomatch does, one glob or several, plain or not', () => {
    const sets = [...globs.map((g) => [g]), globs, ['out/**', 'a/b/**'], ['out/**', '*.yaml'], []];
    for (const set of sets) {
      const fast = globMatcher(set);
      const slow = picomatch(set, { dot: true });
      for (const rel of rels) expect(fast(rel), `${JSON.stringify(set)} ${rel}`).toBe(set.length === 0 ? false : slow(rel));
    }
  });

  it('says why a path is not a document as before, for the output folder and ignore globs', () => {
    expect(whyNotDocument('out/a.yaml', { output: 'out' })).toMatch(/out/);
    expect(whyNotDocument('outer/a.yaml', { output: 'out' })).toBeUndefined();
    expect(whyNotDocument('plans/x.yaml', { ignore: ['plans/**'] })).toBeDefined();
    expect(whyNotDocument('plans/x.yaml', { ignore: ['plans'] })).toBeDefined();
    expect(whyNotDocument('plans/x.yaml', { ignore: ['*.yaml'] })).toBeUndefined();
  });
});
