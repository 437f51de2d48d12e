/**
 * A repository for the tests of `changes`: a small workspace in the subfolder kvinnofrid/, three
 * commits with fixed dates and one author, and the working tree changed after the last one.
 *
 * - C1 (2009-05-01) the workspace: a plan, an agreement, a steering group with a notice of its
 *   meeting 2009-05-14 (one item confidential) and a case group.
 * - C2 (2009-05-20) the meeting held (minutes), and every kind of change to the plan, the group
 *   and the agreement; the plan and the meeting moved to other files on the way.
 * - C3 (2009-06-01) the agreement no longer parses (a tab), an action done, the group file renamed
 *   without a change.
 * - Working tree: the agreement fixed with one party signed, a follow-up note, both uncommitted.
 */
import { createRepo, type TestRepo } from '../git/repo.js';

export const WS = 'kvinnofrid';

const people = `kind: people
people:
  - {id: samordnare, name: Samordnare Alfa–Beta, organization: alfa}
  - {id: socchef-alfa, name: Socialchef Alfa, organization: alfa}
  - {id: socchef-beta, name: Socialchef Beta, organization: beta}
  - {id: ers-beta, name: Enhetschef Beta, organization: beta}
  - {id: polis, name: Kommunpolis, organization: polisen}
`;

const organizations = `kind: organizations
organizations:
  - {id: alfa, name: Alfa kommun, type: municipality}
  - {id: beta, name: Beta kommun, type: municipality}
  - {id: polisen, name: Polisen, type: police}
`;

const agreement = (version: 1 | 2 | 'signed') => `kind: agreement
id: avtal
title: Samverkansavtal Alfa och Beta
type: collaboration-agreement
parties:
  - {organization: alfa, role: lead}
  - {organization: beta${version === 'signed' ? ', signed: 2009-06-02' : ''}}
${version === 1 ? '' : '  - {organization: polisen}\n'}purpose: Gemensam samordnare för arbetet mot våld i nära relationer.
mandate: Samordna kommunernas arbete.
authority: Styrgruppen beslutar om handlingsplanen.
resources:
  budget: {amount: 600000, currency: SEK, per: year}
  cost_sharing:
    - {organization: alfa, share: ${version === 1 ? 60 : 55}}
    - {organization: beta, share: ${version === 1 ? 40 : 45}}
term:
  start: 2008-05-01
  end: ${version === 1 ? 'null' : '2011-12-31'}
  notice_months: 6
groups: [styrgrupp]
`;

const group = (version: 1 | 2) => `kind: group
id: styrgrupp
name: Styrgruppen
type: steering
agreement: avtal
decides: true
meetings: {cadence: every 6 weeks, weekday: thursday, time: "13:00", duration_minutes: 120}
members:
  - {person: socchef-alfa, role: ${version === 1 ? 'chair' : 'vice-chair'}}
  - {person: socchef-beta, role: member${version === 1 ? '' : ', until: 2009-05-15'}}
  - {person: samordnare, role: secretary}
${version === 1 ? '' : '  - {person: ers-beta, role: chair, from: 2009-05-16}\n  - {person: polis, role: co-opted, from: 2009-05-16}\n'}`;

const caseGroup = (version: 1 | 2) => `kind: group
id: arende
name: Ärendegruppen
type: case
confidentiality: confidential
members:
  - {person: samordnare, role: chair}
${version === 1 ? '' : '  - {person: polis, role: member}\n'}`;

const plan = (version: 1 | 2 | 3 | 'working') => {
  const v = version === 'working' ? 3 : version;
  return `kind: plan
id: plan
title: Handlingsplan Alfa–Beta
owner: styrgrupp
agreement: avtal
period: {start: 2008-01-01, end: 2010-12-31}
goals:
  - id: m1
    title: Fler våldsutsatta ska få stöd${v === 1 ? '' : ' i tid'}
    indicators:
      - id: i1
        name: Antal ärenden
        direction: increase
        baseline: {period: "2007", value: 10}
        target: {period: "2010", value: ${v === 1 ? 30 : 35}}
${v === 1 ? '' : '        measurements:\n          - {period: "2008", value: 15}\n'}    subgoals:
      - {id: d1, title: Rutiner finns i båda kommunerna}
${v === 1 ? '' : `  - id: m2
    title: Barn som bevittnat våld får stöd
    indicators:
      - {id: i2, name: Barn i stödgrupp, direction: increase}
`}actions:
  - id: a1
    title: Ta fram gemensamma rutiner
    goals: [d1]
    responsible: alfa
    start: 2008-06-01
    due: 2009-12-31
    status: ongoing
    progress: ${v === 1 ? 40 : 60}
${v === 1 ? '' : '    follow_up:\n      - {date: 2009-05-14, progress: 60, note: Rutinerna är på remiss.}\n'}  - {id: a2, title: Utbilda socialtjänsten, goals: [m1], responsible: alfa, due: 2009-04-30, status: ${v === 1 ? 'ongoing' : 'done'}}
  - {id: a3, title: Informationskampanj, goals: [m1], responsible: beta, due: 2009-09-30, status: ${v === 1 ? 'planned' : 'cancelled'}}
  - id: a4
    title: Stödgrupp för barn
    goals: [m1]
    responsible: beta
    due: ${v === 1 ? '2009-09-30' : '2009-10-30'}
    status: ${v === 1 ? 'planned' : 'ongoing'}
${version === 'working' ? '    follow_up:\n      - {date: 2009-06-03, note: Gruppledarna är utbildade.}\n' : ''}${v === 1 ? '  - {id: a6, title: Gemensam webbsida, goals: [m1], responsible: alfa, due: 2009-12-31, status: planned}\n' : `  - {id: a5, title: Samråd med polisen, goals: [m2], responsible: alfa, due: 2009-08-31, status: ${v === 3 ? 'done' : 'planned'}}\n`}`;
};

