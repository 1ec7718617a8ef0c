import type { ViolationCauseRow, ViolationGroup, ViolationWarningReport } from '@mashang/shared';
import { compareIds } from './compare-ids.js';
import type { RowSource } from './rule.js';
import { causeNames, violationCauses } from './rules/violation-causes.js';
import { isoShanghai } from './shanghai-days.js';

export interface WarningThresholds {
  /** Causes listed overall and per industry or region. */
  top: number;
  /** A warning needs at least this many cases in the year… */
  minCases: number;
  /** …and growth of at least this share on the year before (a cause new this year counts as rising). */
  minGrowth: number;
}

export const WARNING_DEFAULTS: Readonly<WarningThresholds> = Object.freeze({ top: 10, minCases: 10, minGrowth: 0.2 });

interface Tally {
  cases: number;
  previous: number;
  fines: number;
}

/**
 * 高发违法行为预警报告 for a year: the most frequent violation causes of the cases filed that year
 * (Asia/Shanghai; revoked cases left out), with growth on the year before, overall, by the
 * enterprises' industry and by their region, from one grouped pass over the two years' cases; each
 * cause named by its discretion benchmark where it has one.
 */
export async function violationWarningReport(source: RowSource, year: number, thresholds: WarningThresholds = WARNING_DEFAULTS): Promise<ViolationWarningReport> {
  const rows = await violationCauses(source, year);
  const overall = new Map<string, Tally>();
  const industries = new Map<string, Map<string, Tally>>();
  const regions = new Map<string, Map<string, Tally>>();
  let totalCases = 0;
  let previousYearCases = 0;
  const add = (map: Map<string, Tally>, cause: string, thisYear: boolean, cases: number, fines: number) => {
    const t = map.get(cause) ?? { cases: 0, previous: 0, fines: 0 };
    if (thisYear) {
      t.cases += cases;
      t.fines += fines;
    } else {
      t.previous += cases;
    }
    map.set(cause, t);
  };
  const group = (groups: Map<string, Map<string, Tally>>, key: string) => {
    if (!groups.has(key)) groups.set(key, new Map());
    return groups.get(key)!;
  };
  for (const r of rows) {
    const thisYear = Number(r.this_year) === 1;
    const cases = Number(r.cases);
    const fines = Number(r.fines);
    if (thisYear) totalCases += cases;
    else previousYearCases += cases;
    add(overall, r.cause, thisYear, cases, fines);
    add(group(industries, r.industry), r.cause, thisYear, cases, fines);
    add(group(regions, r.region), r.cause, thisYear, cases, fines);
  }
  const names = await causeNames(source, [...overall.keys()]);
  const ranked = (map: Map<string, Tally>): ViolationCauseRow[] =>
    [...map.entries()]
      .filter(([, t]) => t.cases > 0)
      .map(([cause, t]) => {
        const growth = t.previous === 0 ? null : Math.round(((t.cases - t.previous) / t.previous) * 1000) / 1000;
        return { cause, causeName: names.get(cause) ?? null, cases: t.cases, previousYearCases: t.previous, growth, fines: t.fines, warning: t.cases >= thresholds.minCases && (growth === null || growth >= thresholds.minGrowth) };
      })
      .sort((a, b) => b.cases - a.cases || compareIds(a.cause, b.cause))
      .slice(0, thresholds.top);
  const groups = (source: Map<string, Map<string, Tally>>): ViolationGroup[] =>
    [...source.entries()]
      .map(([key, map]) => ({ key, cases: [...map.values()].reduce((n, t) => n + t.cases, 0), causes: ranked(map) }))
      .filter((g) => g.cases > 0)
      .sort((a, b) => b.cases - a.cases || compareIds(a.key, b.key));
  return {
    year,
    generatedAt: isoShanghai(new Date(Math.floor(Date.now() / 1000) * 1000))!,
    totalCases,
    previousYearCases,
    thresholds: { ...thresholds },
    top: ranked(overall),
    byIndustry: groups(industries),
    byRegion: groups(regions),
  };
}
