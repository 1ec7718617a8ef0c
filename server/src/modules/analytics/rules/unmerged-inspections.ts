import { shanghaiDayNumber } from '../shanghai-days.js';
import { inspectionSubject } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

interface Earlier {
  id: string;
  agencyId: string;
  jointId: string | null;
  emergency: boolean;
  day: number;
}

/** 应合并未合并: two agencies inspected the same enterprise within days of each other, not jointly. */
export const unmergedInspections = scanRule<EnterpriseSequenceRow>({
  id: 'unmerged-inspections',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `不同部门在${t.unmergedDays}个自然日内先后检查同一企业且未合并为联合检查（紧急检查除外）`,
  scan: enterpriseSequences,
  reader(_source, { start, thresholds }) {
    const startMs = start.getTime();
    // Each enterprise's inspections of the last N days are held: the nearest qualifying earlier one is the evidence.
    let enterprise: string | null = null;
    let recent: Earlier[] = [];
    return {
      read(r) {
        if (r.credit_code !== enterprise) {
          enterprise = r.credit_code;
          recent = [];
        }
        const startedMs = r.started_at.getTime();
        const current: Earlier = { id: r.id, agencyId: r.agency_id, jointId: r.joint_id, emergency: r.trigger_type === 'emergency', day: shanghaiDayNumber(startedMs) };
        recent = recent.filter((j) => j.day >= current.day - thresholds.unmergedDays);
        let previous: Earlier | undefined;
        if (!current.emergency && startedMs >= startMs) {
          for (let k = recent.length - 1; k >= 0 && !previous; k--) {
            const j = recent[k];
            if (j.agencyId !== current.agencyId && !j.emergency && (current.jointId === null || j.jointId === null || j.jointId !== current.jointId)) previous = j;
          }
        }
        recent.push(current);
        if (!previous) return undefined;
        const daysApart = current.day - previous.day;
        return [{
          ...inspectionSubject(r),
          severity: 'medium',
          evidence: { previous: previous.id, previousAgencyId: previous.agencyId, daysApart },
          explanation: `${daysApart}天内已有其他部门（${previous.agencyId}）检查同一企业，未合并为联合检查`,
        }];
      },
      async *finish() {},
    };
  },
});
