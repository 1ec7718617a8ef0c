import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A penalty case as other modules' views list it. */
export interface CaseSummary {
  id: string;
  agencyId: string;
  cause: string;
  status: string;
  filedAt: Date;
  /** In fen, as a decimal string (BIGINT). */
  fine: string;
}

/** Reads of penalty cases (立案 → 决定 → 结案) for other modules. */
@Injectable()
export class CaseRepository extends BaseRepository {
  /** Cases by id, earliest filed first. */
  async summaries(ids: string[], tx?: Tx): Promise<CaseSummary[]> {
    if (!ids.length) return [];
    const rows: { id: string; agency_id: string; cause: string; status: string; filed_at: Date; fine: string | number }[] = await this.db(tx).query(
      'SELECT id, agency_id, cause, status, filed_at, fine FROM cases WHERE id IN (?) ORDER BY filed_at', [ids]);
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, cause: r.cause, status: r.status, filedAt: new Date(r.filed_at), fine: String(r.fine) }));
  }
}
