import type { RowSource } from '../rule.js';
import { shanghaiDayStart } from '../shanghai-days.js';

export interface CauseTally {
  cause: string;
  industry: string;
  region: string;
  this_year: number | string;
  cases: number | string;
  fines: number | string;
}

/**
 * The warning report's one grouped pass: the cases filed in `year` and the year before (Asia/Shanghai;
 * revoked cases left out), counted by cause, the enterprise's industry and region, and year.
 */
export function violationCauses(source: RowSource, year: number): Promise<CauseTally[]> {
  return source.query<CauseTally>(
    `SELECT cause, industry, region, this_year, COUNT(*) AS cases, SUM(fine) AS fines
     FROM (
       SELECT c.cause, e.industry, e.region, CASE WHEN c.filed_at >= ? THEN 1 ELSE 0 END AS this_year, c.fine
       FROM cases c JOIN enterprises e ON e.credit_code = c.credit_code
       WHERE c.filed_at >= ? AND c.filed_at < ? AND c.status <> 'revoked'
     ) t
     GROUP BY cause, industry, region, this_year`,
    [shanghaiDayStart(`${year}-01-01`), shanghaiDayStart(`${year - 1}-01-01`), shanghaiDayStart(`${year + 1}-01-01`)],
  );
}

/** The names of the causes' discretion benchmarks (裁量基准), so the report reads in words; causes without one are left out. */
export async function causeNames(source: RowSource, causes: string[]): Promise<Map<string, string>> {
  if (!causes.length) return new Map();
  const rows = await source.query<{ clause: string; name: string }>('SELECT clause, name FROM discretion_benchmarks WHERE clause IN (?)', [[...new Set(causes)]]);
  return new Map(rows.map((r) => [r.clause, r.name]));
}
