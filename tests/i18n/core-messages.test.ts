// The core's refusals are said in the language of the messages: one case per command or layer,
// each checked in Swedish and in English, with the whole sentence (what, where, how to fix).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAction, setAction } from '../../src/commands/action.js';
import { calendar } from '../../src/commands/calendar.js';
import { changes } from '../../src/commands/changes.js';
import { parseOrganizationSpec } from '../../src/commands/init.js';
import { createMeeting } from '../../src/commands/meeting-new.js';
import { addMember, removeMember } from '../../src/commands/member.js';
import { newMinutes } from '../../src/commands/minutes.js';
import { render } from '../../src/commands/render.js';
import { listRules } from '../../src/commands/rules.js';
import { markTaskDone } from '../../src/commands/task.js';
import { validate } from '../../src/commands/validate.js';
import { documentToEdit } from '../../src/edit/edit-workspace-file.js';
import { gitError, openRepo } from '../../src/git/git.js';
import { setLanguage, type Lang } from '../../src/i18n/messages.js';
import { explainWriteFailure } from '../../src/output/write-output.js';
import { findBrowser } from '../../src/render/browser.js';
import { sarifLog } from '../../src/report/sarif.js';
import { stylish } from '../../src/report/stylish.js';
import { summaryLine } from '../../src/report/summary.js';
import type { Finding } from '../../src/rules/types.js';
import { checkLoadedWorkspace } from '../../src/workspace/checked.js';
import { findWorkspaceRoot } from '../../src/workspace/discover.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import type { Workspace } from '../../src/workspace/types.js';
import { copyWorkspace, fixture } from '../helpers/workspaces.js';

const AS_OF = { asOf: '2009-06-01' };

let dir: string;
let cleanup: () => void;
let ws: Workspace;
let empty: string;
beforeAll(async () => {
  ({ dir, cleanup } = copyWorkspace(fixture('clean')));
  ws = await loadWorkspace({ dir });
  empty = mkdtempSync(join(tmpdir(), 'samverkan-no-git-'));
});
afterAll(() => {
  cleanup();
  rmSync(empty, { recursive: true, force: true });
  setLanguage('en');
});

/** What a call throws, as its message. */
async function thrown(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the call to refuse');
}

type Case = [name: string, run: () => unknown, sv: string, en: string];