const meeting = (held: boolean) => `kind: meeting
id: styrgrupp-2009-05-14
group: styrgrupp
date: 2009-05-14
start: "13:00"
end: "15:00"
items:
  - {number: 1, title: Uppföljning av handlingsplanen, type: follow-up, refs: [plan/a1]}
  - {number: 2, title: Budget 2010, type: decision}
  - {number: 3, title: Ett ärende, type: decision, confidential: true}
${held ? `minutes:
  attendance:
    - {person: socchef-alfa, status: present}
    - {person: samordnare, status: present}
  decisions:
    - {item: 2, text: Styrgruppen föreslår oförändrad budget.}
    - {item: 3, text: Ärendet lämnas till ärendegruppen.}
  tasks:
    - {id: t1, item: 2, title: Skicka budgeten till kommunerna, responsible: samordnare, due: 2009-06-15}
    - {id: t2, item: 3, title: Kalla ärendegruppen, responsible: samordnare, due: 2009-05-31}
` : ''}`;

export interface ChangesRepo {
  repo: TestRepo;
  c1: string;
  c2: string;
  c3: string;
}

/** Builds the repository described above. */
export async function buildChangesRepo(): Promise<ChangesRepo> {
  const repo = await createRepo();
  await repo.write({
    'README.md': 'The workspace is in kvinnofrid/.\n',
    [`${WS}/samverkan.yaml`]: 'kind: workspace\nname: Kvinnofrid Alfa–Beta\nlanguage: sv\ntimezone: Europe/Stockholm\n',
    [`${WS}/people.yaml`]: people,
    [`${WS}/organizations.yaml`]: organizations,
    [`${WS}/agreements/avtal.yaml`]: agreement(1),
    [`${WS}/groups/styrgrupp.yaml`]: group(1),
    [`${WS}/groups/arende.yaml`]: caseGroup(1),
    [`${WS}/plans/plan.yaml`]: plan(1),
    [`${WS}/meetings/styrgrupp/2009-05-14.yaml`]: meeting(false),
  });
  const c1 = await repo.commit('Arbetsytan', '2009-05-01');
  await repo.move(`${WS}/plans/plan.yaml`, `${WS}/handlingsplaner/plan.yaml`);
  await repo.move(`${WS}/meetings/styrgrupp/2009-05-14.yaml`, `${WS}/meetings/2009/styrgrupp-05-14.yaml`);
  await repo.write({
    [`${WS}/handlingsplaner/plan.yaml`]: plan(2),
    [`${WS}/meetings/2009/styrgrupp-05-14.yaml`]: meeting(true),
    [`${WS}/groups/styrgrupp.yaml`]: group(2),
    [`${WS}/groups/arende.yaml`]: caseGroup(2),
    [`${WS}/agreements/avtal.yaml`]: agreement(2),
  });
  const c2 = await repo.commit('Protokoll och uppföljning', '2009-05-20');
  await repo.move(`${WS}/groups/styrgrupp.yaml`, `${WS}/groups/styrgruppen.yaml`);
  await repo.write({
    [`${WS}/agreements/avtal.yaml`]: agreement(2).replace('  start: 2008-05-01', '\tstart: 2008-05-01'),
    [`${WS}/handlingsplaner/plan.yaml`]: plan(3),
  });
  const c3 = await repo.commit('Trasig fil', '2009-06-01');
  await repo.write({
    [`${WS}/agreements/avtal.yaml`]: agreement('signed'),
    [`${WS}/handlingsplaner/plan.yaml`]: plan('working'),
  });
  return { repo, c1, c2, c3 };
}
