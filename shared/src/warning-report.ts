// 高发违法行为预警报告: the yearly report as the console lists, shows and exports it. The report itself
// (ViolationWarningReport) is in anomaly.ts, beside the nightly report.
import type { ViolationCauseRow, ViolationGroup, ViolationWarningReport } from './anomaly.js';
import { fenToYuanText } from './discretion-benchmarks.js';
import { percentText } from './penalty-reports.js';

/** Where a year's report job stands while it is not stored yet (or while it is made again). */
export const WARNING_JOB_STATES = ['queued', 'running', 'failed'] as const;
export type WarningJobState = (typeof WARNING_JOB_STATES)[number];
export const WARNING_JOB_STATE_LABELS: Record<WarningJobState, string> = { queued: '排队中', running: '生成中', failed: '生成失败' };

/** GET /api/anomaly/warnings/:year */
export interface WarningReportView extends ViolationWarningReport {
  /** Stored (written by the January job or on request), or computed now for a year that has none. */
  stored: boolean;
  /** Who had it written, by name; null when computed now. */
  requestedBy: string | null;
}

/** GET /api/anomaly/warnings — the stored years and those being generated, newest first. */
export interface WarningYearItem {
  year: number;
  generatedAt: string | null;
  requestedBy: string | null;
  totalCases: number | null;
  /** Causes of the overall top list that carry a warning. */
  warnings: number | null;
  /** A job for the year that has not ended well yet. */
  job: WarningJobState | null;
  error: string | null;
}

/** POST /api/anomaly/warnings/:year (supervisors): the year's report is (re)written by a job. */
export interface WarningRequestAnswer {
  year: number;
  job: WarningJobState | 'completed';
}

/** "+25.0%", "−10.0%", or 新增 for a cause the year before did not have. */
export function growthText(growth: number | null): string {
  if (growth === null) return '新增';
  const text = percentText(Math.abs(growth));
  return growth > 0 ? `+${text}` : growth < 0 ? `−${text}` : text;
}

/** A cause as a reader knows it: its name and code, or its code when it has no benchmark. */
export const causeText = (row: Pick<ViolationCauseRow, 'cause' | 'causeName'>) => (row.causeName ? `${row.causeName}（${row.cause}）` : row.cause);

export interface WarningTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

const CAUSE_HEADER = ['排名', '条款编码', '违法行为', '案件数', '上年案件数', '同比', '罚没金额（元）', '预警'];

function causeRows(causes: ViolationCauseRow[]): (string | number)[][] {
  return causes.map((c, i) => [i + 1, c.cause, c.causeName ?? '（未登记裁量基准）', c.cases, c.previousYearCases, growthText(c.growth), fenToYuanText(c.fines), c.warning ? '预警' : '']);
}

function groupRows(groups: ViolationGroup[]): (string | number)[][] {
  return groups.flatMap((g) => causeRows(g.causes).map((row) => [g.key, g.cases, ...row]));
}

/** The report's three tables, as the page shows them and the workbook holds them (one sheet each). */
export function warningTables(report: ViolationWarningReport): WarningTable[] {
  return [
    { title: `${report.year}年高发违法行为`, header: CAUSE_HEADER, rows: causeRows(report.top) },
    { title: '按行业', header: ['行业', '行业案件数', ...CAUSE_HEADER], rows: groupRows(report.byIndustry) },
    { title: '按行政区划', header: ['行政区划代码', '区划案件数', ...CAUSE_HEADER], rows: groupRows(report.byRegion) },
  ];
}

/** The thresholds a warning needs, in a sentence. */
export function warningRuleText(report: Pick<ViolationWarningReport, 'thresholds'>): string {
  const t = report.thresholds;
  return `列出案件数前 ${t.top} 位的违法行为；全年不少于 ${t.minCases} 件且同比增长不低于 ${percentText(t.minGrowth)}（或上年没有）的，列为预警。`;
}
