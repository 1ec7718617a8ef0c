import { SHANGHAI_OFFSET_MS } from '@mashang/shared';
import { isoShanghai } from '../shanghai-days.js';
import { inspectionSubject } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

/** The triggers a business could have been spared the hour of: not complaints, undercover visits or emergencies. */
const SCHEDULABLE = new Set(['planned', 'superior', 'other']);
const DAY_MS = 86_400_000;

/** 扰企: a schedulable inspection started, in Asia/Shanghai local time, before the working day or after it. */
export const offHoursInspection = scanRule<EnterpriseSequenceRow>({
  id: 'off-hours-inspection',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `窗口内的计划检查、上级交办或其他情形检查，在当地时间${t.workdayStartHour}:00以前或${t.workdayEndHour}:00以后开始`,
  scan: enterpriseSequences,
  reader(_source, { start, thresholds }) {
    const startMs = start.getTime();
    const opensMs = thresholds.workdayStartHour * 3_600_000;
    const closesMs = thresholds.workdayEndHour * 3_600_000;
    return {
      read(r) {
        const startedMs = r.started_at.getTime();
        if (startedMs < startMs || !SCHEDULABLE.has(r.trigger_type)) return undefined;
        const localMs = (((startedMs + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
        if (localMs >= opensMs && localMs < closesMs) return undefined;
        const startedAt = isoShanghai(r.started_at)!;
        return [{
          ...inspectionSubject(r),
          severity: 'medium',
          evidence: { trigger: r.trigger_type, startedAt },
          explanation: `检查于当地时间${startedAt.slice(11, 16)}开始，在${thresholds.workdayStartHour}:00—${thresholds.workdayEndHour}:00工作时间以外`,
        }];
      },
      async *finish() {},
    };
  },
});
