/**
 * Minutes are a record: the minutes of a 2009 meeting render byte for byte the same after the
 * workspace has moved on — later meetings (one written by `meeting new`, one with minutes naming
 * the next meeting), new standing items for the group (one of them confidential) and another
 * weekday, tasks followed up and marked done, a task of the meeting itself reopened, a plan action
 * closed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeeting } from '../../src/commands/meeting-new.js';
import { markTaskDone } from '../../src/commands/task.js';
import { LANGS } from '../../src/i18n/index.js';
import type { OutputFormat } from '../../src/render/render-context.js';
import { checkLoadedWorkspace } from '../../src/workspace/checked.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import { copyForTest, example } from '../helpers/workspaces.js';
import { renderOne } from './helpers.js';

const MEETING = 'styrgrupp-nb-2009-05-14';
const FORMATS: OutputFormat[] = ['md', 'html'];
const AS_OF = '2009-06-01';

/** Every rendering of the meeting: each format and language, internal and public. */
async function renderings(dir: string, asOf: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const format of FORMATS) {
    for (const lang of LANGS) {
      for (const isPublic of [false, true]) {
        const page = await renderOne(dir, 'meeting', MEETING, { format, lang, public: isPublic, asOf });
        out.set(`${format} ${lang} ${isPublic ? 'public' : 'internal'}`, page.content);
      }
    }
  }
  return out;
}

function edit(dir: string, file: string, find: string, replace: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text, `${find} in ${file}`).toContain(find);
  writeFileSync(path, text.replace(find, replace));
}

describe('minutes are a record', () => {
  it('renders a 2009 meeting\'s minutes the same after later meetings, standing items and task follow-ups are added', async () => {
    const dir = copyForTest(example('norra-bohuslan'));
    const before = await renderings(dir, AS_OF);
    expect(before.get('md sv internal')).toContain('Protokoll');
    expect(before.get('md en internal')).toContain('Minutes');

    // The group gets new standing items, one of them confidential, and meets on another weekday.
    edit(
      dir,
      'groups/styrgrupp-nb.yaml',
      'standing_items:\n',
      'standing_items:\n  - {title: Rapport från referensgruppen, type: information, duration_minutes: 10}\n  - {title: Ärende som rör en enskild, type: discussion, confidential: true, duration_minutes: 10}\n',
    );
    edit(dir, 'groups/styrgrupp-nb.yaml', 'weekday: thursday', 'weekday: wednesday');
    // The next meeting, written by meeting new with today's open tasks and actions.
    const next = await createMeeting(await checkLoadedWorkspace(await loadWorkspace({ dir })), { group: 'styrgrupp-nb', date: '2009-06-10' }, { asOf: '2009-06-01' });
    expect(next.created).toBe(true);
    // A later meeting with minutes, a new task and a next meeting of its own.
    writeFileSync(
      join(dir, 'meetings/styrgrupp-nb/2009-08-20.yaml'),
      [
        'kind: meeting',
        'id: styrgrupp-nb-2009-08-20',
        'group: styrgrupp-nb',
        'date: 2009-08-20',
        'items:',
        '  - {title: Uppföljning av tillsynsanalysen, type: follow-up, refs: [styrgrupp-nb-2009-05-14]}',
        'minutes:',
        '  next_meeting: {date: 2009-10-01, start: "13:00", location: "Kommunhuset, Strömstad"}',
        '  notes:',
        '    - {item: 1, text: Anmälan till socialnämnderna pågår.}',
        '  tasks:',
        '    - {id: t1, item: 1, title: Påminna om anmälan till socialnämnden, responsible: samordnare-nb, due: 2009-09-15}',
        '',
      ].join('\n'),
    );
    // Task follow-ups: the later task is done, and a task of the 2009 meeting itself is reopened.
    await markTaskDone(await loadWorkspace({ dir }), { ref: 'styrgrupp-nb-2009-08-20/t1' }, { asOf: '2009-09-10' });
    edit(dir, 'meetings/styrgrupp-nb/2009-05-14.yaml', '    - {id: t2, title: Bjuda in beroendevården till ett möte om kvinnor med missbruksproblematik, responsible: samordnare-nb, due: 2009-09-30, done: true}', '    - {id: t2, title: Bjuda in beroendevården till ett möte om kvinnor med missbruksproblematik, responsible: samordnare-nb, due: 2009-09-30, done: false}');
    // A plan action the 2009 meeting referred to is closed later.
    edit(dir, 'plans/projektplan-nb.yaml', '    status: ongoing', '    status: cancelled');

    const checked = await checkLoadedWorkspace(await loadWorkspace({ dir }), { asOf: AS_OF });
    expect(checked.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Rendered years later: a record's footer names no "status as of" day.
    const after = await renderings(dir, '2027-01-15');
    for (const [key, text] of before) expect(after.get(key), key).toBe(text);
    // The changes are there for the meetings they belong to: the new meeting has the new standing item.
    const notice = await renderOne(dir, 'meeting', next.id, { format: 'md', asOf: AS_OF });
    expect(notice.content).toContain('Rapport från referensgruppen');
  });

  it('renders a meeting file without formal items as just its items, numbered from first_number, with decisions by § or id', async () => {
    const dir = copyForTest(example('norra-bohuslan'));
    writeFileSync(
      join(dir, 'meetings/styrgrupp-nb/2009-09-10.yaml'),
      [
        'kind: meeting',
        'id: styrgrupp-nb-2009-09-10',
        'group: styrgrupp-nb',
        'date: 2009-09-10',
        'first_number: 5',
        'items:',
        '  - {title: Rapport om anmälningarna, type: information}',
        '  - {title: Budget 2010, type: decision, id: budget}',
        'minutes:',
        '  notes:',
        '    - {item: 5, text: Alla fem socialnämnder har fått rapporten.}',
        '  decisions:',
        '    - {item: budget, text: att anta budgeten för 2010.}',
        '',
      ].join('\n'),
    );
    const md = (await renderOne(dir, 'meeting', 'styrgrupp-nb-2009-09-10', { format: 'md', asOf: AS_OF })).content.replace(/\u00a0/g, ' ');
    expect([...md.matchAll(/^## § (\d+) (.*)$/gm)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['5 Rapport om anmälningarna', '6 Budget 2010']);
    expect(md).not.toContain('Mötets öppnande');
    expect(md).not.toContain('Rapport från samordnaren');
    expect(md).toMatch(/## § 5 Rapport om anmälningarna\n[\s\S]*Alla fem socialnämnder har fått rapporten\.[\s\S]*## § 6 Budget 2010\n[\s\S]*att anta budgeten för 2010\./);
  });
});
