import { shanghaiDayNumber } from '../shanghai-days.js';
import { inspectionSubject } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

/** 重复检查: a planned inspection soon after the same agency's previous one of the same enterprise. */
export const repeatedInspection = scanRule<EnterpriseSequenceRow>({
  id: 'repeated-inspection',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `同一部门在${t.repeatedDays}个自然日内对同一企业再次开展计划检查（前次检查可为任何类型）`,
  scan: enterpriseSequences,
  reader(_source, { start, thresholds }) {
    const startMs = start.getTime();
    // The previous inspection of the same agency and enterprise is the previous row in (startedAt,
    // id) order: each enterprise's latest inspection per agency is kept.
    let enterprise: string | null = null;
    const latest = new Map<string, { id: string; day: number }>();
    return {
      read(r) {
        if (r.credit_code !== enterprise) {
          enterprise = r.credit_code;
          latest.clear();
        }
        const startedMs = r.started_at.getTime();
        const day = shanghaiDayNumber(startedMs);
        const previous = latest.get(r.agency_id);
        latest.set(r.agency_id, { id: r.id, day });
        if (!previous || r.trigger_type !== 'planned' || startedMs < startMs || day - previous.day > thresholds.repeatedDays) return undefined;
        const daysApart = day - previous.day;
        return [{
          ...inspectionSubject(r),
          severity: 'medium',
          evidence: { previous: previous.id, daysApart },
          explanation: `同一部门${thresholds.repeatedDays}日内对同一企业重复计划检查（相隔${daysApart}天，前次检查${previous.id}）`,
        }];
      },
      async *finish() {},
    };
  },
});
