import { isoShanghai } from '../shanghai-days.js';
import { instant, type AnomalyRule } from '../rule.js';

/** 不作为: a grade-D enterprise nobody inspected in the whole window. */
export const highRiskUninspected: AnomalyRule = {
  id: 'high-risk-uninspected',
  subjectType: 'enterprise',
  severity: 'medium',
  describe: (t) => `信用等级D（高风险）企业在${t.windowDays}个自然日内未被任何部门检查（不作为）`,
  async *findings(source, { start, end }) {
    const rows = source.stream<{ credit_code: string; region: string; last_id: string | null; last_started: Date | null }>(
      `SELECT e.credit_code, e.region,
         (SELECT p.id FROM inspections p WHERE p.credit_code = e.credit_code AND p.started_at < ? ORDER BY p.started_at DESC, p.id DESC LIMIT 1) AS last_id,
         (SELECT MAX(p.started_at) FROM inspections p WHERE p.credit_code = e.credit_code AND p.started_at < ?) AS last_started
       FROM enterprises e
       WHERE e.credit_grade = 'D'
         AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.credit_code = e.credit_code AND i.started_at >= ? AND i.started_at < ?)`,
      [start, start, start, end],
    );
    for await (const r of rows) {
      yield {
        subjectId: r.credit_code,
        agencyId: null,
        creditCode: r.credit_code,
        severity: 'medium',
        evidence: { creditGrade: 'D', region: r.region, lastInspection: r.last_id, lastInspectedAt: isoShanghai(instant(r.last_started)) },
        explanation: r.last_id ? '高风险（D级）企业一年内未被检查' : '高风险（D级）企业从未被检查',
      };
    }
  },
};
