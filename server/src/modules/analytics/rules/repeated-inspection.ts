import { num, type AnomalyRule } from '../rule.js';

const DAY_MS = 86_400_000;

/** 重复检查: a planned inspection soon after the same agency's previous one of the same enterprise. */
export const repeatedInspection: AnomalyRule = {
  id: 'repeated-inspection',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `同一部门在${t.repeatedDays}个自然日内对同一企业再次开展计划检查（前次检查可为任何类型）`,
  async *findings(source, { start, end, thresholds }) {
    // The nearest earlier inspection of the same agency and enterprise is the previous row in
    // (startedAt, id) order; it can lie up to repeatedDays before the window.
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; prev_id: string; days_apart: number | string }>(
      `SELECT id, agency_id, credit_code, prev_id, DATEDIFF(started_at + INTERVAL 8 HOUR, prev_started + INTERVAL 8 HOUR) AS days_apart
       FROM (
         SELECT id, agency_id, credit_code, trigger_type, started_at,
           LAG(id) OVER (PARTITION BY credit_code, agency_id ORDER BY started_at, id) AS prev_id,
           LAG(started_at) OVER (PARTITION BY credit_code, agency_id ORDER BY started_at, id) AS prev_started
         FROM inspections
         WHERE started_at >= ? AND started_at < ?
       ) t
       WHERE started_at >= ? AND trigger_type = 'planned' AND prev_id IS NOT NULL
         AND DATEDIFF(started_at + INTERVAL 8 HOUR, prev_started + INTERVAL 8 HOUR) <= ?`,
      [new Date(start.getTime() - thresholds.repeatedDays * DAY_MS), end, start, thresholds.repeatedDays],
    );
    for await (const r of rows) {
      const daysApart = num(r.days_apart);
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.id,
        severity: 'medium',
        evidence: { previous: r.prev_id, daysApart },
        explanation: `同一部门${thresholds.repeatedDays}日内对同一企业重复计划检查（相隔${daysApart}天，前次检查${r.prev_id}）`,
      };
    }
  },
};
