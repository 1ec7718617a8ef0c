import type { RuleContext } from '../rule.js';
import type { ScanTally, SharedScan } from '../shared-scan.js';

const DAY_MS = 86_400_000;

export interface EnterpriseSequenceRow {
  credit_code: string;
  agency_id: string;
  id: string;
  trigger_type: string;
  joint_id: string | null;
  started_at: Date;
  finished_at: Date;
  officer_count: number;
}

/**
 * Each enterprise's inspections in (startedAt, id) order, read once for repeated-inspection,
 * unmerged-inspections, frequency-high, and v2's single-officer, short-visit and off-hours-inspection:
 * one pass over the enterprise-sequence index, already in that order (a window function would sort
 * every row first) and holding every column read. It starts early enough for the earlier inspection
 * of repeated- and unmerged-inspections, which may lie before the window.
 */
export const enterpriseSequences: SharedScan<EnterpriseSequenceRow> = {
  longPass: true,
  batches: (source, { start, end, thresholds }) =>
    source.batches<EnterpriseSequenceRow>(
      `SELECT credit_code, agency_id, id, trigger_type, joint_id, started_at, finished_at, officer_count
       FROM inspections FORCE INDEX (idx_inspections_enterprise_sequence)
       WHERE started_at >= ? AND started_at < ?
       ORDER BY credit_code, started_at, id`,
      [new Date(start.getTime() - Math.max(thresholds.repeatedDays, thresholds.unmergedDays) * DAY_MS), end],
    ),
};

/**
 * The inspections each agency started in the window, counted from the enterprise sequences as they
 * go by (they hold every inspection of the window): the summary needs no pass of its own.
 */
export function inspectionsStartedByAgency({ start }: RuleContext, counts: Map<string, number>): ScanTally<EnterpriseSequenceRow> {
  const startMs = start.getTime();
  return {
    scan: enterpriseSequences,
    read(r) {
      if (r.started_at.getTime() >= startMs) counts.set(r.agency_id, (counts.get(r.agency_id) ?? 0) + 1);
    },
  };
}
