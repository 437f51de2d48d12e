/**
 * Control characters from the files (ESC, BEL, CSI, the one-character CSI U+009B, DEL) never reach
 * the terminal raw, whatever command prints them: the CLI's output passes one guard (safeIO).
 * With colour on, our own colour codes are there and the attacker's are not.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paint, safeIO, sgr, terminalText, trustStyles, type CliIO } from '../../src/cli/io.js';
import { escapeJsonControls, jsonText } from '../../src/report/json.js';
import { runInProcess } from '../helpers/cli.js';
import { copyForTest, repoRoot } from '../helpers/workspaces.js';

const base = join(repoRoot, 'tests/fixtures/hostile/base');
const AS_OF = ['--as-of', '2009-06-01'];

/** What a file can say with YAML escapes: clear screen, bell, red, a C1 CSI, DEL, a title change. */
const HOSTILE = String.raw`\e[2J\a\e[31mRÖD\e[0m\u009b2J\x7f\e]0;pwned\a`;
/** Every control character but line feed and tab, and every escape sequence but the SGR ones we emit. */
/** (A carriage return before a line feed ends a line of an iCalendar file: harmless.) */
const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;
const OUR_SGR = /\u001b\[(?:1|2|22|31|32|33|39)m/g;

/** A copy of the hostile base whose titles, names and places carry control characters. */
function hostileWorkspace(): string {
  const ws = copyForTest(base);
  const edit = (file: string, find: string, replace: string) => {
    const path = join(ws, file);
    const text = readFileSync(path, 'utf8');
    expect(text.includes(find), `${find} in ${file}`).toBe(true);
    writeFileSync(path, text.replace(find, replace));
  };
  edit('samverkan.yaml', 'name: Kvinnofrid Testbygden', `name: "Kvinnofrid ${HOSTILE}"`);
  edit('plans/handlingsplan.yaml', 'title: Informationskampanj i skolorna', `title: "Kampanj ${HOSTILE}"`);
  edit('plans/handlingsplan.yaml', 'title: Ta fram gemensamma rutiner', `title: "Rutiner ${HOSTILE}"`);
  edit('groups/styrgrupp.yaml', 'name: Styrgrupp Kvinnofrid Testbygden', `name: "Styrgrupp ${HOSTILE}"`);
  edit('groups/styrgrupp.yaml', 'location: Kommunhuset i Alfa', `location: "Kommunhuset ${HOSTILE}"`);
  edit('people.yaml', 'name: Fredrik Fors', `name: "Fredrik ${HOSTILE}"`);
  edit('meetings/styrgrupp/2009-04-30.yaml', 'title: Skicka rutinerna på remiss till regionen', `title: "Remiss ${HOSTILE}"`);
  return ws;
}

/** A plan whose id carries an escape sequence: validate quotes it in its finding. */
const BROKEN_PLAN = { 'plans/trasig.yaml': 'kind: plan\nid: "x\\e[2J\\u009b"\n' };
const SHOWN = '␛[2J';
const SHOWN_IN_JSON = String.raw`\u001b[2J`;

/** Each command, its arguments, how the hostile text shows in its output, and files to add first. */
const COMMANDS: Array<[string, string[], string, Record<string, string>?]> = [
  ['status', ['status', ...AS_OF], SHOWN],
  ['status --json', ['status', '--json', ...AS_OF], SHOWN_IN_JSON],
  ['action set', ['action', 'set', 'handlingsplan/a1', '--progress', '70', '--note', 'Klart', ...AS_OF], SHOWN],
  ['member add', ['member', 'add', 'styrgrupp', '--person', 'region-rep', '--role', 'member', ...AS_OF], SHOWN],
  ['meeting new', ['meeting', 'new', 'styrgrupp', ...AS_OF], SHOWN],
  ['task done', ['task', 'done', 'styrgrupp-2009-04-30/t1', ...AS_OF], SHOWN],
  ['calendar', ['calendar', 'styrgrupp'], SHOWN],
  ['render to stdout (md)', ['render', 'plan', 'handlingsplan', '--format', 'md', ...AS_OF], '␛'],
  ['render to stdout (html)', ['render', 'group', 'styrgrupp', '--format', 'html', '--out', '-', ...AS_OF], SHOWN],
  ['validate', ['validate', ...AS_OF], SHOWN, BROKEN_PLAN],
  ['validate --format json', ['validate', '--format', 'json', ...AS_OF], SHOWN_IN_JSON, BROKEN_PLAN],
  ['validate --format sarif', ['validate', '--format', 'sarif', ...AS_OF], SHOWN_IN_JSON, BROKEN_PLAN],
  ['validate --format gitlab', ['validate', '--format', 'gitlab', ...AS_OF], SHOWN_IN_JSON, BROKEN_PLAN],
  ['validate --format github', ['validate', '--format', 'github', ...AS_OF], SHOWN, BROKEN_PLAN],
  // XML cannot hold C0 controls even escaped: the report drops them.
  ['validate --format junit', ['validate', '--format', 'junit', ...AS_OF], 'x[2J', BROKEN_PLAN],
  ['render refused', ['render', 'plan', 'handlingsplan', '--format', 'md', ...AS_OF], SHOWN, BROKEN_PLAN],
  ['an unknown group', ['meeting', 'new', `no-such${'\u001b[2J\u009b'}`, ...AS_OF], SHOWN],
  ['init', ['init', 'ny', '--yes', '--name', `Ny ${'\u001b[2J\u0007'}`, '--org', 'Alfa kommun', '--language', 'sv'], SHOWN],
];

describe('nothing printed carries a control character from the files', () => {
  it.each(COMMANDS)('%s', async (_name, argv, shown, files = {}) => {
    const setUp = () => {
      const ws = hostileWorkspace();
      for (const [path, text] of Object.entries(files)) writeFileSync(join(ws, path), text);
      return ws;
    };
    const ws = setUp();
    const plain = await runInProcess([...argv, '-C', ws], { cwd: ws });
    // The hostile text reached the output, made visible.
    expect(plain.stdout + plain.stderr, plain.stderr).toContain(shown);
    expect(plain.stdout + plain.stderr, plain.stderr).not.toMatch(RAW_CONTROL);

    // Editing commands change the copy, so the run with colour gets a fresh one.
    const again = setUp();
    const coloured = await runInProcess([...argv, '-C', again], { cwd: again, env: { FORCE_COLOR: '1' } });
    expect(coloured.code).toBe(plain.code);
    const withoutOurs = (coloured.stdout + coloured.stderr).replace(OUR_SGR, '');
    expect(withoutOurs, coloured.stderr).not.toMatch(RAW_CONTROL);
  });

  it('shows what the file holds as visible symbols, and colours only what we colour', async () => {
    const ws = hostileWorkspace();
    const r = await runInProcess(['status', ...AS_OF, '-C', ws], { cwd: ws, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kvinnofrid ␛[2J␇␛[31mRÖD␛[0m\uFFFD2J\u2421␛]0;pwned␇');
    expect(r.stdout).toMatch(/\u001b\[1mKvinnofrid ␛\[2J/);
    expect(r.stdout).toMatch(/\u001b\[31m[^\n]*\u001b\[39m/);
  });

  it('keeps the colours of the validate report and escapes the files in it', async () => {
    const ws = hostileWorkspace();
    writeFileSync(join(ws, 'plans/trasig.yaml'), `kind: plan\nid: "x${'\\e[2J'}"\n`);
    const r = await runInProcess(['validate', ...AS_OF, '-C', ws], { cwd: ws, env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\u001b\[31merror\u001b\[39m/);
    expect(r.stdout.replace(OUR_SGR, '')).not.toMatch(RAW_CONTROL);
  });

  it('writes JSON with C1 controls and line separators as escapes', async () => {
    const ws = hostileWorkspace();
    const r = await runInProcess(['status', '--json', ...AS_OF, '-C', ws], { cwd: ws });
    expect(r.stdout).toContain(String.raw`Kvinnofrid \u001b[2J\u0007\u001b[31mRÖD\u001b[0m\u009b2J\u007f`);
    const report = JSON.parse(r.stdout) as { workspace: { name: string } };
    expect(report.workspace.name).toBe('Kvinnofrid \u001b[2J\u0007\u001b[31mRÖD\u001b[0m\u009b2J\u007f\u001b]0;pwned\u0007');
  });
});

describe('terminalText', () => {
  it('makes every control character but line feed and tab visible', () => {
    expect(terminalText('a\u001b[31mb\u0007c\u009bd\u007fe\rf\u0000g\n\th', false)).toBe('a␛[31mb␇c\uFFFDd\u2421e␍f␀g\n\th');
    // The line endings of an iCalendar file stay; a carriage return that could overwrite a line does not.
    expect(terminalText('BEGIN:VCALENDAR\r\nX\r\rY\r', false)).toBe('BEGIN:VCALENDAR\r\nX␍␍Y␍');
  });

  it('turns our own colour markers into SGR codes only when colour is on', () => {
    const text = paint(true, [31, 39], 'red');
    expect(terminalText(text, true)).toBe('\u001b[31mred\u001b[39m');
    expect(terminalText(text, false)).toBe('red');
    expect(paint(false, [31, 39], 'red')).toBe('red');
  });

  it('cannot be fooled by a forged marker', () => {
    const real = sgr(31);
    const forged = `\uFDD0000000000000${'31'}\uFDD1`;
    expect(forged).not.toBe(real);
    expect(terminalText(`${forged}x`, true)).not.toMatch(/\u001b/);
  });

  it('trusts the escape sequences of an already escaped report', () => {
    expect(terminalText(trustStyles('\u001b[1mfile\u001b[22m'), true)).toBe('\u001b[1mfile\u001b[22m');
    // Only SGR: a cursor movement is not a colour, and stays visible.
    expect(terminalText(trustStyles('\u001b[2J'), true)).toBe('␛[2J');
  });
});

describe('safeIO', () => {
  it('guards both streams and shares the exit code', () => {
    let out = '';
    let err = '';
    const io: CliIO = {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      isTTY: false,
      stdinIsTTY: false,
      env: {},
      cwd: '/',
      argv: [],
      exitCode: 0,
    };
    const safe = safeIO(io);
    safe.stdout('a\u001b[2J');
    safe.stderr('b\u0007');
    safe.exitCode = 3;
    expect([out, err, io.exitCode, safe.cwd]).toEqual(['a␛[2J', 'b␇', 3, '/']);
  });
});

describe('JSON escapes', () => {
  it('escapes what JSON.stringify leaves raw, and keeps the meaning', () => {
    const value = { s: 'a\u0085b\u009bc\u2028d\u2029e\u202ef\u007f', ok: 'åäö – ✓' };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u007f-\u009f\u2028\u2029\u202e]/);
    expect(text).toContain(String.raw`a\u0085b\u009bc\u2028d\u2029e\u202ef\u007f`);
    expect(JSON.parse(text)).toEqual(value);
    expect(escapeJsonControls('"\u0085"')).toBe(String.raw`"\u0085"`);
  });
});
