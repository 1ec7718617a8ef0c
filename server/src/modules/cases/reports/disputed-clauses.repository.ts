import { Injectable } from '@nestjs/common';
import { BaseRepository } from '../../../infra/database/tx.js';
import type { ClauseTally } from './disputed-clauses.js';

/**
 * The disputed-clause report's read: per clause, the cases noticed (case_procedures.notified_at) or
 * decided (cases.decided_at) in [start, end), and the objections (party_submissions of kind
 * objection) on them, whenever they came. Cases-module tables only.
 */
@Injectable()
export class DisputedClausesRepository extends BaseRepository {
  async tallies(start: Date, end: Date, agencyId: string | null): Promise<ClauseTally[]> {
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT c.cause AS clause, COUNT(*) AS cases,
              SUM(CASE WHEN o.objections > 0 THEN 1 ELSE 0 END) AS objected_cases,
              COALESCE(SUM(o.objections), 0) AS objections, COALESCE(SUM(o.upheld), 0) AS upheld, COALESCE(SUM(o.pending), 0) AS pending
       FROM cases c
       LEFT JOIN case_procedures p ON p.case_id = c.id
       LEFT JOIN (
         SELECT case_id, COUNT(*) AS objections,
                SUM(CASE WHEN upheld = 1 THEN 1 ELSE 0 END) AS upheld, SUM(CASE WHEN upheld IS NULL THEN 1 ELSE 0 END) AS pending
         FROM party_submissions WHERE kind = 'objection' GROUP BY case_id
       ) o ON o.case_id = c.id
       WHERE ((c.decided_at >= ? AND c.decided_at < ?) OR (p.notified_at >= ? AND p.notified_at < ?))${agencyId === null ? '' : ' AND c.agency_id = ?'}
       GROUP BY c.cause`,
      [start, end, start, end, ...(agencyId === null ? [] : [agencyId])],
    );
    return rows.map((r) => ({
      clause: String(r.clause),
      cases: Number(r.cases),
      objectedCases: Number(r.objected_cases),
      objections: Number(r.objections),
      upheld: Number(r.upheld),
      pending: Number(r.pending),
    }));
  }
}
