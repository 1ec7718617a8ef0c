import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../../infra/database/tx.js';

/** A noticed case as its supervision code shows it: the exchange record and its procedure. */
export interface CodedCase {
  caseId: string;
  agencyId: string;
  creditCode: string;
  cause: string;
  /** light | general | severe; '' before the notice. */
  discretionLevel: string;
  /** The decided fine in fen (cases.fine, decimal text). */
  fine: string;
  stage: string;
  facts: string;
  legalBasis: string;
  /** JSON list of the benchmark factor ids ticked. */
  factors: string | null;
  points: number | null;
  proposedFine: string | null;
  rangeMin: string | null;
  rangeMax: string | null;
  statementUntil: Date | null;
  hearingUntil: Date | null;
  hearingRequestedAt: Date | null;
  codeHash: string | null;
}

export interface NewPartySubmission {
  id: string;
  caseId: string;
  kind: string;
  text: string;
  at: Date;
  flaggedCaseId: string | null;
}

const CODED_CASE = `SELECT c.id AS caseId, c.agency_id AS agencyId, c.credit_code AS creditCode, c.cause, c.discretion_level AS discretionLevel, c.fine,
    p.stage, p.facts, p.legal_basis AS legalBasis, p.factors, p.points, p.proposed_fine AS proposedFine, p.range_min AS rangeMin, p.range_max AS rangeMax,
    p.statement_until AS statementUntil, p.hearing_until AS hearingUntil, p.hearing_requested_at AS hearingRequestedAt, p.code_hash AS codeHash
  FROM case_procedures p JOIN cases c ON c.id = p.case_id`;

/**
 * The supervision code's statements: a noticed case read by its code's hash (cases + case_procedures),
 * the party's submissions (party_submissions), and the hearing request it marks on the procedure.
 */
@Injectable()
export class SupervisionCodeRepository extends BaseRepository {
  /** The case whose code hashes to this; `lock` takes the procedure's and the case's rows for the caller's transaction. */
  async byCodeHash(codeHash: string, tx?: Tx, lock = false): Promise<CodedCase | null> {
    const [row]: CodedCase[] = await this.db(tx).query(`${CODED_CASE} WHERE p.code_hash = ?${lock ? ' FOR UPDATE' : ''}`, [codeHash]);
    return row ? withDates(row) : null;
  }

  async byCaseId(caseId: string, tx?: Tx): Promise<CodedCase | null> {
    const [row]: CodedCase[] = await this.db(tx).query(`${CODED_CASE} WHERE p.case_id = ?`, [caseId]);
    return row ? withDates(row) : null;
  }

  /** The party's submissions on a case, oldest first: kinds and times only (what they say is not for the code's page). */
  async submissionsOf(caseId: string, tx?: Tx): Promise<{ kind: string; at: Date }[]> {
    const rows: { kind: string; at: Date }[] = await this.db(tx).query('SELECT kind, at FROM party_submissions WHERE case_id = ? ORDER BY at, id', [caseId]);
    return rows.map((r) => ({ kind: r.kind, at: new Date(r.at) }));
  }

  async insertSubmission(submission: NewPartySubmission, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO party_submissions (id, case_id, kind, text, at, flagged_case_id, upheld) VALUES (?, ?, ?, ?, ?, ?, NULL)', [
      submission.id, submission.caseId, submission.kind, submission.text, submission.at, submission.flaggedCaseId,
    ]);
  }

  /** Marks the hearing requested unless it already was; answers whether this call marked it. */
  async markHearingRequested(caseId: string, at: Date, tx: Tx): Promise<boolean> {
    const result: { affectedRows?: number } = await tx.query(
      'UPDATE case_procedures SET hearing_requested_at = ?, updated_at = ? WHERE case_id = ? AND hearing_requested_at IS NULL', [at, at, caseId]);
    return (result.affectedRows ?? 0) === 1;
  }
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

function withDates(row: CodedCase): CodedCase {
  return {
    ...row,
    points: row.points === null ? null : Number(row.points),
    statementUntil: date(row.statementUntil),
    hearingUntil: date(row.hearingUntil),
    hearingRequestedAt: date(row.hearingRequestedAt),
  };
}
