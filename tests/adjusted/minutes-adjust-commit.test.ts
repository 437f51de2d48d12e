/**
 * `minutes adjust` commits the adjustment when told to (--commit), asks in a terminal, and
 * otherwise says how to: in real git repositories in temporary folders, with a fixed author and
 * date, checking that the commit holds the meeting file and nothing else that was staged.
 */
import { render } from '@inquirer/testing';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { askCommitAdjustment } from '../../src/cli/prompts.js';
import { runInProcess } from '../helpers/cli.js';
import { answer } from '../helpers/prompts.js';
import { repoRoot } from '../helpers/workspaces.js';
import { git } from './git-repo.js';

const fixture = join(repoRoot, 'tests/fixtures/render/ws');
const MINUTES = 'meetings/styrgrupp/2009-04-30.yaml';
const ADJUST = ['minutes', 'adjust', 'styrgrupp-2009-04-30', '--by', 'ers-beta', '--date', '2009-05-05'];
const AUTHOR = {
  GIT_AUTHOR_NAME: 'Sekreterare Alfa',
  GIT_AUTHOR_EMAIL: 'sekreterare@alfa.example',
  GIT_COMMITTER_NAME: 'Sekreterare Alfa',
  GIT_COMMITTER_EMAIL: 'sekreterare@alfa.example',
  GIT_AUTHOR_DATE: '2009-05-05T15:00:00+02:00',
  GIT_COMMITTER_DATE: '2009-05-05T15:00:00+02:00',
};

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-adjust-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The render fixture committed into a new repository, with another file's change staged and one unstaged. */
function repository(): string {
  const dir = tempDir();
  cpSync(fixture, dir, { recursive: true });
  git(dir, ['init', '-q']);
  git(dir, ['add', '-A', '.'], '2009-05-01');
  git(dir, ['commit', '-q', '-m', 'The workspace'], '2009-05-01');
  writeFileSync(join(dir, 'people.yaml'), `${readFileSync(join(dir, 'people.yaml'), 'utf8')}# staged, not part of the adjustment\n`);
  git(dir, ['add', 'people.yaml']);
  writeFileSync(join(dir, 'samverkan.yaml'), `${readFileSync(join(dir, 'samverkan.yaml'), 'utf8')}# unstaged\n`);
  return dir;
}

const shown = (dir: string, rel: string) => relative(repoRoot, join(dir, rel));

describe('minutes adjust and git', () => {
  it('--commit makes exactly one commit, with only the meeting file, and leaves the staged change staged', async () => {
    const dir = repository();
    const run = await runInProcess([...ADJUST, '-C', dir, '--commit', '--lang', 'sv'], { env: AUTHOR });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const hash = git(dir, ['rev-parse', '--short=7', 'HEAD']).trim();
    expect(run.stdout).toBe(
      `Protokollet från styrgrupp-2009-04-30 är justerat 5 maj 2009 av David Dahl i ${shown(dir, MINUTES)}.\n` +
        `Justeringen är incheckad i git (${hash}: "Justerat protokoll styrgrupp-2009-04-30 (justerat 2009-05-05 av David Dahl)"); bara ${shown(dir, MINUTES)} togs med.\n`,
    );
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('2');
    expect(git(dir, ['show', '--name-only', '--format=%an|%aI|%s', 'HEAD']).trim().split('\n')).toEqual([
      'Sekreterare Alfa|2009-05-05T15:00:00+02:00|Justerat protokoll styrgrupp-2009-04-30 (justerat 2009-05-05 av David Dahl)',
      '',
      MINUTES,
    ]);
    expect(git(dir, ['status', '--porcelain']).split('\n').filter(Boolean).sort()).toEqual([' M samverkan.yaml', 'M  people.yaml']);
    expect(git(dir, ['show', `HEAD:${MINUTES}`])).toContain('  status: adjusted\n  adjusted: {date: 2009-05-05, by: [ers-beta]}\n');
  });

  it('without a terminal and without a flag adjusts, does not commit, and says how to', async () => {
    const dir = repository();
    const run = await runInProcess([...ADJUST, '-C', dir, '--lang', 'en'], { env: AUTHOR });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe(
      `The adjustment is not committed. Commit it with: git commit -m "Adjusted minutes styrgrupp-2009-04-30 (adjusted 2009-05-05 by David Dahl)" -- ${shown(dir, MINUTES)} (or run the command again with --commit).`,
    );
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toContain('status: adjusted');
    // Run again with --commit: already adjusted, and now committed.
    const again = await runInProcess([...ADJUST, '-C', dir, '--commit', '--lang', 'en'], { env: AUTHOR });
    expect(again.stdout).toContain('were already adjusted on 5 May 2009 by David Dahl; nothing was changed.\nThe adjustment is committed to git (');
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('2');
  });

  it('--no-commit neither commits nor asks', async () => {
    const dir = repository();
    const run = await runInProcess([...ADJUST, '-C', dir, '--no-commit'], { env: AUTHOR });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('when git refuses the commit (the repository is locked), adjusts all the same and exits 2 with how to commit by hand', async () => {
    const dir = repository();
    writeFileSync(join(dir, '.git', 'index.lock'), '');
    const run = await runInProcess([...ADJUST, '-C', dir, '--commit', '--lang', 'en'], { env: AUTHOR });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe(`The minutes of styrgrupp-2009-04-30 are adjusted on 5 May 2009 by David Dahl in ${shown(dir, MINUTES)}.\n`);
    expect(run.stderr).toContain(
      `The minutes are adjusted, but git did not commit them (is the repository locked by another git command, does git not know who you are, or did one of the repository's own checks refuse it?). Commit them with: git commit -m "Adjusted minutes styrgrupp-2009-04-30 (adjusted 2009-05-05 by David Dahl)" -- ${shown(dir, MINUTES)}`,
    );
    expect(run.stderr).not.toMatch(/fatal|\n\s+at /);
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toContain('status: adjusted');
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('runs the repository\'s own pre-commit check, and when it refuses, adjusts all the same and commits nothing', async () => {
    const dir = repository();
    writeFileSync(join(dir, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\necho "the organisation\'s check says no" >&2\nexit 1\n', { mode: 0o755 });
    const run = await runInProcess([...ADJUST, '-C', dir, '--commit', '--lang', 'en'], { env: AUTHOR });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did one of the repository\'s own checks refuse it?');
    expect(run.stderr).not.toContain('the organisation');
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toContain('status: adjusted');
    expect(git(dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('outside a repository says so in one sentence and still adjusts', async () => {
    const dir = tempDir();
    cpSync(fixture, dir, { recursive: true });
    const run = await runInProcess([...ADJUST, '-C', dir, '--commit', '--lang', 'sv'], { env: AUTHOR });
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[1]).toBe(`${shown(dir, MINUTES)} ligger inte i något git-arkiv, så justeringen checkades inte in; protokollet är justerat ändå.`);
    expect(readFileSync(join(dir, MINUTES), 'utf8')).toContain('status: adjusted');
  });
});

describe('askCommitAdjustment', () => {
  it('asks in Swedish whether to commit, yes by default', async () => {
    const session = await render(askCommitAdjustment, { lang: 'sv', file: MINUTES });
    await answer(session, `Checka in justeringen i git nu (bara ${MINUTES})?`, '');
    expect(await session.answer).toBe(true);
  });

  it('takes no for an answer, in English', async () => {
    const session = await render(askCommitAdjustment, { lang: 'en', file: MINUTES });
    await answer(session, `Commit the adjustment to git now (only ${MINUTES})?`, 'n');
    expect(await session.answer).toBe(false);
  });
});
