/*
 * The dashboard's visits section (回访、服务走访、陪同执法, counted apart from inspections): its chart and
 * table from GET /api/supervision/visits, plain data the tests reach. Colours from styles/tokens.ts.
 */
import { VISIT_COLUMN_LABELS, VISIT_COLUMNS, type VisitsByMonthView } from '@mashang/shared';
import { COLORS } from '../../styles/tokens';
import type { ChartOption } from './charts';

// The tokens hold three colours a chart can use; the third service kind takes ECharts' own.
const SERIES_COLORS: Partial<Record<(typeof VISIT_COLUMNS)[number], string>> = { 'return-visit': COLORS.primary, 'policy-visit': COLORS.neutral, accompanied: COLORS.danger };

/** Months along the axis, one stacked bar per kind (and accompanied inspections), every agency added up. */
export function visitsChartOption(view: VisitsByMonthView): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: view.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: VISIT_COLUMNS.map((column) => ({
      name: VISIT_COLUMN_LABELS[column],
      type: 'bar',
      stack: 'visits',
      ...(SERIES_COLORS[column] ? { itemStyle: { color: SERIES_COLORS[column] } } : {}),
      data: view.months.map((month) => view.rows.filter((r) => r.month === month).reduce((sum, r) => sum + r.counts[column], 0)),
    })),
  };
}

/** The table under the chart: one row per agency and month, Chinese headers, a total per row. */
export function visitsTable(view: VisitsByMonthView): { header: string[]; rows: (string | number)[][] } {
  return {
    header: ['月份', '部门', ...VISIT_COLUMNS.map((c) => VISIT_COLUMN_LABELS[c]), '合计'],
    rows: view.rows.map((r) => [r.month, r.agencyName, ...VISIT_COLUMNS.map((c) => r.counts[c]), r.total]),
  };
}
