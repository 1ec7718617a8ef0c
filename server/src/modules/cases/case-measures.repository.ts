import { Injectable } from '@nestjs/common';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

export interface StoredCoerciveMeasure {
  id: string;
  caseId: string;
  kind: string;
  items: string;
  documentNo: string;
  startedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  releasedAt: Date | null;
  releaseReason: string | null;
}

export interface StoredLegalReview {
  id: string;
  caseId: string;
  reasons: string[];
  fine: number;
  measures: string[];
  requestedAt: Date;
  dueAt: Date;
  verdict: string | null;
  opinion: string | null;
  reviewerId: number | null;
  decidedAt: Date | null;
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v));
const list = (v: string) => (v ? v.split(',') : []);

function toMeasure(r: Record<string, any>): StoredCoerciveMeasure {
  return {
    id: r.id, caseId: r.case_id, kind: r.kind, items: r.items, documentNo: r.document_no, startedAt: new Date(r.started_at), dueAt: new Date(r.due_at),
    extendedAt: date(r.extended_at), extensionReason: r.extension_reason, releasedAt: date(r.released_at), releaseReason: r.release_reason,
  };
}

function toReview(r: Record<string, any>): StoredLegalReview {
  return {
    id: r.id, caseId: r.case_id, reasons: list(r.reasons), fine: Number(r.fine), measures: list(r.measures), requestedAt: new Date(r.requested_at),
    dueAt: new Date(r.due_at), verdict: r.verdict, opinion: r.opinion, reviewerId: r.reviewer_id, decidedAt: date(r.decided_at),
  };
}

const MEASURE_COLUMNS = 'id, case_id, kind, items, document_no, started_at, due_at, extended_at, extension_reason, released_at, release_reason';
const REVIEW_COLUMNS = 'id, case_id, reasons, fine, measures, requested_at, due_at, verdict, opinion, reviewer_id, decided_at';

/** A case's coercive measures (`coercive_measures`) and legal reviews (`legal_reviews`). */
@Injectable()
export class CaseMeasuresRepository extends BaseRepository {
  async insertMeasure(m: Omit<StoredCoerciveMeasure, 'extendedAt' | 'extensionReason' | 'releasedAt' | 'releaseReason'>, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO coercive_measures (id, case_id, kind, items, document_no, started_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [m.id, m.caseId, m.kind, m.items, m.documentNo, m.startedAt, m.dueAt]);
  }

  async lockMeasure(id: string, tx: Tx): Promise<StoredCoerciveMeasure | null> {
    const [row] = await tx.query(`SELECT ${MEASURE_COLUMNS} FROM coercive_measures WHERE id = ? FOR UPDATE`, [id]);
    return row ? toMeasure(row) : null;
  }

  async extendMeasure(id: string, dueAt: Date, reason: string, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE coercive_measures SET due_at = ?, extended_at = ?, extension_reason = ? WHERE id = ?', [dueAt, at, reason, id]);
  }

  async releaseMeasure(id: string, reason: string, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE coercive_measures SET released_at = ?, release_reason = ? WHERE id = ?', [at, reason, id]);
  }

  async measuresOf(caseId: string, tx?: Tx): Promise<StoredCoerciveMeasure[]> {
    const rows = await this.db(tx).query(`SELECT ${MEASURE_COLUMNS} FROM coercive_measures WHERE case_id = ? ORDER BY started_at, id`, [caseId]);
    return rows.map(toMeasure);
  }

  async insertReview(r: Omit<StoredLegalReview, 'verdict' | 'opinion' | 'reviewerId' | 'decidedAt'>, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO legal_reviews (id, case_id, reasons, fine, measures, requested_at, due_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.caseId, r.reasons.join(','), r.fine, r.measures.join(','), r.requestedAt, r.dueAt]);
  }

  async lockReview(id: string, tx: Tx): Promise<StoredLegalReview | null> {
    const [row] = await tx.query(`SELECT ${REVIEW_COLUMNS} FROM legal_reviews WHERE id = ? FOR UPDATE`, [id]);
    return row ? toReview(row) : null;
  }

  async decideReview(id: string, verdict: string, opinion: string, reviewerId: number, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE legal_reviews SET verdict = ?, opinion = ?, reviewer_id = ?, decided_at = ? WHERE id = ?', [verdict, opinion, reviewerId, at, id]);
  }

  async reviewsOf(caseId: string, tx?: Tx): Promise<StoredLegalReview[]> {
    const rows = await this.db(tx).query(`SELECT ${REVIEW_COLUMNS} FROM legal_reviews WHERE case_id = ? ORDER BY requested_at, id`, [caseId]);
    return rows.map(toReview);
  }

  /** The reviews waiting for a verdict, the earliest due first; an agency's own when scoped. */
  async waitingReviews(agencyId: string | null, limit: number): Promise<(StoredLegalReview & { agencyId: string; creditCode: string; cause: string })[]> {
    const rows = await this.dataSource.query(
      `SELECT r.id, r.case_id, r.reasons, r.fine, r.measures, r.requested_at, r.due_at, r.verdict, r.opinion, r.reviewer_id, r.decided_at,
         c.agency_id, c.credit_code, c.cause
       FROM legal_reviews r JOIN cases c ON c.id = r.case_id
       WHERE r.verdict IS NULL${agencyId ? ' AND c.agency_id = ?' : ''}
       ORDER BY r.due_at, r.id LIMIT ?`,
      agencyId ? [agencyId, limit] : [limit],
    );
    return rows.map((r: Record<string, any>) => ({ ...toReview(r), agencyId: r.agency_id, creditCode: r.credit_code, cause: r.cause }));
  }
}
