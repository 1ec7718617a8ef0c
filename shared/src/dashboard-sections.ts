// The dashboard's yearly sections (执法监测): year on year per agency, inspections per enterprise, satisfaction by month.
import { AGENCY_AGGREGATE_MIN_RATINGS } from './evaluation.js';

/** Year on year per agency: this year to date against the same days of last year (Asia/Shanghai). */
export interface YearOnYearView {
  year: number;
  /** The last day counted (YYYY-MM-DD): today for the current year, else 12-31. */
  through: string;
  /** The same period of the year before: its first and last day. */
  previousFrom: string;
  previousThrough: string;
  /** Agencies by this year's count, most first; totals last. */
  agencies: YearOnYearRow[];
  total: YearOnYearRow;
}

export interface YearOnYearRow {
  agencyId: string;
  agencyName: string;
  current: number;
  previous: number;
  /** (current − previous) / previous; null when last year had none. */
  change: number | null;
  /** Shares of this year's inspections that were joint, and that were planned (有计划检查). */
  jointShare: number;
  plannedShare: number;
}

/** Enterprises by how often they were inspected in the period (无事不扰: fewer visits are better). */
export const VISIT_BUCKETS = ['0', '1', '2', '3', '4+'] as const;
export type VisitBucket = (typeof VISIT_BUCKETS)[number];
export const VISIT_BUCKET_LABELS: Record<VisitBucket, string> = {
  '0': '未检查',
  '1': '1次',
  '2': '2次',
  '3': '3次',
  '4+': '4次及以上',
};

export interface VisitsPerEnterpriseView {
  year: number;
  through: string;
  /**
   * Enterprises per bucket. Across all agencies a joint inspection is one visit; for one agency its
   * own inspections. `0`: registered enterprises not inspected (by that agency).
   */
  buckets: { bucket: VisitBucket; enterprises: number }[];
  registered: number;
  /** The most visited enterprises, most first. */
  top: MostVisitedEnterprise[];
}

export interface MostVisitedEnterprise {
  creditCode: string;
  /** Null when the enterprise is not (or no longer) in the register. */
  name: string | null;
  visits: number;
  /** The agencies that inspected it in the period, most inspections first. */
  agencies: { agencyId: string; agencyName: string; inspections: number }[];
}

/**
 * Ratings per month: a cell (month × agency, or month for all) with fewer ratings than this shows no
 * figures, so that no month's figure tells how one enterprise rated.
 */
export const SATISFACTION_CELL_MIN = AGENCY_AGGREGATE_MIN_RATINGS;
export const SATISFACTION_TREND_NOTE =
  `每月评价不足${SATISFACTION_CELL_MIN}条的不显示平均分和差评占比，以免识别出评价企业；执法部门看到的是已结束月份的汇总。`;

export interface SatisfactionMonth {
  /** YYYY-MM (Asia/Shanghai). */
  month: string;
  /** Null when suppressed (fewer than SATISFACTION_CELL_MIN ratings) or not shown yet. */
  ratings: number | null;
  /** Mean of the four scores (1–5), two decimals. */
  meanScore: number | null;
  /** Share of poor ratings (a disapproval, a score of 2 or lower, or a problem ticked). */
  lowShare: number | null;
  suppressed: boolean;
}

export interface SatisfactionTrendView {
  year: number;
  /** The agency the months are of; null: every agency together. */
  agencyId: string | null;
  agencyName: string | null;
  months: SatisfactionMonth[];
  minRatings: number;
}
