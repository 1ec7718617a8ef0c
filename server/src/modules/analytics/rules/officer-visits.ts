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
 * counts those started in the window. The join walks inspections in id order and takes each one's
 * officers by the officer table's primary key, so every page is read once, and only inspections the
 * rules can use are joined; one sort then lines up each officer's visits.
 */
export const officerVisits: SharedScan<OfficerVisitRow> = {
  rows: (source, { start, end }) =>
    source.stream<OfficerVisitRow>(
      `SELECT io.officer_id, i.id, i.agency_id, i.credit_code, i.started_at, i.finished_at
       FROM inspections i FORCE INDEX (PRIMARY) STRAIGHT_JOIN inspection_officers io ON io.inspection_id = i.id
       WHERE i.started_at < ? AND (i.finished_at > ? OR i.started_at >= ?)
       ORDER BY io.officer_id, i.started_at, i.id`,
      [end, start, start],
    ),
};
