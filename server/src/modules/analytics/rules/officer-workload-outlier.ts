import { quantile } from '../stats.js';
import type { AnomalyRule, RuleFinding } from '../rule.js';
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
    // Each officer's count of inspections in the window: one pass joining in inspection-id order
    // (officers' rows by their primary key, each inspection looked up in turn, so every page is read
    // once), counted here per officer — a register's worth of entries. Grouped in SQL instead,
    // MariaDB's fixed-width temporary table outgrows memory at a province's officers and spills to disk.
    const counts = new Map<string, number>();
    for await (const r of source.stream<{ officer_id: string }>(
      `SELECT io.officer_id
       FROM inspection_officers io FORCE INDEX (PRIMARY)
       STRAIGHT_JOIN inspections i ON i.id = io.inspection_id
       WHERE i.started_at >= ? AND i.started_at < ?`,
      [start, end],
    )) {
      counts.set(r.officer_id, (counts.get(r.officer_id) ?? 0) + 1);
    }
    // Every registered officer of a large enough agency, with 0 when on no inspection of the window,
    // one agency at a time: its officers' counts give the quartiles by linear interpolation.
    const rows = source.stream<{ id: string; agency_id: string }>(
      `SELECT o.id, o.agency_id
       FROM officers o
       JOIN (SELECT agency_id FROM officers GROUP BY agency_id HAVING COUNT(*) >= ?) b ON b.agency_id = o.agency_id
       ORDER BY o.agency_id, o.id`,
      [thresholds.workloadMinOfficers],
    );
    let agency: OfficerCount[] = [];
    for await (const r of rows) {
      if (agency.length && agency[0].agencyId !== r.agency_id) {
        yield* outliers(agency, thresholds);
        agency = [];
      }
      agency.push({ id: r.id, agencyId: r.agency_id, n: counts.get(r.id) ?? 0 });
    }
    if (agency.length) yield* outliers(agency, thresholds);
  },
};

/** The officers of one agency above Q3 + k × IQR. */
function* outliers(officers: OfficerCount[], thresholds: AnomalyThresholds): Generator<RuleFinding> {
  const counts = officers.map((o) => o.n).sort((a, b) => a - b);
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
