/**
 * Labels and date, time, number and money formatting for rendered documents, in Swedish and
 * English. Every word a rendered document shows comes from here, so that a language is one
 * file (sv.ts, en.ts) and the templates never hold text of their own.
 */
import { en } from './en.js';
import { sv, type svText } from './sv.js';
import { fill } from './messages.js';

export { fill };
import type { AgreementStatus } from '../model/agreement-term.js';
import type { Rating } from '../model/index.js';

import type { Lang } from './messages.js';
export type { Lang };
export const LANGS: readonly Lang[] = ['sv', 'en'];

/** The keys of the phrases in `Labels.t`, defined by the Swedish file. */
export type TextKey = keyof typeof svText;

/** The traffic-light colours; a light always also has a text label. */
export type LightColor = 'green' | 'yellow' | 'red' | 'grey';

/**
 * Every label of a rendered document. Texts with `{name}` placeholders are filled with
 * `fill()`. Keys are snake_case so that templates read them like the YAML keys.
 */
export interface Labels {
  /** The language code, for `<html lang>`. */
  lang: Lang;
  kind: Record<'agreement' | 'plan' | 'group' | 'meeting' | 'assessment', string>;
  kind_plural: Record<'agreement' | 'plan' | 'group' | 'meeting' | 'assessment', string>;
  agreement_type: Record<'collaboration-agreement' | 'memorandum' | 'contractual-cooperation' | 'association-charter', string>;
  party_role: Record<'lead' | 'party', string>;
  group_type: Record<'steering' | 'working' | 'case' | 'reference' | 'coordination' | 'network' | 'resource-team', string>;
  /** The group type in the definite form that starts a sentence: "Styrgruppen beslutar …", "The steering group decides …". */
  group_definite: Record<'steering' | 'working' | 'case' | 'reference' | 'coordination' | 'network' | 'resource-team', string>;
  member_role: Record<'chair' | 'vice-chair' | 'secretary' | 'member' | 'co-opted' | 'substitute', string>;
  confidentiality: Record<'open' | 'internal' | 'confidential', string>;
  action_status: Record<'planned' | 'ongoing' | 'done' | 'paused' | 'cancelled', string>;
  item_type: Record<'information' | 'decision' | 'discussion' | 'follow-up' | 'report', string>;
  rating: Record<Rating, string>;
  /** An agreement's status (agreement.schema.json). */
  agreement_status: Record<AgreementStatus, string>;
  attendance: Record<'present' | 'absent' | 'excused', string>;
  national_goal: Record<'prevention' | 'detection-protection-support' | 'law-enforcement' | 'knowledge-methods', string>;
  /** Known focus areas and assessment areas; other values are shown as written. */
  area: Record<string, string>;
  direction: Record<'increase' | 'decrease' | 'reach', string>;
  money_per: Record<'year' | 'month' | 'project' | 'total', string>;
  renewal: Record<'none' | 'yearly', string>;
  /** Weekday names, Monday first, as in "on Thursdays". */
  weekday_plural: Record<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday', string>;
  light: Record<LightColor, string>;
  /** Traffic-light labels by what they say about the thing. */
  state: Record<
    | 'done'
    | 'cancelled'
    | 'paused'
    | 'overdue'
    | 'at_risk'
    | 'on_track'
    | 'not_started'
    | 'should_have_started'
    | 'goal_overdue'
    | 'goal_at_risk'
    | 'goal_on_track'
    | 'goal_done'
    | 'goal_done_or_cancelled'
    | 'goal_all_cancelled'
    | 'goal_no_actions'
    | 'term_valid'
    | 'term_ending'
    | 'term_ended'
    | 'term_not_started',
    string
  >;
  /** Cadence phrases: weekly, every N weeks ({n}), monthly, … */
  cadence: Record<'weekly' | 'every_n_weeks' | 'monthly' | 'quarterly' | 'half-yearly' | 'yearly' | 'ad hoc', string>;
  /** Words, phrases and headings; see sv.ts for what each says. */
  t: Record<TextKey, string>;
}

const LABELS: Record<Lang, Labels> = { sv, en };

/** The labels of `lang`. */
export function labelsFor(lang: Lang): Labels {
  return LABELS[lang];
}

/** True if `value` is a language rendered documents can be written in. */
export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

// Making an Intl formatter costs far more than formatting with one, and a site of a thousand
// plans formats hundreds of thousands of dates and numbers: each kind is made once per language.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) formatters.set(key, (formatter = make()));
  return formatter;
}

/** `one` or `other` filled with {n}, by the plural rule of `lang`. */
export function plural(lang: Lang, n: number, one: string, other: string): string {
  const rule = cached(`plural ${lang}`, () => new Intl.PluralRules(LOCALE[lang])).select(n);
  return fill(rule === 'one' ? one : other, { n: formatNumber(n, lang) });
}

function utc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

