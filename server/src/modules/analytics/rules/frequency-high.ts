import { num, type AnomalyRule } from '../rule.js';

/** 检查频次超限: more planned inspections of one enterprise by one agency than its credit grade allows. */
export const frequencyHigh: AnomalyRule = {
  id: 'frequency-high',
  subjectType: 'enterprise-agency',
  severity: 'medium',
  describe: (t) =>
    `同一部门对同一企业的年度计划检查次数超过信用等级上限（A ${t.frequencyCaps.A ?? '不限'}次，B ${t.frequencyCaps.B ?? '不限'}次，C ${t.frequencyCaps.C ?? '不限'}次，D ${t.frequencyCaps.D ?? '不限'}）`,
  async *findings(source, { start, end, thresholds }) {
    const caps = thresholds.frequencyCaps;
    const capped = Object.values(caps).filter((c): c is number => c !== null);
    if (!capped.length) return;
    // Group first, in the order of the enterprise-agency index (no temporary table; only pairs over
    // the smallest cap survive), then look up the grade; the ids of the few pairs over their cap last.
    const rows = source.stream<{ credit_code: string; agency_id: string; credit_grade: string; n: number | string; ids: string }>(
      `SELECT g.credit_code, g.agency_id, e.credit_grade, g.n,
         (SELECT GROUP_CONCAT(x.id ORDER BY x.started_at, x.id SEPARATOR ',') FROM inspections x
          WHERE x.credit_code = g.credit_code AND x.agency_id = g.agency_id AND x.trigger_type = 'planned' AND x.started_at >= ? AND x.started_at < ?) AS ids
       FROM (
         SELECT credit_code, agency_id, COUNT(*) AS n
         FROM inspections FORCE INDEX (idx_inspections_enterprise_agency)
         WHERE started_at >= ? AND started_at < ? AND trigger_type = 'planned'
         GROUP BY credit_code, agency_id
         HAVING COUNT(*) > ?
       ) g
       JOIN enterprises e ON e.credit_code = g.credit_code
       WHERE g.n > CASE e.credit_grade WHEN 'A' THEN ? WHEN 'B' THEN ? WHEN 'C' THEN ? WHEN 'D' THEN ? END`,
      [start, end, start, end, Math.min(...capped), caps.A, caps.B, caps.C, caps.D],
    );
    for await (const r of rows) {
      const n = num(r.n);
      const cap = caps[r.credit_grade as keyof typeof caps];
      yield {
        subjectId: `${r.credit_code}:${r.agency_id}`,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        severity: n > 2 * (cap ?? 0) ? 'high' : 'medium',
        // The first hundred are proof enough and keep the evidence a bounded size.
        evidence: { creditGrade: r.credit_grade, planned: n, cap, inspections: r.ids.split(',').slice(0, 100) },
        explanation: `信用等级${r.credit_grade}企业一年内被同一部门计划检查${n}次，超过上限${cap}次`,
      };
    }
  },
};
