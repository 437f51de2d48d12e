/**
 * A repository for the tests of `history`: a workspace in the subfolder samverkan/, five commits
 * with fixed dates and two authors, and the working tree changed after the last one.
 *
 * - C1 (2024-01-10, Samordnare) the workspace: a plan with action a1, goal m1 and indicator i1,
 *   a steering group, a case group, and a notice of the steering group's meeting 2024-02-01
 *   (item 3 confidential).
 * - C2 (2024-02-05, Sekreterare) the meeting held: a decision from item 2 and one from item 3,
 *   a task; a1 under way with a follow-up; the police join the steering group; the case group
 *   gets a member.
 * - C3 (2024-03-01, Samordnare) plans/plan.yaml renamed to plans/handlingsplan.yaml, unchanged,
 *   and the group file renamed: no change to anything followed.
 * - C4 (2024-04-02, Samordnare) the plan moved into plans/alla-planer.yaml beside another plan
 *   (an id moved to another file), and in the same commit a1 due three months later, a new
 *   measurement of i1, m1 renamed; the minutes adjusted; a member leaves, a new chair.
 * - C5 (2024-05-02, Sekreterare) a1 done; a2 added.
 * - Working tree: a new follow-up note on a1, not committed.
 */
import { createRepo, type TestRepo } from '../git/repo.js';

export const WS = 'samverkan';

const people = `kind: people
people:
  - {id: samordnare, name: Samordnare Alfa, organization: alfa}
  - {id: socchef, name: Socialchef Alfa, organization: alfa}
  - {id: enhetschef, name: Enhetschef Alfa, organization: alfa}
  - {id: polis, name: Kommunpolis, organization: polisen}
`;

const organizations = `kind: organizations
organizations:
  - {id: alfa, name: Alfa kommun, type: municipality}
  - {id: polisen, name: Polisen, type: police}
`;

const group = (v: 1 | 2 | 4) => `kind: group
id: styrgrupp
name: Styrgruppen
type: steering
decides: true
members:
  - {person: socchef, role: ${v === 4 ? 'member' : 'chair'}${v === 4 ? ', until: 2024-03-31' : ''}}
  - {person: samordnare, role: secretary}
${v === 1 ? '' : `  - {person: polis, role: member, from: 2024-02-05}\n`}${v === 4 ? '  - {person: enhetschef, role: chair, from: 2024-04-01}\n' : ''}`;

const caseGroup = (v: 1 | 2) => `kind: group
id: arende
name: Ärendegruppen
type: case
members:
  - {person: samordnare, role: chair}
${v === 1 ? '' : '  - {person: polis, role: member}\n'}`;

const plan = (v: 1 | 2 | 4 | 5 | 'working') => {
  const n = v === 'working' ? 5 : v;
  const notes = [
    ...(n >= 2 ? ['      - {date: 2024-02-01, progress: 30, note: Ett första utkast finns.}'] : []),
    ...(v === 'working' ? ['      - {date: 2024-05-20, note: Rutinerna är antagna i båda nämnderna.}'] : []),
  ];
  return `kind: plan
id: plan
title: Handlingsplan Alfa
owner: styrgrupp
period: {start: 2024-01-01, end: 2025-12-31}
goals:
  - id: m1
    title: ${n >= 4 ? 'Fler får stöd i tid' : 'Fler får stöd'}
    indicators:
      - id: i1
        name: Antal ärenden
        direction: increase
        baseline: {period: "2023", value: 10}
        target: {period: "2025", value: 30}
${n >= 4 ? '        measurements:\n          - {period: "2024", value: 14}\n' : ''}actions:
  - id: a1
    title: Ta fram gemensamma rutiner
    goals: [m1]
    responsible: alfa
    due: ${n >= 4 ? '2024-09-30' : '2024-06-30'}
    status: ${n >= 5 ? 'done' : n >= 2 ? 'ongoing' : 'planned'}
${n >= 2 && n < 5 ? '    progress: 30\n' : ''}${notes.length > 0 ? `    follow_up:\n${notes.join('\n')}\n` : ''}${n >= 5 ? '  - {id: a2, title: Utbilda socialtjänsten, goals: [m1], responsible: alfa, due: 2024-12-31, status: planned}\n' : ''}`;
};

const otherPlan = `kind: plan
id: plan-polis
title: Polisens plan
owner: styrgrupp
period: {start: 2024-01-01, end: 2025-12-31}
actions:
  - {id: a1, title: Utbilda poliser, responsible: polisen, due: 2024-10-31, status: planned}
`;

