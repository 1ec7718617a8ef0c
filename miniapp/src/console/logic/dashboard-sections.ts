/*
 * The dashboard's yearly sections: the year picker's choices, the charts' ECharts options and the
 * tables' rows, built from the API's views. Colours from styles/tokens.ts (a canvas takes no CSS).
 */
import {
  VISIT_BUCKET_LABELS, type SatisfactionTrendView, type VisitsPerEnterpriseView, type YearOnYearRow, type YearOnYearView,
} from '@mashang/shared';
import { CONSOLE_REGISTERS_PAGE } from '../../routes';
import { COLORS } from '../../styles/tokens';
import type { ChartOption } from './charts';
import { formatRate } from './console';

/** What every section of the dashboard is given: who reads it, and the year picked at the top. */
export interface DashboardSectionProps {
  user: { role: string; agencyId: string | null };
  year: number;
}

/** This year first, then the `count − 1` before it. */
export function yearChoices(today: string, count = 5): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => year - i);
}

/** 同比: "+50.0%", "−25.0%", "持平"; "去年同期无" when last year had none to compare with. */
export function changeText(change: number | null): string {
  if (change === null) return '去年同期无';
  if (change === 0) return '持平';
  return `${change > 0 ? '+' : '−'}${(Math.abs(change) * 100).toFixed(1)}%`;
}

/** "1月1日至12月6日" of a period's first and last day (YYYY-MM-DD). */
export function periodText(from: string, through: string): string {
  const day = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return `${from.slice(0, 4)}年${day(from)}至${day(through)}`;
}

/** The agencies of the chart: the most inspections this year (or last), at most `count`. */
const CHART_AGENCIES = 12;

export function yearOnYearChart(view: YearOnYearView, count = CHART_AGENCIES): ChartOption {
  const rows = view.agencies.slice(0, count).reverse();
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 130, right: 64, top: 8, bottom: 40 },
    yAxis: { type: 'category', data: rows.map((r) => r.agencyName), axisLabel: { width: 120, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: `${view.year - 1}年同期`, type: 'bar', data: rows.map((r) => r.previous), itemStyle: { color: COLORS.neutral } },
      {
        name: `${view.year}年`,
        type: 'bar',
        data: rows.map((r) => r.current),
        itemStyle: { color: COLORS.primary },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => changeText(rows[p.dataIndex].change) },
      },
    ],
  };
}

export const YEAR_ON_YEAR_HEADER = ['执法部门', '本年', '上年同期', '同比', '联合检查占比', '计划检查占比'];

export function yearOnYearRows(view: YearOnYearView): string[][] {
  const row = (r: YearOnYearRow) => [r.agencyName, String(r.current), String(r.previous), changeText(r.change), formatRate(r.jointShare), formatRate(r.plannedShare)];
  return [...view.agencies.map(row), row(view.total)];
}

export function visitsChart(view: VisitsPerEnterpriseView): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'category', data: view.buckets.map((b) => VISIT_BUCKET_LABELS[b.bucket]), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: '企业数', minInterval: 1 },
    // Three visits and more in the year go against 无事不扰: drawn in the warning colour.
    series: [{
      type: 'bar',
      data: view.buckets.map((b) => ({ value: b.enterprises, itemStyle: { color: b.bucket === '3' || b.bucket === '4+' ? COLORS.danger : COLORS.primary } })),
      label: { show: true, position: 'top' },
    }],
  };
}

/** "12.5%" of the registered enterprises in a bucket. */
export const bucketShare = (enterprises: number, registered: number) => (registered ? formatRate(enterprises / registered) : '—');

export interface MostVisitedRow {
  creditCode: string;
  name: string;
  agencies: string;
  visits: number;
  /** The enterprise in the register (名录管理), searched by its credit code. */
  link: string;
}

export function mostVisitedRows(view: VisitsPerEnterpriseView): MostVisitedRow[] {
  return view.top.map((e) => ({
    creditCode: e.creditCode,
    name: e.name ?? '（不在企业名录中）',
    agencies: e.agencies.map((a) => `${a.agencyName} ${a.inspections}次`).join('、'),
    visits: e.visits,
    link: `${CONSOLE_REGISTERS_PAGE}?r=enterprises&q=${encodeURIComponent(e.creditCode)}`,
  }));
}

/** "3月" of YYYY-MM. */
const monthLabel = (month: string) => `${Number(month.slice(5, 7))}月`;

/** Average score (left axis, 1–5) and the share of poor ratings (right axis, %); a hidden month is a gap. */
export function satisfactionChart(view: SatisfactionTrendView): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 48, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: view.months.map((m) => monthLabel(m.month)) },
    yAxis: [
      { type: 'value', name: '平均分', min: 1, max: 5 },
      { type: 'value', name: '差评占比', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '平均分', type: 'line', connectNulls: false, data: view.months.map((m) => m.meanScore), itemStyle: { color: COLORS.primary } },
      {
        name: '差评占比',
        type: 'bar',
        yAxisIndex: 1,
        data: view.months.map((m) => (m.lowShare === null ? null : Math.round(m.lowShare * 1000) / 10)),
        itemStyle: { color: COLORS.danger },
      },
    ],
  };
}

export const SATISFACTION_HEADER = ['月份', '评价数', '平均分（1–5）', '差评占比'];

export function satisfactionRows(view: SatisfactionTrendView): string[][] {
  return view.months.map((m) => {
    if (m.suppressed) return [monthLabel(m.month), `不足${view.minRatings}条，不显示`, '—', '—'];
    if (!m.ratings) return [monthLabel(m.month), '0', '—', '—'];
    return [monthLabel(m.month), String(m.ratings), m.meanScore!.toFixed(2), formatRate(m.lowShare!)];
  });
}

/** Whether any month was left out, so the page says why. */
export const anySuppressed = (view: SatisfactionTrendView) => view.months.some((m) => m.suppressed);
