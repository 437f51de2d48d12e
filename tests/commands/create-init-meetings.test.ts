/**
 * init's first group meets as group new's groups do: the same flags (--cadence, --weekday in
 * Swedish too, --time, --duration, --location), checked before anything is asked or written, the
 * same questions in a terminal, and the same meetings: block in the file.
 */
import { render } from '@inquirer/testing';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { askInit } from '../../src/cli/init-prompts.js';
import { planInit } from '../../src/commands/init.js';
import { runInProcess } from '../helpers/cli.js';
import { answer, waitFor } from '../helpers/prompts.js';
import { setLanguage } from '../../src/i18n/messages.js';

const temps: string[] = [];
afterEach(() => {
  setLanguage('en');
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'samverkan-init-meetings-'));
  temps.push(dir);
  return dir;
}

const FLAGS = ['--yes', '--no-git', '--name', 'Kvinnofrid Testbygden', '--org', 'Testbygdens kommun', '--chair', 'Socialchef Testbygden'];

describe('init with meeting flags', () => {
  it('writes the steering group\'s meetings: block, the weekday given in Swedish, and the workspace validates', async () => {
    const dir = tempDir();
    const r = await runInProcess(['init', join(dir, 'ws'), ...FLAGS, '--cadence', 'every 6 weeks', '--weekday', 'torsdag', '--time', '13:00', '--duration', '120', '--location', 'Kommunhuset, sammanträdesrum 2']);
    expect(r.code).toBe(0);
    const groups = join(dir, 'ws/groups');
    const group = parse(readFileSync(join(groups, readdirSync(groups)[0]), 'utf8'));
    expect(group.meetings).toEqual({ cadence: 'every 6 weeks', weekday: 'thursday', time: '13:00', duration_minutes: 120, location: 'Kommunhuset, sammanträdesrum 2' });
    const validate = await runInProcess(['validate', '-C', join(dir, 'ws'), '--lang', 'en']);
    expect(validate.code).toBe(0);
  });

  it('refuses a wrong --time with exit 2 naming it, before anything is written', async () => {
    const dir = tempDir();
    const r = await runInProcess(['init', join(dir, 'ws'), ...FLAGS, '--lang', 'en', '--cadence', 'monthly', '--time', '1pm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^samverkan: --time "1pm": A time is written HH:MM/);
    expect(existsSync(join(dir, 'ws'))).toBe(false);
  });

  it('plans no meetings: block when none is given', () => {
    const files = planInit({ name: 'K', language: 'sv', organizations: [{ name: 'A kommun', type: 'municipality' }], group: { name: 'G', type: 'steering' }, chair: { name: 'C' } });
    expect(parse(files.find((f) => f.path.startsWith('groups/'))!.text).meetings).toBeUndefined();
  });
});

describe('init in a terminal', () => {
  it('asks when the group meets after the roster, in Swedish, refusing a cadence it cannot read where typed', async () => {
    // The CLI settles the language of every message once; the questions follow it.
    setLanguage('sv');
    const session = await render(askInit, {
      lang: 'sv',
      folder: 'ws',
      name: 'K',
      language: 'sv',
      organizations: [{ name: 'A kommun', type: 'municipality' }],
      groupName: 'Styrgrupp K',
      groupType: 'steering',
      chair: 'Ordförande K',
      secretary: '',
    });
    await answer(session, 'Hur ofta träffas gruppen?', 'varje vecka');
    await waitFor(session, 'Skriv hur ofta');
    for (let i = 0; i < 20; i++) session.events.keypress('backspace');
    session.events.type('monthly');
    session.events.keypress('enter');
    await waitFor(session, 'Vilken veckodag?');
    for (let i = 0; i < 2; i++) session.events.keypress('down');
    session.events.keypress('enter');
    await answer(session, 'Vilken tid börjar mötena?', '09:00');
    await answer(session, 'Var träffas gruppen?', 'Kommunhuset');
    await answer(session, 'Skapa arbetsytan i ws?', '');
    const result = await session.answer;
    expect(result?.group).toEqual({ name: 'Styrgrupp K', type: 'steering', meetings: { cadence: 'monthly', weekday: 'tuesday', time: '09:00', location: 'Kommunhuset' } });
  });

  it('does not ask again what the meeting flags gave, and asks no weekday for a group that meets ad hoc', async () => {
    const session = await render(askInit, {
      lang: 'en',
      folder: 'ws',
      name: 'K',
      language: 'en',
      organizations: [{ name: 'A kommun', type: 'municipality' }],
      groupName: 'G',
      groupType: 'steering',
      chair: 'C',
      secretary: '',
      meetings: { cadence: 'ad hoc', location: 'Town hall' },
    });
    await answer(session, 'Create the workspace in ws?', '');
    expect((await session.answer)?.group.meetings).toEqual({ cadence: 'ad hoc', location: 'Town hall' });
  });
});
