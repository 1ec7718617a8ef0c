/*
 * The yearly sections' figures from the counts the repositories return: periods in Asia/Shanghai,
 * year-on-year change and shares, visit buckets, and satisfaction months with small cells suppressed.
 */
import {
  addDays, SATISFACTION_CELL_MIN, VISIT_BUCKETS, type SatisfactionMonth, type VisitBucket, type YearOnYearRow,
} from '@mashang/shared';

/** Midnight of a Shanghai calendar date, as an instant. */
export const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** A half-open instant range [from, to) covering whole Shanghai days. */
export interface Period { from: Date; to: Date }

export interface YearPeriods {
  /** The last day counted: today in the current year, else the year's last day. */
  through: string;
  current: Period;
  previousFrom: string;
  previousThrough: string;
  previous: Period;
}

/**
 * The year to date (the whole year once over) and the same days of the year before; 29 February
 * compares with 28 February. A year after today's has no days yet: null.
 */
export function yearPeriods(year: number, today: string): YearPeriods | null {
  const thisYear = Number(today.slice(0, 4));
  if (year > thisYear) return null;
  const through = year === thisYear ? today : `${year}-12-31`;
  const monthDay = through.slice(5) === '02-29' ? '02-28' : through.slice(5);
  const previousThrough = `${year - 1}-${monthDay}`;
  return {
    through,
    current: { from: shanghaiMidnight(`${year}-01-01`), to: shanghaiMidnight(addDays(through, 1)) },
    previousFrom: `${year - 1}-01-01`,
    previousThrough,
    previous: { from: shanghaiMidnight(`${year - 1}-01-01`), to: shanghaiMidnight(addDays(previousThrough, 1)) },
  };
}

const ratio = (part: number, whole: number, digits = 4) => (whole ? Math.round((part / whole) * 10 ** digits) / 10 ** digits : 0);

export interface AgencyPeriodCounts { agencyId: string; current: number; previous: number; joint: number; planned: number }

/** One row per agency (most inspections this year first) and the total over them. */
export function yearOnYearRows(counts: AgencyPeriodCounts[], nameOf: (agencyId: string) => string): { agencies: YearOnYearRow[]; total: YearOnYearRow } {
  const row = (agencyId: string, agencyName: string, c: Omit<AgencyPeriodCounts, 'agencyId'>): YearOnYearRow => ({
    agencyId,
    agencyName,
    current: c.current,
    previous: c.previous,
    change: c.previous ? ratio(c.current - c.previous, c.previous) : null,
    jointShare: ratio(c.joint, c.current),
    plannedShare: ratio(c.planned, c.current),
  });
  const sum = (key: keyof Omit<AgencyPeriodCounts, 'agencyId'>) => counts.reduce((s, c) => s + c[key], 0);
  const agencies = counts
    .map((c) => row(c.agencyId, nameOf(c.agencyId), c))
    .sort((a, b) => b.current - a.current || b.previous - a.previous || a.agencyId.localeCompare(b.agencyId));
  return { agencies, total: row('', '合计', { current: sum('current'), previous: sum('previous'), joint: sum('joint'), planned: sum('planned') }) };
}

/**
 * Enterprises per visit bucket from the count of enterprises per number of visits (capped at 4 by
 * the query or not); `0` is the registered enterprises not among them.
 */
export function visitBuckets(counted: { visits: number; enterprises: number }[], registered: number): { bucket: VisitBucket; enterprises: number }[] {
  const totals = new Map<VisitBucket, number>(VISIT_BUCKETS.map((b) => [b, 0]));
  let visited = 0;
  for (const { visits, enterprises } of counted) {
    if (visits < 1) continue;
    const bucket: VisitBucket = visits >= 4 ? '4+' : (String(visits) as VisitBucket);
    totals.set(bucket, totals.get(bucket)! + enterprises);
    visited += enterprises;
  }
  // An enterprise struck off the register since still counts among the visited.
  totals.set('0', Math.max(0, registered - visited));
  return VISIT_BUCKETS.map((bucket) => ({ bucket, enterprises: totals.get(bucket)! }));
}

/** The months of a year up to today's (the whole year once over), YYYY-MM. */
export function monthsOf(year: number, today: string): string[] {
  const last = Number(today.slice(0, 4)) > year ? 12 : Number(today.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

export interface MonthRatings { month: string; ratings: number; scoreSum: number; low: number }

/**
 * One entry per month. A month with fewer than SATISFACTION_CELL_MIN ratings shows no figures (and
 * not even its count, which with a known inspection could name the rater); with `completedOnly`
 * (an agency reading its own) the running month is withheld too, so no one rating can be told
 * apart by watching its month's figures change.
 */
export function satisfactionMonths(months: string[], rows: MonthRatings[], currentMonth: string, completedOnly: boolean): SatisfactionMonth[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => {
    const r = byMonth.get(month) ?? { month, ratings: 0, scoreSum: 0, low: 0 };
    if (r.ratings === 0 && !(completedOnly && month >= currentMonth)) return { month, ratings: 0, meanScore: null, lowShare: null, suppressed: false };
    if ((completedOnly && month >= currentMonth) || r.ratings < SATISFACTION_CELL_MIN) return { month, ratings: null, meanScore: null, lowShare: null, suppressed: true };
    return {
      month,
      ratings: r.ratings,
      meanScore: Math.round((r.scoreSum / (4 * r.ratings)) * 100) / 100,
      lowShare: ratio(r.low, r.ratings),
      suppressed: false,
    };
  });
}
