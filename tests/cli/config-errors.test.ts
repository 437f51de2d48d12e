/**
 * Every configuration error stops every command with exit 2 and one sentence on standard error
 * that names the place and says what to write instead: ESLint's contract, where 1 means "problems
 * found" and 2 means "could not run as configured".
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, fixture } from '../helpers/workspaces.js';

const AS_OF = ['--as-of', '2009-06-01'];
const SETTINGS = 'kind: workspace\nname: Kvinnofrid Testkommunerna\nlanguage: sv\ntimezone: Europe/Stockholm\n';

/** A case: what samverkan.yaml holds (text or bytes), and what the message must say. */
const CASES: Array<[string, string | Buffer, RegExp]> = [
  ['an unknown key', `${SETTINGS}sprak: sv\n`, /^In samverkan\.yaml, line 5: "sprak" is not a key that belongs here\. The keys allowed here are "kind", "name", /],
  ['a misspelt key', `${SETTINGS}ignroe: [utkast/**]\n`, /line 5: "ignroe" is not a key that belongs here\. Did you mean "ignore"\?/],
  ['a language that is not sv or en', SETTINGS.replace('language: sv', 'language: fr'), /line 3: "language" is the text "fr", which is not one of the allowed values "sv" or "en"\./],
  ['a misspelt time zone', SETTINGS.replace('Europe/Stockholm', 'Europe/Stokholm'), /line 4: "timezone" is the text "Europe\/Stokholm", which is not a time zone\. Did you mean "Europe\/Stockholm"\?/],
  ['an empty output folder', `${SETTINGS}output: ""\n`, /line 5: "output" is empty\./],
  ['ignore that is not a list', `${SETTINGS}ignore: utkast\n`, /line 5: "ignore" must be a list/],
  ['rules that are a list', `${SETTINGS}rules: [plan/overdue]\n`, /line 5: "rules" must be a map/],
  ['a severity that is not one', `${SETTINGS}rules:\n  plan/overdue: loud\n`, /^In samverkan\.yaml, line 6, rules: sets "plan\/overdue" to "loud", which is not a severity: write off, info, warning or error instead/],
  ['a rule that does not exist', `${SETTINGS}rules:\n  plan/overdu: off\n`, /line 6, rules: "plan\/overdu" is not a rule samverkan has, so the setting would do nothing\. Did you mean "plan\/overdue"\?/],
  ['a rule family that does not exist', `${SETTINGS}rules:\n  planer/*: off\n`, /"planer\/\*" is not a rule samverkan has/],
  ['a missing name', SETTINGS.replace('name: Kvinnofrid Testkommunerna\n', ''), /This document lacks "name"/],
  ['another kind', SETTINGS.replace('kind: workspace', 'kind: workspaces'), /line 1: "kind" is the text "workspaces", which is not one of the allowed values "workspace"/],
  ['broken YAML', `${SETTINGS}name: [Kvinnofrid\n`, /^In samverkan\.yaml, line \d+: /],
  ['a key written twice', `${SETTINGS}language: en\n`, /^In samverkan\.yaml, line 5: This key appears twice/],
  ['a list instead of settings', '- kind: workspace\n- name: X\n', /line 1: The document must be a map|the document must be a map/i],
  ['no settings at all', '# nothing yet\n', /samverkan\.yaml has no settings\. Write at least two lines: kind: workspace and name:/],
  ['a file that is not text', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0x14, 0, 0x06, 0]), /^In samverkan\.yaml, line 1: The file is not text/],
];

describe('configuration errors', () => {
  it.each(CASES)('%s: exit 2, nothing on standard output, one message naming the line', async (_name, settings, message) => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), settings);
    const r = await runInProcess(['validate', '--format', 'json', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.replace(/^samverkan: /, '')).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops every command that reads the workspace, not only validate', async () => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), SETTINGS.replace('language: sv', 'language: fr'));
    for (const command of [['status'], ['render', 'site', '--out', join(dir, 'site')], ['calendar', '--all']]) {
      const r = await runInProcess([...command, ...(command[0] === 'calendar' ? [] : AS_OF)], { cwd: dir });
      expect({ command: command[0], code: r.code, stderr: r.stderr }).toMatchObject({ command: command[0], code: 2, stderr: expect.stringContaining('"language" is the text "fr"') });
    }
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable samverkan.yaml: exit 2 (not testable as root, who reads every file)', async () => {
    const dir = copyForTest(fixture('clean'));
    chmodSync(join(dir, 'samverkan.yaml'), 0o000);
    const r = await runInProcess(['validate', ...AS_OF], { cwd: dir });
    chmodSync(join(dir, 'samverkan.yaml'), 0o644);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/In samverkan\.yaml, line 1: The file could not be read \(permission denied\)/);
  });

  it('a SAMVERKAN_REPOSITORY_URL that is not a web address: exit 2', async () => {
    const r = await runInProcess(['validate', '--format', 'sarif', ...AS_OF], { cwd: fixture('clean'), env: { SAMVERKAN_REPOSITORY_URL: 'samverkan on the shared drive' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SAMVERKAN_REPOSITORY_URL is "samverkan on the shared drive", which is not the web address of a repository/);
  });

  it('a valid configuration with every setting still checks clean', async () => {
    const dir = copyForTest(fixture('clean'));
    writeFileSync(join(dir, 'samverkan.yaml'), `${SETTINGS}output: ut\nignore: [utkast/**]\nrules:\n  plan/*: warning\n  privacy/identity-number: error\n`);
    expect(await runInProcess(['validate', ...AS_OF], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });
});
