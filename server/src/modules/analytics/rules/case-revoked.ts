import { isoShanghai } from '../shanghai-days.js';
import { instant, type AnomalyRule } from '../rule.js';

/** 撤销立案: a case revoked in the window. */
export const caseRevoked: AnomalyRule = {
  id: 'case-revoked',
  subjectType: 'case',
  severity: 'medium',
  describe: () => '窗口内撤销立案的案件',
  async *findings(source, { start, end }) {
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; inspection_id: string | null; cause: string; filed_at: Date; revoked_at: Date }>(
      `SELECT id, agency_id, credit_code, inspection_id, cause, filed_at, revoked_at
       FROM cases
       WHERE status = 'revoked' AND revoked_at >= ? AND revoked_at < ? AND filed_at < ?`,
      [start, end, end],
    );
    for await (const r of rows) {
      yield {
        subjectId: r.id,
        agencyId: r.agency_id,
        creditCode: r.credit_code,
        inspectionId: r.inspection_id,
        severity: 'medium',
        evidence: { cause: r.cause, filedAt: isoShanghai(instant(r.filed_at)), revokedAt: isoShanghai(instant(r.revoked_at)) },
        explanation: `案件（案由${r.cause}）立案后被撤销`,
      };
    }
  },
};
