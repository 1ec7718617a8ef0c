import { isoShanghai } from '../shanghai-days.js';
import { instant, type AnomalyRule, type RuleFinding } from '../rule.js';

interface Visit {
  id: string;
  agencyId: string;
  creditCode: string;
  start: Date;
  end: Date;
}

/** 一人两地: an officer on two inspections of different enterprises whose [start, finish) intervals overlap. */
export const officerOverlap: AnomalyRule = {
  id: 'officer-overlap',
  subjectType: 'inspection',
  severity: 'high',
  describe: () => '同一执法人员同一时间出现在两家不同企业的检查中（检查时段重叠）',
  async *findings(source, { start, end }) {
    // A sweep over each officer's inspections in start order: only the officer's still-open
    // visits are held, so memory stays flat however long the stream. The join walks both tables in
    // id order (officers' rows by their primary key, each inspection looked up in turn), which
    // reads each page once; taken in start order instead, every officer look-up lands on a random
    // page, and past the buffer pool that is a disk read per row. One sort then lines up each
    // officer's visits in start order.
    const rows = source.stream<{ officer_id: string; id: string; agency_id: string; credit_code: string; started_at: Date; finished_at: Date }>(
      `SELECT io.officer_id, i.id, i.agency_id, i.credit_code, i.started_at, i.finished_at
       FROM inspection_officers io FORCE INDEX (PRIMARY) STRAIGHT_JOIN inspections i ON i.id = io.inspection_id
       WHERE i.started_at < ? AND i.finished_at > ?
       ORDER BY io.officer_id, i.started_at, i.id`,
      [end, start],
    );
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
    for await (const r of rows) {
      const visit: Visit = { id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, start: instant(r.started_at)!, end: instant(r.finished_at)! };
      if (r.officer_id !== officer) {
        officer = r.officer_id;
        open = [];
      }
      // Half-open intervals: one ending exactly when the next starts does not overlap it.
      open = open.filter((v) => v.end > visit.start);
      for (const other of open) {
        if (other.creditCode === visit.creditCode) continue;
        if (visit.start >= start) yield finding(visit, other, officer);
        if (other.start >= start) yield finding(other, visit, officer);
      }
      open.push(visit);
    }
  },
};
