import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type Page, type SessionUser } from '@mashang/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, forbidden, invalid, notFound } from '../../infra/errors/domain-error.js';
import { agencyScope } from '../auth/scope.js';
import { FlagRaiser } from '../flags/index.js';

export interface ReviewView {
  id: string;
  inspectionId: string;
  creditCode: string;
  agencyId: string;
  inspectedByAgencyId: string;
  reason: string;
  status: 'pending' | 'accepted' | 'rejected';
  requestedAt: string;
  events: { kind: string; actor: string; note: string | null; at: string }[];
}

const SIX_MONTHS_MS = 183 * 86_400_000;
const actorOf = (user: SessionUser) => `user:${user.id}:${user.username}`;

/** 异议复查: disputing a same-industry result instead of inspecting the same facts again. */
@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FlagRaiser) private readonly flags: FlagRaiser,
  ) {}

  async request(user: SessionUser, inspectionId: string, reason: string, now = new Date()): Promise<ReviewView> {
    const agencyId = agencyScope(user);
    if (!agencyId) throw forbidden('只有执法部门可以申请异议复查');
    const id = await this.dataSource.transaction(async (manager) => {
      const [inspection] = await manager.query(
        `SELECT i.id, i.agency_id, i.credit_code, i.started_at, a.kind FROM inspections i JOIN agencies a ON a.id = i.agency_id WHERE i.id = ?`,
        [inspectionId],
      );
      if (!inspection) throw invalid('inspectionId', '检查记录不存在');
      const [own] = await manager.query('SELECT kind FROM agencies WHERE id = ?', [agencyId]);
      if (inspection.agency_id === agencyId) throw invalid('inspectionId', '不能对本部门自己的检查结果申请异议复查');
      if (inspection.kind !== own.kind) throw invalid('inspectionId', '只能对同行业部门的检查结果申请异议复查');
      if (now.getTime() - new Date(inspection.started_at).getTime() > SIX_MONTHS_MS) throw invalid('inspectionId', '只能对近六个月内的检查结果申请异议复查');
      const [open] = await manager.query("SELECT id FROM review_requests WHERE inspection_id = ? AND agency_id = ? AND status = 'pending' FOR UPDATE", [inspectionId, agencyId]);
      if (open) throw new DomainError(ErrorCode.Conflict, '本部门对该检查结果的异议复查申请已在处理中');
      const reviewId = randomUUID();
      await manager.query(
        "INSERT INTO review_requests (id, inspection_id, credit_code, agency_id, reason, status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)",
        [reviewId, inspectionId, inspection.credit_code, agencyId, reason.trim(), user.id, now],
      );
      await this.appendEvent(manager, reviewId, 'requested', user, reason.trim(), now);
      // The supervisor decides review requests: each one is a case in the supervision queue.
      await this.flags.raiseOne({
        dedupeKey: `review:${reviewId}`,
        source: 'review',
        subjectType: 'review',
        subjectId: reviewId,
        agencyId: inspection.agency_id,
        creditCode: inspection.credit_code,
        inspectionId,
        severity: 'medium',
        title: `异议复查：对检查 ${inspectionId} 的结果有异议`,
        evidence: { reviewId, inspectionId, requestingAgencyId: agencyId, reason: reason.trim() },
        actor: actorOf(user),
      }, now, manager);
      return reviewId;
    });
    return this.get(user, id);
  }

  async decide(user: SessionUser, id: string, accept: boolean, note: string, now = new Date()): Promise<ReviewView> {
    await this.dataSource.transaction(async (manager) => {
      const [review] = await manager.query('SELECT status FROM review_requests WHERE id = ? FOR UPDATE', [id]);
      if (!review) throw notFound('异议复查申请');
      if (review.status !== 'pending') throw new DomainError(ErrorCode.Conflict, '该申请已有决定');
      const status = accept ? 'accepted' : 'rejected';
      await manager.query('UPDATE review_requests SET status = ? WHERE id = ?', [status, id]);
      await this.appendEvent(manager, id, status, user, note.trim(), now);
      // The supervision case this request raised shows the decision in its log; the supervisor closes it there.
      await manager.query(
        `INSERT INTO flagged_case_events (case_id, kind, actor, detail, at)
         SELECT id, 'review-decided', ?, ?, ? FROM flagged_cases WHERE dedupe_key = ?`,
        [`user:${user.id}:${user.username}`, JSON.stringify({ decision: status, note: note.trim() }), now, `review:${id}`],
      );
      await manager.query('UPDATE flagged_cases SET updated_at = ? WHERE dedupe_key = ?', [now, `review:${id}`]);
    });
    return this.get(user, id);
  }

  async list(user: SessionUser, page: number, pageSize: number): Promise<Page<ReviewView>> {
    const scope = agencyScope(user);
    const where = scope ? 'WHERE r.agency_id = ? OR i.agency_id = ?' : '';
    const params = scope ? [scope, scope] : [];
    const from = 'FROM review_requests r JOIN inspections i ON i.id = r.inspection_id';
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total ${from} ${where}`, params);
    const rows: { id: string }[] = await this.dataSource.query(`SELECT r.id ${from} ${where} ORDER BY r.status = 'pending' DESC, r.requested_at DESC, r.id LIMIT ? OFFSET ?`, [
      ...params, pageSize, (page - 1) * pageSize,
    ]);
    const items: ReviewView[] = [];
    for (const row of rows) items.push(await this.get(user, row.id));
    return { items, total: Number(total), page, pageSize };
  }

  /** The requesting agency, the agency whose result is disputed, and overseers may read it. */
  async get(user: SessionUser, id: string): Promise<ReviewView> {
    const [row] = await this.dataSource.query(
      'SELECT r.*, i.agency_id AS inspected_by FROM review_requests r JOIN inspections i ON i.id = r.inspection_id WHERE r.id = ?',
      [id],
    );
    if (!row) throw notFound('异议复查申请');
    const scope = agencyScope(user);
    if (scope && scope !== row.agency_id && scope !== row.inspected_by) throw forbidden('不能访问其他部门的数据');
    const events: { kind: string; actor: string; note: string | null; at: Date }[] = await this.dataSource.query('SELECT kind, actor, note, at FROM review_events WHERE review_id = ? ORDER BY id', [id]);
    return {
      id: row.id,
      inspectionId: row.inspection_id,
      creditCode: row.credit_code,
      agencyId: row.agency_id,
      inspectedByAgencyId: row.inspected_by,
      reason: row.reason,
      status: row.status,
      requestedAt: new Date(row.requested_at).toISOString(),
      events: events.map((e) => ({ kind: e.kind, actor: e.actor, note: e.note, at: new Date(e.at).toISOString() })),
    };
  }

  private async appendEvent(manager: EntityManager, reviewId: string, kind: string, user: SessionUser, note: string, at: Date): Promise<void> {
    await manager.query('INSERT INTO review_events (review_id, kind, actor, note, at) VALUES (?, ?, ?, ?, ?)', [reviewId, kind, actorOf(user), note, at]);
  }
}

