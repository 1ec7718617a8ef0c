/*
 * Charts of the penalty reports (console/components/chart.tsx draws them): the objection rate per
 * clause, and the warning report's most frequent causes against the year before. Colours from
 * styles/tokens.ts: a canvas takes no CSS.
 */
import { causeText, type DisputedClausesReport, type ViolationWarningReport } from '@mashang/shared';
import { COLORS } from '../../styles/tokens';
import type { ChartOption } from './charts';

/** A clause's label on an axis: its name when it has a benchmark, else its code. */
const clauseLabel = (clause: string, name: string | null) => (name ? `${name}（${clause}）` : clause);

/** Objection rate (%) per clause, highest at the top; disputed clauses in the warning colour, the rate threshold as a line. */
export function disputedChartOption(report: DisputedClausesReport): ChartOption {
  const rows = [...report.clauses].sort((a, b) => a.rate - b.rate || b.clause.localeCompare(a.clause));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
    grid: { left: 200, right: 24, top: 16, bottom: 24 },
    yAxis: { type: 'category', data: rows.map((c) => clauseLabel(c.clause, c.name)), axisLabel: { width: 190, overflow: 'truncate' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{
      name: '异议率',
      type: 'bar',
      data: rows.map((c) => ({ value: Math.round(c.rate * 1000) / 10, itemStyle: { color: c.disputed ? COLORS.danger : COLORS.primary } })),
      markLine: { symbol: 'none', label: { formatter: '提示标准' }, lineStyle: { color: COLORS.danger, type: 'dashed' }, data: [{ xAxis: Math.round(report.thresholds.minRate * 1000) / 10 }] },
    }],
  };
}

/** The year's most frequent causes: this year's cases beside last year's, warnings in the warning colour. */
export function warningChartOption(report: ViolationWarningReport): ChartOption {
  const rows = [...report.top].reverse();
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 200, right: 24, top: 16, bottom: 40 },
    yAxis: { type: 'category', data: rows.map(causeText), axisLabel: { width: 190, overflow: 'truncate' } },
    xAxis: { type: 'value' },
    series: [
      { name: `${report.year}年`, type: 'bar', data: rows.map((c) => ({ value: c.cases, itemStyle: { color: c.warning ? COLORS.danger : COLORS.primary } })) },
      { name: `${report.year - 1}年`, type: 'bar', data: rows.map((c) => c.previousYearCases), itemStyle: { color: COLORS.neutral } },
    ],
  };
}

/** The year's cases per industry, the ten largest, largest on top. */
export function industryChartOption(report: ViolationWarningReport): ChartOption {
  const groups = report.byIndustry.slice(0, 10).reverse();
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, top: 16, bottom: 24 },
    yAxis: { type: 'category', data: groups.map((g) => g.key), axisLabel: { width: 110, overflow: 'truncate' } },
    xAxis: { type: 'value' },
    series: [{ name: '案件数', type: 'bar', data: groups.map((g) => g.cases), itemStyle: { color: COLORS.primary } }],
  };
}
