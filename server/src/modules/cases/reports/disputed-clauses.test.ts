import { disputedClauses, isDisputed, type ClauseTally } from './disputed-clauses.js';
import { reportPeriod } from './report-period.js';

const tally = (clause: string, cases: number, objectedCases: number, objections: number, upheld = 0, pending = 0): ClauseTally => ({ clause, cases, objectedCases, objections, upheld, pending });
const THRESHOLDS = { minObjections: 3, minRate: 0.2 };
const PERIOD = { from: '2026-01-01', to: '2026-06-30', agencyId: null, agencyName: null, generatedAt: '2026-07-01T09:00:00+08:00' };

describe('disputed clauses', () => {
  it('needs both thresholds: enough objections and a high enough share of cases objected to', () => {
    expect(isDisputed(tally('A', 10, 2, 3), THRESHOLDS)).toBe(true); // 20 %: at the rate threshold
    expect(isDisputed(tally('A', 10, 2, 2), THRESHOLDS)).toBe(false); // too few objections
    expect(isDisputed(tally('A', 11, 2, 5), THRESHOLDS)).toBe(false); // 18.2 %: under the rate
    expect(isDisputed(tally('A', 3, 3, 3), { minObjections: 4, minRate: 0.1 })).toBe(false);
    expect(isDisputed(tally('A', 0, 0, 0), { minObjections: 1, minRate: 0.01 })).toBe(false);
  });

  it('judges the exact share, not the rounded one it shows', () => {
    // 999 of 2000 shows as 50.0 % but is under half; 1 of 3 shows as 33.3 % but is above 33.32 %.
    expect(isDisputed(tally('A', 2000, 999, 999), { minObjections: 1, minRate: 0.5 })).toBe(false);
    expect(disputedClauses([tally('A', 2000, 999, 999)], new Map(), { minObjections: 1, minRate: 0.5 }, PERIOD).clauses[0]).toMatchObject({ rate: 0.5, disputed: false });
    expect(isDisputed(tally('A', 3, 1, 1), { minObjections: 1, minRate: 0.3332 })).toBe(true);
  });

  it('computes rates and totals, lists disputed clauses first with a suggestion naming the numbers', () => {
    const report = disputedClauses(
      [tally('FSL-126', 20, 8, 9, 3, 2), tally('PRL-42', 40, 4, 4), tally('FPL-60', 5, 5, 6, 0, 6), tally('ADL-58', 10, 0, 0)],
      new Map([['FSL-126', '未按规定建立并遵守进货查验记录制度'], ['PRL-42', '不执行明码标价规定']]),
      THRESHOLDS,
      PERIOD,
    );
    expect(report.clauses.map((c) => [c.clause, c.rate, c.disputed])).toEqual([
      ['FPL-60', 1, true], ['FSL-126', 0.4, true], ['PRL-42', 0.1, false], ['ADL-58', 0, false],
    ]);
    expect(report.totals).toEqual({ cases: 75, objectedCases: 17, objections: 19, upheld: 3, disputed: 2 });
    const [noBenchmark, named] = report.clauses;
    expect(noBenchmark.name).toBeNull();
    expect(noBenchmark.suggestion).toBe('异议率 100.0%（5 件中 5 件被提出异议，共 6 件异议），达到提示标准（异议不少于 3 件且异议率不低于 20.0%）。该条款尚未登记裁量基准，建议制定。');
    expect(named.suggestion).toBe('异议率 40.0%（20 件中 8 件被提出异议，共 9 件异议），达到提示标准（异议不少于 3 件且异议率不低于 20.0%）；其中 3 件异议经复核成立。建议复核并修订该条款的裁量基准。');
    expect(report.clauses[2].suggestion).toBeNull();
    expect(report).toMatchObject({ from: '2026-01-01', to: '2026-06-30', thresholds: THRESHOLDS });
  });

  it('moves a clause across the line when the thresholds move', () => {
    const tallies = [tally('PRL-42', 40, 4, 4)];
    expect(disputedClauses(tallies, new Map(), THRESHOLDS, PERIOD).totals.disputed).toBe(0);
    expect(disputedClauses(tallies, new Map(), { minObjections: 4, minRate: 0.1 }, PERIOD).totals.disputed).toBe(1);
    expect(disputedClauses(tallies, new Map(), { minObjections: 5, minRate: 0.1 }, PERIOD).totals.disputed).toBe(0);
  });
});

describe('report period', () => {
  it('defaults to the year so far, and checks dates and their order', () => {
    expect(reportPeriod(undefined, undefined, '2026-05-17').period).toEqual({ from: '2026-01-01', to: '2026-05-17' });
    expect(reportPeriod(undefined, '2025-03-31', '2026-05-17').period).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(reportPeriod('2026-02-30', 'x', '2026-05-17').problems.map((p) => p.field)).toEqual(['from', 'to']);
    expect(reportPeriod(undefined, '9999-12-31', '2026-05-17').problems).toEqual([{ field: 'to', reason: '须在 1900 年至 2999 年之间' }]);
    expect(reportPeriod('2026-06-01', '2026-05-01', '2026-05-17').problems).toEqual([{ field: 'from', reason: '起始日期不能晚于截止日期 2026-05-01' }]);
  });
});
