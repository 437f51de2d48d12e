/** Table tests of the one home of plan status: actions, indicators, periods, roll-ups, follow-up periods and the outline. */
import { describe, expect, it } from 'vitest';
import type { Action, Indicator, PlanDoc } from '../../src/model/index.js';
import { planOutline } from '../../src/model/plan-outline.js';
import { actionState, followUpPeriods, indicatorState, isOverdue, MAX_FOLLOW_UP_PERIODS, periodEnd, rollUp } from '../../src/model/plan-status.js';

const action = (over: Partial<Action>): Action => ({ id: 'a1', title: 'Åtgärd', responsible: 'alfa', due: '2009-06-30', status: 'ongoing', ...over });

describe('actionState', () => {
  const asOf = '2009-06-01';
  it.each([
    ['done stays done after its due date', { status: 'done', due: '2009-01-31' }, 'done', 'green', undefined],
    ['cancelled is cancelled, never overdue', { status: 'cancelled', due: '2009-01-31' }, 'cancelled', 'grey', undefined],
    ['open past its due date is overdue since that date', { status: 'ongoing', due: '2009-04-30' }, 'overdue', 'red', '2009-04-30'],
    ['paused past its due date is overdue too', { status: 'paused', due: '2009-04-30' }, 'overdue', 'red', '2009-04-30'],
    ['paused before its due date', { status: 'paused', due: '2009-12-31' }, 'paused', 'yellow', undefined],
    ['planned that should have started', { status: 'planned', start: '2009-03-01', due: '2009-12-31' }, 'at-risk', 'yellow', undefined],
    ['planned and due within a month', { status: 'planned', due: '2009-06-20' }, 'at-risk', 'yellow', undefined],
    ['planned, far off', { status: 'planned', due: '2009-12-31' }, 'not-started', 'grey', undefined],
    ['ongoing far behind its pace', { status: 'ongoing', start: '2009-01-01', due: '2009-07-31', progress: 10 }, 'at-risk', 'yellow', undefined],
    ['ongoing on its pace', { status: 'ongoing', start: '2009-01-01', due: '2009-12-31', progress: 40 }, 'on-track', 'green', undefined],
    ['ongoing, due in two weeks and half done', { status: 'ongoing', due: '2009-06-10', progress: 50 }, 'at-risk', 'yellow', undefined],
  ] as const)('%s', (_name, over, kind, color, since) => {
    const state = actionState(action(over as Partial<Action>), asOf);
    expect(state.kind).toBe(kind);
    expect(state.color).toBe(color);
    expect(state.since).toBe(since);
  });

  it('tells an action overdue since 2009 by its date in 2026, not by thousands of days', () => {
    const state = actionState(action({ due: '2009-06-30', status: 'ongoing' }), '2026-01-15');
    expect(state).toMatchObject({ kind: 'overdue', since: '2009-06-30' });
    expect(isOverdue(action({ due: '2009-06-30' }), '2026-01-15')).toBe(true);
    expect(isOverdue(action({ due: '2009-06-30', status: 'done' }), '2026-01-15')).toBe(false);
  });
});

describe('periodEnd', () => {
  it.each([
    ['2010', '2010-12-31'],
    ['2019-03', '2019-03-31'],
    ['2008-02', '2008-02-29'],
    ['2008-H1', '2008-06-30'],
    ['2008-H2', '2008-12-31'],
    ['2008-Q3', '2008-09-30'],
    ['2008-T2', '2008-08-31'],
    ['2009-06-15', '2009-06-15'],
    ['2008/09', '2009-12-31'],
    ['2008–2010', '2010-12-31'],
    ['hösten', null],
    ['2008-H3', null],
  ])('%s ends %s', (period, end) => {
    expect(periodEnd(period)).toBe(end);
  });
});

