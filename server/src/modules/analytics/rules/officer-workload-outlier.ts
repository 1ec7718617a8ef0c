import { quantile } from '../stats.js';
import { num, type AnomalyRule, type RuleFinding } from '../rule.js';
import type { AnomalyThresholds } from '../rule-config.js';

interface OfficerCount {
  id: string;
  agencyId: string;
  n: number;
}

/** 检查量异常: an officer far above the agency's officers' inspection counts (Q3 + k × IQR). */
export const officerWorkloadOutlier: AnomalyRule = {
  id: 'officer-workload-outlier',
  subjectType: 'officer',
  severity: 'low',
  describe: (t) => `在册执法人员不少于${t.workloadMinOfficers}人的部门中，检查次数高于本部门上四分位数加${t.workloadIqrFactor}倍四分位距的执法人员`,
  async *findings(source, { start, end, thresholds }) {
    // Every registered officer of a large enough agency, with 0 when on no inspection of the window,
    // in order of agency and count: one agency's officers at a time (a register's size, not the
    // data's) give the quartiles by linear interpolation. The counts are one grouped pass.
    const rows = source.stream<{ id: string; agency_id: string; n: number | string }>(
      `SELECT o.id, o.agency_id, COALESCE(c.n, 0) AS n
       FROM officers o
       JOIN (SELECT agency_id FROM officers GROUP BY agency_id HAVING COUNT(*) >= ?) b ON b.agency_id = o.agency_id
       LEFT JOIN (
         SELECT io.officer_id, COUNT(*) AS n
         FROM inspections i FORCE INDEX (idx_inspections_start)
         STRAIGHT_JOIN inspection_officers io ON io.inspection_id = i.id
         WHERE i.started_at >= ? AND i.started_at < ?
         GROUP BY io.officer_id
       ) c ON c.officer_id = o.id
       ORDER BY o.agency_id, COALESCE(c.n, 0), o.id`,
      [thresholds.workloadMinOfficers, start, end],
    );
    let agency: OfficerCount[] = [];
    for await (const r of rows) {
      if (agency.length && agency[0].agencyId !== r.agency_id) {
        yield* outliers(agency, thresholds);
        agency = [];
      }
      agency.push({ id: r.id, agencyId: r.agency_id, n: num(r.n) });
    }
    if (agency.length) yield* outliers(agency, thresholds);
  },
};

/** The officers of one agency (ascending counts) above Q3 + k × IQR. */
function* outliers(officers: OfficerCount[], thresholds: AnomalyThresholds): Generator<RuleFinding> {
  const counts = officers.map((o) => o.n);
  const q1 = quantile(counts, 0.25);
  const q3 = quantile(counts, 0.75);
  const threshold = q3 + thresholds.workloadIqrFactor * (q3 - q1);
  for (const o of officers) {
    if (!(o.n > threshold)) continue;
    yield {
      subjectId: o.id,
      agencyId: o.agencyId,
      officerId: o.id,
      severity: 'low',
      evidence: { inspections: o.n, agencyOfficers: officers.length, q1, q3, iqr: q3 - q1, threshold },
      explanation: `一年内参与检查${o.n}次，高于本部门异常上限${threshold}次（Q3 ${q3} + ${thresholds.workloadIqrFactor}×IQR ${q3 - q1}）`,
    };
  }
}
