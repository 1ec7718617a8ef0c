import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays,
  CASE_CONCLUSION_LABELS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  ErrorCode,
  Role,
  shanghaiDate,
  type ComplaintOutcome,
  type AttachmentUpload,
  type AttachmentView,
  type CaseActionRequest,
  type CaseDetail,
  type CaseListItem,
  type CaseListQuery,
  type CasePage,
  type InspectionSummary,
  type SessionUser,
} from '@mashang/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, forbidden, invalid, notFound } from '../../infra/errors/domain-error.js';
import { credentialHash, parseCredential } from '../evaluation/rating-token.js';
import { allowedActions, decide, isOverdue, maySee, OPEN_CASE_GRACE_DAYS, type CaseState } from './case-workflow.js';

/** Largest attachment: JSON bodies are capped at 1 MB and base64 adds a third. */
export const MAX_ATTACHMENT_BYTES = 700 * 1024;

const actorOf = (user: SessionUser) => `user:${user.id}:${user.username}`;
/** Midnight at the start of a Shanghai calendar day, as an instant. */
const shanghaiMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

interface CaseRow {
  id: string;
  source: CaseListItem['source'];
  rule: string | null;
  severity: CaseListItem['severity'];
  title: string;
  status: CaseListItem['status'];
  conclusion: CaseListItem['conclusion'];
  agency_id: string | null;
  agency_name: string | null;
  credit_code: string | null;
  enterprise_name: string | null;
  officer_id: string | null;
  officer_name: string | null;
  inspection_id: string | null;
  assignee_id: number | null;
  assignee_name: string | null;
  deadline: string | null;
  created_at: Date;
  updated_at: Date;
}

const LIST_COLUMNS = `f.id, f.source, f.rule, f.severity, f.title, f.status, f.conclusion, f.agency_id, a.name AS agency_name, f.credit_code,
  e.name AS enterprise_name, f.officer_id, o.name AS officer_name, f.inspection_id, f.assignee_id, u.display_name AS assignee_name, f.deadline,
  f.created_at, f.updated_at`;
const LIST_JOINS = `LEFT JOIN agencies a ON a.id = f.agency_id LEFT JOIN enterprises e ON e.credit_code = f.credit_code
  LEFT JOIN officers o ON o.id = f.officer_id LEFT JOIN users u ON u.id = f.assignee_id`;

const ACTIVE_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');
/** A credit code being typed: letters and digits only, upper case. */
const CREDIT_CODE_PREFIX = /^[0-9A-HJ-NPQRTUWXY]{4,18}$/;

