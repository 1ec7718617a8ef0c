import { Injectable } from '@nestjs/common';
import type { Paging } from '../../infra/database/entity-table.js';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

import type { ReviewStatus } from '@mashang/shared';

export type { ReviewStatus };

/** A review request as stored. */
export interface StoredReview {
  id: string;
  inspectionId: string;
  creditCode: string;
  /** The disputing agency. */
  agencyId: string;
  reason: string;
  status: ReviewStatus;
  requestedBy: number;
  requestedAt: Date;
}

export interface ReviewEventEntry {
  reviewId: string;
  kind: 'requested' | 'accepted' | 'rejected';
  actor: string;
  note: string | null;
  at: Date;
}

interface ReviewRow {
  id: string;
  inspection_id: string;
  credit_code: string;
  agency_id: string;
  reason: string;
  status: ReviewStatus;
  requested_by: number;
  requested_at: Date;
}

/** Every statement on `review_requests` and `review_events`. */
@Injectable()
export class ReviewRepository extends BaseRepository {
  async byId(id: string, tx?: Tx): Promise<StoredReview | null> {
    const [row]: ReviewRow[] = await this.db(tx).query('SELECT * FROM review_requests WHERE id = ?', [id]);
    return row ? toStored(row) : null;
  }

  /** The requests of these ids that exist, in no particular order. */
  async byIds(ids: string[], tx?: Tx): Promise<StoredReview[]> {
    if (!ids.length) return [];
    const rows: ReviewRow[] = await this.db(tx).query('SELECT * FROM review_requests WHERE id IN (?)', [ids]);
    return rows.map(toStored);
  }

  /** The inspection of the agency's pending request on this enterprise, if it has one. */
  async pendingInspectionOf(creditCode: string, agencyId: string, tx?: Tx): Promise<string | null> {
    const [row]: { inspection_id: string }[] = await this.db(tx).query(
      "SELECT inspection_id FROM review_requests WHERE credit_code = ? AND agency_id = ? AND status = 'pending' LIMIT 1", [creditCode, agencyId]);
    return row?.inspection_id ?? null;
  }

  /** Whether the agency has a pending request on this inspection, locking it for the transaction. */
  async lockPending(inspectionId: string, agencyId: string, tx: Tx): Promise<boolean> {
    const rows = await tx.query("SELECT id FROM review_requests WHERE inspection_id = ? AND agency_id = ? AND status = 'pending' FOR UPDATE", [inspectionId, agencyId]);
    return rows.length > 0;
  }

  /** The request's status, its row locked for the transaction; null when there is none. */
  async lockStatus(id: string, tx: Tx): Promise<ReviewStatus | null> {
    const [row]: { status: ReviewStatus }[] = await tx.query('SELECT status FROM review_requests WHERE id = ? FOR UPDATE', [id]);
    return row?.status ?? null;
  }

  async insert(review: StoredReview, tx: Tx): Promise<void> {
    await tx.query(
      'INSERT INTO review_requests (id, inspection_id, credit_code, agency_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [review.id, review.inspectionId, review.creditCode, review.agencyId, review.reason, review.status, review.requestedBy, review.requestedAt],
    );
  }

  async setStatus(id: string, status: ReviewStatus, tx: Tx): Promise<void> {
    await tx.query('UPDATE review_requests SET status = ? WHERE id = ?', [status, id]);
  }

  async appendEvent(event: ReviewEventEntry, tx: Tx): Promise<void> {
    await tx.query('INSERT INTO review_events (review_id, kind, actor, note, at) VALUES (?, ?, ?, ?, ?)', [event.reviewId, event.kind, event.actor, event.note, event.at]);
  }

  /** The events of these requests, each request's oldest first. */
  async eventsOf(reviewIds: string[], tx?: Tx): Promise<ReviewEventEntry[]> {
    if (!reviewIds.length) return [];
    const rows: { review_id: string; kind: ReviewEventEntry['kind']; actor: string; note: string | null; at: Date }[] = await this.db(tx).query(
      'SELECT review_id, kind, actor, note, at FROM review_events WHERE review_id IN (?) ORDER BY review_id, id', [reviewIds]);
    return rows.map((e) => ({ reviewId: e.review_id, kind: e.kind, actor: e.actor, note: e.note, at: new Date(e.at) }));
  }

  /** The inspections any request disputes. */
  async disputedInspectionIds(tx?: Tx): Promise<string[]> {
    const rows: { inspection_id: string }[] = await this.db(tx).query('SELECT DISTINCT inspection_id FROM review_requests');
    return rows.map((r) => r.inspection_id);
  }

  /**
   * One page of request ids, pending first, then newest: every request, or (with `visibleTo`) those an
   * agency made or that dispute one of the given inspections (its own).
   */
  async page(visibleTo: { agencyId: string; inspectionIds: string[] } | null, paging: Paging, status?: ReviewStatus): Promise<{ ids: string[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (visibleTo && visibleTo.inspectionIds.length) {
      conditions.push('(agency_id = ? OR inspection_id IN (?))');
      params.push(visibleTo.agencyId, visibleTo.inspectionIds);
    } else if (visibleTo) {
      conditions.push('agency_id = ?');
      params.push(visibleTo.agencyId);
    }
    if (status) {
      conditions.push('status = ?');
      params.push(status);
    }
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }]: { total: string }[] = await this.db().query(`SELECT COUNT(*) AS total FROM review_requests ${where}`, params);
    const rows: { id: string }[] = await this.db().query(
      `SELECT id FROM review_requests ${where} ORDER BY status = 'pending' DESC, requested_at DESC, id LIMIT ? OFFSET ?`,
      [...params, paging.pageSize, (paging.page - 1) * paging.pageSize],
    );
    return { ids: rows.map((r) => r.id), total: Number(total) };
  }
}

const toStored = (row: ReviewRow): StoredReview => ({
  id: row.id, inspectionId: row.inspection_id, creditCode: row.credit_code, agencyId: row.agency_id, reason: row.reason,
  status: row.status, requestedBy: Number(row.requested_by), requestedAt: new Date(row.requested_at),
});
