import { quantile } from '../stats.js';
import type { RuleFinding } from '../rule.js';
import type { AnomalyThresholds } from '../rule-config.js';
import { scanRule } from '../shared-scan.js';
import { officerVisits, type OfficerVisitRow } from './officer-visits.js';

interface OfficerCount {
  id: string;
  agencyId: string;
  n: number;
}

/** 检查量异常: an officer far above the agency's officers' inspection counts (Q3 + k × IQR). */
export const officerWorkloadOutlier = scanRule<OfficerVisitRow>({
  id: 'officer-workload-outlier',
  subjectType: 'officer',
  severity: 'low',
  describe: (t) => `在册执法人员不少于${t.workloadMinOfficers}人的部门中，检查次数高于本部门上四分位数加${t.workloadIqrFactor}倍四分位距的执法人员`,
  scan: officerVisits,
  reader(source, { start, thresholds }) {
    // Each officer's count of inspections started in the window, counted here per officer as the
    // officers' visits go by — a register's worth of entries. Grouped in SQL instead, MariaDB's
    // fixed-width temporary table outgrows memory at a province's officers and spills to disk.
    const counts = new Map<string, number>();
    const startMs = start.getTime();
    return {
      read(r) {
        if (r.started_at.getTime() >= startMs) counts.set(r.officer_id, (counts.get(r.officer_id) ?? 0) + 1);
        return undefined;
      },
      async *finish() {
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
  },
});

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
