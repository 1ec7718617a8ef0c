import { inspectionSubject, num } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

/** 一人执法: an inspection (other than an emergency) that lists fewer than two officers (执法人员不得少于两人). */
export const singleOfficer = scanRule<EnterpriseSequenceRow>({
  id: 'single-officer',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `窗口内的检查（紧急检查除外）登记的执法人员少于${t.minOfficers}人`,
  scan: enterpriseSequences,
  reader(_source, { start, thresholds }) {
    const startMs = start.getTime();
    return {
      read(r) {
        const officers = num(r.officer_count);
        if (r.started_at.getTime() < startMs || r.trigger_type === 'emergency' || officers >= thresholds.minOfficers) return undefined;
        return [{
          ...inspectionSubject(r),
          severity: 'medium',
          evidence: { officers, trigger: r.trigger_type },
          explanation: `检查只登记了${officers}名执法人员（不得少于${thresholds.minOfficers}人）`,
        }];
      },
      async *finish() {},
    };
  },
});
