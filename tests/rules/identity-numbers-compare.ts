/**
 * The comparison of src/rules/identity-numbers.ts with its previous implementation, for the
 * equivalence tests, and the strings of a workspace's values that they (and markdown-text's) run through.
 */
import { expect, vi } from 'vitest';

export type Module = Pick<typeof import('../../src/rules/identity-numbers.js'), 'findIdentityNumbers' | 'maskIdentityNumbers' | 'decodedMayHoldNumber'>;

/** Fresh copies of the module and of its reference, with nothing memoised or learned. */
export async function freshPair(): Promise<[Module, Module]> {
  vi.resetModules();
  return [await import('../../src/rules/identity-numbers.js'), await import('./identity-numbers-reference.js')];
}

/** What each module says of `text`: the same, or the test fails with the text. */
export function same([fast, slow]: [Module, Module], text: string): void {
  expect({ text, found: fast.findIdentityNumbers(text) }).toEqual({ text, found: slow.findIdentityNumbers(text) });
  expect(fast.maskIdentityNumbers(text)).toBe(slow.maskIdentityNumbers(text));
  expect(fast.decodedMayHoldNumber(text)).toBe(slow.decodedMayHoldNumber(text));
}

/** Every string in a value, keys and the text of numbers included. */
export function strings(value: unknown, out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'number') out.push(String(value));
  else if (value !== null && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [key, child] of Object.entries(value)) {
      out.push(key);
      strings(child, out, seen);
    }
  }
  return out;
}