/** 执法监督: the flagged-case queue, one case with its evidence, and the workflow actions. */
@Injectable()
export class SupervisionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The filters as SQL; an agency admin is held to its own agency whatever it asks for. */
  private async filters(user: SessionUser, query: CaseListQuery, now: Date): Promise<{ where: string[]; params: unknown[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const today = shanghaiDate(now);
    if (user.role === Role.AgencyAdmin) {
      if (!user.agencyId) throw forbidden('账号未关联执法部门');
      if (query.agencyId && query.agencyId !== user.agencyId) throw forbidden('不能访问其他部门的数据');
      where.push('f.agency_id = ?');
      params.push(user.agencyId);
    } else if (query.agencyId) {
      where.push('f.agency_id = ?');
      params.push(query.agencyId);
    }
    if (query.source) {
      where.push('f.source = ?');
      params.push(query.source);
    }
    if (query.status === 'active') where.push("f.status <> 'closed'");
    else if (query.status) {
      where.push('f.status = ?');
      params.push(query.status);
    }
    if (query.overdue) {
      // Same rule as isOverdue in case-workflow.ts.
      // Written with the active statuses listed so (status, deadline, created_at) answers it from the index.
      where.push(`f.status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')}) AND (f.deadline < ? OR (f.deadline IS NULL AND f.created_at < ?))`);
      params.push(...ACTIVE_STATUSES);
      params.push(today, shanghaiMidnight(addDays(today, -OPEN_CASE_GRACE_DAYS)));
    }
    if (query.minAgeDays !== undefined) {
      where.push('f.created_at < ?');
      params.push(shanghaiMidnight(addDays(today, 1 - query.minAgeDays)));
    }
    if (query.maxAgeDays !== undefined) {
      where.push('f.created_at >= ?');
      params.push(shanghaiMidnight(addDays(today, -query.maxAgeDays)));
    }
    const q = query.q?.trim();
    if (q) {
      const code = q.toUpperCase();
      if (CREDIT_CODE_PREFIX.test(code)) {
        // A code being typed: a range on the credit-code index (names that look like codes are looked up first).
        const named: string[] = (await this.dataSource.query('SELECT credit_code FROM enterprises WHERE name LIKE ? LIMIT 200', [`%${escapeLike(q)}%`])).map(
          (r: { credit_code: string }) => r.credit_code,
        );
        where.push(named.length ? '(f.credit_code LIKE ? OR f.credit_code IN (?))' : 'f.credit_code LIKE ?');
        params.push(`${code}%`, ...(named.length ? [named] : []));
      } else {
        where.push('f.credit_code IN (SELECT credit_code FROM enterprises WHERE name LIKE ?)');
        params.push(`%${escapeLike(q)}%`);
      }
    }
    return { where, params };
  }

  async list(user: SessionUser, query: CaseListQuery, now = new Date()): Promise<CasePage> {
    const { where, params } = await this.filters(user, query, now);
    const pageSize = query.pageSize ?? 20;
    const sort = query.sort ?? 'newest';
    if (sort === 'deadline') where.push('f.deadline IS NOT NULL');
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM flagged_cases f ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);

    const page = [...where];
    const pageParams = [...params];
    const after = query.cursor ? decodeCursor(query.cursor, sort) : null;
    let order: string;
    if (sort === 'deadline') {
      // Most urgent first, among cases whose current step has a deadline: read in (deadline, id) order.
      order = 'f.deadline ASC, f.id ASC';
      if (after) {
        page.push('(f.deadline > ? OR (f.deadline = ? AND f.id > ?))');
        pageParams.push(after.key, after.key, after.id);
      }
    } else {
      const dir = sort === 'newest' ? 'DESC' : 'ASC';
      const cmp = sort === 'newest' ? '<' : '>';
      order = `f.created_at ${dir}, f.id ${dir}`;
      if (after) {
        page.push(`(f.created_at ${cmp} ? OR (f.created_at = ? AND f.id ${cmp} ?))`);
        const at = new Date(after.key);
        pageParams.push(at, at, after.id);
      }
    }
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM flagged_cases f ${LIST_JOINS} ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`,
      [...pageParams, pageSize + 1],
    );
    const more = rows.length > pageSize;
    const items = rows.slice(0, pageSize).map((row) => toListItem(row, now));
    const last = items[items.length - 1];
    return {
      items,
      total: Number(total),
      nextCursor: more && last ? encodeCursor(sort === 'deadline' ? last.deadline! : last.createdAt, last.id) : null,
    };
  }

  /** The rows of the list for an export, first `limit` in the list's order. */
  async exportRows(user: SessionUser, query: CaseListQuery, limit: number, now = new Date()): Promise<CaseListItem[]> {
    const { where, params } = await this.filters(user, query, now);
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS} FROM flagged_cases f ${LIST_JOINS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.created_at DESC, f.id DESC LIMIT ?`,
      [...params, limit],
    );
    return rows.map((row) => toListItem(row, now));
  }

  async get(user: SessionUser, id: string, now = new Date()): Promise<CaseDetail> {
    const [row]: (CaseRow & { subject_type: string; subject_id: string; evidence: string })[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, f.subject_type, f.subject_id, f.evidence FROM flagged_cases f ${LIST_JOINS} WHERE f.id = ?`,
      [id],
    );
    if (!row) throw notFound('监督案件');
    if (!maySee(user, row.agency_id)) throw forbidden('不能访问其他部门的数据');
    const item = toListItem(row, now);
    const evidence = parseJson(row.evidence);

    const events: { id: string; kind: string; actor: string; detail: string; at: Date }[] = await this.dataSource.query(
      'SELECT id, kind, actor, detail, at FROM flagged_case_events WHERE case_id = ? ORDER BY id',
      [id],
    );
    const userIds = [...new Set(events.map((e) => /^user:(\d+):/.exec(e.actor)?.[1]).filter((v): v is string => !!v))];
    const names = new Map<string, string>(
      userIds.length ? (await this.dataSource.query('SELECT id, display_name FROM users WHERE id IN (?)', [userIds])).map((u: { id: number; display_name: string }) => [String(u.id), u.display_name]) : [],
    );

    const inspectionId = row.inspection_id;
    const [inspection] = inspectionId ? await this.inspections([inspectionId]) : [];
    const trail: { seq: number; kind: string; actor: string; detail: string; at: Date; hash: string }[] = inspectionId
      ? await this.dataSource.query('SELECT seq, kind, actor, detail, at, hash FROM inspection_trail WHERE inspection_id = ? ORDER BY seq', [inspectionId])
      : [];
    const ratings: { inspection_id: string; agency_id: string; agency_name: string | null; language_score: number; procedure_score: number; manner_score: number; fairness_score: number; verdict: 'approve' | 'disapprove'; flags: string; comment: string | null; rated_at: Date }[] =
      inspectionId
        ? await this.dataSource.query(
            'SELECT r.*, a.name AS agency_name FROM ratings r LEFT JOIN agencies a ON a.id = r.agency_id WHERE r.inspection_id = ? ORDER BY r.rated_at',
            [inspectionId],
          )
        : [];

    const evidenceInspections = idsUnder(evidence, /^inspectionIds?$/).filter((i) => i !== inspectionId);
    const evidenceCases = idsUnder(evidence, /^caseIds?$/);
    const cases: { id: string; agency_id: string; cause: string; status: string; filed_at: Date; fine: string }[] = evidenceCases.length
      ? await this.dataSource.query('SELECT id, agency_id, cause, status, filed_at, fine FROM cases WHERE id IN (?) ORDER BY filed_at', [evidenceCases])
      : [];

    // Earlier cases on the same enterprise or officer, within what the reader may see.
    const relatedWhere: string[] = [];
    const relatedParams: unknown[] = [];
    if (row.credit_code) {
      relatedWhere.push('f.credit_code = ?');
      relatedParams.push(row.credit_code);
    }
    if (row.officer_id) {
      relatedWhere.push('f.officer_id = ?');
      relatedParams.push(row.officer_id);
    }
    let related: CaseListItem[] = [];
    if (relatedWhere.length) {
      const scope = user.role === Role.AgencyAdmin ? ' AND f.agency_id = ?' : '';
      const relatedRows: CaseRow[] = await this.dataSource.query(
        `SELECT ${LIST_COLUMNS} FROM flagged_cases f ${LIST_JOINS} WHERE (${relatedWhere.join(' OR ')}) AND f.id <> ? AND f.created_at <= ?${scope} ORDER BY f.created_at DESC, f.id DESC LIMIT 20`,
        [...relatedParams, id, row.created_at, ...(scope ? [user.agencyId] : [])],
      );
      related = relatedRows.map((r) => toListItem(r, now));
    }

    const attachments: { id: string; name: string; mime: string; size: number; sha256: string; uploaded_by: string; at: Date }[] = await this.dataSource.query(
      'SELECT id, name, mime, size, sha256, uploaded_by, at FROM flagged_case_attachments WHERE case_id = ? ORDER BY at, id',
      [id],
    );
    const credit: { kind: string; case_id: string | null; note: string; actor: string; at: Date }[] = row.credit_code
      ? await this.dataSource.query('SELECT kind, case_id, note, actor, at FROM enterprise_credit_records WHERE credit_code = ? ORDER BY at', [row.credit_code])
      : [];

    return {
      case: { ...item, subjectType: row.subject_type, subjectId: row.subject_id, evidence },
      events: events.map((e) => ({
        id: String(e.id),
        kind: e.kind,
        actor: e.actor,
        actorName: names.get(/^user:(\d+):/.exec(e.actor)?.[1] ?? '') ?? null,
        detail: parseJson(e.detail),
        at: new Date(e.at).toISOString(),
      })),
      inspection: inspection ?? null,
      trail: trail.map((t) => ({ seq: t.seq, kind: t.kind, actor: t.actor, detail: parseJson(t.detail), at: new Date(t.at).toISOString(), hash: t.hash })),
      documents: inspectionId ? await this.documents(inspectionId) : null,
      ratings: ratings.map((r) => ({
        inspectionId: r.inspection_id,
        agencyId: r.agency_id,
        agencyName: r.agency_name,
        language: r.language_score,
        procedure: r.procedure_score,
        manner: r.manner_score,
        fairness: r.fairness_score,
        verdict: r.verdict,
        flags: r.flags ? r.flags.split(',') : [],
        comment: r.comment,
        ratedAt: new Date(r.rated_at).toISOString(),
      })),
      evidenceRecords: {
        inspections: evidenceInspections.length ? await this.inspections(evidenceInspections.slice(0, 50)) : [],
        cases: cases.map((c) => ({ id: c.id, agencyId: c.agency_id, cause: c.cause, status: c.status, filedAt: new Date(c.filed_at).toISOString(), fine: String(c.fine) })),
      },
      related,
      attachments: attachments.map(toAttachment),
      creditRecords: credit.map((c) => ({ kind: c.kind, caseId: c.case_id, note: c.note, actor: c.actor, at: new Date(c.at).toISOString() })),
      allowedActions: allowedActions(stateOf(row), user),
    };
  }

  /** One workflow step, checked by case-workflow.ts, applied and logged in one transaction. */
  async act(user: SessionUser, id: string, request: CaseActionRequest, now = new Date()): Promise<CaseDetail> {
    const today = shanghaiDate(now);
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, user, id);
      const decision = decide(stateOf(row), user, request.action, request, today);
      if (!decision.ok) throw refusal(decision);
      let assigneeId = row.assignee_id;
      if (request.action === 'assign') {
        assigneeId = request.assigneeId ?? user.id;
        const [assignee] = await manager.query("SELECT id FROM users WHERE id = ? AND role = 'supervisor' AND active = 1", [assigneeId]);
        if (!assignee) throw invalid('assigneeId', '只能分派给在岗的执法监督人员');
      } else if (request.action === 'investigate' && assigneeId === null) assigneeId = user.id;
      await manager.query(
        'UPDATE flagged_cases SET status = ?, conclusion = ?, deadline = ?, assignee_id = ?, updated_at = ?, closed_at = ? WHERE id = ?',
        [decision.to, decision.conclusion ?? row.conclusion, decision.deadline, assigneeId, now, decision.to === 'closed' ? now : null, id],
      );
      const detail = {
        action: request.action,
        from: row.status,
        to: decision.to,
        ...(request.note?.trim() ? { note: request.note.trim() } : {}),
        ...(decision.deadline !== row.deadline ? { deadline: decision.deadline } : {}),
        ...(decision.conclusion ? { conclusion: decision.conclusion } : {}),
        ...(request.action === 'assign' ? { assigneeId } : {}),
        ...(request.outcome ? { outcome: request.outcome } : {}),
      };
      await manager.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?)', [id, decision.event, actorOf(user), JSON.stringify(detail), now]);
      if (decision.conclusion === 'fabricated') {
        await manager.query('INSERT INTO enterprise_credit_records (credit_code, kind, case_id, note, actor, at) VALUES (?, ?, ?, ?, ?, ?)', [
          row.credit_code, 'fabricated-complaint', id, request.note!.trim().slice(0, 1000), actorOf(user), now,
        ]);
      }
    });
    return this.get(user, id, now);
  }

  /** An attachment is added by whoever may write a note on the case now. */
  async attach(user: SessionUser, id: string, upload: AttachmentUpload, now = new Date()): Promise<AttachmentView> {
    const content = Buffer.from(upload.content, 'base64');
    if (!content.length) throw invalid('content', '附件为空');
    if (content.length > MAX_ATTACHMENT_BYTES) throw new DomainError(ErrorCode.PayloadTooLarge, `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024} KB`, [{ field: 'content', reason: 'too large' }]);
    const attachmentId = randomUUID();
    const sha256 = createHash('sha256').update(content).digest('hex');
    const name = upload.name.trim().replace(/[\\/]/g, '_');
    await this.dataSource.transaction(async (manager) => {
      const row = await this.lockCase(manager, user, id);
      const decision = decide(stateOf(row), user, 'note', { note: name }, shanghaiDate(now));
      if (!decision.ok) throw refusal(decision);
      await manager.query(
        'INSERT INTO flagged_case_attachments (id, case_id, name, mime, size, sha256, content, uploaded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [attachmentId, id, name, upload.mime, content.length, sha256, content, actorOf(user), now],
      );
      await manager.query('INSERT INTO flagged_case_events (case_id, kind, actor, detail, at) VALUES (?, ?, ?, ?, ?)', [
        id, 'attachment', actorOf(user), JSON.stringify({ attachmentId, name, mime: upload.mime, size: content.length, sha256 }), now,
      ]);
      await manager.query('UPDATE flagged_cases SET updated_at = ? WHERE id = ?', [now, id]);
    });
    return { id: attachmentId, name, mime: upload.mime, size: content.length, sha256, uploadedBy: actorOf(user), at: now.toISOString() };
  }

  async attachment(user: SessionUser, id: string, attachmentId: string): Promise<{ name: string; mime: string; content: Buffer }> {
    const [row] = await this.dataSource.query(
      'SELECT t.name, t.mime, t.content, f.agency_id FROM flagged_case_attachments t JOIN flagged_cases f ON f.id = t.case_id WHERE t.id = ? AND t.case_id = ?',
      [attachmentId, id],
    );
    if (!row) throw notFound('附件');
    if (!maySee(user, row.agency_id)) throw forbidden('不能访问其他部门的数据');
    return { name: row.name, mime: row.mime, content: row.content };
  }

  /**
   * 企业评: what became of the enterprise's own poor ratings, by the personal link of its SMS (the
   * link's token only: short typed codes are rate-limited by the rating page and not accepted here).
   * Shown after the link has expired too: a case takes longer than the week a rating may take.
   */
  async outcomes(token: string): Promise<ComplaintOutcome[]> {
    const credential = parseCredential(token.trim());
    const refused = () => new DomainError(ErrorCode.CodeInvalid, '链接无效：请使用评价短信中的链接查看处理结果。');
    if (!credential || credential.kind !== 'link') throw refused();
    const [invite]: { id: string }[] = await this.dataSource.query('SELECT id FROM rating_invites WHERE token_hash = ?', [credentialHash(credential)]);
    if (!invite) throw refused();
    const rows: { id: string; agency_name: string | null; status: CaseListItem['status']; conclusion: CaseListItem['conclusion']; updated_at: Date }[] = await this.dataSource.query(
      `SELECT f.id, a.name AS agency_name, f.status, f.conclusion, f.updated_at FROM rating_invite_agencies ria
       JOIN flagged_cases f ON f.dedupe_key = CONCAT('rating:', ria.inspection_id, ':', ria.agency_id)
       LEFT JOIN agencies a ON a.id = ria.agency_id WHERE ria.invite_id = ? ORDER BY ria.position`,
      [invite.id],
    );
    return rows.map((r) => ({
      caseId: r.id,
      agencyName: r.agency_name,
      status: r.status,
      statusLabel: CASE_STATUS_LABELS[r.status],
      conclusion: r.conclusion,
      conclusionLabel: r.conclusion ? CASE_CONCLUSION_LABELS[r.conclusion] : null,
      updatedAt: new Date(r.updated_at).toISOString(),
    }));
  }

  /** Supervisors a case can be assigned to. */
  async assignees(): Promise<{ id: number; displayName: string }[]> {
    const rows: { id: number; display_name: string }[] = await this.dataSource.query("SELECT id, display_name FROM users WHERE role = 'supervisor' AND active = 1 ORDER BY display_name, id");
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  private async lockCase(manager: EntityManager, user: SessionUser, id: string): Promise<CaseRow> {
    const [row]: CaseRow[] = await manager.query(
      'SELECT id, source, status, conclusion, agency_id, credit_code, assignee_id, deadline, created_at FROM flagged_cases WHERE id = ? FOR UPDATE',
      [id],
    );
    if (!row) throw notFound('监督案件');
    if (!maySee(user, row.agency_id)) throw forbidden('不能访问其他部门的数据');
    return row;
  }

  private async inspections(ids: string[]): Promise<InspectionSummary[]> {
    const rows: { id: string; agency_id: string; agency_name: string | null; credit_code: string; trigger_type: string; joint_id: string | null; started_at: Date; finished_at: Date; coded: number; result: string }[] =
      await this.dataSource.query(
        'SELECT i.id, i.agency_id, a.name AS agency_name, i.credit_code, i.trigger_type, i.joint_id, i.started_at, i.finished_at, i.coded, i.result FROM inspections i LEFT JOIN agencies a ON a.id = i.agency_id WHERE i.id IN (?) ORDER BY i.started_at',
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      creditCode: r.credit_code,
      trigger: r.trigger_type,
      jointId: r.joint_id,
      startedAt: new Date(r.started_at).toISOString(),
      finishedAt: new Date(r.finished_at).toISOString(),
      coded: !!r.coded,
      result: r.result,
    }));
  }

  private documentsTable: Promise<boolean> | null = null;

  /** The on-site documents of an inspection, where the server keeps them (the table arrives with on-site inspections). */
  private async documents(inspectionId: string): Promise<CaseDetail['documents']> {
    this.documentsTable ??= this.dataSource
      .query("SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'inspection_documents'")
      .then(([r]: { n: number }[]) => Number(r.n) > 0);
    if (!(await this.documentsTable)) return null;
    const rows: { id: string; kind: string; title: string; doc_no: string | null; file_name: string; content_type: string; size_bytes: number; sha256: string; uploaded_at: Date }[] =
      await this.dataSource.query(
        'SELECT id, kind, title, doc_no, file_name, content_type, size_bytes, sha256, uploaded_at FROM inspection_documents WHERE plan_id = ? ORDER BY uploaded_at, id',
        [inspectionId],
      );
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind as NonNullable<CaseDetail['documents']>[number]['kind'],
      title: d.title,
      docNo: d.doc_no,
      fileName: d.file_name,
      contentType: d.content_type,
      sizeBytes: d.size_bytes,
      sha256: d.sha256,
      uploadedAt: new Date(d.uploaded_at).toISOString(),
    }));
  }
}

function stateOf(row: Pick<CaseRow, 'status' | 'source' | 'agency_id' | 'credit_code' | 'deadline' | 'created_at'>): CaseState {
  return { status: row.status, source: row.source, agencyId: row.agency_id, creditCode: row.credit_code, deadline: row.deadline, raisedOn: shanghaiDate(row.created_at) };
}

function toListItem(row: CaseRow, now: Date): CaseListItem {
  return {
    id: row.id,
    source: row.source,
    rule: row.rule,
    severity: row.severity,
    title: row.title,
    status: row.status,
    conclusion: row.conclusion,
    agencyId: row.agency_id,
    agencyName: row.agency_name,
    creditCode: row.credit_code,
    enterpriseName: row.enterprise_name,
    officerId: row.officer_id,
    officerName: row.officer_name,
    inspectionId: row.inspection_id,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    deadline: row.deadline,
    overdue: isOverdue(stateOf(row), shanghaiDate(now)),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toAttachment(a: { id: string; name: string; mime: string; size: number; sha256: string; uploaded_by: string; at: Date }): AttachmentView {
  return { id: a.id, name: a.name, mime: a.mime, size: a.size, sha256: a.sha256, uploadedBy: a.uploaded_by, at: new Date(a.at).toISOString() };
}

function refusal(decision: { reason: 'forbidden' | 'status' | 'input'; message: string; field?: string }): DomainError {
  if (decision.reason === 'forbidden') return forbidden(decision.message);
  if (decision.reason === 'status') return new DomainError(ErrorCode.Conflict, decision.message);
  return new DomainError(ErrorCode.ValidationFailed, decision.message, decision.field ? [{ field: decision.field, reason: decision.message }] : undefined);
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : { value };
  } catch {
    return { text };
  }
}

/** String ids under top-level evidence keys such as `inspectionIds` or `caseId`. */
function idsUnder(evidence: Record<string, unknown>, key: RegExp): string[] {
  const ids = Object.entries(evidence)
    .filter(([k]) => key.test(k))
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64);
  return [...new Set(ids)];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The opaque `nextCursor`: the sort key and id of the last case shown. */
export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): { key: string; id: string } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const keyOk = sort === 'deadline' ? /^\d{4}-\d{2}-\d{2}$/.test(key) : typeof key === 'string' && !Number.isNaN(Date.parse(key));
    if (keyOk && typeof id === 'string' && id.length <= 36) return { key, id };
  } catch {
    /* refused below */
  }
  throw invalid('cursor', '翻页标记无效，请从第一页重新查询');
}
