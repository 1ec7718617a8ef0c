import { isoShanghai } from '../shanghai-days.js';
import { instant, num, type AnomalyRule } from '../rule.js';

/** 超期办案: more natural days from filing to decision than 90 + the approved extension (行政处罚法第六十条). */
export const caseOvertime: AnomalyRule = {
  id: 'case-overtime',
  subjectType: 'case',
  severity: 'high',
  describe: (t) => `案件自立案起超过${t.caseLimitDays}日（加批准延长天数）仍未作出决定，或窗口内作出的决定超过该期限（行政处罚法第六十条）`,
  async *findings(source, { asOf, start, end, thresholds }) {
    // As of D: a decision after D has not happened; a revocation after D has not happened either.
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; inspection_id: string | null; filed_at: Date; decided_at: Date | null; extended_days: number | string; days: number | string }>(
      `SELECT id, agency_id, credit_code, inspection_id, filed_at, decided_at, extended_days, days
       FROM (
         SELECT id, agency_id, credit_code, inspection_id, filed_at, extended_days,
           CASE WHEN decided_at < ? THEN decided_at END AS decided_at,
           CASE WHEN decided_at < ? THEN DATEDIFF(decided_at + INTERVAL 8 HOUR, filed_at + INTERVAL 8 HOUR)
                ELSE DATEDIFF(?, filed_at + INTERVAL 8 HOUR) END AS days
         FROM cases
         WHERE filed_at < ? AND NOT (status = 'revoked' AND revoked_at < ?)
       ) t
       WHERE days > ? + extended_days AND (decided_at IS NULL OR decided_at >= ?)`,
      [end, end, asOf, end, end, thresholds.caseLimitDays, start],
    );
    for await (const r of rows) {
      const decidedAt = instant(r.decided_at);
      const days = num(r.days);
      const limitDays = thresholds.caseLimitDays + num(r.extended_days);
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.inspection_id,
        severity: 'high',
        evidence: { filedAt: isoShanghai(instant(r.filed_at)), decidedAt: isoShanghai(decidedAt), days, limitDays, extendedDays: num(r.extended_days) },
        explanation: decidedAt
          ? `立案后第${days}天才作出处罚决定，超过${limitDays}日办案期限`
          : `立案已${days}天仍未作出处罚决定，超过${limitDays}日办案期限`,
      };
    }
  },
};
