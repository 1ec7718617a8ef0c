import type { SatisfactionTrendView, VisitsPerEnterpriseView, YearOnYearView } from '@mashang/shared';
import { COLORS } from '../../styles/tokens';
import {
  anySuppressed, bucketShare, changeText, mostVisitedRows, periodText, satisfactionChart, satisfactionRows, visitsChart, yearChoices, yearOnYearChart, yearOnYearRows,
} from './dashboard-sections';

const row = (agencyId: string, agencyName: string, current: number, previous: number, change: number | null) => ({ agencyId, agencyName, current, previous, change, jointShare: 0.25, plannedShare: 0.5 });
const YOY: YearOnYearView = {
  year: 2026,
  through: '2026-12-06',
  previousFrom: '2025-01-01',
  previousThrough: '2025-12-06',
  agencies: [row('A1', '市场监管局', 30, 20, 0.5), row('A2', '消防支队', 10, 0, null)],
  total: row('', '合计', 40, 20, 1),
};

describe('the dashboard\'s yearly sections', () => {
  it('offers this year and the four before, and writes the change as a signed percentage', () => {
    expect(yearChoices('2026-12-06')).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect([changeText(0.5), changeText(-0.25), changeText(0), changeText(null), changeText(-1)]).toEqual(['+50.0%', '−25.0%', '持平', '去年同期无', '−100.0%']);
    expect(periodText('2025-01-01', '2025-12-06')).toBe('2025年1月1日至12月6日');
  });

  it('charts this year against last year\'s same period per agency, the change as each bar\'s label', () => {
    const option = yearOnYearChart(YOY) as any;
    // Horizontal bars, the busiest agency at the top.
    expect(option.yAxis.data).toEqual(['消防支队', '市场监管局']);
    expect(option.series.map((s: any) => [s.name, s.data])).toEqual([['2025年同期', [0, 20]], ['2026年', [10, 30]]]);
    expect(option.series[1].label.formatter({ dataIndex: 1 })).toBe('+50.0%');
    expect(option.series[1].label.formatter({ dataIndex: 0 })).toBe('去年同期无');
    expect(yearOnYearRows(YOY)).toEqual([
      ['市场监管局', '30', '20', '+50.0%', '25.0%', '50.0%'],
      ['消防支队', '10', '0', '去年同期无', '25.0%', '50.0%'],
      ['合计', '40', '20', '+100.0%', '25.0%', '50.0%'],
    ]);
  });

  const VISITS: VisitsPerEnterpriseView = {
    year: 2026,
    through: '2026-12-06',
    registered: 200,
    buckets: [{ bucket: '0', enterprises: 150 }, { bucket: '1', enterprises: 30 }, { bucket: '2', enterprises: 12 }, { bucket: '3', enterprises: 5 }, { bucket: '4+', enterprises: 3 }],
    top: [
      { creditCode: '91410200MA0006011X', name: '开封第1号饭店', visits: 6, agencies: [{ agencyId: 'A1', agencyName: '市场监管局', inspections: 4 }, { agencyId: 'A2', agencyName: '消防支队', inspections: 2 }] },
      { creditCode: '91410200MA0006022X', name: null, visits: 4, agencies: [{ agencyId: 'A1', agencyName: '市场监管局', inspections: 4 }] },
    ],
  };

  it('draws the visit buckets in Chinese, three visits and more in the warning colour, and links the most visited to the register', () => {
    const option = visitsChart(VISITS) as any;
    expect(option.xAxis.data).toEqual(['未检查', '1次', '2次', '3次', '4次及以上']);
    expect(option.series[0].data.map((d: any) => [d.value, d.itemStyle.color])).toEqual([
      [150, COLORS.primary], [30, COLORS.primary], [12, COLORS.primary], [5, COLORS.danger], [3, COLORS.danger],
    ]);
    expect(bucketShare(30, 200)).toBe('15.0%');
    expect(bucketShare(0, 0)).toBe('—');
    expect(mostVisitedRows(VISITS)).toEqual([
      { creditCode: '91410200MA0006011X', name: '开封第1号饭店', agencies: '市场监管局 4次、消防支队 2次', visits: 6, link: '/console/pages/registers/index?r=enterprises&q=91410200MA0006011X' },
      { creditCode: '91410200MA0006022X', name: '（不在企业名录中）', agencies: '市场监管局 4次', visits: 4, link: '/console/pages/registers/index?r=enterprises&q=91410200MA0006022X' },
    ]);
  });

  it('leaves a hidden month out of the satisfaction chart (a gap, not a zero) and says why in the table', () => {
    const view: SatisfactionTrendView = {
      year: 2026,
      agencyId: null,
      agencyName: null,
      minRatings: 5,
      months: [
        { month: '2026-01', ratings: 8, meanScore: 4.25, lowShare: 0.125, suppressed: false },
        { month: '2026-02', ratings: null, meanScore: null, lowShare: null, suppressed: true },
        { month: '2026-03', ratings: 0, meanScore: null, lowShare: null, suppressed: false },
      ],
    };
    const option = satisfactionChart(view) as any;
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月']);
    expect(option.series[0].data).toEqual([4.25, null, null]);
    expect(option.series[1].data).toEqual([12.5, null, null]);
    expect(satisfactionRows(view)).toEqual([['1月', '8', '4.25', '12.5%'], ['2月', '不足5条，不显示', '—', '—'], ['3月', '0', '—', '—']]);
    expect(anySuppressed(view)).toBe(true);
  });
});
