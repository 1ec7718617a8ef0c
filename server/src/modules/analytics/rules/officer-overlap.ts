import { compareIds } from '../compare-ids.js';
import { isoShanghai } from '../shanghai-days.js';
import { instant, type AnomalyRule, type RuleFinding } from '../rule.js';

interface Visit {
  id: string;
  agencyId: string;
  creditCode: string;
  start: Date;
  end: Date;
}

/** Which of a subject's findings is reported: the first by officer, then by the pair's later visit, then by the other visit. */
interface Candidate {
  officerId: string;
  later: Visit;
  earlier: Visit;
  /** The subject is the later visit (reported before the earlier one of the same pair). */
  subjectIsLater: boolean;
  finding: RuleFinding;
}

/** (startedAt, id) order. */
function before(a: Visit, b: Visit): boolean {
  return a.start < b.start || (a.start.getTime() === b.start.getTime() && compareIds(a.id, b.id) < 0);
}

function precedes(a: Candidate, b: Candidate): boolean {
  const byOfficer = compareIds(a.officerId, b.officerId);
  if (byOfficer !== 0) return byOfficer < 0;
  if (a.later.id !== b.later.id) return before(a.later, b.later);
  if (a.earlier.id !== b.earlier.id) return before(a.earlier, b.earlier);
  return a.subjectIsLater && !b.subjectIsLater;
}

const PRUNE_EVERY = 10_000;

/** 一人两地: an officer on two inspections of different enterprises whose [start, finish) intervals overlap. */
export const officerOverlap: AnomalyRule = {
  id: 'officer-overlap',
  subjectType: 'inspection',
  severity: 'high',
  describe: () => '同一执法人员同一时间出现在两家不同企业的检查中（检查时段重叠）',
  async *findings(source, { start, end }) {
    // One sweep over all inspections in start order (the start-span index, no sort), holding only
    // the visits still open and, per subject, its best finding until no later visit can overlap it:
    // memory follows the officers at work at one moment, not the data. The finding kept per subject
    // is the first in (officer, later visit, earlier visit) order.
    const rows = source.stream<{ officer_id: string; id: string; agency_id: string; credit_code: string; started_at: Date; finished_at: Date }>(
      `SELECT io.officer_id, i.id, i.agency_id, i.credit_code, i.started_at, i.finished_at
       FROM inspections i FORCE INDEX (idx_inspections_start_span)
       STRAIGHT_JOIN inspection_officers io ON io.inspection_id = i.id
       WHERE i.started_at < ? AND i.finished_at > ?
       ORDER BY i.started_at`,
      [end, start],
    );
    const open = new Map<string, Visit[]>();
    const pending = new Map<string, Candidate>();
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
    const offer = (candidate: Candidate) => {
      const held = pending.get(candidate.finding.subjectId);
      if (!held || precedes(candidate, held)) pending.set(candidate.finding.subjectId, candidate);
    };
    // A visit is done once the sweep is past its end: nothing arriving later overlaps it.
    const settled = function* (now: number): Generator<RuleFinding> {
      for (const [subject, c] of pending) {
        const visit = c.subjectIsLater ? c.later : c.earlier;
        if (visit.end.getTime() < now) {
          pending.delete(subject);
          yield c.finding;
        }
      }
    };
    let rowsSeen = 0;
    let current: Visit | null = null;
    for await (const r of rows) {
      if (!current || current.id !== r.id) {
        current = { id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, start: instant(r.started_at)!, end: instant(r.finished_at)! };
      }
      const visit = current;
      const now = visit.start.getTime();
      // Half-open intervals: one ending exactly when the next starts does not overlap it. Visits
      // starting at the same instant stay: which of them is the earlier is decided by id.
      const mine = (open.get(r.officer_id) ?? []).filter((v) => v.end > visit.start || v.start.getTime() === now);
      for (const other of mine) {
        if (other.creditCode === visit.creditCode) continue;
        const [earlier, later] = before(other, visit) ? [other, visit] : [visit, other];
        if (!(earlier.end > later.start)) continue;
        if (later.start >= start) offer({ officerId: r.officer_id, later, earlier, subjectIsLater: true, finding: finding(later, earlier, r.officer_id) });
        if (earlier.start >= start) offer({ officerId: r.officer_id, later, earlier, subjectIsLater: false, finding: finding(earlier, later, r.officer_id) });
      }
      mine.push(visit);
      open.set(r.officer_id, mine);
      if (++rowsSeen % PRUNE_EVERY === 0) {
        for (const [officerId, visits] of open) {
          const still = visits.filter((v) => v.end.getTime() >= now);
          if (still.length) open.set(officerId, still);
          else open.delete(officerId);
        }
        yield* settled(now);
      }
    }
    yield* settled(Infinity);
  },
};
