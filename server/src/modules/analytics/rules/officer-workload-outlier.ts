import { quantileSql } from '../stats.js';
import { num, type AnomalyRule } from '../rule.js';

/** 检查量异常: an officer far above the agency's officers' inspection counts (Q3 + k × IQR). */
export const officerWorkloadOutlier: AnomalyRule = {
  id: 'officer-workload-outlier',
  subjectType: 'officer',
  severity: 'low',
  describe: (t) => `在册执法人员不少于${t.workloadMinOfficers}人的部门中，检查次数高于本部门上四分位数加${t.workloadIqrFactor}倍四分位距的执法人员`,
  async *findings(source, { start, end, thresholds }) {
    // Every registered officer of a large enough agency, with 0 when on no inspection of the window;
    // quartiles per agency by linear interpolation over the officers ranked by count.
    const rows = source.stream<{ id: string; agency_id: string; n: number | string; officers: number | string; q1: string; q3: string }>(
      `WITH big AS (
         SELECT agency_id FROM officers GROUP BY agency_id HAVING COUNT(*) >= ?
       ),
       counts AS (
         SELECT io.officer_id, COUNT(*) AS n
         FROM inspections i JOIN inspection_officers io ON io.inspection_id = i.id
         WHERE i.started_at >= ? AND i.started_at < ?
         GROUP BY io.officer_id
       ),
       ranked AS (
         SELECT o.id, o.agency_id, COALESCE(c.n, 0) AS n,
           ROW_NUMBER() OVER (PARTITION BY o.agency_id ORDER BY COALESCE(c.n, 0), o.id) AS rnk,
           COUNT(*) OVER (PARTITION BY o.agency_id) AS officers
         FROM officers o JOIN big b ON b.agency_id = o.agency_id LEFT JOIN counts c ON c.officer_id = o.id
       ),
       quartiles AS (
         SELECT agency_id, officers, ${quantileSql('n', 'rnk', 'officers', 0.25)} AS q1, ${quantileSql('n', 'rnk', 'officers', 0.75)} AS q3
         FROM ranked GROUP BY agency_id, officers
       )
       SELECT r.id, r.agency_id, r.n, q.officers, q.q1, q.q3
       FROM ranked r JOIN quartiles q ON q.agency_id = r.agency_id
       WHERE r.n > q.q3 + ? * (q.q3 - q.q1)`,
      [thresholds.workloadMinOfficers, start, end, thresholds.workloadIqrFactor],
    );
    for await (const r of rows) {
      const q1 = num(r.q1);
      const q3 = num(r.q3);
      const threshold = q3 + thresholds.workloadIqrFactor * (q3 - q1);
      const n = num(r.n);
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        officerId: r.id,
        severity: 'low',
        evidence: { inspections: n, agencyOfficers: num(r.officers), q1, q3, iqr: q3 - q1, threshold },
        explanation: `一年内参与检查${n}次，高于本部门异常上限${threshold}次（Q3 ${q3} + ${thresholds.workloadIqrFactor}×IQR ${q3 - q1}）`,
      };
    }
  },
};
