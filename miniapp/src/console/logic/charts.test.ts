import type { DashboardView } from '@mashang/shared';
import { COLORS } from '../../styles/tokens';
import { chartOptions, ruleChartOption } from './charts';

const VIEW: DashboardView = {
  asOf: '2026-05-10',
  today: { basis: 'checked-in', total: 3, byAgency: [{ agencyId: 'A1', agencyName: '市场监管局', count: 3 }] },
  inspectionsByMonth: { months: ['2026-04', '2026-05'], series: [{ agencyId: 'A1', agencyName: '市场监管局', counts: [4, 2] }] },
  satisfaction: [
    { agencyId: 'A1', agencyName: '市场监管局', ratings: 10, meanScore: 4.2, approveRate: 0.9 },
    { agencyId: 'A2', agencyName: '消防支队', ratings: 4, meanScore: 3.1, approveRate: 0.5 },
  ],
  inspectionRate: { inspected: 30, registered: 25, rate: 1.2 },
  jointVsSingle: { months: ['2026-05'], joint: [2], single: [5] },
  openFlagsByAge: [{ bucket: '3天内', count: 1 }],
};

describe('dashboard charts', () => {
  const options = chartOptions(VIEW);

  it('draws bars in the brand colour, satisfaction as percentages, worst at the top', () => {
    expect(options.today).toMatchObject({ xAxis: { data: ['市场监管局'] }, series: [{ type: 'bar', data: [3], itemStyle: { color: COLORS.primary } }] });
    expect(options.satisfaction).toMatchObject({ yAxis: { data: ['消防支队', '市场监管局'] }, xAxis: { max: 100 }, series: [{ data: [50, 90] }] });
  });

  it('never shows a negative share of enterprises not inspected', () => {
    expect(options['inspection-rate']).toMatchObject({ series: [{ type: 'pie', data: [{ value: 30 }, { name: '未检查', value: 0 }] }] });
  });

  it('stacks joint and single inspections per month', () => {
    expect(options['joint-vs-single']).toMatchObject({ series: [{ name: '联合检查', stack: 'all', data: [2] }, { name: '单独检查', stack: 'all', data: [5] }] });
  });
});

describe('the report\'s chart of findings per rule', () => {
  it('lists every rule of the set by its Chinese title, the first rule at the top', () => {
    const option = ruleChartOption({
      asOf: '2026-11-20', ruleSet: 'v2', generatedAt: '2026-11-21T02:00:00+08:00', byAgency: [],
      byRule: [
        { rule: 'uncoded-inspection', title: '未亮码检查', severity: 'high', count: 3 },
        { rule: 'fine-surge', title: '罚没激增（趋利性执法）', severity: 'high', count: 0 },
      ],
    });
    expect(option).toMatchObject({ yAxis: { data: ['罚没激增（趋利性执法）', '未亮码检查'] }, series: [{ type: 'bar', data: [0, 3] }] });
  });
});
