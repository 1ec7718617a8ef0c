import { num, type AnomalyRule } from '../rule.js';

/** 满意度低: an agency whose ratings in the window disapprove too often. */
export const lowSatisfaction: AnomalyRule = {
  id: 'low-satisfaction',
  subjectType: 'agency',
  severity: 'medium',
  describe: (t) => `窗口内企业评价不少于${t.satisfactionMinRatings}条且"不满意"占比超过${Math.round(t.satisfactionMaxDisapproval * 100)}%的部门`,
  async *findings(source, { start, end, thresholds }) {
    // At most one row per agency: collected, then each names its latest disapprovals as evidence.
    // One pass over the table: through the (agency, ratedAt) index every row would cost a lookup for its verdict.
    const agencies = await source.query<{ agency_id: string; n: number | string; bad: number | string }>(
      `SELECT agency_id, COUNT(*) AS n, SUM(CASE WHEN verdict = 'disapprove' THEN 1 ELSE 0 END) AS bad
       FROM ratings IGNORE INDEX (idx_ratings_agency_rated)
       WHERE rated_at >= ? AND rated_at < ?
       GROUP BY agency_id
       HAVING COUNT(*) >= ? AND SUM(CASE WHEN verdict = 'disapprove' THEN 1 ELSE 0 END) > ? * COUNT(*)`,
      [start, end, thresholds.satisfactionMinRatings, thresholds.satisfactionMaxDisapproval],
    );
    for (const r of agencies) {
      const n = num(r.n);
      const bad = num(r.bad);
      const latest = await source.query<{ inspection_id: string }>(
        `SELECT inspection_id FROM ratings
         WHERE agency_id = ? AND rated_at >= ? AND rated_at < ? AND verdict = 'disapprove'
         ORDER BY rated_at DESC, inspection_id DESC LIMIT 20`,
        [r.agency_id, start, end],
      );
      const share = Math.round((bad / n) * 1000) / 1000;
      yield {
        subjectId: r.agency_id,
        agencyId: r.agency_id,
        severity: share > 2 * thresholds.satisfactionMaxDisapproval ? 'high' : 'medium',
        evidence: { ratings: n, disapprovals: bad, share, latestDisapproved: latest.map((x) => x.inspection_id) },
        explanation: `一年内企业评价${n}条，其中不满意${bad}条（${Math.round(share * 1000) / 10}%），超过${Math.round(thresholds.satisfactionMaxDisapproval * 100)}%`,
      };
    }
  },
};
