/** Real git repositories for the tests of adjusted minutes: fixed authors and dates, so hashes and messages repeat. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Runs git in `cwd` as the test's fixed author, with the commit dated `date` (YYYY-MM-DD). */
export function git(cwd: string, args: string[], date = '2009-08-27'): string {
  const when = `${date}T12:00:00+02:00`;
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Sekreterare Alfa',
      GIT_AUTHOR_EMAIL: 'sekreterare@alfa.example',
      GIT_COMMITTER_NAME: 'Sekreterare Alfa',
      GIT_COMMITTER_EMAIL: 'sekreterare@alfa.example',
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
}

/** Writes `text` to `rel` under `dir` and commits everything there, dated `date`. */
export function commitFile(dir: string, rel: string, text: string, message: string, date: string): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
  git(dir, ['add', '-A', '.'], date);
  git(dir, ['commit', '-q', '-m', message], date);
}

/** A meeting of the base fixture's steering group, with its minutes' status and any extra lines under minutes:. */
export function meeting(status: 'draft' | 'adjusted', decision = 'att anta budgeten för 2010.', extra = ''): string {
  return [
    'kind: meeting',
    'id: styrgrupp-2009-08-20',
    'group: styrgrupp',
    'date: 2009-08-20',
    'adjusters: [polis]',
    'items:',
    '  - {title: Budget 2010, id: budget, type: decision}',
    '  - {title: Rapport från samordnaren, type: information}',
    'minutes:',
    `  status: ${status}`,
    ...(status === 'adjusted' ? ['  adjusted: {date: 2009-08-27, by: [polis]}'] : []),
    '  attendance:',
    '    - {person: polis, status: present}',
    '    - {person: samordnare, status: present}',
    '  decisions:',
    `    - {item: 1, text: ${decision}}`,
    extra,
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}

export const MEETING_FILE = 'meetings/styrgrupp/2009-08-20.yaml';