const refusals: Case[] = [
  ['a -C folder that does not exist', () => findWorkspaceRoot('/finns/inte', true), 'Mappen /finns/inte finns inte. Kontrollera sökvägen som gavs med -C.', 'The folder /finns/inte does not exist. Check the path given with -C.'],
  ['validate of a path that does not exist', () => validate({ cwd: dir, paths: ['saknas.yaml'] }), 'saknas.yaml finns inte. Ge en fil eller mapp i arbetsytan.', 'saknas.yaml does not exist. Give a file or folder inside the workspace.'],
  [
    'member add of an unknown person',
    () => addMember(ws, { group: 'styrgrupp', person: 'polisen' }, AS_OF),
    '--person polisen: det finns ingen person "polisen" i people.yaml. Menade du "polis"? Lägg först in personen i people.yaml (id, name och organization).',
    '--person polisen: there is no person "polisen" in people.yaml. Did you mean "polis"? Add them to people.yaml first (id, name and organization).',
  ],
  ['member remove of someone not in the group', () => removeMember(ws, { group: 'styrgrupp', person: 'polis' }, AS_OF), '--person polis: Kommunpolis (polis) är inte ledamot i styrgrupp.', '--person polis: Kommunpolis (polis) is not a member of styrgrupp.'],
  [
    'an edit of a group that does not exist',
    () => documentToEdit(ws, 'group', 'styrgrup'),
    'Det finns ingen grupp "styrgrup" i arbetsytan. Menade du "styrgrupp"? De grupper som finns är: styrgrupp.',
    'There is no group "styrgrup" in the workspace. Did you mean "styrgrupp"? The groups are: styrgrupp.',
  ],
  [
    'action add with a due date that is not a date',
    () => addAction(ws, { plan: 'plan', title: 'Utbilda', responsible: 'alfa', due: '2010-02-30' }, AS_OF),
    '--due "2010-02-30" är inget datum. Skriv det som ÅÅÅÅ-MM-DD, till exempel 2009-06-10.',
    '--due "2010-02-30" is not a date. Write it as YYYY-MM-DD, for example 2009-06-10.',
  ],
  ['action set of an action the plan lacks', () => setAction(ws, { ref: 'plan/a9', note: 'x' }, AS_OF), 'Planen plan har ingen åtgärd "a9". Menade du "plan/a1"? Planens åtgärder är: a1.', 'Plan plan has no action "a9". Did you mean "plan/a1"? Its actions are: a1.'],
  [
    'task done without a task',
    () => markTaskDone(ws, { ref: 'styrgrupp-2009-05-14' }, AS_OF),
    'Ange vilken uppgift från styrgrupp-2009-05-14 som är klar: skriv styrgrupp-2009-05-14/UPPGIFT. De öppna uppgifterna är: t1.',
    'Say which task of styrgrupp-2009-05-14 is done: write styrgrupp-2009-05-14/TASK. Its open tasks are: t1.',
  ],
  [
    'calendar without a group',
    () => calendar({ cwd: dir }),
    'Ange den grupp vars möten du vill ha, till exempel samverkan calendar styrgrupp-nb, eller ge --all för alla grupper.',
    'Name the group whose meetings you want, e.g. samverkan calendar styrgrupp-nb, or give --all for every group.',
  ],
  ['render of a kind there is not', () => render({ cwd: dir, kind: 'brev' }), '"brev" är inget som samverkan renderar. Använd någon av agreement, group, plan, meeting, assessment, eller site.', '"brev" is not something samverkan renders. Use one of agreement, group, plan, meeting, assessment, or site.'],
  ['rules of an unknown rule', () => listRules('plan/overdu'), '"plan/overdu" är ingen regel som samverkan har. Menade du "plan/overdue"? Kör "samverkan rules" för att se alla regler.', '"plan/overdu" is not a rule samverkan has. Did you mean "plan/overdue"? Run "samverkan rules" to see every rule.'],
  ['init --org without a name', () => parseOrganizationSpec('=police'), '--org "=police" har inget namn. Skriv --org "Munkedals kommun" eller --org "Polisen=police".', '--org "=police" has no name. Write --org "Munkedals kommun" or --org "Polisen=police".'],
  [
    'meeting new on a day with a meeting',
    async () => createMeeting(await checkLoadedWorkspace(ws, AS_OF), { group: 'styrgrupp', date: '2009-05-14' }, AS_OF),
    'styrgrupp har redan ett möte 2009-05-14 (meetings/styrgrupp/2009-05-14.yaml), så inget skrevs. Ändra i den filen, eller ge ett annat --date.',
    'styrgrupp already has a meeting on 2009-05-14 (meetings/styrgrupp/2009-05-14.yaml), so nothing was written. Edit that file, or give another --date.',
  ],
  [
    'minutes new for a meeting that has minutes',
    () => newMinutes({ workspace: ws }, 'styrgrupp-2009-05-14', AS_OF),
    'styrgrupp-2009-05-14 har redan ett protokoll (minutes: i meetings/styrgrupp/2009-05-14.yaml), så inget skrevs. Fyll i det som står där, eller ta bort minutes: för att börja om.',
    'styrgrupp-2009-05-14 already has minutes (minutes: in meetings/styrgrupp/2009-05-14.yaml), so nothing was written. Fill in what is there, or remove minutes: to start again.',
  ],
  [
    'a revision git does not have',
    () => {
      throw gitError('unknown-revision', undefined, { rev: 'v9' });
    },
    'Versionen v9 finns inte i git-arkivet; ge en gren, en tagg eller en incheckning som finns (till exempel HEAD~1 eller origin/main).',
    'The revision v9 does not exist in the git repository; give a branch, a tag or a commit that exists (for example HEAD~1 or origin/main).',
  ],
  [
    'a file that may not be written',
    () => {
      throw explainWriteFailure('/ut/plan.html', Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    },
    'Det gick inte att skriva /ut/plan.html: du får inte skriva där. Ange ett annat ställe att skriva till, eller fråga den som förvaltar mappen.',
    'Could not write /ut/plan.html: you may not write there. Give another place to write to, or ask whoever manages that folder.',
  ],
  [
    'a PDF without a browser',
    () => findBrowser({ env: {}, wellKnown: [] }),
    'Det finns ingen Chromium eller Chrome på datorn att skriva PDF med, så ingen PDF skrevs: installera Chromium (till exempel "sudo apt install chromium") eller ange sökvägen till en Chromium eller Chrome i miljövariabeln SAMVERKAN_CHROMIUM.',
    'There is no Chromium or Chrome on this machine to write the PDF with, so nothing was written: install Chromium (for example "sudo apt install chromium") or give the path of a Chromium or Chrome in the environment variable SAMVERKAN_CHROMIUM.',
  ],
];

describe('the core says its refusals in the language of the messages', () => {
  for (const lang of ['sv', 'en'] as const satisfies readonly Lang[]) {
    it.each(refusals)(`in ${lang}: %s`, async (_name, run, sv, en) => {
      setLanguage(lang);
      expect(await thrown(run)).toBe(lang === 'sv' ? sv : en);
    });
  }

  it('says outside a repository that there is none, for changes and history alike', async () => {
    setLanguage('sv');
    expect(await thrown(() => openRepo(empty))).toBe(
      `${empty} ligger inte i något git-arkiv, så det finns ingen historik att jämföra med; kör "git init" och checka in filerna först.`,
    );
    expect(await thrown(() => changes({ cwd: dir }))).toMatch(/ligger inte i något git-arkiv/);
    setLanguage('en');
    expect(await thrown(() => openRepo(empty))).toBe(`${empty} is not inside a git repository, so there is no history to compare with; run "git init" and commit the files first.`);
  });
});

describe('the summary line of a report', () => {
  const finding = (file: string, severity: Finding['severity']): Finding => ({
    ruleId: 'plan/overdue',
    severity,
    message: 'x',
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
  });
  const findings = [finding('/a.yaml', 'error'), finding('/a.yaml', 'error'), finding('/b.yaml', 'warning'), finding('/b.yaml', 'info')];

  it.each([
    ['sv', [], 1, '1 fil kontrollerad, inga problem.'],
    ['sv', [], 14, '14 filer kontrollerade, inga problem.'],
    ['sv', findings.slice(0, 1), 14, '1 fel och 0 varningar i 1 av 14 filer.'],
    ['sv', findings, 14, '2 fel, 1 varning och 1 notering i 2 av 14 filer.'],
    ['en', [], 1, '1 file checked, no problems.'],
    ['en', findings.slice(0, 1), 1, '1 error and 0 warnings in 1 of 1 file.'],
    ['en', findings, 14, '2 errors, 1 warning and 1 note in 2 of 14 files.'],
  ] as const)('in %s: %$', (lang, list, fileCount, line) => {
    setLanguage(lang);
    expect(summaryLine({ findings: list, fileCount })).toBe(line);
  });

  it('names the severities in the stylish report in the same language', () => {
    const input = { findings: findings.slice(1, 3), rules: [], fileCount: 2, cwd: '/', color: false };
    setLanguage('sv');
    expect(stylish(input)).toBe('a.yaml\n  1:1  fel  x  plan/overdue\n\nb.yaml\n  1:1  varning  x  plan/overdue\n\n✖ 1 fel och 1 varning i 2 av 2 filer.\n');
    setLanguage('en');
    expect(stylish(input)).toBe('a.yaml\n  1:1  error  x  plan/overdue\n\nb.yaml\n  1:1  warning  x  plan/overdue\n\n✖ 1 error and 1 warning in 2 of 2 files.\n');
  });

  it('tells SARIF readers the language of the rules and findings', () => {
    const input = { findings: findings.slice(0, 1), rules: [], fileCount: 1, cwd: '/', repoRoot: '/', color: false, toolVersion: '1.0.0' };
    setLanguage('sv');
    expect(JSON.parse(sarifLog(input, undefined)).runs[0].tool.driver.language).toBe('sv-SE');
    setLanguage('en');
    expect(JSON.parse(sarifLog(input, undefined)).runs[0].tool.driver.language).toBe('en-US');
  });
});
