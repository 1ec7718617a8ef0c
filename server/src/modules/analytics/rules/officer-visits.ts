import type { SharedScan } from '../shared-scan.js';

export interface OfficerVisitRow {
  officer_id: string;
  id: string;
  agency_id: string;
  credit_code: string;
  started_at: Date;
  finished_at: Date;
}

/**
 * Each officer's inspections in start order, read once for the two officer rules: officer-overlap
 * sweeps them (those still open at the window's start or started in it), officer-workload-outlier
 * counts those started in the window. Officer rows carry their inspection's times, so one index
 * holds the visits already in that order: no join, no sort.
 */
export const officerVisits: SharedScan<OfficerVisitRow> = {
  longPass: true,
  batches: (source, { start, end }) =>
    source.batches<OfficerVisitRow>(
      `SELECT officer_id, inspection_id AS id, agency_id, credit_code, started_at, finished_at
       FROM inspection_officers FORCE INDEX (idx_inspection_officers_visits)
       WHERE started_at < ? AND (finished_at > ? OR started_at >= ?)
       ORDER BY officer_id, started_at, inspection_id`,
      [end, start, start],
    ),
};
