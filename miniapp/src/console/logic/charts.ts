/*
 * The dashboard's ECharts options (console/components/chart.tsx draws them): plain objects, built
 * here where the tests reach them. Colours come from styles/tokens.ts: a canvas takes no CSS.
 */
import type { AnomalyReportSummaryView, DashboardTable, DashboardView } from '@mashang/shared';
import type { EChartsCoreOption } from 'echarts/core';
import { COLORS } from '../../styles/tokens';
import { topSeries } from './console';

export type ChartTable = Exclude<DashboardTable, 'cases'>;
export type ChartOption = EChartsCoreOption;

function bar(names: string[], values: number[], horizontal = false, percent = false): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: horizontal ? 130 : 40, right: 16, top: 16, bottom: horizontal ? 24 : 56 },
    [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: names, axisLabel: horizontal ? { width: 120, overflow: 'truncate' } : { rotate: 30, interval: 0 } },
    [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', ...(percent ? { max: 100, axisLabel: { formatter: '{value}%' } } : {}) },
    series: [{ type: 'bar', data: values, itemStyle: { color: COLORS.primary } }],
  };
}

/** The nightly report's findings per rule, every rule of the set in the report's order (top down). */
export function ruleChartOption(summary: AnomalyReportSummaryView): ChartOption {
  const rules = [...summary.byRule].reverse();
  return bar(rules.map((r) => r.title), rules.map((r) => r.count), true);
}

/** The options of the dashboard's charts, one per table but the case list. */
export function chartOptions(view: DashboardView): Record<ChartTable, ChartOption> {
  const months = view.inspectionsByMonth.months;
  const worst = view.satisfaction.slice(0, 12).reverse();
  return {
    today: bar(view.today.byAgency.map((r) => r.agencyName), view.today.byAgency.map((r) => r.count)),
    'inspections-by-month': {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: topSeries(view.inspectionsByMonth.series, 8).map((s) => ({ name: s.name, type: 'bar', stack: 'all', data: s.counts })),
    },
    satisfaction: bar(worst.map((r) => r.agencyName), worst.map((r) => Math.round(r.approveRate * 1000) / 10), true, true),
    'inspection-rate': {
      tooltip: { trigger: 'item' },
      series: [{
        type: 'pie',
        radius: ['45%', '70%'],
        data: [
          { name: '近一年已检查', value: view.inspectionRate.inspected },
          { name: '未检查', value: Math.max(0, view.inspectionRate.registered - view.inspectionRate.inspected) },
        ],
      }],
    },
    'joint-vs-single': {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: view.jointVsSingle.months },
      yAxis: { type: 'value' },
      series: [
        { name: '联合检查', type: 'bar', stack: 'all', data: view.jointVsSingle.joint },
        { name: '单独检查', type: 'bar', stack: 'all', data: view.jointVsSingle.single },
      ],
    },
    'open-flags-by-age': bar(view.openFlagsByAge.map((b) => b.bucket), view.openFlagsByAge.map((b) => b.count)),
  };
}
