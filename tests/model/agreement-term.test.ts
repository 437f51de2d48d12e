/** The term of an agreement on a day (src/model/agreement-term.ts) and who pays what (agreement-costs.ts), as tables. */
import { describe, expect, it } from 'vitest';
import { costSharing, splitWhole } from '../../src/model/agreement-costs.js';
import { endAfterNotice, statusConflicts, termState, type TermPhase } from '../../src/model/agreement-term.js';
import type { AgreementDoc } from '../../src/model/index.js';

type Term = AgreementDoc['term'];
type Status = AgreementDoc['status'];

describe('termState', () => {
  const cases: Array<{ name: string; term: Term; status?: Status; asOf: string; phase: TermPhase; periodEnd: string | null; renewals?: number; noticeBy?: string | null; lastDay?: string | null }> = [
    { name: 'fixed term, running', term: { start: '2024-01-01', end: '2026-12-31' }, asOf: '2025-03-01', phase: 'in-force', periodEnd: '2026-12-31', lastDay: '2026-12-31' },
    { name: 'fixed term, last 90 days', term: { start: '2024-01-01', end: '2026-12-31' }, asOf: '2026-10-15', phase: 'ending', periodEnd: '2026-12-31' },
    { name: 'fixed term, over', term: { start: '2024-01-01', end: '2026-12-31' }, asOf: '2027-01-01', phase: 'ended', periodEnd: '2026-12-31', lastDay: '2026-12-31' },
    { name: 'not started', term: { start: '2024-01-01', end: '2026-12-31' }, asOf: '2023-12-31', phase: 'not-started', periodEnd: '2026-12-31' },
    { name: 'draft whatever the dates', term: { start: '2024-01-01', end: '2026-12-31' }, status: 'draft', asOf: '2025-01-01', phase: 'draft', periodEnd: '2026-12-31' },
    { name: 'until further notice', term: { start: '2007-03-01', end: null, notice_months: 12 }, asOf: '2030-01-01', phase: 'in-force', periodEnd: null, lastDay: null },
    {
      name: 'yearly, first period: notice by end less notice',
      term: { start: '2024-01-01', end: '2026-12-31', notice_months: 6, renewal: 'yearly' },
      asOf: '2026-03-01',
      phase: 'in-force',
      periodEnd: '2026-12-31',
      renewals: 0,
      noticeBy: '2026-06-30',
      lastDay: null,
    },
    {
      name: 'yearly, near its end is not "ending": it renews',
      term: { start: '2024-01-01', end: '2026-12-31', notice_months: 6, renewal: 'yearly' },
      asOf: '2026-12-15',
      phase: 'in-force',
      periodEnd: '2026-12-31',
      noticeBy: '2026-06-30',
    },
    {
      name: 'yearly, renewed three times',
      term: { start: '2008-04-01', end: '2010-03-31', notice_months: 6, renewal: 'yearly' },
      asOf: '2013-01-15',
      phase: 'in-force',
      periodEnd: '2013-03-31',
      renewals: 3,
      noticeBy: '2012-09-30',
    },
    {
      name: 'yearly, notice given in time: ends at the running period',
      term: { start: '2024-01-01', end: '2026-12-31', notice_months: 6, renewal: 'yearly', notice_given: '2026-05-02' },
      status: 'terminated',
      asOf: '2026-10-15',
      phase: 'ending',
      periodEnd: '2026-12-31',
      lastDay: '2026-12-31',
      noticeBy: null,
    },
    {
      name: 'yearly, notice given too late: runs one more year',
      term: { start: '2024-01-01', end: '2026-12-31', notice_months: 6, renewal: 'yearly', notice_given: '2026-08-01' },
      status: 'terminated',
      asOf: '2027-03-01',
      phase: 'in-force',
      periodEnd: '2027-12-31',
      lastDay: '2027-12-31',
      renewals: 1,
    },
    {
      name: 'until further notice, notice given: ends when the notice period has run',
      term: { start: '2010-09-01', end: null, notice_months: 6, notice_given: '2026-02-15' },
      status: 'terminated',
      asOf: '2026-09-01',
      phase: 'ended',
      periodEnd: '2026-08-15',
      lastDay: '2026-08-15',
    },
    { name: '29 February does not drift', term: { start: '2020-03-01', end: '2024-02-29', renewal: 'yearly' }, asOf: '2028-02-01', phase: 'in-force', periodEnd: '2028-02-29', renewals: 4 },
  ];
  it.each(cases)('$name', (c) => {
    const state = termState({ term: c.term, status: c.status }, c.asOf);
    expect(state.phase).toBe(c.phase);
    expect(state.periodEnd).toBe(c.periodEnd);
    if (c.renewals !== undefined) expect(state.renewals).toBe(c.renewals);
    if (c.noticeBy !== undefined) expect(state.noticeBy).toBe(c.noticeBy);
    if (c.lastDay !== undefined) expect(state.lastDay).toBe(c.lastDay);
  });

  it('the running period starts the day after the previous end', () => {
    expect(termState({ term: { start: '2008-04-01', end: '2010-03-31', renewal: 'yearly' } }, '2011-06-01').periodStart).toBe('2011-04-01');
  });
});

