import { twiceMedianSql } from '../stats.js';
import { num, type AnomalyRule } from '../rule.js';
import { CAUSE_CHANGE_SEQUENCE, CHANGE_AT, CHANGE_FROM, CHANGE_JOIN } from './cause-changes.js';

/** 同案不同罚: a fine far from the median of the cases decided in the window for the same clause and level. */
export const sameCaseDifferentPenalty: AnomalyRule = {
  id: 'same-case-different-penalty',
  subjectType: 'case',
  severity: 'medium',
  describe: (t) =>
    `窗口内作出决定、案由与裁量等级相同的案件（至少${t.penaltyGroupMin}件）中，罚款偏离中位数超过中位数的${Math.round(t.penaltyDeviation * 100)}%`,
  async *findings(source, { start, end, thresholds }) {
    // The cause as of D: a case whose cause changed after D is grouped with the clause it had then,
    // the `from` of its first later change. Twice the median stays an integer, so the comparison
    // |fine − median| > deviation × median is exact: |2·fine − 2m| > deviation × 2m.
    // Each derived set is referenced once (MariaDB evaluates a CTE per reference) and none is joined
    // (MariaDB may re-run a joined derived table per row): every decided case, plus one row per cause
    // change after D, numbered per case so the earliest such change wins; the median is a window over
    // the ranked group.
    const decidedIn = `c.decided_at >= ? AND c.decided_at < ? AND NOT (c.status = 'revoked' AND c.revoked_at < ?)`;
    const columns = 'c.id, c.agency_id, c.credit_code, c.inspection_id, c.discretion_level, c.fine';
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; inspection_id: string | null; cause: string; discretion_level: string; fine: string; n: number | string; median2: string }>(
      `WITH RECURSIVE ${CAUSE_CHANGE_SEQUENCE}
       SELECT id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, n, median2
       FROM (
         SELECT r.*, ${twiceMedianSql('fine', 'rnk', 'n', 'OVER (PARTITION BY cause, discretion_level)')} AS median2
         FROM (
           SELECT d.*, ROW_NUMBER() OVER (PARTITION BY cause, discretion_level ORDER BY fine, id) AS rnk,
             COUNT(*) OVER (PARTITION BY cause, discretion_level) AS n
           FROM (
             SELECT u.*, ROW_NUMBER() OVER (PARTITION BY id ORDER BY later DESC, changed_at, k) AS pick
             FROM (
               SELECT ${columns}, c.cause, 0 AS later, NULL AS changed_at, 0 AS k
               FROM cases c WHERE ${decidedIn}
               UNION ALL
               SELECT ${columns}, COALESCE(${CHANGE_FROM}, c.cause), 1, ${CHANGE_AT}, seq.k
               FROM cases c ${CHANGE_JOIN}
               WHERE c.cause_changes IS NOT NULL AND ${decidedIn} AND ${CHANGE_AT} >= ?
             ) u
           ) d
           WHERE pick = 1
         ) r
         WHERE n >= ?
       ) m
       WHERE ABS(2 * fine - median2) > ? * median2`,
      [start, end, end, start, end, end, end, thresholds.penaltyGroupMin, thresholds.penaltyDeviation],
    );
    for await (const r of rows) {
      const fine = num(r.fine);
      const median = num(r.median2) / 2;
      const deviation = median === 0 ? null : Math.round(((fine - median) / median) * 1000) / 1000;
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.inspection_id,
        severity: deviation !== null && Math.abs(deviation) > 1 ? 'high' : 'medium',
        evidence: { cause: r.cause, discretionLevel: r.discretion_level, fine, median, groupSize: num(r.n), deviation },
        explanation: `同案由（${r.cause}）同裁量等级罚款${fine / 100}元，偏离${num(r.n)}件同类案件中位数${median / 100}元${deviation === null ? '' : `${Math.round(Math.abs(deviation) * 100)}%`}`,
      };
    }
  },
};
