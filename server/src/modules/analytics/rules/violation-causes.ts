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
