import { isoShanghai } from '../shanghai-days.js';
import { inspectionSubject, instant } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { enterpriseSequences, type EnterpriseSequenceRow } from './enterprise-sequences.js';

/** 走过场 / 虚假扫码: an inspection (other than an emergency) whose recorded visit is shorter than the minimum. */
export const shortVisit = scanRule<EnterpriseSequenceRow>({
  id: 'short-visit',
  subjectType: 'inspection',
  severity: 'medium',
  describe: (t) => `窗口内的检查（紧急检查除外）从入企到结束不足${t.shortVisitMinutes}分钟`,
  scan: enterpriseSequences,
  reader(_source, { start, thresholds }) {
    const startMs = start.getTime();
    const shortestMs = thresholds.shortVisitMinutes * 60_000;
    return {
      read(r) {
        const startedMs = r.started_at.getTime();
        if (startedMs < startMs || r.trigger_type === 'emergency') return undefined;
        const finishedAt = instant(r.finished_at)!;
        const visitMs = finishedAt.getTime() - startedMs;
        if (visitMs >= shortestMs) return undefined;
        return [{
          ...inspectionSubject(r),
          severity: 'medium',
          evidence: { startedAt: isoShanghai(r.started_at), finishedAt: isoShanghai(finishedAt), seconds: Math.floor(visitMs / 1000) },
          explanation: `检查从入企到结束仅用时${formatDuration(visitMs)}（不足${thresholds.shortVisitMinutes}分钟）`,
        }];
      },
      async *finish() {},
    };
  },
});

/** "3分05秒" */
function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒`;
}
