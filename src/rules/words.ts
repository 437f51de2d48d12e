/** Small helpers for messages: lists in words, "did you mean" suggestions, phrases in both languages. */
import { distance } from 'fastest-levenshtein';
import { messages, type Lang, type Message, type Params, type Say } from '../i18n/messages.js';

const say = messages('rules/words', {
  or: { sv: 'eller', en: 'or' },
  and: { sv: 'och', en: 'and' },
  didYouMean: { sv: ' Menade du "{guess}"?', en: ' Did you mean "{guess}"?' },
});

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

/**
 * A module's phrase `key` filled with `params` in both languages, to be said later in whichever
 * language a check runs in: a finding's value (FindingData) or a load problem's `said`.
 */
export function phrase<K extends string>(sayIn: Say<K>, key: K, params?: Params): Message {
  return { sv: sayIn.in('sv', key, params), en: sayIn.in('en', key, params) };
}

/** `"a", "b" or "c"` / `"a", "b" eller "c"`, as a phrase. */
export function orList(values: readonly string[]): Message {
  return { sv: quoteList(values, say.in('sv', 'or')), en: quoteList(values, say.in('en', 'or')) };
}

/** `"a", "b" and "c"` / `"a", "b" och "c"`, as a phrase. */
export function andList(values: readonly string[]): Message {
  return { sv: quoteList(values, say.in('sv', 'and')), en: quoteList(values, say.in('en', 'and')) };
}

/** ` Did you mean "x"?` (with its leading space) when there is a guess, else nothing, as a phrase. */
export function didYouMean(guess: string | undefined): Message | '' {
  return guess === undefined ? '' : phrase(say, 'didYouMean', { guess });
}

/** The word that joins the last two of a list ("or"), in `lang`. */
export function orWord(lang: Lang): string {
  return say.in(lang, 'or');
}
