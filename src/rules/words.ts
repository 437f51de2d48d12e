/** Small helpers for messages: lists in words and "did you mean" suggestions. */
import { distance } from 'fastest-levenshtein';

/** "a", "b" or "c" — quoted values joined for a sentence. */
export function quoteList(values: readonly string[], conjunction = 'or'): string {
  const q = values.map((v) => `"${v}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** The candidate closest to `value` if it is close enough to be a likely misspelling. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const v = value.toLowerCase();
  for (const c of candidates) {
    const d = distance(v, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(value.length / 3)) ? best : undefined;
}
