import { Injectable } from '@nestjs/common';
import { CASE_STATUSES, type CaseConclusion, type CaseSort, type CaseStatus, type FlagSource } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A flagged case as the supervision console lists it. */
export interface QueuedCase {
  id: string;
  source: FlagSource;
  rule: string | null;
  severity: 'low' | 'medium' | 'high';
  title: string;
  status: CaseStatus;
  conclusion: CaseConclusion | null;
  agencyId: string | null;
  creditCode: string | null;
  officerId: string | null;
  inspectionId: string | null;
  assigneeId: number | null;
  /** YYYY-MM-DD by which the current step is due. */
  deadline: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A flagged case with what it is about and its evidence (JSON text). */
export interface CaseOnFile extends QueuedCase {
  subjectType: string;
  subjectId: string;
  evidence: string;
}

/** What a workflow step needs of a case, read under lock. */
export type CaseUnderLock = Pick<QueuedCase, 'id' | 'source' | 'status' | 'conclusion' | 'agencyId' | 'creditCode' | 'assigneeId' | 'deadline' | 'createdAt'>;

export interface CaseEventEntry {
  id: string;
  kind: string;
  actor: string;
  /** JSON text. */
  detail: string;
  at: Date;
}

/**
 * The console's filters. `creditCodes` is either a typed code prefix (with the codes of enterprises
 * whose names look like it) or another module's subquery answering credit codes.
 */
export interface QueueFilter {
  agencyId?: string;
  source?: FlagSource;
  status?: CaseStatus | 'active';
  /** Past the deadline of the current step on `today`; without a deadline, raised before `openSince`. */
  overdue?: { today: string; openSince: Date };
  raisedBefore?: Date;
  raisedFrom?: Date;
  creditCodes?: { prefix: string; orIn: string[] } | { in: { sql: string; params: unknown[] } };
  /** Cases of these sources left out. */
  withoutSources?: FlagSource[];
  /** Only cases whose current step has a deadline. */
  withDeadline?: boolean;
}

/** Where a page continues: after the sort key (created_at, or deadline for the deadline sort) and id of the last case shown. */
export interface QueueCursor {
  key: Date | string;
  id: string;
}

const COLUMNS = 'id, source, rule, severity, title, status, conclusion, agency_id, credit_code, officer_id, inspection_id, assignee_id, deadline, created_at, updated_at';
const ACTIVE_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

interface CaseRow {
  id: string;
  source: FlagSource;
  rule: string | null;
  severity: QueuedCase['severity'];
  title: string;
  status: CaseStatus;
  conclusion: CaseConclusion | null;
  agency_id: string | null;
  credit_code: string | null;
  officer_id: string | null;
  inspection_id: string | null;
  assignee_id: number | null;
  deadline: string | null;
  created_at: Date;
  updated_at: Date;
}

const toCase = (r: CaseRow): QueuedCase => ({
  id: r.id,
  source: r.source,
  rule: r.rule,
  severity: r.severity,
  title: r.title,
  status: r.status,
  conclusion: r.conclusion,
  agencyId: r.agency_id,
  creditCode: r.credit_code,
  officerId: r.officer_id,
  inspectionId: r.inspection_id,
  assigneeId: r.assignee_id,
  deadline: r.deadline,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/**
 * The supervision console's statements on flagged cases and their log: the queue with its filters,
 * search and keyset pages, one case with its log, the workflow's updates, the dashboard's counts.
 */
@Injectable()
export class FlaggedCaseQueueRepository extends BaseRepository {
  async count(filter: QueueFilter): Promise<number> {
    const { where, params } = conditions(filter);
    const [row]: { total: number }[] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM flagged_cases f ${whereClause(where)}`, params);
    return Number(row.total);
  }

  /**
   * Up to `limit` cases in the sort's order after `after`: newest and oldest by (created_at, id), deadline
   * by (deadline, id), each read along its index.
   */
  async page(filter: QueueFilter, sort: CaseSort, after: QueueCursor | null, limit: number): Promise<QueuedCase[]> {
    const { where, params } = conditions(filter);
    let order: string;
    if (sort === 'deadline') {
      order = 'f.deadline ASC, f.id ASC';
      if (after) {
        where.push('(f.deadline > ? OR (f.deadline = ? AND f.id > ?))');
        params.push(after.key, after.key, after.id);
      }
    } else {
      const dir = sort === 'newest' ? 'DESC' : 'ASC';
      const cmp = sort === 'newest' ? '<' : '>';
      order = `f.created_at ${dir}, f.id ${dir}`;
      if (after) {
        where.push(`(f.created_at ${cmp} ? OR (f.created_at = ? AND f.id ${cmp} ?))`);
        params.push(after.key, after.key, after.id);
      }
    }
    const rows: CaseRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM flagged_cases f ${whereClause(where)} ORDER BY ${order} LIMIT ?`, [...params, limit]);
    return rows.map(toCase);
  }

  async byId(id: string): Promise<CaseOnFile | null> {
    const [row]: (CaseRow & { subject_type: string; subject_id: string; evidence: string })[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, subject_type, subject_id, evidence FROM flagged_cases WHERE id = ?`, [id]);
    return row ? { ...toCase(row), subjectType: row.subject_type, subjectId: row.subject_id, evidence: row.evidence } : null;
  }

  /**
   * Up to `limit` other cases on the same enterprise or officer raised no later than `raisedUpTo`,
   * newest first; of one agency's, or all; none of the sources in `withoutSources`.
   */
  async related(
    caseId: string, on: { creditCode: string | null; officerId: string | null }, raisedUpTo: Date, agencyId: string | null, limit: number, withoutSources: FlagSource[] = [],
  ): Promise<QueuedCase[]> {
    const either: string[] = [];
    const params: unknown[] = [];
    if (on.creditCode) {
      either.push('credit_code = ?');
      params.push(on.creditCode);
    }
    if (on.officerId) {
      either.push('officer_id = ?');
      params.push(on.officerId);
    }
    if (!either.length) return [];
    const rows: CaseRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM flagged_cases WHERE (${either.join(' OR ')}) AND id <> ? AND created_at <= ?${agencyId === null ? '' : ' AND agency_id = ?'}
       ${withoutSources.length ? 'AND source NOT IN (?)' : ''} ORDER BY created_at DESC, id DESC LIMIT ?`,
      [...params, caseId, raisedUpTo, ...(agencyId === null ? [] : [agencyId]), ...(withoutSources.length ? [withoutSources] : []), limit],
    );
    return rows.map(toCase);
  }

  /** A case's log, oldest first. */
  async events(caseId: string): Promise<CaseEventEntry[]> {
    const rows: { id: string | number; kind: string; actor: string; detail: string; at: Date }[] = await this.dataSource.query(
      'SELECT id, kind, actor, detail, at FROM flagged_case_events WHERE case_id = ? ORDER BY id', [caseId]);
    return rows.map((e) => ({ id: String(e.id), kind: e.kind, actor: e.actor, detail: e.detail, at: new Date(e.at) }));
  }

  /** Whether a case's log has an event of this kind (in the caller's transaction, after its lock). */
  async hasEvent(caseId: string, kind: string, tx?: Tx): Promise<boolean> {
    const rows: unknown[] = await this.db(tx).query('SELECT 1 AS x FROM flagged_case_events WHERE case_id = ? AND kind = ? LIMIT 1', [caseId, kind]);
    return rows.length > 0;
  }

  /** The agency a case concerns ({ agencyId: null } for none); null when there is no such case. */
  async agencyOf(caseId: string): Promise<{ agencyId: string | null } | null> {
    const [row]: { agency_id: string | null }[] = await this.dataSource.query('SELECT agency_id FROM flagged_cases WHERE id = ?', [caseId]);
    return row ? { agencyId: row.agency_id } : null;
  }

  /** The cases raised under these dedupe keys. */
  async byDedupeKeys(dedupeKeys: string[]): Promise<(Pick<QueuedCase, 'id' | 'status' | 'conclusion' | 'updatedAt'> & { dedupeKey: string })[]> {
    if (!dedupeKeys.length) return [];
    const rows: { id: string; dedupe_key: string; status: CaseStatus; conclusion: CaseConclusion | null; updated_at: Date }[] = await this.dataSource.query(
      'SELECT id, dedupe_key, status, conclusion, updated_at FROM flagged_cases WHERE dedupe_key IN (?)', [dedupeKeys]);
    return rows.map((r) => ({ id: r.id, dedupeKey: r.dedupe_key, status: r.status, conclusion: r.conclusion, updatedAt: new Date(r.updated_at) }));
  }

  /** Locks a case for a workflow step in the caller's transaction; null when there is none. */
  async lock(id: string, tx: Tx): Promise<CaseUnderLock | null> {
    const [row]: CaseRow[] = await tx.query(
      'SELECT id, source, status, conclusion, agency_id, credit_code, assignee_id, deadline, created_at FROM flagged_cases WHERE id = ? FOR UPDATE', [id]);
    if (!row) return null;
    return {
      id: row.id, source: row.source, status: row.status, conclusion: row.conclusion, agencyId: row.agency_id, creditCode: row.credit_code,
      assigneeId: row.assignee_id, deadline: row.deadline, createdAt: new Date(row.created_at),
    };
  }

  /** A workflow step's result: the case's new status, conclusion, deadline and assignee; closed_at set when closed, cleared otherwise. */
  async applyStep(id: string, step: { status: CaseStatus; conclusion: CaseConclusion | null; deadline: string | null; assigneeId: number | null; at: Date }, tx: Tx): Promise<void> {
    await tx.query('UPDATE flagged_cases SET status = ?, conclusion = ?, deadline = ?, assignee_id = ?, updated_at = ?, closed_at = ? WHERE id = ?', [
      step.status, step.conclusion, step.deadline, step.assigneeId, step.at, step.status === 'closed' ? step.at : null, id,
    ]);
  }

  /** Marks a case as changed without a change of status (an attachment added). */
  async touch(id: string, at: Date, tx: Tx): Promise<void> {
    await tx.query('UPDATE flagged_cases SET updated_at = ? WHERE id = ?', [at, id]);
  }

  /**
   * Open cases by age: bucket i counts cases raised at or after `bounds[i]` (and before `bounds[i - 1]`),
   * the last bucket those raised before every bound; of one agency, or all.
   */
  async openCountsByAge(bounds: Date[], agencyId: string | null): Promise<number[]> {
    const cases = bounds.map((_, i) => `WHEN created_at >= ? THEN ${i}`).join(' ');
    const rows: { bucket: number; n: number }[] = await this.dataSource.query(
      `SELECT CASE ${cases} ELSE ${bounds.length} END AS bucket, COUNT(*) AS n FROM flagged_cases WHERE status <> 'closed'${agencyId ? ' AND agency_id = ?' : ''} GROUP BY bucket`,
      agencyId ? [...bounds, agencyId] : bounds,
    );
    return [...bounds, null].map((_, i) => Number(rows.find((r) => Number(r.bucket) === i)?.n ?? 0));
  }
}

function whereClause(where: string[]): string {
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

/** The filters as SQL on `flagged_cases f`. */
function conditions(filter: QueueFilter): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.agencyId) {
    where.push('f.agency_id = ?');
    params.push(filter.agencyId);
  }
  if (filter.source) {
    where.push('f.source = ?');
    params.push(filter.source);
  }
  if (filter.status === 'active') where.push("f.status <> 'closed'");
  else if (filter.status) {
    where.push('f.status = ?');
    params.push(filter.status);
  }
  if (filter.overdue) {
    // Same rule as isOverdue in supervision's case workflow. Written with the active statuses listed so
    // (status, deadline, created_at) answers it from the index.
    where.push(`f.status IN (${ACTIVE_STATUSES.map(() => '?').join(', ')}) AND (f.deadline < ? OR (f.deadline IS NULL AND f.created_at < ?))`);
    params.push(...ACTIVE_STATUSES, filter.overdue.today, filter.overdue.openSince);
  }
  if (filter.raisedBefore) {
    where.push('f.created_at < ?');
    params.push(filter.raisedBefore);
  }
  if (filter.raisedFrom) {
    where.push('f.created_at >= ?');
    params.push(filter.raisedFrom);
  }
  const codes = filter.creditCodes;
  if (codes && 'prefix' in codes) {
    // A code being typed: a range on the credit-code index.
    where.push(codes.orIn.length ? '(f.credit_code LIKE ? OR f.credit_code IN (?))' : 'f.credit_code LIKE ?');
    params.push(`${codes.prefix}%`, ...(codes.orIn.length ? [codes.orIn] : []));
  } else if (codes) {
    where.push(`f.credit_code IN (${codes.in.sql})`);
    params.push(...codes.in.params);
  }
  if (filter.withDeadline) where.push('f.deadline IS NOT NULL');
  if (filter.withoutSources?.length) {
    where.push('f.source NOT IN (?)');
    params.push(filter.withoutSources);
  }
  return { where, params };
}
