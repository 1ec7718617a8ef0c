import { monthsOf, satisfactionMonths, visitBuckets, yearOnYearRows, yearPeriods } from './yearly-figures.js';

describe('the dashboard\'s yearly figures', () => {
  it('compares the year to date with the same Shanghai days of last year, a whole past year with the year before', () => {
    const now = yearPeriods(2026, '2026-03-15')!;
    expect(now.through).toBe('2026-03-15');
    expect(now.current).toEqual({ from: new Date('2025-12-31T16:00:00Z'), to: new Date('2026-03-15T16:00:00Z') });
    expect([now.previousFrom, now.previousThrough]).toEqual(['2025-01-01', '2025-03-15']);
    expect(now.previous).toEqual({ from: new Date('2024-12-31T16:00:00Z'), to: new Date('2025-03-15T16:00:00Z') });
    const past = yearPeriods(2025, '2026-03-15')!;
    expect([past.through, past.previousThrough]).toEqual(['2025-12-31', '2024-12-31']);
    expect(past.current.to).toEqual(new Date('2025-12-31T16:00:00Z'));
    expect(yearPeriods(2024, '2024-02-29')!.previousThrough).toBe('2023-02-28');
    expect(yearPeriods(2027, '2026-12-31')).toBeNull();
  });

  it('gives each agency its change and shares, most inspections first, and a total; no change against an empty year', () => {
    const { agencies, total } = yearOnYearRows([
      { agencyId: 'A2', current: 30, previous: 40, joint: 6, planned: 15 },
      { agencyId: 'A1', current: 50, previous: 0, joint: 0, planned: 50 },
      { agencyId: 'A3', current: 0, previous: 8, joint: 0, planned: 0 },
    ], (id) => (id === 'A1' ? '市场监管局' : id));
    expect(agencies.map((a) => [a.agencyName, a.current, a.previous, a.change, a.jointShare, a.plannedShare])).toEqual([
      ['市场监管局', 50, 0, null, 0, 1],
      ['A2', 30, 40, -0.25, 0.2, 0.5],
      ['A3', 0, 8, -1, 0, 0],
    ]);
    expect(total).toEqual({ agencyId: '', agencyName: '合计', current: 80, previous: 48, change: 0.6667, jointShare: 0.075, plannedShare: 0.8125 });
  });

  it('buckets enterprises by visits, 4 and more together, the unvisited from the register', () => {
    expect(visitBuckets([{ visits: 1, enterprises: 7 }, { visits: 3, enterprises: 2 }, { visits: 4, enterprises: 1 }, { visits: 9, enterprises: 2 }], 20)).toEqual([
      { bucket: '0', enterprises: 8 }, { bucket: '1', enterprises: 7 }, { bucket: '2', enterprises: 0 }, { bucket: '3', enterprises: 2 }, { bucket: '4+', enterprises: 3 },
    ]);
    // Struck off since: never a negative count.
    expect(visitBuckets([{ visits: 1, enterprises: 5 }], 3)[0]).toEqual({ bucket: '0', enterprises: 0 });
  });

  it('lists the year\'s months up to the current one', () => {
    expect(monthsOf(2026, '2026-03-02')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf(2025, '2026-03-02')).toHaveLength(12);
  });

  it('hides a month of fewer than five ratings, count included; an agency does not see the running month', () => {
    const rows = [
      { month: '2026-01', ratings: 5, scoreSum: 5 * 4 * 4.5, low: 1 },
      { month: '2026-02', ratings: 4, scoreSum: 4 * 4, low: 4 },
      { month: '2026-03', ratings: 8, scoreSum: 8 * 4 * 3, low: 2 },
    ];
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const all = satisfactionMonths(months, rows, '2026-04', false);
    expect(all).toEqual([
      { month: '2026-01', ratings: 5, meanScore: 4.5, lowShare: 0.2, suppressed: false },
      { month: '2026-02', ratings: null, meanScore: null, lowShare: null, suppressed: true },
      { month: '2026-03', ratings: 8, meanScore: 3, lowShare: 0.25, suppressed: false },
      { month: '2026-04', ratings: 0, meanScore: null, lowShare: null, suppressed: false },
    ]);
    const own = satisfactionMonths(months, rows, '2026-03', true);
    expect(own.map((m) => [m.month, m.ratings, m.suppressed])).toEqual([['2026-01', 5, false], ['2026-02', null, true], ['2026-03', null, true], ['2026-04', null, true]]);
  });
});