describe('indicatorState', () => {
  const ind = (over: Partial<Indicator>): Indicator => ({ id: 'i1', name: 'Indikator', ...over });
  const base = { period: '2007', value: 10 };
  it.each([
    ['nothing measured', { baseline: base, target: { period: '2010', value: 30 } }, '2009-06-01', 'no-data', 'no-measurement'],
    ['no target', { baseline: base, measurements: [{ period: '2008', value: 12 }] }, '2009-06-01', 'no-data', 'no-target'],
    ['one value and nothing to compare', { target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 12 }] }, '2009-06-01', 'no-data', 'too-few'],
    ['target reached', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2009', value: 31 }] }, '2009-06-01', 'reached', undefined],
    // The bug this replaces: a target period long past, target not met, and the trend called it green.
    ['target period passed, not reached', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 14 }, { period: '2009', value: 19 }] }, '2026-01-15', 'missed', undefined],
    ['the target period measured short of it', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2010', value: 25 }] }, '2010-06-01', 'missed', undefined],
    ['on the straight line to the target', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 17 }] }, '2009-06-01', 'on-track', undefined],
    ['right way but too slow', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2009', value: 12 }] }, '2009-06-01', 'at-risk', 'too-slow'],
    ['wrong way', { baseline: { period: '2007', value: 161 }, direction: 'decrease', target: { period: '2010', value: 120 }, measurements: [{ period: '2008', value: 170 }] }, '2009-06-01', 'at-risk', 'wrong-direction'],
    ['unchanged', { baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 10 }] }, '2009-06-01', 'at-risk', 'unchanged'],
    ['decrease reached', { baseline: { period: '2007', value: 161 }, direction: 'decrease', target: { period: '2010', value: 120 }, measurements: [{ period: '2009', value: 118 }] }, '2009-06-01', 'reached', undefined],
  ] as const)('%s', (_name, over, asOf, kind, reason) => {
    const state = indicatorState(ind(over as Partial<Indicator>), asOf);
    expect(state.kind).toBe(kind);
    expect(state.reason).toBe(reason);
  });

  it('uses colour together with the kind, never a green for a missed target', () => {
    const missed = indicatorState(ind({ baseline: base, target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 20 }, { period: '2009', value: 25 }] }), '2011-03-01');
    expect([missed.kind, missed.color]).toEqual(['missed', 'red']);
  });
});

describe('rollUp', () => {
  it('counts an action that serves several goals once', () => {
    const shared = action({ id: 'a1', goals: ['m1', 'm2'], status: 'done' });
    const other = action({ id: 'a2', goals: ['m2'], status: 'ongoing', progress: 50, due: '2009-12-31' });
    // The same action reached through two goals, as a plan-wide list of "actions serving a goal" would have it.
    const r = rollUp([shared, other, shared], '2009-06-01');
    expect(r).toMatchObject({ total: 2, done: 1, overdue: 0, cancelled: 0, percent: 75, kind: 'on-track' });
  });

  it.each([
    ['no actions', [], 'no-actions', 'grey'],
    ['all cancelled', [action({ status: 'cancelled' })], 'all-cancelled', 'grey'],
    ['done and cancelled', [action({ status: 'done' }), action({ id: 'a2', status: 'cancelled' })], 'done-or-cancelled', 'green'],
    ['one overdue', [action({ status: 'done' }), action({ id: 'a2', due: '2009-01-31' })], 'overdue', 'red'],
    ['one at risk', [action({ id: 'a2', status: 'planned', start: '2009-01-01', due: '2009-12-31' })], 'at-risk', 'yellow'],
  ] as const)('%s', (_name, actions, kind, color) => {
    const r = rollUp(actions as unknown as Action[], '2009-06-01');
    expect([r.kind, r.color]).toEqual([kind, color]);
  });
});

