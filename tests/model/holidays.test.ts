import { describe, expect, it } from 'vitest';
import { movedNote, nextMeetingDate, proposeMeetingDate } from '../../src/model/cadence.js';
import { addDays, addMonths } from '../../src/model/dates.js';
import { holidayOn, holidaysOf } from '../../src/model/holidays.js';
import type { GroupDoc } from '../../src/model/index.js';

type Weekday = NonNullable<NonNullable<GroupDoc['meetings']>['weekday']>;
const WEEKDAYS: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const group = (cadence: string, weekday?: Weekday): Pick<GroupDoc, 'meetings'> => ({ meetings: { cadence, ...(weekday ? { weekday } : {}) } });

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const DAYS_OFF = YEARS.flatMap((year) => holidaysOf(year));

describe('Swedish holidays', () => {
  it('are the public holidays of the law and the three eves, with the moving feasts in the right place', () => {
    expect(holidaysOf(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 nyårsdagen',
      '2027-01-06 trettondedag jul',
      '2027-03-26 långfredagen',
      '2027-03-28 påskdagen',
      '2027-03-29 annandag påsk',
      '2027-05-01 första maj',
      '2027-05-06 Kristi himmelsfärdsdag',
      '2027-05-16 pingstdagen',
      '2027-06-06 nationaldagen',
      '2027-06-25 midsommarafton',
      '2027-06-26 midsommardagen',
      '2027-11-06 alla helgons dag',
      '2027-12-24 julafton',
      '2027-12-25 juldagen',
      '2027-12-26 annandag jul',
      '2027-12-31 nyårsafton',
    ]);
    // Midsummer Eve is the Friday between 19 and 25 June, every year.
    for (const year of YEARS) {
      const eve = holidaysOf(year).find((h) => h.name === 'midsommarafton')!;
      expect(weekdayOf(eve.date)).toBe(5);
      expect(eve.date >= `${year}-06-19` && eve.date <= `${year}-06-25`).toBe(true);
    }
    expect(DAYS_OFF).toHaveLength(16 * YEARS.length);
    expect(holidayOn('2027-05-06', 'en')).toEqual({ date: '2027-05-06', name: 'Ascension Day' });
    expect(holidayOn('2027-12-24', 'en')?.name).toBe('Christmas Eve');
    expect(holidayOn('2027-05-07')).toBeUndefined();
    // Days the library lists that are not days off: a half day, a name day.
    expect(holidayOn('2027-04-30')).toBeUndefined();
    expect(holidayOn('2027-12-13')).toBeUndefined();
  });
});

describe('the date meeting new proposes', () => {
  it.each(DAYS_OFF.map((h) => [h.date, h.name]))('is never %s (%s), whatever the cadence that lands on it', (day) => {
    const weekday = WEEKDAYS[weekdayOf(day)];
    const landings: Array<{ what: string; group: Pick<GroupDoc, 'meetings'>; last: string | undefined; today: string; keepsWeekday: boolean }> = [
      { what: 'weekly', group: group('weekly', weekday), last: addDays(day, -7), today: addDays(day, -3), keepsWeekday: true },
      { what: 'every 6 weeks', group: group('every 6 weeks', weekday), last: addDays(day, -42), today: addDays(day, -20), keepsWeekday: true },
      { what: 'monthly', group: group('monthly', weekday), last: addMonths(day, -1), today: addDays(day, -10), keepsWeekday: true },
      { what: 'first meeting', group: group('every 4 weeks', weekday), last: undefined, today: addDays(day, -1), keepsWeekday: true },
      { what: 'every 2 weeks, no weekday', group: group('every 2 weeks'), last: addDays(day, -14), today: addDays(day, -1), keepsWeekday: false },
    ];
    for (const landing of landings) {
      const proposal = proposeMeetingDate(landing.group, landing.last, landing.today)!;
      // The cadence itself lands on the day off (or the table would prove nothing) ...
      expect(proposal.movedFrom[0], landing.what).toBe(day);
      // ... and the proposal is a later day the group can meet.
      expect(proposal.date > day, landing.what).toBe(true);
      expect(holidayOn(proposal.date), `${landing.what}: ${proposal.date}`).toBeUndefined();
      if (landing.keepsWeekday) expect(weekdayOf(proposal.date), landing.what).toBe(weekdayOf(day));
      else expect([0, 6], landing.what).not.toContain(weekdayOf(proposal.date));
      expect(movedNote(proposal, 'sv')).toContain(`${day} är `);
    }
  });

  it('keeps the group\'s weekday and moves a week: the example the issue names', () => {
    const thursdays = group('every 6 weeks', 'thursday');
    const proposal = proposeMeetingDate(thursdays, '2027-03-25', '2027-04-01')!;
    expect(proposal).toEqual({ date: '2027-05-13', movedFrom: ['2027-05-06'] });
    expect(movedNote(proposal, 'sv')).toBe('2027-05-06 är Kristi himmelsfärdsdag; föreslår 2027-05-13');
    expect(movedNote(proposal, 'en')).toBe('2027-05-06 is Ascension Day; proposing 2027-05-13');
    expect(nextMeetingDate(thursdays, '2027-03-25')).toBe('2027-05-13');
  });

  it('steps on from a meeting long ago to the first date after today, then off the holiday', () => {
    const proposal = proposeMeetingDate(group('weekly', 'thursday'), '2027-04-08', '2027-05-05')!;
    expect(proposal).toEqual({ date: '2027-05-13', movedFrom: ['2027-05-06'] });
  });

  it('names every day it passes over: Christmas Eve and New Year\'s Eve a week apart', () => {
    const proposal = proposeMeetingDate(group('weekly', 'thursday'), '2026-12-17', '2026-12-20')!;
    expect(proposal).toEqual({ date: '2027-01-07', movedFrom: ['2026-12-24', '2026-12-31'] });
    expect(movedNote(proposal, 'sv')).toBe('2026-12-24 är julafton och 2026-12-31 är nyårsafton; föreslår 2027-01-07');
  });

  it('moves a group without a weekday off the weekend too, and says so', () => {
    const proposal = proposeMeetingDate(group('monthly'), '2009-01-31', '2009-02-01')!;
    expect(proposal).toEqual({ date: '2009-03-02', movedFrom: ['2009-02-28', '2009-03-01'] });
    expect(movedNote(proposal, 'en')).toBe('2009-02-28 is Saturday and 2009-03-01 is Sunday; proposing 2009-03-02');
  });

  it('says nothing when the cadence date is free', () => {
    const proposal = proposeMeetingDate(group('every 6 weeks', 'thursday'), '2027-04-01', '2027-04-02')!;
    expect(proposal).toEqual({ date: '2027-05-13', movedFrom: [] });
    expect(movedNote(proposal, 'sv')).toBeUndefined();
  });
});
