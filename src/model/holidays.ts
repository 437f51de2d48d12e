/**
 * The days no Swedish collaboration group should be asked to meet: the public holidays (allmänna
 * helgdagar, lag 1989:253) and the three eves most workplaces close on, midsommarafton, julafton
 * and nyårsafton. The one home of that question: the cadence asks it before it proposes a date.
 *
 * The public holidays come from date-holidays (country SE, type "public"), which keeps the moving
 * feasts (Easter, Ascension, Whitsun, Midsummer, All Saints) right. The library files the eves as
 * "bank" days, a category whose meaning could change, so they are worked out here by their own
 * rules instead. Sundays, holidays by law too, are not listed: a group says its weekday itself.
 */
import { createRequire } from 'node:module';
import type HolidaysLibrary from 'date-holidays';
import { labelsFor, type Lang } from '../i18n/index.js';
import { addDays } from './dates.js';

/** A day off: its date and its name in the language asked for. */
export interface Holiday {
  date: string;
  name: string;
}

type HolidaysClass = typeof HolidaysLibrary;

let library: HolidaysClass | undefined;

/**
 * date-holidays with every country's rules takes tens of milliseconds to load, so it is loaded on
 * the first question (synchronously: the cadence is plain synchronous date arithmetic), never at
 * start-up.
 */
function holidaysLibrary(): HolidaysClass {
  library ??= createRequire(import.meta.url)('date-holidays') as HolidaysClass;
  return library;
}

const calendars = new Map<Lang, HolidaysLibrary>();

/** The library's Swedish calendar, naming days in `lang`. */
function swedishCalendar(lang: Lang): HolidaysLibrary {
  let calendar = calendars.get(lang);
  if (!calendar) {
    const Holidays = holidaysLibrary();
    calendar = new Holidays('SE', { languages: [lang] });
    calendars.set(lang, calendar);
  }
  return calendar;
}

const byYear = new Map<string, ReadonlyMap<string, string>>();

/** Midsommarafton: the Friday between 19 and 25 June. */
function midsummerEve(year: number): string {
  const june19 = `${year}-06-19`;
  const weekday = new Date(`${june19}T00:00:00Z`).getUTCDay();
  return addDays(june19, (5 - weekday + 7) % 7);
}

/** The days off of `year`, date → name, public holidays and eves together. */
function daysOff(year: number, lang: Lang): ReadonlyMap<string, string> {
  const key = `${year}:${lang}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const days = new Map<string, string>();
  for (const holiday of swedishCalendar(lang).getHolidays(year, lang)) {
    // Days like Gustav-Adolf-dagen share a date with a public holiday; only the holiday names it.
    if (holiday.type === 'public') days.set(holiday.date.slice(0, 10), holiday.name);
  }
  const t = labelsFor(lang).t;
  days.set(midsummerEve(year), t.holiday_midsummer_eve);
  days.set(`${year}-12-24`, t.holiday_christmas_eve);
  days.set(`${year}-12-31`, t.holiday_new_years_eve);
  byYear.set(key, days);
  return days;
}

/** The public holiday or eve on `date` (YYYY-MM-DD), with its name in `lang`; undefined on other days. */
export function holidayOn(date: string, lang: Lang = 'sv'): Holiday | undefined {
  const name = daysOff(Number(date.slice(0, 4)), lang).get(date);
  return name === undefined ? undefined : { date, name };
}

/** Every public holiday and eve of `year`, in date order, named in `lang`. */
export function holidaysOf(year: number, lang: Lang = 'sv'): Holiday[] {
  return [...daysOff(year, lang)].map(([date, name]) => ({ date, name })).sort((a, b) => (a.date < b.date ? -1 : 1));
}
