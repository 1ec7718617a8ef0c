import { Injectable } from '@nestjs/common';
import type { EvidenceKind, OffsiteStatus } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A request as stored (camelCase). */
export interface StoredRequest {
  id: string;
  planId: string;
  agencyId: string;
  creditCode: string;
  status: OffsiteStatus;
  round: number;
  note: string | null;
  requestedAt: Date;
  requestedBy: number;
  answeredAt: Date | null;
  decidedAt: Date | null;
  decidedBy: number | null;
  convertReason: string | null;
}

export interface StoredAsk {
  position: number;
  itemId: string;
  kind: EvidenceKind;
  ask: string;
}

export interface StoredEvidence {
  id: string;
  position: number;
  round: number;
  kind: EvidenceKind;
  reading: string | null;
  fileName: string | null;
  contentType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  storageKey: string | null;
  uploadedAt: Date;
}

interface RequestRow {
  id: string;
  plan_id: string;
  agency_id: string;
  credit_code: string;
  status: string;
  round: number;
  note: string | null;
  requested_at: Date;
  requested_by: number;
  answered_at: Date | null;
  decided_at: Date | null;
  decided_by: number | null;
  convert_reason: string | null;
}

const date = (value: Date | null) => (value ? new Date(value) : null);

const toRequest = (r: RequestRow): StoredRequest => ({
  id: r.id, planId: r.plan_id, agencyId: r.agency_id, creditCode: r.credit_code, status: r.status as OffsiteStatus, round: Number(r.round), note: r.note,
  requestedAt: new Date(r.requested_at), requestedBy: Number(r.requested_by), answeredAt: date(r.answered_at), decidedAt: date(r.decided_at),
  decidedBy: r.decided_by === null ? null : Number(r.decided_by), convertReason: r.convert_reason,
});

const COLUMNS = 'id, plan_id, agency_id, credit_code, status, round, note, requested_at, requested_by, answered_at, decided_at, decided_by, convert_reason';

