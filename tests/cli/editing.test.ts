/**
 * The editing commands end to end, as a coordinator runs them, on a copy of plans/norra-bohuslan
 * in a temporary folder: the CLI's run() in this process, and `bin/samverkan.js` spawned where a
 * real process matters (the first command, and a file the process may not write). Each edit
 * leaves a workspace that validates, and each refusal leaves every file as it was.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, runInProcess } from '../helpers/cli.js';
import { copyWorkspace, example, repoRoot } from '../helpers/workspaces.js';

const TODAY = ['--as-of', '2026-11-23'];

let ws: { dir: string; cleanup: () => void };
const file = (rel: string) => join(ws.dir, rel);
const read = (rel: string) => readFileSync(file(rel), 'utf8');
const samverkan = (...args: string[]) => runInProcess([...args, '-C', ws.dir]);
/** The real program, in a process of its own. */
const spawned = (...args: string[]) => runCli([...args, '-C', ws.dir]);

/** Every file the test may touch, to prove a refusal changed nothing. */
const WATCHED = ['plans/projektplan-nb.yaml', 'groups/styrgrupp-nb.yaml', 'meetings/styrgrupp-nb/2009-05-14.yaml'];
const snapshot = () => Object.fromEntries(WATCHED.map((rel) => [rel, read(rel)]));

async function validates(): Promise<void> {
  const r = await runInProcess(['validate', '-C', ws.dir, '--as-of', '2026-11-23', '--format', 'json']);
  expect(r.code, r.stdout).toBe(0);
  expect((JSON.parse(r.stdout) as { errorCount: number }).errorCount).toBe(0);
}

beforeEach(() => {
  ws = copyWorkspace(example('norra-bohuslan'));
});
afterEach(() => ws.cleanup());

