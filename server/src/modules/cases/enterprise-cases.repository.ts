import { Injectable } from '@nestjs/common';
import type { PenaltyCaseStatus, PenaltyStage } from '@mashang/shared';
import { BaseRepository } from '../../infra/database/tx.js';

/** A penalty case as the party itself reads it on its page: no officers, reasons or internal notes. */
export interface EnterpriseCaseRow {
  id: string;
  agencyId: string;
  /** The clause; its benchmark's name when the clause has one. */
  cause: string;
  causeName: string | null;
  status: PenaltyCaseStatus;
  /** Filed through the system: where its procedure stands; null for an imported case. */
  stage: PenaltyStage | null;
  /** In fen. */
  fine: number;
  filedAt: Date;
  decidedAt: Date | null;
  notifiedAt: Date | null;
  statementUntil: Date | null;
  hearingUntil: Date | null;
  /** A supervision code was issued with the notice (its token is derived from the case id). */
  coded: boolean;
}

/** Read-only: an enterprise's penalty cases with their procedures, for the enterprise's own page (企业端). */
@Injectable()
export class EnterpriseCaseRepository extends BaseRepository {
  /** The enterprise's cases, newest filed first (at most `limit`). */
  async ofEnterprise(creditCode: string, limit: number): Promise<EnterpriseCaseRow[]> {
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT c.id, c.agency_id, c.cause, b.name AS cause_name, c.status, p.stage, c.fine, c.filed_at, c.decided_at,
         p.notified_at, p.statement_until, p.hearing_until, p.code_hash
       FROM cases c LEFT JOIN case_procedures p ON p.case_id = c.id LEFT JOIN discretion_benchmarks b ON b.clause = c.cause
       WHERE c.credit_code = ? ORDER BY c.filed_at DESC, c.id DESC LIMIT ?`,
      [creditCode, limit],
    );
    const date = (v: Date | string | null) => (v === null ? null : new Date(v));
    return rows.map((r) => ({
      id: r.id, agencyId: r.agency_id, cause: r.cause, causeName: r.cause_name ?? null, status: r.status, stage: r.stage ?? null, fine: Number(r.fine),
      filedAt: new Date(r.filed_at), decidedAt: date(r.decided_at), notifiedAt: date(r.notified_at), statementUntil: date(r.statement_until),
      hearingUntil: date(r.hearing_until), coded: Boolean(r.code_hash),
    }));
  }
}
