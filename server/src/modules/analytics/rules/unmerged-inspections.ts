import { num, type AnomalyRule } from '../rule.js';

/** 应合并未合并: two agencies inspected the same enterprise within days of each other, not jointly. */
export const unmergedInspections: AnomalyRule = {
  id: 'unmerged-inspections',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `不同部门在${t.unmergedDays}个自然日内先后检查同一企业且未合并为联合检查（紧急检查除外）`,
  async *findings(source, { start, end, thresholds }) {
    // For each inspection, the earlier ones of the same enterprise from its Shanghai day − N on
    // (the enterprise-and-start index); the nearest qualifying one is the evidence.
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; prev_id: string; prev_agency_id: string; days_apart: number | string }>(
      `SELECT id, agency_id, credit_code, prev_id, prev_agency_id, days_apart
       FROM (
         SELECT i.id, i.agency_id, i.credit_code, j.id AS prev_id, j.agency_id AS prev_agency_id,
           DATEDIFF(i.started_at + INTERVAL 8 HOUR, j.started_at + INTERVAL 8 HOUR) AS days_apart,
           ROW_NUMBER() OVER (PARTITION BY i.id ORDER BY j.started_at DESC, j.id DESC) AS nearest
         FROM inspections i
         JOIN inspections j
           ON j.credit_code = i.credit_code
          AND j.started_at >= DATE(i.started_at + INTERVAL 8 HOUR) - INTERVAL ? DAY - INTERVAL 8 HOUR
          AND j.started_at <= i.started_at
          AND (j.started_at < i.started_at OR j.id < i.id)
          AND j.agency_id <> i.agency_id
          AND j.trigger_type <> 'emergency'
          AND (i.joint_id IS NULL OR j.joint_id IS NULL OR j.joint_id <> i.joint_id)
         WHERE i.started_at >= ? AND i.started_at < ? AND i.trigger_type <> 'emergency'
       ) t
       WHERE nearest = 1`,
      [thresholds.unmergedDays, start, end],
    );
    for await (const r of rows) {
      const daysApart = num(r.days_apart);
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.id,
        severity: 'medium',
        evidence: { previous: r.prev_id, previousAgencyId: r.prev_agency_id, daysApart },
        explanation: `${daysApart}天内已有其他部门（${r.prev_agency_id}）检查同一企业，未合并为联合检查`,
      };
    }
  },
};