describe('endAfterNotice', () => {
  it.each([
    { term: { start: '2020-01-01', end: '2022-12-31', notice_months: 3 }, given: '2021-01-10', end: '2021-04-10' },
    { term: { start: '2020-01-01', end: '2022-12-31', notice_months: 3 }, given: '2022-11-01', end: '2022-12-31' },
    { term: { start: '2020-01-01', end: '2022-12-31', notice_months: 3, renewal: 'yearly' as const }, given: '2022-09-30', end: '2022-12-31' },
    { term: { start: '2020-01-01', end: '2022-12-31', notice_months: 3, renewal: 'yearly' as const }, given: '2022-10-01', end: '2023-12-31' },
  ])('notice on $given ends on $end', ({ term, given, end }) => {
    expect(endAfterNotice(term as Term, given)).toBe(end);
  });
});

describe('statusConflicts', () => {
  const fixed: Term = { start: '2006-01-01', end: '2008-12-31', renewal: 'none' };
  const yearly: Term = { start: '2008-04-01', end: '2010-03-31', notice_months: 6, renewal: 'yearly' };
  it.each([
    { name: 'no status: nothing to contradict', term: fixed, status: undefined, asOf: '2009-06-01', types: [] },
    { name: 'active after a fixed end', term: fixed, status: 'active' as const, asOf: '2009-06-01', types: ['in-force-after-end'] },
    { name: 'ended after a fixed end', term: fixed, status: 'ended' as const, asOf: '2009-06-01', types: [] },
    { name: 'ended while a fixed term runs', term: fixed, status: 'ended' as const, asOf: '2007-06-01', types: ['ended-while-running'] },
    { name: 'active after the first end of a yearly renewed term', term: yearly, status: 'active' as const, asOf: '2027-01-01', types: [] },
    { name: 'ended while a yearly renewed term runs on', term: yearly, status: 'ended' as const, asOf: '2027-01-01', types: ['ended-while-running'] },
    { name: 'terminated without the day', term: yearly, status: 'terminated' as const, asOf: '2009-01-01', types: ['terminated-without-date'] },
    { name: 'terminated, and the end it led to has passed', term: { ...yearly, notice_given: '2011-08-01' }, status: 'terminated' as const, asOf: '2012-06-01', types: ['in-force-after-end'] },
    { name: 'terminated and ended', term: { ...yearly, notice_given: '2011-08-01' }, status: 'ended' as const, asOf: '2012-06-01', types: [] },
    { name: 'notice date but status active', term: { ...yearly, notice_given: '2011-08-01' }, status: 'active' as const, asOf: '2011-09-01', types: ['notice-without-termination'] },
  ])('$name', ({ term, status, asOf, types }) => {
    expect(statusConflicts({ term, status }, asOf).map((c) => c.type)).toEqual(types);
  });
});

describe('costSharing', () => {
  it('shares the budget less the external funding, and the amounts add up to it exactly', () => {
    const costs = costSharing({
      resources: {
        budget: { amount: 900000, currency: 'SEK', per: 'year' },
        funding: [{ source: 'lst', amount: { amount: 600000, currency: 'SEK', per: 'year' } }],
        cost_sharing: [
          { organization: 'a', share: 18 },
          { organization: 'b', share: 16 },
          { organization: 'c', share: 25 },
          { organization: 'd', share: 21 },
          { organization: 'e', share: 20 },
        ],
      },
    });
    expect(costs.externalTotal).toBe(600000);
    expect(costs.partiesPart).toBe(300000);
    expect(costs.shares.map((s) => s.amount)).toEqual([54000, 48000, 75000, 63000, 60000]);
  });

  it('splits to the krona by largest remainder: the parts always add up', () => {
    const shares = [3.6, 1.8, 2.4, 5.4, 3.4, 3.8, 5.6, 3.3, 4.8, 4.7, 21.4, 20.7, 14.4, 4.7];
    for (const total of [210000, 100001, 99999, 7, 1234567]) {
      const parts = splitWhole(total, shares);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - (total * shares[i]) / 100)).toBeLessThan(1));
    }
    expect(splitWhole(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('does not take off funding for another period or currency, and then gives no amounts', () => {
    const costs = costSharing({
      resources: {
        budget: { amount: 900000, per: 'year' },
        funding: [{ source: 'lst', amount: { amount: 200000, per: 'total' } }],
        cost_sharing: [{ organization: 'a', share: 100 }],
      },
    });
    expect(costs.external[0].counted).toBe(false);
    expect(costs.partiesPart).toBeNull();
    expect(costs.shares[0].amount).toBeNull();
  });

  it('adds up shares written with one decimal without float noise', () => {
    const costs = costSharing({ resources: { cost_sharing: [0.1, 0.2, 99.7].map((share, i) => ({ organization: `p${i}`, share })) } });
    expect(costs.shareTotal).toBe(100);
  });
});