/** Every statement on offsite_requests, offsite_request_asks and offsite_evidence. */
@Injectable()
export class OffsiteRequestRepository extends BaseRepository {
  async insert(request: { id: string; planId: string; agencyId: string; creditCode: string; tokenHash: string; requestedAt: Date; requestedBy: number }, asks: StoredAsk[], tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO offsite_requests (id, plan_id, agency_id, credit_code, status, round, token_hash, requested_at, requested_by) VALUES (?, ?, ?, ?, 'asked', 1, ?, ?, ?)`,
      [request.id, request.planId, request.agencyId, request.creditCode, request.tokenHash, request.requestedAt, request.requestedBy],
    );
    await tx.query('INSERT INTO offsite_request_asks (request_id, position, item_id, kind, ask) VALUES ?', [asks.map((a) => [request.id, a.position, a.itemId, a.kind, a.ask])]);
  }

  async find(id: string, tx?: Tx): Promise<StoredRequest | null> {
    const [row]: RequestRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM offsite_requests WHERE id = ?`, [id]);
    return row ? toRequest(row) : null;
  }

  async ofPlan(planId: string, tx?: Tx): Promise<StoredRequest | null> {
    const [row]: RequestRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM offsite_requests WHERE plan_id = ?`, [planId]);
    return row ? toRequest(row) : null;
  }

  async byTokenHash(tokenHash: string, tx?: Tx): Promise<StoredRequest | null> {
    const [row]: RequestRow[] = await this.db(tx).query(`SELECT ${COLUMNS} FROM offsite_requests WHERE token_hash = ?`, [tokenHash]);
    return row ? toRequest(row) : null;
  }

  /** The request, its row locked for the caller's transaction (decisions and answers take turns). */
  async lock(id: string, tx: Tx): Promise<StoredRequest | null> {
    const [row]: RequestRow[] = await tx.query(`SELECT ${COLUMNS} FROM offsite_requests WHERE id = ? FOR UPDATE`, [id]);
    return row ? toRequest(row) : null;
  }

  /** Requests of one agency (or every agency), open ones first, newest first. */
  async listOf(filter: { agencyId: string | null; creditCode?: string; statuses?: OffsiteStatus[] }, limit: number, tx?: Tx): Promise<StoredRequest[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    if (filter.agencyId) (where.push('agency_id = ?'), values.push(filter.agencyId));
    if (filter.creditCode) (where.push('credit_code = ?'), values.push(filter.creditCode));
    if (filter.statuses?.length) (where.push('status IN (?)'), values.push(filter.statuses));
    const rows: RequestRow[] = await this.db(tx).query(
      `SELECT ${COLUMNS} FROM offsite_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY requested_at DESC, id LIMIT ?`,
      [...values, limit],
    );
    return rows.map(toRequest);
  }

  async asksOf(requestId: string, tx?: Tx): Promise<StoredAsk[]> {
    const rows: { position: number; item_id: string; kind: string; ask: string }[] = await this.db(tx).query(
      'SELECT position, item_id, kind, ask FROM offsite_request_asks WHERE request_id = ? ORDER BY position', [requestId]);
    return rows.map((r) => ({ position: Number(r.position), itemId: r.item_id, kind: r.kind as EvidenceKind, ask: r.ask }));
  }

  async evidenceOf(requestId: string, tx?: Tx): Promise<StoredEvidence[]> {
    const rows: {
      id: string; position: number; round: number; kind: string; reading: string | null; file_name: string | null; content_type: string | null;
      size_bytes: number | null; sha256: string | null; storage_key: string | null; uploaded_at: Date;
    }[] = await this.db(tx).query(
      'SELECT id, position, round, kind, reading, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at FROM offsite_evidence WHERE request_id = ? ORDER BY position, uploaded_at, id',
      [requestId],
    );
    return rows.map((r) => ({
      id: r.id, position: Number(r.position), round: Number(r.round), kind: r.kind as EvidenceKind, reading: r.reading, fileName: r.file_name, contentType: r.content_type,
      sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes), sha256: r.sha256, storageKey: r.storage_key, uploadedAt: new Date(r.uploaded_at),
    }));
  }

  async addEvidence(requestId: string, evidence: StoredEvidence, tx: Tx): Promise<void> {
    await tx.query(
      'INSERT INTO offsite_evidence (id, request_id, position, round, kind, reading, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [evidence.id, requestId, evidence.position, evidence.round, evidence.kind, evidence.reading, evidence.fileName, evidence.contentType, evidence.sizeBytes, evidence.sha256, evidence.storageKey, evidence.uploadedAt],
    );
  }

  async markAnswered(id: string, at: Date, tx: Tx): Promise<void> {
    await tx.query("UPDATE offsite_requests SET status = 'answered', answered_at = ? WHERE id = ?", [at, id]);
  }

  async askAgain(id: string, note: string, tx: Tx): Promise<void> {
    await tx.query("UPDATE offsite_requests SET status = 'asked', round = round + 1, note = ?, answered_at = NULL WHERE id = ?", [note, id]);
  }

  async decide(id: string, decision: { status: 'accepted' | 'converted'; at: Date; by: number; convertReason: string | null }, tx: Tx): Promise<void> {
    await tx.query('UPDATE offsite_requests SET status = ?, decided_at = ?, decided_by = ?, convert_reason = ? WHERE id = ?', [decision.status, decision.at, decision.by, decision.convertReason, id]);
  }

  /** Accepted off-site checks begun since `from`, per agency and Shanghai month (YYYY-MM), as the inspection records count them. */
  async acceptedByAgencyMonth(from: Date, agencyId: string | null): Promise<{ agencyId: string; month: string; count: number }[]> {
    const rows: { agency_id: string; month: string; n: number }[] = await this.dataSource.query(
      `SELECT agency_id, DATE_FORMAT(DATE_ADD(requested_at, INTERVAL 8 HOUR), '%Y-%m') AS month, COUNT(*) AS n
       FROM offsite_requests WHERE status = 'accepted' AND requested_at >= ?${agencyId ? ' AND agency_id = ?' : ''} GROUP BY agency_id, month`,
      agencyId ? [from, agencyId] : [from],
    );
    return rows.map((r) => ({ agencyId: r.agency_id, month: r.month, count: Number(r.n) }));
  }
}
