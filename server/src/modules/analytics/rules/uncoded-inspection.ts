import { isoShanghai } from '../shanghai-days.js';
import { inspectionSubject, instant, type AnomalyRule } from '../rule.js';

/** 未亮码检查: no inspection code when it started; an emergency's late code (先检查后补码) past its deadline. */
export const uncodedInspection: AnomalyRule = {
  id: 'uncoded-inspection',
  subjectType: 'inspection',
  severity: 'high',
  describe: (t) => `窗口内未亮码的检查；紧急检查须在开始后${t.emergencyCodeHours}小时内补码，截止时间已过仍未补码或补码晚于截止时间`,
  async *findings(source, { start, end, thresholds }) {
    // Only the uncoded part of the window, read from an index that holds every column needed.
    const rows = source.stream<{ id: string; agency_id: string; credit_code: string; trigger_type: string; started_at: Date; coded_at: Date | null }>(
      `SELECT id, agency_id, credit_code, trigger_type, started_at, coded_at
       FROM inspections FORCE INDEX (idx_inspections_uncoded)
       WHERE coded = 0 AND started_at >= ? AND started_at < ?
         AND (trigger_type <> 'emergency'
           OR (started_at + INTERVAL ? HOUR < ? AND (coded_at IS NULL OR coded_at > started_at + INTERVAL ? HOUR)))`,
      [start, end, thresholds.emergencyCodeHours, end, thresholds.emergencyCodeHours],
    );
    for await (const r of rows) {
      const startedAt = instant(r.started_at)!;
      // A code filed after D had not been filed as of D.
      const codedAt = r.coded_at !== null && instant(r.coded_at)! < end ? instant(r.coded_at) : null;
      const base = inspectionSubject(r);
      if (r.trigger_type !== 'emergency') {
        yield {
          ...base,
          severity: 'high',
          evidence: { trigger: r.trigger_type, startedAt: isoShanghai(startedAt), codedAt: isoShanghai(codedAt) },
          explanation: '检查开始时没有检查码（未亮码检查）',
        };
      } else {
        const deadline = new Date(startedAt.getTime() + thresholds.emergencyCodeHours * 3_600_000);
        yield {
          ...base,
          severity: 'medium',
          evidence: { trigger: 'emergency', startedAt: isoShanghai(startedAt), deadline: isoShanghai(deadline), codedAt: isoShanghai(codedAt) },
          explanation: codedAt
            ? `紧急检查补码晚于${thresholds.emergencyCodeHours}小时期限（先检查后补码超时）`
            : `紧急检查超过${thresholds.emergencyCodeHours}小时仍未补码`,
        };
      }
    }
  },
};
