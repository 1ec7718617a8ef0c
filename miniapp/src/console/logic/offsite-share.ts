/*
 * 非现场检查占比 on the dashboard: the share of off-site checks per agency and month, as a line per
 * agency (the busiest few) and a table; plain objects the tests reach.
 */
import type { OffsiteShareRow } from '@mashang/shared';
import type { ChartOption } from './charts';

/** Agencies drawn as lines; the table lists every one. */
const LINES_MAX = 8;

export function shareMonths(rows: readonly OffsiteShareRow[]): string[] {
  return [...new Set(rows.map((r) => r.month))].sort();
}

/** Percent with one decimal, for the table and the tooltip. */
export function sharePercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function offsiteShareOption(rows: readonly OffsiteShareRow[]): ChartOption {
  const months = shareMonths(rows);
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.agencyName, (totals.get(r.agencyName) ?? 0) + r.total);
  const agencies = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh')).slice(0, LINES_MAX).map(([name]) => name);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${value}%` },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 48, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: agencies.map((name) => ({
      name,
      type: 'line',
      connectNulls: false,
      data: months.map((month) => {
        const row = rows.find((r) => r.agencyName === name && r.month === month);
        return row ? Math.round(row.share * 1000) / 10 : null;
      }),
    })),
  };
}

/** The table's rows, newest month first: month, agency, off-site / all, share. */
export function shareTable(rows: readonly OffsiteShareRow[]): string[][] {
  return [...rows]
    .sort((a, b) => (a.month === b.month ? a.agencyName.localeCompare(b.agencyName, 'zh') : a.month < b.month ? 1 : -1))
    .map((r) => [r.month, r.agencyName, `${r.offsite} / ${r.total}`, sharePercent(r.share)]);
}