const plan: PlanDoc = {
  kind: 'plan',
  id: 'p',
  title: 'Plan',
  owner: 'alfa',
  period: { start: '2008-01-01', end: '2010-12-31' },
  goals: [
    {
      id: 'm1',
      title: 'Mål ett',
      subgoals: [
        { id: 'd1', title: 'Delmål ett' },
        { id: 'd2', title: 'Delmål två' },
      ],
      indicators: [{ id: 'i1', name: 'Ärenden', baseline: { period: '2007', value: 10 }, target: { period: '2010', value: 30 }, measurements: [{ period: '2008', value: 14 }, { period: '2009', value: 19 }] }],
    },
    { id: 'm2', title: 'Mål två' },
  ],
  actions: [
    action({ id: 'a1', goals: ['d1'], due: '2008-10-31', status: 'done', follow_up: [{ date: '2008-10-15', status: 'done' }] }),
    action({ id: 'a2', goals: ['d2', 'm2'], due: '2009-04-30', status: 'ongoing' }),
    action({ id: 'a3', goals: ['m1'], due: '2008-12-31', status: 'done', follow_up: [{ date: '2009-02-01', status: 'done' }] }),
    action({ id: 'a4', goals: ['m2'], due: '2009-12-31', status: 'planned' }),
    action({ id: 'a5', due: '2010-06-30', status: 'planned' }),
    action({ id: 'a6', goals: ['d1'], due: '2008-06-30', status: 'cancelled', follow_up: [{ date: '2008-05-01', status: 'cancelled' }] }),
  ],
};

describe('planOutline', () => {
  it('numbers goals, sub-goals and actions 1, 1.1, 1.1.1; direct actions after the sub-goals; shared actions keep one number', () => {
    const o = planOutline(plan);
    expect(Object.fromEntries(o.goalNumber)).toEqual({ m1: '1', d1: '1.1', d2: '1.2', m2: '2' });
    expect(Object.fromEntries(o.actionNumber)).toEqual({ a1: '1.1.1', a6: '1.1.2', a2: '1.2.1', a3: '1.3', a4: '2.1', a5: '3.1' });
    // a2 serves d2 and m2: listed under both, with its one number.
    expect(o.goals[1].actions.map((a) => a.id)).toEqual(['a2', 'a4']);
    expect(o.unlinked?.number).toBe('3');
  });
});

describe('followUpPeriods', () => {
  it('tells per year what was done, what slipped and what the indicators showed then', () => {
    const periods = followUpPeriods(plan, '2009-06-01');
    expect(periods.map((p) => [p.year, p.partial])).toEqual([[2008, false], [2009, true]]);
    const [y2008, y2009] = periods;
    expect(y2008.done.map((a) => a.id)).toEqual(['a1']);
    // a3 was due in 2008 and done only in February 2009: it slipped in 2008, and counts as done in 2009.
    expect(y2008.slipped.map((s) => [s.action.id, s.closedOn])).toEqual([['a3', '2009-02-01'], ['a6', '2008-05-01']]);
    expect(y2009.done.map((a) => a.id)).toEqual(['a3']);
    expect(y2009.slipped.map((s) => [s.action.id, s.state.kind, s.state.since])).toEqual([['a2', 'overdue', '2009-04-30']]);
    expect(y2008.measured.map((m) => [m.measure.value, m.state.kind])).toEqual([[14, 'at-risk']]);
    expect(y2009.measured.map((m) => m.measure.value)).toEqual([19]);
  });

  it('has half-years when the plan is followed up half-yearly, and nothing before the plan starts', () => {
    const half = followUpPeriods({ ...plan, follow_up: { cadence: 'half-yearly' } }, '2008-09-01');
    expect(half.map((p) => [p.start, p.end, p.half])).toEqual([['2008-01-01', '2008-06-30', 1], ['2008-07-01', '2008-12-31', 2]]);
    expect(followUpPeriods(plan, '2007-06-01')).toEqual([]);
  });

  it('tells only the latest periods of a plan dated from year 1, without walking the centuries', () => {
    const ancient = { ...plan, period: { start: '0001-01-01', end: '2010-12-31' }, follow_up: { cadence: 'quarterly' } };
    const periods = followUpPeriods(ancient, '2009-06-01');
    expect(periods).toHaveLength(MAX_FOLLOW_UP_PERIODS);
    expect([periods[0].start, periods.at(-1)!.end]).toEqual(['1994-07-01', '2009-06-30']);
  });
});
