import { isoShanghai } from '../shanghai-days.js';
import { instant, type AnomalyRule, type RuleFinding } from '../rule.js';
import { CAUSE_CHANGE_SEQUENCE, CHANGE_AT, CHANGE_FROM, CHANGE_JOIN, CHANGE_TO } from './cause-changes.js';

interface ChangeRow {
  id: string;
  agency_id: string;
  credit_code: string;
  inspection_id: string | null;
  cause: string;
  k: number | string;
  from_cause: string;
  to_cause: string;
  changed_at: Date;
}

/** 变更案由: a case whose violation clause was changed (to another clause) in the window. */
export const caseCauseChanged: AnomalyRule = {
  id: 'case-cause-changed',
  subjectType: 'case',
  severity: 'low',
  describe: () => '窗口内变更了案由（变更前后条款不同）的案件',
  async *findings(source, { start, end }) {
    const rows = source.stream<ChangeRow>(
      `WITH RECURSIVE ${CAUSE_CHANGE_SEQUENCE}
       SELECT id, agency_id, credit_code, inspection_id, cause, k, from_cause, to_cause, changed_at
       FROM (
         SELECT c.id, c.agency_id, c.credit_code, c.inspection_id, c.cause, seq.k,
           ${CHANGE_FROM} AS from_cause, ${CHANGE_TO} AS to_cause, ${CHANGE_AT} AS changed_at
         FROM cases c ${CHANGE_JOIN}
         WHERE c.cause_changes IS NOT NULL AND c.filed_at < ?
       ) t
       WHERE from_cause <> to_cause AND changed_at >= ? AND changed_at < ?
       ORDER BY id, k`,
      [end, start, end],
    );
    // Rows come grouped by case: one finding per case with all its changes in the window.
    let group: { first: ChangeRow; changes: { from: string; to: string; at: string | null }[] } | null = null;
    for await (const r of rows) {
      if (group && group.first.id !== r.id) {
        yield finding(group.first, group.changes);
        group = null;
      }
      group ??= { first: r, changes: [] };
      group.changes.push({ from: r.from_cause, to: r.to_cause, at: isoShanghai(instant(r.changed_at)) });
    }
    if (group) yield finding(group.first, group.changes);
  },
};

function finding(r: ChangeRow, changes: { from: string; to: string; at: string | null }[]): RuleFinding {
  return {
    subjectId: r.id,
    agencyId: r.agency_id,
    creditCode: r.credit_code,
    inspectionId: r.inspection_id,
    severity: 'low',
    evidence: { cause: r.cause, changes },
    explanation: `案件在窗口内变更案由${changes.length}次（${changes.map((c) => `${c.from}→${c.to}`).join('，')}）`,
  };
}
