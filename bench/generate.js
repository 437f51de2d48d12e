// Generates a large workspace for the benchmark: 1,000 plan files of 20 actions each (about
// 8 MB), 50 groups and 500 meetings, all valid, so validate does its full work on every file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const pad = (n, w = 3) => String(n).padStart(w, '0');

export function generateWorkspace(dir, { plans = 1000, actionsPerPlan = 20, groups = 50, meetingsPerGroup = 10 } = {}) {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['plans', 'groups', 'agreements', 'meetings']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'samverkan.yaml'), 'kind: workspace\nname: Benchmark\nlanguage: sv\n');
  const orgs = Array.from({ length: 20 }, (_, i) => `org-${pad(i)}`);
  writeFileSync(
    join(dir, 'organizations.yaml'),
    `kind: organizations\norganizations:\n${orgs.map((id, i) => `  - id: ${id}\n    name: Kommun ${i}\n    type: municipality\n`).join('')}`,
  );
  const people = Array.from({ length: 200 }, (_, i) => `person-${pad(i)}`);
  writeFileSync(
    join(dir, 'people.yaml'),
    `kind: people\npeople:\n${people.map((id, i) => `  - id: ${id}\n    name: Tjänsteperson ${i}\n    organization: ${orgs[i % orgs.length]}\n`).join('')}`,
  );
  writeFileSync(
    join(dir, 'agreements/avtal.yaml'),
    `kind: agreement\nid: avtal\ntitle: Avtal\ntype: collaboration-agreement\nparties:\n${orgs.map((o, i) => `  - organization: ${o}\n${i === 0 ? '    role: lead\n' : ''}`).join('')}purpose: Samverkan.\nmandate: Uppdrag.\nauthority: Befogenhet.\nresources:\n  budget: {amount: 1000000, per: year}\nterm:\n  start: 2020-01-01\n  end: null\n`,
  );
  for (let p = 0; p < plans; p++) {
    const goals = Array.from({ length: 4 }, (_, g) =>
      `  - id: m${g}\n    title: Övergripande mål ${g} för planen med en något längre formulering\n    national_goal: prevention\n    indicators:\n      - id: i${g}\n        name: Indikator ${g}\n        direction: increase\n        baseline: {period: "2020", value: ${g * 10}}\n        target: {period: "2026", value: ${g * 10 + 50}}\n        measurements:\n          - {period: "2022", value: ${g * 10 + 5}}\n    subgoals:\n      - id: d${g}\n        title: Delmål ${g} med en beskrivning av vad som ska uppnås\n`,
    ).join('');
    const actions = Array.from({ length: actionsPerPlan }, (_, a) =>
      `  - id: a${a}\n    title: Aktivitet ${a} i plan ${p} – utbildning och rutiner\n    goals: [d${a % 4}]\n    responsible: ${orgs[(p + a) % orgs.length]}\n    lead: ${people[(p * 7 + a) % people.length]}\n    participants: [${orgs[(p + a + 1) % orgs.length]}, ${orgs[(p + a + 2) % orgs.length]}]\n    start: 2024-0${1 + (a % 9)}-01\n    due: 2026-${pad(1 + (a % 12), 2)}-28\n    status: ${['planned', 'ongoing', 'done'][a % 3]}\n    progress: ${(a * 5) % 100}\n    follow_up:\n      - {date: 2025-03-01, status: ongoing, note: Arbetet pågår enligt plan}\n`,
    ).join('');
    writeFileSync(
      join(dir, 'plans', `plan-${pad(p, 4)}.yaml`),
      `# Handlingsplan ${p}\nkind: plan\nid: plan-${pad(p, 4)}\ntitle: Handlingsplan ${p}\nowner: ${orgs[p % orgs.length]}\nagreement: avtal\nperiod: {start: 2024-01-01, end: 2026-12-31}\nvision: Ingen ska utsättas för våld i nära relationer.\ngoals:\n${goals}actions:\n${actions}`,
    );
  }
  for (let g = 0; g < groups; g++) {
    const id = `grupp-${pad(g)}`;
    const members = Array.from({ length: 8 }, (_, m) => `  - person: ${people[(g * 8 + m) % people.length]}\n    role: ${m === 0 ? 'chair' : m === 1 ? 'secretary' : 'member'}\n`).join('');
    writeFileSync(
      join(dir, 'groups', `${id}.yaml`),
      `kind: group\nid: ${id}\nname: Grupp ${g}\ntype: working\nquorum: majority\nmeetings:\n  cadence: every 6 weeks\n  weekday: thursday\n  time: "13:00"\n  duration_minutes: 120\nmembers:\n${members}`,
    );
    mkdirSync(join(dir, 'meetings', id), { recursive: true });
    for (let m = 0; m < meetingsPerGroup; m++) {
      const date = `2025-${pad(1 + m, 2)}-15`;
      writeFileSync(
        join(dir, 'meetings', id, `${date}.yaml`),
        `kind: meeting\nid: ${id}-${date}\ngroup: ${id}\ndate: ${date}\nstart: "13:00"\nend: "15:00"\nitems:\n  - {title: Uppföljning, type: follow-up, duration_minutes: 30, refs: [plan-${pad((g * 10 + m) % plans, 4)}/a1]}\n  - {title: Beslut, type: decision, duration_minutes: 30}\nminutes:\n  attendance:\n${Array.from({ length: 8 }, (_, k) => `    - {person: ${people[(g * 8 + k) % people.length]}, status: present}\n`).join('')}  decisions:\n    - {item: 2, text: Beslutades.}\n`,
      );
    }
  }
}
