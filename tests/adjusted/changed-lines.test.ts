/**
 * The rule's comparison as a table: which lines of a meeting file adjustment protects (items:
 * and minutes:, not minutes.corrections:) and how the changed places are found in them.
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { changedLines, protectedLines, type NumberedLine } from '../../src/rules/minutes-adjusted.js';

const lines = (text: string) => protectedLines(text, parseDocument(text)).map((l) => l.line);
const numbered = (...texts: string[]): NumberedLine[] => texts.map((text, i) => ({ line: i + 1, text }));

describe('protectedLines', () => {
  it.each([
    ['items and minutes, not the other keys', 'kind: meeting\nid: m\nitems:\n  - {title: A}\nlocation: Rum 1\nminutes:\n  status: adjusted\n', [3, 4, 6, 7]],
    ['minutes without their corrections in the middle', 'minutes:\n  status: adjusted\n  corrections:\n    - {date: 2009-09-03, text: X}\n  notes:\n    - {item: 1, text: Y}\n', [1, 2, 5, 6]],
    ['minutes without their corrections at the end', 'minutes:\n  status: adjusted\n  corrections:\n    - {date: 2009-09-03, text: X}\n', [1, 2]],
    ['a flow map', 'id: m\nminutes: {status: adjusted}\n', [2]],
    ['no minutes', 'id: m\n', []],
  ])('%s', (_name, text, expected) => {
    expect(lines(text)).toEqual(expected);
  });
});

describe('changedLines', () => {
  it.each([
    ['nothing changed', numbered('a', 'b'), numbered('a', 'b'), []],
    ['a trailing blank only', numbered('a', 'b'), numbered('a', 'b  '), []],
    ['a line changed', numbered('a', 'b', 'c'), numbered('a', 'B', 'c'), [{ at: 2, then: ['b'], now: ['B'] }]],
    ['a line added', numbered('a', 'c'), numbered('a', 'b', 'c'), [{ at: 2, then: [], now: ['b'] }]],
    ['a line removed: at the line after it', numbered('a', 'b', 'c'), numbered('a', 'c'), [{ at: 2, then: ['b'], now: [] }]],
    ['the last line removed: at the last line', numbered('a', 'b'), numbered('a'), [{ at: 1, then: ['b'], now: [] }]],
    ['two places', numbered('a', 'b', 'c', 'd'), numbered('A', 'b', 'c', 'D'), [{ at: 1, then: ['a'], now: ['A'] }, { at: 4, then: ['d'], now: ['D'] }]],
  ])('%s', (_name, then, now, expected) => {
    expect(changedLines(then, now).map((c) => ({ at: c.at, then: c.then.map((l) => l.text), now: c.now.map((l) => l.text) }))).toEqual(expected);
  });
});