const meeting = (v: 1 | 2 | 4) => `kind: meeting
id: styrgrupp-2024-02-01
group: styrgrupp
date: 2024-02-01
start: "13:00"
end: "15:00"
items:
  - {number: 1, title: Uppföljning av handlingsplanen, type: follow-up, refs: [plan/a1]}
  - {number: 2, title: Budget 2025, type: decision}
  - {number: 3, title: Ett ärende, type: decision, confidential: true}
${v === 1 ? '' : `minutes:
${v === 4 ? '  status: adjusted\n  adjusted: {date: 2024-02-08, by: [socchef]}\n' : ''}  attendance:
    - {person: socchef, status: present}
    - {person: samordnare, status: present}
  decisions:
    - {item: 2, text: Styrgruppen föreslår oförändrad budget.}
    - {item: 3, text: Ärendet lämnas till ärendegruppen.}
  tasks:
    - {id: t1, item: 2, title: Skicka budgeten till kommunen, responsible: samordnare, due: 2024-02-15}
`}`;

const caseMeeting = `kind: meeting
id: arende-2024-02-02
group: arende
date: 2024-02-02
start: "09:00"
end: "10:00"
items:
  - {number: 1, title: Ärenden, type: discussion}
`;

export interface HistoryRepo {
  repo: TestRepo;
  /** The commits C1…C5. */
  commits: string[];
}

/** Builds the repository described above. */
export async function buildHistoryRepo(): Promise<HistoryRepo> {
  const repo = await createRepo();
  const commits: string[] = [];
  await repo.write({
    'README.md': 'The workspace is in samverkan/.\n',
    [`${WS}/samverkan.yaml`]: 'kind: workspace\nname: Kvinnofrid Alfa\nlanguage: sv\ntimezone: Europe/Stockholm\n',
    [`${WS}/people.yaml`]: people,
    [`${WS}/organizations.yaml`]: organizations,
    [`${WS}/groups/styrgrupp.yaml`]: group(1),
    [`${WS}/groups/arende.yaml`]: caseGroup(1),
    [`${WS}/plans/plan.yaml`]: plan(1),
    [`${WS}/meetings/styrgrupp/2024-02-01.yaml`]: meeting(1),
    [`${WS}/meetings/arende/2024-02-02.yaml`]: caseMeeting,
  });
  commits.push(await repo.commit('Arbetsytan', '2024-01-10', 'Samordnare Alfa'));
  await repo.write({
    [`${WS}/plans/plan.yaml`]: plan(2),
    [`${WS}/groups/styrgrupp.yaml`]: group(2),
    [`${WS}/groups/arende.yaml`]: caseGroup(2),
    [`${WS}/meetings/styrgrupp/2024-02-01.yaml`]: meeting(2),
    [`${WS}/meetings/arende/2024-02-02.yaml`]: caseMeeting.replace('type: discussion}', 'type: discussion}\nminutes:\n  attendance:\n    - {person: samordnare, status: present}\n'),
  });
  commits.push(await repo.commit('Protokoll och uppföljning', '2024-02-05', 'Sekreterare Alfa'));
  await repo.move(`${WS}/plans/plan.yaml`, `${WS}/plans/handlingsplan.yaml`);
  await repo.move(`${WS}/groups/styrgrupp.yaml`, `${WS}/groups/styrgruppen.yaml`);
  commits.push(await repo.commit('Byt filnamn', '2024-03-01', 'Samordnare Alfa'));
  await repo.write({
    [`${WS}/plans/handlingsplan.yaml`]: null,
    [`${WS}/plans/alla-planer.yaml`]: `${otherPlan}---\n${plan(4)}`,
    [`${WS}/groups/styrgruppen.yaml`]: group(4),
    [`${WS}/meetings/styrgrupp/2024-02-01.yaml`]: meeting(4),
  });
  commits.push(await repo.commit('Planerna i en fil; ny ordförande', '2024-04-02', 'Samordnare Alfa'));
  await repo.write({ [`${WS}/plans/alla-planer.yaml`]: `${otherPlan}---\n${plan(5)}` });
  commits.push(await repo.commit('Rutinerna klara', '2024-05-02', 'Sekreterare Alfa'));
  await repo.write({ [`${WS}/plans/alla-planer.yaml`]: `${otherPlan}---\n${plan('working')}` });
  return { repo, commits };
}
