import { isoShanghai } from '../shanghai-days.js';
import type { RuleFinding } from '../rule.js';
import { scanRule } from '../shared-scan.js';
import { officerVisits, type OfficerVisitRow } from './officer-visits.js';

interface Visit {
  id: string;
  agencyId: string;
  creditCode: string;
  start: Date;
  end: Date;
  startMs: number;
  endMs: number;
}

/** 一人两地: an officer on two inspections of different enterprises whose [start, finish) intervals overlap. */
export const officerOverlap = scanRule<OfficerVisitRow>({
  id: 'officer-overlap',
  subjectType: 'inspection',
  severity: 'high',
  describe: () => '同一执法人员同一时间出现在两家不同企业的检查中（检查时段重叠）',
  scan: officerVisits,
  reader(_source, { start }) {
    // A sweep over each officer's inspections in start order: only the officer's still-open
    // visits are held, so memory stays flat however long the stream.
    const startMs = start.getTime();
    let officer: string | null = null;
    let open: Visit[] = [];
    const finding = (subject: Visit, other: Visit, officerId: string): RuleFinding => ({
      subjectId: subject.id,
      agencyId: subject.agencyId,
      creditCode: subject.creditCode,
      officerId,
      inspectionId: subject.id,
      severity: 'high',
      evidence: {
        officerId,
        other: other.id,
        otherCreditCode: other.creditCode,
        interval: [isoShanghai(subject.start), isoShanghai(subject.end)],
        otherInterval: [isoShanghai(other.start), isoShanghai(other.end)],
      },
      explanation: `执法人员${officerId}在本次检查期间同时出现在另一企业的检查${other.id}中（一人两地）`,
    });
    return {
      read(r) {
        const endMs = r.finished_at.getTime();
        // The scan also holds inspections that ended by the window's start for the workload count.
        if (endMs <= startMs) return undefined;
        const visit: Visit = { id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, start: r.started_at, end: r.finished_at, startMs: r.started_at.getTime(), endMs };
        if (r.officer_id !== officer) {
          officer = r.officer_id;
          open = [];
        }
        // Half-open intervals: one ending exactly when the next starts does not overlap it.
        if (open.length) open = open.filter((v) => v.endMs > visit.startMs);
        let found: RuleFinding[] | undefined;
        for (const other of open) {
          if (other.creditCode === visit.creditCode) continue;
          if (visit.startMs >= startMs) (found ??= []).push(finding(visit, other, officer));
          if (other.startMs >= startMs) (found ??= []).push(finding(other, visit, officer));
        }
        open.push(visit);
        return found;
      },
      async *finish() {},
    };
  },
});
