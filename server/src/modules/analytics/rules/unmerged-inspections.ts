import { shanghaiDayNumber } from '../shanghai-days.js';
import { instant, type AnomalyRule } from '../rule.js';

const DAY_MS = 86_400_000;

interface Earlier {
  id: string;
  agencyId: string;
  jointId: string | null;
  emergency: boolean;
  day: number;
}

/** 应合并未合并: two agencies inspected the same enterprise within days of each other, not jointly. */
export const unmergedInspections: AnomalyRule = {
  id: 'unmerged-inspections',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `不同部门在${t.unmergedDays}个自然日内先后检查同一企业且未合并为联合检查（紧急检查除外）`,
  async *findings(source, { start, end, thresholds }) {
    // One pass over the enterprise-sequence index in (startedAt, id) order per enterprise, holding
    // the enterprise's inspections of the last N days: the nearest qualifying earlier one is the evidence.
    const rows = source.stream<{ credit_code: string; agency_id: string; id: string; trigger_type: string; joint_id: string | null; started_at: Date }>(
      `SELECT credit_code, agency_id, id, trigger_type, joint_id, started_at
       FROM inspections FORCE INDEX (idx_inspections_enterprise_sequence)
       WHERE started_at >= ? AND started_at < ?
       ORDER BY credit_code, started_at, id`,
      [new Date(start.getTime() - thresholds.unmergedDays * DAY_MS), end],
    );
    let enterprise: string | null = null;
    let recent: Earlier[] = [];
    for await (const r of rows) {
      if (r.credit_code !== enterprise) {
        enterprise = r.credit_code;
        recent = [];
      }
      const startedAt = instant(r.started_at)!;
      const current: Earlier = { id: r.id, agencyId: r.agency_id, jointId: r.joint_id, emergency: r.trigger_type === 'emergency', day: shanghaiDayNumber(startedAt) };
      recent = recent.filter((j) => j.day >= current.day - thresholds.unmergedDays);
      if (!current.emergency && startedAt >= start) {
        let previous: Earlier | undefined;
        for (let k = recent.length - 1; k >= 0 && !previous; k--) {
          const j = recent[k];
          if (j.agencyId !== current.agencyId && !j.emergency && (current.jointId === null || j.jointId === null || j.jointId !== current.jointId)) previous = j;
        }
        if (previous) {
          const daysApart = current.day - previous.day;
          yield {
            subjectId: r.id,
            agencyId: r.agency_id,
            creditCode: r.credit_code,
            inspectionId: r.id,
            severity: 'medium',
            evidence: { previous: previous.id, previousAgencyId: previous.agencyId, daysApart },
            explanation: `${daysApart}天内已有其他部门（${previous.agencyId}）检查同一企业，未合并为联合检查`,
          };
        }
      }
      recent.push(current);
    }
  },
};
