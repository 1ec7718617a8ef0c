import type { OffsiteShareRow } from '@mashang/shared';
import { offsiteShareOption, shareMonths, sharePercent, shareTable } from './offsite-share';

const rows: OffsiteShareRow[] = [
  { agencyId: 'A1', agencyName: '市场监管局', month: '2026-11', total: 4, offsite: 1, share: 0.25 },
  { agencyId: 'A2', agencyName: '消防救援支队', month: '2026-12', total: 3, offsite: 2, share: 0.667 },
  { agencyId: 'A1', agencyName: '市场监管局', month: '2026-12', total: 2, offsite: 0, share: 0 },
];

describe('the off-site share on the dashboard', () => {
  it('draws a line per agency over the months, in percent, with gaps where an agency had no checks', () => {
    const option = offsiteShareOption(rows) as { xAxis: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
    expect(option.xAxis.data).toEqual(['2026-11', '2026-12']);
    expect(option.series).toEqual([
      expect.objectContaining({ name: '市场监管局', data: [25, 0] }),
      expect.objectContaining({ name: '消防救援支队', data: [null, 66.7] }),
    ]);
  });

  it('lists every agency and month, newest first, as counts and a percentage', () => {
    expect(shareMonths([])).toEqual([]);
    expect(sharePercent(0.667)).toBe('66.7%');
    expect(shareTable(rows)).toEqual([
      ['2026-12', '市场监管局', '0 / 2', '0%'],
      ['2026-12', '消防救援支队', '2 / 3', '66.7%'],
      ['2026-11', '市场监管局', '1 / 4', '25%'],
    ]);
  });
});
