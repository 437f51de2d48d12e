// Builds a git repository of 100 commits of the example workspace plans/norra-bohuslan, for the
// benchmark of `changes` and `history`: fixed dates and two authors, so the repository is the
// same on every machine. Each commit changes what a coordinator changes in a month: a follow-up
// on an action (progress, a due date moved, a note), now and then a member who joins or leaves a
// group, and every fifth commit a meeting held with its minutes.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const AUTHORS = ['Samordnare Kvinnofrid', 'Sekreterare Styrgruppen'];

/** YYYY-MM-DD, `days` after 2025-01-01. */
function day(days) {
  return new Date(Date.UTC(2025, 0, 1 + days)).toISOString().slice(0, 10);
}

/**
 * Makes `dir` a repository holding the example in the subfolder ws/, and commits it `commits`
 * times. Returns the first commit's hash, the action followed in `history`, and the workspace folder.
 */
export function generateHistoryRepo(root, dir, { commits = 100 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  const ws = join(dir, 'ws');
  mkdirSync(ws, { recursive: true });
  cpSync(join(root, 'plans/norra-bohuslan'), ws, { recursive: true });
  const git = (args, env = {}) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env } }).trim();
  git(['init', '-q', '-b', 'main']);
  const commit = (i, message) => {
    const when = `${day(i)}T12:00:00Z`;
    const author = AUTHORS[i % AUTHORS.length];
    git(['add', '-A']);
    git(['commit', '-q', '-m', message], {
      GIT_AUTHOR_NAME: author,
      GIT_AUTHOR_EMAIL: 'samordnare@example.org',
      GIT_COMMITTER_NAME: author,
      GIT_COMMITTER_EMAIL: 'samordnare@example.org',
      GIT_AUTHOR_DATE: when,
      GIT_COMMITTER_DATE: when,
    });
    return git(['rev-parse', 'HEAD']);
  };
  const first = commit(0, 'Exemplet Norra Bohuslän');

  const planFile = join(ws, 'plans/projektplan-nb.yaml');
  const groupFile = join(ws, 'groups/arbetsgrupp-nb.yaml');
  const people = parseDocument(readFileSync(join(ws, 'people.yaml'), 'utf8'))
    .toJS()
    .people.map((p) => p.id);
  const edit = (file, change) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    change(doc);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
  };
  const followed = 'projektplan-nb/a4';

  for (let i = 1; i < commits; i++) {
    const date = day(i);
    const messages = [];
    // An action every commit; a4, the one `history` follows, every third.
    edit(planFile, (doc) => {
      const actions = doc.get('actions');
      const index = i % 3 === 0 ? actions.items.findIndex((a) => a.get('id') === 'a4') : i % actions.items.length;
      const action = actions.items[index];
      action.set('status', 'ongoing');
      action.set('progress', (i * 7) % 100);
      if (i % 2 === 0) action.set('due', day(i + 90));
      const notes = action.get('follow_up') ?? doc.createNode([]);
      notes.add(doc.createNode({ date, progress: (i * 7) % 100, note: `Uppföljning ${i}: arbetet går framåt.` }));
      action.set('follow_up', notes);
      messages.push(`Uppföljning av ${action.get('id')}`);
    });
    // A member joins every fourth commit, one leaves every seventh.
    if (i % 4 === 0 || i % 7 === 0) {
      edit(groupFile, (doc) => {
        const members = doc.get('members');
        if (i % 4 === 0) {
          const person = people[i % people.length];
          if (!members.items.some((m) => m.get('person') === person && !m.get('until'))) {
            members.add(doc.createNode({ person, role: 'member', from: date }));
            messages.push(`${person} med i arbetsgruppen`);
          }
        } else {
          const member = members.items.find((m) => m.get('role') === 'member' && !m.get('until'));
          if (member) {
            member.set('until', date);
            messages.push(`${member.get('person')} lämnar arbetsgruppen`);
          }
        }
      });
    }
    // A meeting held, with its minutes, every fifth commit.
    if (i % 5 === 0) {
      const id = `styrgrupp-nb-${date}`;
      mkdirSync(join(ws, 'meetings/styrgrupp-nb'), { recursive: true });
      writeFileSync(
        join(ws, `meetings/styrgrupp-nb/${date}.yaml`),
        `kind: meeting\nid: ${id}\ngroup: styrgrupp-nb\ndate: ${date}\nstart: "13:00"\nend: "15:00"\nitems:\n` +
          `  - {number: 1, title: Uppföljning av projektplanen, type: follow-up, refs: [${followed}]}\n` +
          `  - {number: 2, title: Beslut om nästa steg, type: decision}\n` +
          `minutes:\n  attendance:\n    - {person: socialchef-munkedal, status: present}\n    - {person: samordnare-nb, status: present}\n` +
          `  decisions:\n    - {item: 2, text: Styrgruppen beslutar att gå vidare enligt förslaget (${i}).}\n` +
          `  tasks:\n    - {id: t${i}, item: 2, title: Återrapportera till nämnderna, responsible: samordnare-nb, due: ${day(i + 30)}}\n`,
      );
      messages.push(`Möte ${date}`);
    }
    commit(i, messages.join('; '));
  }
  return { first, followed, ws };
}
