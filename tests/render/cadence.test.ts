import { describe, expect, it } from 'vitest';
import { cadenceStep, nextMeetingDate } from '../../src/model/cadence.js';
import type { GroupDoc } from '../../src/model/index.js';

type Weekday = NonNullable<NonNullable<GroupDoc['meetings']>['weekday']>;
const group = (cadence?: string, weekday?: Weekday): Pick<GroupDoc, 'meetings'> => ({ meetings: { cadence, weekday } });
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('nextMeetingDate', () => {
  it('steps by weeks and keeps the weekday', () => {
    expect(nextMeetingDate(group('weekly', 'thursday'), '2009-06-11')).toBe('2009-06-18');
    expect(nextMeetingDate(group('every 6 weeks', 'thursday'), '2009-06-11')).toBe('2009-07-23');
    expect(nextMeetingDate(group('every 2 weeks'), '2009-06-11')).toBe('2009-06-25');
  });

  it('steps by calendar months and moves to the nearest of the group\'s weekday', () => {
    // 2009-06-20 is a Saturday; the nearest Wednesday is the 17th.
    expect(nextMeetingDate(group('monthly', 'wednesday'), '2009-05-20')).toBe('2009-06-17');
    expect(nextMeetingDate(group('quarterly'), '2009-01-15')).toBe('2009-04-15');
    expect(nextMeetingDate(group('half-yearly'), '2009-01-15')).toBe('2009-07-15');
    expect(nextMeetingDate(group('yearly'), '2009-01-15')).toBe('2010-01-15');
    // 2009-02-28 is a Saturday: a group without a weekday of its own meets on the next working day.
    expect(nextMeetingDate(group('monthly'), '2009-01-31')).toBe('2009-03-02');
  });

  it('has no next date for ad hoc groups, groups without a cadence, or a bad date', () => {
    expect(nextMeetingDate(group('ad hoc', 'monday'), '2009-06-11')).toBeUndefined();
    expect(nextMeetingDate({}, '2009-06-11')).toBeUndefined();
    expect(nextMeetingDate(group('weekly'), '2009-02-30')).toBeUndefined();
    expect(cadenceStep('fortnightly')).toBeUndefined();
  });

  it('always gives a later date on the group\'s weekday', () => {
    const weekdays: Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
    const cadences = ['weekly', 'every 2 weeks', 'every 6 weeks', 'monthly', 'quarterly', 'half-yearly', 'yearly'];
    for (const cadence of cadences) {
      for (const [index, weekday] of weekdays.entries()) {
        for (let day = 1; day <= 14; day++) {
          const after = `2009-03-${String(day).padStart(2, '0')}`;
          const next = nextMeetingDate(group(cadence, weekday), after)!;
          expect(next > after, `${cadence} ${weekday} after ${after}`).toBe(true);
          expect(weekdayOf(next)).toBe(index);
        }
      }
    }
  });
});