// Formatting a date with Intl takes microseconds, and a site writes the same few hundred days
// hundreds of thousands of times: each text is made once (by language and day; only what could
// be formatted is kept, so a bad date throws every time, as before).
const formattedDates = new Map<string, string>();
const MAX_FORMATTED_DATES = 10_000;

/** 10 juni 2009 (sv) or 10 June 2009 (en). */
export function formatDate(date: string | undefined | null, lang: Lang): string {
  if (!date) return '';
  const key = `${lang}${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = cached(`date ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(utc(date));
    if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

/** onsdag 10 juni 2009 (sv) or Wednesday 10 June 2009 (en). */
export function formatDateWithWeekday(date: string | undefined | null, lang: Lang): string {
  if (!date) return '';
  // Built from parts rather than one format call: ICU versions differ on the comma after the weekday.
  const weekday = cached(`weekday ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' })).format(utc(date));
  return `${weekday} ${formatDate(date, lang)}`;
}

/** June 2009 / juni 2009, for periods. */
export function formatMonth(date: string, lang: Lang): string {
  return cached(`month ${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' })).format(utc(date));
}

/**
 * A time of day as written in running text: "13.00" in Swedish (Språkrådet's style, used
 * after "kl."), "1pm" / "1:30pm" in English (the GOV.UK style).
 */
export function formatClock(time: string, lang: Lang): string {
  const [h, m] = time.split(':').map(Number);
  if (lang === 'sv') return `${String(h).padStart(2, '0')}.${String(m).padStart(2, '0')}`;
  if (h === 12 && m === 0) return 'midday';
  if (h === 0 && m === 0) return 'midnight';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
}

/** "kl. 13.00" (sv) or "1pm" (en). */
export function formatTime(time: string | undefined | null, lang: Lang): string {
  if (!time) return '';
  return lang === 'sv' ? `kl. ${formatClock(time, lang)}` : formatClock(time, lang);
}

/** "kl. 13.00–15.00" (sv) or "1pm to 3pm" (en); just the start if there is no end. */
export function formatTimeRange(start: string | undefined | null, end: string | undefined | null, lang: Lang): string {
  if (!start) return '';
  if (!end) return formatTime(start, lang);
  return lang === 'sv' ? `kl. ${formatClock(start, lang)}–${formatClock(end, lang)}` : `${formatClock(start, lang)} to ${formatClock(end, lang)}`;
}

/** 900 000 (sv, with a no-break space) or 900,000 (en). */
export function formatNumber(n: number, lang: Lang, fractionDigits?: number): string {
  return cached(`number ${lang} ${fractionDigits}`, () =>
    new Intl.NumberFormat(LOCALE[lang], {
      maximumFractionDigits: fractionDigits ?? 2,
      minimumFractionDigits: fractionDigits ?? 0,
    }),
  ).format(n);
}

/** 40 % (sv) or 40% (en), from a number of percent. */
export function formatPercent(percent: number, lang: Lang): string {
  return cached(`percent ${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 })).format(percent / 100);
}

/**
 * A percentage as a document wrote it: 3.6 → "3,6 %" (sv) or "3.6%" (en), 25 → "25 %". Up to
 * two decimals are kept and none are added, so a share of 3.6 % is never shown as 4 %.
 */
export function formatPercentAsWritten(percent: number, lang: Lang): string {
  return cached(`percent-as-written ${lang}`, () => new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 2 })).format(percent / 100);
}

/** 900 000 kr (sv) or SEK 900,000 (en); whole amounts without decimals. */
export function formatAmount(amount: number, currency: string | undefined, lang: Lang): string {
  const whole = Number.isInteger(amount);
  return cached(`amount ${lang} ${currency ?? 'SEK'} ${whole}`, () =>
    new Intl.NumberFormat(LOCALE[lang], {
      style: 'currency',
      currency: currency ?? 'SEK',
      currencyDisplay: lang === 'sv' && (currency ?? 'SEK') === 'SEK' ? 'symbol' : 'code',
      maximumFractionDigits: whole ? 0 : 2,
      minimumFractionDigits: whole ? 0 : 2,
    }),
  ).format(amount);
}

/** A cadence in words: "var sjätte vecka" / "every 6 weeks". Unknown values are returned as written. */
export function formatCadence(cadence: string | undefined, labels: Labels): string {
  if (!cadence) return '';
  const weeks = /^every (\d+) weeks$/.exec(cadence);
  if (weeks) {
    const n = Number(weeks[1]);
    if (labels.lang === 'sv') {
      const ordinals: Record<number, string> = { 2: 'varannan vecka', 3: 'var tredje vecka', 4: 'var fjärde vecka', 5: 'var femte vecka', 6: 'var sjätte vecka', 7: 'var sjunde vecka', 8: 'var åttonde vecka', 9: 'var nionde vecka', 10: 'var tionde vecka', 12: 'var tolfte vecka' };
      return ordinals[n] ?? fill(labels.cadence.every_n_weeks, { n });
    }
    return fill(labels.cadence.every_n_weeks, { n });
  }
  return (labels.cadence as Record<string, string>)[cadence] ?? cadence;
}
