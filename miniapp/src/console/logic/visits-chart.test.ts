import type { VisitsByMonthView } from '@mashang/shared';
import { visitsChartOption, visitsTable } from './visits-chart';

const VIEW: VisitsByMonthView = {
  months: ['2026-11', '2026-12'],
  rows: [
    { agencyId: 'BIZ', agencyName: '营商环境局', month: '2026-12', counts: { 'return-visit': 2, 'policy-visit': 1, 'research-visit': 0, accompanied: 1 }, total: 4 },
    { agencyId: 'A1', agencyName: '市场监管局', month: '2026-12', counts: { 'return-visit': 0, 'policy-visit': 3, 'research-visit': 0, accompanied: 0 }, total: 3 },
    { agencyId: 'BIZ', agencyName: '营商环境局', month: '2026-11', counts: { 'return-visit': 1, 'policy-visit': 0, 'research-visit': 2, accompanied: 0 }, total: 3 },
  ],
  totals: { 'return-visit': 3, 'policy-visit': 4, 'research-visit': 2, accompanied: 1 },
};

describe('the dashboard\'s visits section', () => {
  it('stacks each kind per month over every agency, named in Chinese', () => {
    const option = visitsChartOption(VIEW) as { series: { name: string; data: number[] }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['2026-11', '2026-12']);
    expect(option.series.map((s) => s.name)).toEqual(['回访', '政策宣传', '走访调研', '陪同执法']);
    expect(option.series.map((s) => s.data)).toEqual([[1, 2], [0, 4], [2, 0], [0, 1]]);
  });

  it('tables one row per agency and month with Chinese headers and a total', () => {
    const table = visitsTable(VIEW);
    expect(table.header).toEqual(['月份', '部门', '回访', '政策宣传', '走访调研', '陪同执法', '合计']);
    expect(table.rows[0]).toEqual(['2026-12', '营商环境局', 2, 1, 0, 1, 4]);
    expect(table.rows).toHaveLength(3);
  });
});
