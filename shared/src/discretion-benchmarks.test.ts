import { benchmarkChanges, canonicalBenchmark, fenToYuanText, sameBenchmark } from './discretion-benchmarks.js';
import type { DiscretionBenchmark } from './penalty-workflow.js';
import { growthText, warningTables } from './warning-report.js';
import { disputedClauseTable, percentText } from './penalty-reports.js';

const before: DiscretionBenchmark = {
  clause: 'FSL-126',
  name: '未按规定建立并遵守进货查验记录制度',
  legalBasis: '《中华人民共和国食品安全法》第一百二十六条',
  factors: [
    { id: 'first-offence', label: '初次违法', points: -2 },
    { id: 'illegal-gains', label: '有违法所得', points: 3 },
    { id: 'harm', label: '造成危害后果', points: 4 },
  ],
  bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 0 }, { level: 'severe', minPoints: 5 }],
  ranges: { light: { min: 250_000, max: 1_250_000 }, general: { min: 1_250_000, max: 3_500_000 }, severe: { min: 3_500_000, max: 7_500_000 } },
};

describe('benchmark changes in Chinese', () => {
  it('says a first version is new, and an unchanged one has nothing to say', () => {
    expect(benchmarkChanges(null, before)).toEqual(['新建裁量基准']);
    expect(benchmarkChanges(before, structuredClone(before))).toEqual([]);
  });

  it('names each change of factors, bands and ranges, amounts in 元', () => {
    const after: DiscretionBenchmark = {
      ...before,
      legalBasis: '《中华人民共和国食品安全法》第一百二十六条第一款',
      factors: [
        { id: 'first-offence', label: '首次违法', points: -3 },
        { id: 'illegal-gains', label: '有违法所得', points: 3 },
        { id: 'refused-correction', label: '拒不改正', points: 3 },
      ],
      bands: [{ level: 'light', minPoints: -20 }, { level: 'general', minPoints: 1 }, { level: 'severe', minPoints: 5 }],
      ranges: { ...before.ranges, light: { min: 200_050, max: 1_250_000 } },
    };
    expect(benchmarkChanges(before, after)).toEqual([
      '法律依据：《中华人民共和国食品安全法》第一百二十六条 → 《中华人民共和国食品安全法》第一百二十六条第一款',
      '裁量因素“初次违法”改名为“首次违法”',
      '裁量因素“首次违法”：−2 分 → −3 分',
      '新增裁量因素“拒不改正”（+3 分）',
      '删除裁量因素“造成危害后果”（+4 分）',
      '“一般”档起点：0 分 → +1 分',
      '“从轻”档罚款幅度：2,500–12,500 元 → 2,000.5–12,500 元',
    ]);
  });

  it('notices a new order of the same factors', () => {
    expect(benchmarkChanges(before, { ...before, factors: [...before.factors].reverse() })).toEqual(['调整裁量因素的顺序']);
  });

  it('writes a benchmark with its fields in the format’s order, whatever order it was given in', () => {
    const shuffled = { ranges: before.ranges, bands: before.bands, factors: before.factors.map((f) => ({ points: f.points, label: f.label, id: f.id })), legalBasis: before.legalBasis, name: before.name, clause: before.clause };
    expect(canonicalBenchmark(shuffled)).toBe(canonicalBenchmark(before));
    expect(canonicalBenchmark(before).startsWith('{"clause":"FSL-126","name":')).toBe(true);
    expect(sameBenchmark(before, shuffled)).toBe(true);
    expect(sameBenchmark(before, { ...before, name: '另一个' })).toBe(false);
  });

  it('writes fen as 元', () => {
    expect(fenToYuanText(1_234_500)).toBe('12,345');
    expect(fenToYuanText(1_234_550)).toBe('12,345.5');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(0)).toBe('0');
  });
});

describe('report tables in Chinese', () => {
  it('shows rates and growth as readers expect them', () => {
    expect(percentText(0.125)).toBe('12.5%');
    expect(percentText(1)).toBe('100.0%');
    expect(growthText(null)).toBe('新增');
    expect(growthText(0.25)).toBe('+25.0%');
    expect(growthText(-0.1)).toBe('−10.0%');
  });

  it('lays the disputed clauses out with Chinese headers and no raw keys', () => {
    const table = disputedClauseTable({
      from: '2026-01-01', to: '2026-06-30', agencyId: null, agencyName: null, thresholds: { minObjections: 3, minRate: 0.2 }, generatedAt: '2026-07-01T08:00:00+08:00',
      totals: { cases: 10, objectedCases: 4, objections: 5, upheld: 1, disputed: 1 },
      clauses: [{ clause: 'FSL-126', name: null, cases: 10, objectedCases: 4, objections: 5, upheld: 1, pending: 2, rate: 0.4, disputed: true, suggestion: '建议修订' }],
    });
    expect(table.header[0]).toBe('条款编码');
    expect(table.rows).toEqual([['FSL-126', '（未登记裁量基准）', 10, 4, 5, 1, 2, '40.0%', '是', '建议修订']]);
  });

  it('lays the warning report out in three tables, groups flattened', () => {
    const row = { cause: 'FSL-126', causeName: '未按规定建立并遵守进货查验记录制度', cases: 12, previousYearCases: 8, growth: 0.5, fines: 1_000_000, warning: true };
    const tables = warningTables({
      year: 2025, generatedAt: '', totalCases: 12, previousYearCases: 8, thresholds: { top: 10, minCases: 10, minGrowth: 0.2 },
      top: [row], byIndustry: [{ key: '餐饮服务', cases: 12, causes: [row] }], byRegion: [{ key: '410202', cases: 12, causes: [row] }],
    });
    expect(tables.map((t) => t.title)).toEqual(['2025年高发违法行为', '按行业', '按行政区划']);
    expect(tables[0].rows).toEqual([[1, 'FSL-126', '未按规定建立并遵守进货查验记录制度', 12, 8, '+50.0%', '10,000', '预警']]);
    expect(tables[1].rows[0].slice(0, 3)).toEqual(['餐饮服务', 12, 1]);
  });
});