describe('samverkan meeting new', () => {
  it('writes the next meeting from the cadence, with the overdue plan action to follow up, and the notice renders', async () => {
    const r = spawned('meeting', 'new', 'styrgrupp-nb', ...TODAY);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Created \S*meetings\/styrgrupp-nb\/2027-03-04\.yaml: /);
    expect(r.stdout).toContain('samverkan render meeting styrgrupp-nb-2027-03-04');
    const text = read('meetings/styrgrupp-nb/2027-03-04.yaml');
    expect(text).toMatch(/^(# yaml-language-server: .*\n)?# Skapad av "samverkan meeting new" 2026-11-23 utifrån mötesrytmen i groups\/styrgrupp-nb\.yaml \(var sjätte vecka, torsdagar\)\./);
    // The overdue action is recorded under the follow-up item as it stands today.
    expect(text).toContain('  - {ref: projektplan-nb/a14, title: Modell för stöd och behandling till våldsutsatta kvinnor med missbruksproblematik, responsible: samordnare-nb, due: 2010-03-31, status: ongoing, overdue_since: 2010-03-31}\n');
    await validates();
    const notice = await samverkan('render', 'meeting', 'styrgrupp-nb-2027-03-04', ...TODAY);
    expect(notice.code, notice.stderr).toBe(0);
    expect(notice.stdout.replace(/\u00a0/g, ' ')).toMatch(/^# Kallelse – Styrgrupp Kvinnofrid Norra Bohuslän – 4 mars 2027\n/);
    // The standing items the new meeting copied from the group are on the agenda once.
    expect(notice.stdout.match(/\| Rapport från samordnaren /g)).toHaveLength(1);
    expect(notice.stdout.replace(/\u00a0/g, ' ')).toMatch(/Modell för stöd och behandling till våldsutsatta kvinnor med missbruksproblematik\s*\| Samordnare[^|]*\| 31 mars 2010\s*\|[^|]*försenad sedan/);
    expect(notice.stdout.replace(/\u00a0/g, ' ')).toContain('torsdag 4 mars 2027');
  });

  it('takes --date, and names an unknown group and a date that is not one', async () => {
    expect((await samverkan('meeting', 'new', 'styrgrupp-nb', '--date', '2027-01-07', ...TODAY)).code).toBe(0);
    expect(read('meetings/styrgrupp-nb/2027-01-07.yaml')).toContain('date: 2027-01-07');
    const unknown = await samverkan('meeting', 'new', 'styrgruppen', ...TODAY);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/There is no group "styrgruppen".*arbetsgrupp-nb, referensgrupp-nb, styrgrupp-nb/);
    const badDate = await samverkan('meeting', 'new', 'styrgrupp-nb', '--date', '2027-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/2027-02-30/);
    expect(badDate.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('samverkan action', () => {
  it('add appends an action and set records a dated follow-up; comments and other lines stay as they were', async () => {
    const before = read('plans/projektplan-nb.yaml');
    const add = await samverkan('action', 'add', 'projektplan-nb', '--title', 'Samla erfarenheterna i en slutrapport', '--responsible', 'munkedal', '--due', '2010-03-31', ...TODAY);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added action a16');
    const set = await samverkan('action', 'set', 'projektplan-nb/a14', '--status', 'cancelled', '--note', 'Förs över till den ordinarie verksamheten.', ...TODAY);
    expect(set.code, set.stderr).toBe(0);
    const after = read('plans/projektplan-nb.yaml');
    expect(after).toContain('- {date: 2026-11-23, status: cancelled, progress: 40, note: Förs över till den ordinarie verksamheten.}');
    // Every line of the original is still there, in order: the edits only changed status and added lines.
    const kept = before.split('\n').filter((line) => !/^\s+status: ongoing$/.test(line));
    let at = 0;
    const lines = after.split('\n');
    for (const line of kept) {
      at = lines.indexOf(line, at);
      expect(at, `lost: ${line}`).toBeGreaterThanOrEqual(0);
    }
    expect(after).toContain('# Avsiktligt försenad i exemplet');
    await validates();
    // A Swedish spelling of a status is written as the status itself.
    const swedish = await samverkan('action', 'set', 'projektplan-nb/a14', '--status', 'pågående', ...TODAY);
    expect(swedish.code, swedish.stderr).toBe(0);
    expect(read('plans/projektplan-nb.yaml')).toContain('{date: 2026-11-23, status: ongoing');
    expect(read('plans/projektplan-nb.yaml')).not.toContain('pågående');
  });

  it('without the flags it needs, and no terminal to ask on, says which flags to give and writes nothing', async () => {
    const before = snapshot();
    const r = await samverkan('action', 'add', 'projektplan-nb');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--title, --responsible and --due are missing, and input is not a terminal/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a status that is not one, an unknown action, and a plan with a syntax error, and writes nothing', async () => {
    const before = snapshot();
    const status = await samverkan('action', 'set', 'projektplan-nb/a14', '--status', 'halvklar');
    expect(status.code).toBe(2);
    expect(status.stderr).toMatch(/planned, ongoing, done, paused, cancelled/);
    // A Swedish spelling that could mean two statuses is refused, naming both.
    const ambiguous = await samverkan('action', 'set', 'projektplan-nb/a14', '--status', 'avslutad');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toMatch(/"avslutad" (?:could mean|kan betyda både) "done" (?:and|och) "cancelled".*(?:Write|Skriv) "done" (?:or|eller) "cancelled"/);
    const unknown = await samverkan('action', 'set', 'projektplan-nb/a99', '--status', 'done');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/a99/);
    expect(snapshot()).toEqual(before);

    writeFileSync(file('plans/projektplan-nb.yaml'), `${before['plans/projektplan-nb.yaml']}broken: [\n`);
    const broken = await samverkan('action', 'set', 'projektplan-nb/a14', '--status', 'done');
    // A file to fix is a problem in the workspace (1), like a validation error; a bad option is a usage error (2).
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/plans\/projektplan-nb\.yaml.*not valid YAML.*samverkan validate/s);
    expect(read('plans/projektplan-nb.yaml')).toBe(`${before['plans/projektplan-nb.yaml']}broken: [\n`);
  });
});

describe('samverkan member', () => {
  it('add puts a person on the roster and remove ends a membership, keeping it as history', async () => {
    const add = await samverkan('member', 'add', 'styrgrupp-nb', '--person', 'ifo-chef-tanum', '--role', 'member', '--represents', 'tanum', ...TODAY);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added IFO-chef Tanum (ifo-chef-tanum) to Styrgrupp Kvinnofrid Norra Bohuslän as member from 2026-11-23');
    const remove = await samverkan('member', 'remove', 'styrgrupp-nb', '--person', 'socialchef-stromstad', '--until', '2026-12-31', ...TODAY);
    expect(remove.code, remove.stderr).toBe(0);
    const roster = read('groups/styrgrupp-nb.yaml');
    expect(roster).toContain('{person: socialchef-stromstad, role: member, represents: stromstad, from: 2008-02-01, until: 2026-12-31}');
    expect(roster).toMatch(/person: ifo-chef-tanum/);
    await validates();
  });

  it('refuses a person who is not in people.yaml, and writes nothing', async () => {
    const before = snapshot();
    const r = await samverkan('member', 'add', 'styrgrupp-nb', '--person', 'anna-andersson', '--role', 'member', ...TODAY);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/anna-andersson/);
    expect(snapshot()).toEqual(before);
  });
});

describe('samverkan task done', () => {
  it('marks an open task of earlier minutes done, and says so when it already is', async () => {
    const rel = 'meetings/styrgrupp-nb/2009-05-14.yaml';
    writeFileSync(file(rel), read(rel).replace(/(\n  tasks:\n)/, '$1    - {id: t9, title: Boka lokal för nästa utbildningsdag, responsible: samordnare-nb, due: 2009-06-30}\n'));
    const done = await samverkan('task', 'done', 'styrgrupp-nb-2009-05-14/t9', ...TODAY);
    expect(done.code, done.stderr).toBe(0);
    expect(read(rel)).toContain('- {id: t9, title: Boka lokal för nästa utbildningsdag, responsible: samordnare-nb, due: 2009-06-30, done: true}');
    const again = await samverkan('task', 'done', 'styrgrupp-nb-2009-05-14/t9', ...TODAY);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already done; nothing was changed/);
    await validates();
  });
});

/** Gives a folder tree to another user, so that a process of theirs meets real file permissions. */
function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

describe('a read-only file', () => {
  // Root may write any file, so as root the command runs as the unprivileged user "nobody"
  // (setpriv, from util-linux); as anyone else, chmod is enough.
  const asRoot = process.getuid?.() === 0;
  const dropTo = ['--reuid', '65534', '--regid', '65534', '--clear-groups'];
  // The checkout must be readable by "nobody" too (it is not under a private home folder, say).
  const canDrop =
    !asRoot ||
    (existsSync('/usr/bin/setpriv') &&
      spawnSync('/usr/bin/setpriv', [...dropTo, process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(join(repoRoot, 'dist/cli/bin.js'))})`]).status === 0);
  if (!canDrop) console.warn('Skipping the read-only file test: running as root, and the user "nobody" cannot run samverkan from this checkout.');

  it.skipIf(!canDrop)('is refused with a plain sentence, exit 1, and stays as it was', () => {
    const rel = 'plans/projektplan-nb.yaml';
    const before = read(rel);
    if (asRoot) chownTree(ws.dir, 65534);
    chmodSync(file(rel), 0o444);
    const args = [join(repoRoot, 'bin/samverkan.js'), 'action', 'set', 'projektplan-nb/a14', '--status', 'done', '-C', ws.dir];
    const r = asRoot
      ? spawnSync('/usr/bin/setpriv', [...dropTo, process.execPath, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: ws.dir, SAMVERKAN_LANG: 'en' } })
      : spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, SAMVERKAN_LANG: 'en' } });
    expect(r.stderr).toMatch(/plans\/projektplan-nb\.yaml is read-only for you, so nothing was written\. Make it writable \(in a terminal: chmod u\+w plans\/projektplan-nb\.yaml\)/);
    expect(r.status).toBe(1);
    expect(read(rel)).toBe(before);
    chmodSync(file(rel), 0o644);
  });
});
