import type { DisputedClausesReport, ViolationWarningReport } from '@mashang/shared';
import { COLORS } from '../../styles/tokens';
import { disputedChartOption, industryChartOption, warningChartOption } from './penalty-charts';
import { periodProblem, PERIOD_PRESETS, warningYears } from './report-periods';

const clause = (code: string, name: string | null, rate: number, disputed: boolean) => ({ clause: code, name, cases: 10, objectedCases: rate * 10, objections: rate * 10, upheld: 0, pending: 0, rate, disputed, suggestion: null });

describe('penalty report charts', () => {
  it('draws the objection rate per clause in percent, highest on top, disputed ones in the warning colour, with the threshold line', () => {
    const report = { thresholds: { minObjections: 3, minRate: 0.25 }, clauses: [clause('FSL-126', '进货查验', 0.4, true), clause('PRL-42', null, 0.1, false)] } as DisputedClausesReport;
    const option = disputedChartOption(report) as any;
    expect(option.yAxis.data).toEqual(['PRL-42', '进货查验（FSL-126）']);
    expect(option.series[0].data).toEqual([{ value: 10, itemStyle: { color: COLORS.primary } }, { value: 40, itemStyle: { color: COLORS.danger } }]);
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 25 }]);
  });

  it('sets the year’s causes against the year before, warnings marked', () => {
    const row = (cause: string, cases: number, previous: number, warning: boolean) => ({ cause, causeName: cause === 'A' ? '甲' : null, cases, previousYearCases: previous, growth: null, fines: 0, warning });
    const option = warningChartOption({ year: 2025, top: [row('A', 12, 8, true), row('B', 5, 6, false)] } as ViolationWarningReport) as any;
    expect(option.yAxis.data).toEqual(['B', '甲（A）']);
    expect(option.series.map((s: { name: string }) => s.name)).toEqual(['2025年', '2024年']);
    expect(option.series[0].data[1]).toEqual({ value: 12, itemStyle: { color: COLORS.danger } });
    expect(option.series[1].data).toEqual([6, 8]);
  });

  it('draws the ten industries with most cases, largest on top', () => {
    const byIndustry = Array.from({ length: 12 }, (_, i) => ({ key: `行业${i}`, cases: 12 - i, causes: [] }));
    const option = industryChartOption({ byIndustry } as unknown as ViolationWarningReport) as any;
    expect(option.yAxis.data).toEqual(['行业9', '行业8', '行业7', '行业6', '行业5', '行业4', '行业3', '行业2', '行业1', '行业0']);
    expect(option.series[0].data[9]).toBe(12);
  });
});

describe('report periods', () => {
  it('offers this year, the last twelve months and last year', () => {
    expect(PERIOD_PRESETS.map((p) => [p.label, p.of('2026-05-17')])).toEqual([
      ['今年以来', { from: '2026-01-01', to: '2026-05-17' }],
      ['近一年', { from: '2025-05-18', to: '2026-05-17' }],
      ['上一年度', { from: '2025-01-01', to: '2025-12-31' }],
    ]);
  });

  it('checks a typed period', () => {
    expect(periodProblem({ from: '2026-01-01', to: '2026-02-30' })).toMatch(/YYYY-MM-DD/);
    expect(periodProblem({ from: '2026-03-01', to: '2026-02-01' })).toMatch(/不能晚于/);
    expect(periodProblem({ from: '2026-01-01', to: '2026-01-01' })).toBeNull();
  });

  it('offers the stored years and the two latest, not the future', () => {
    expect(warningYears([2023, 2025, 2027], '2026-03-01')).toEqual([2026, 2025, 2023]);
  });
});
