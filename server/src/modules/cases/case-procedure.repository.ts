import { Injectable } from '@nestjs/common';
import type { PenaltyStage } from '@mashang/shared';
import { BaseRepository, type Tx } from '../../infra/database/tx.js';

/** A case filed through the system: its exchange row and its procedure together. */
export interface ProcedureCase {
  id: string;
  agencyId: string;
  creditCode: string;
  inspectionId: string | null;
  cause: string;
  discretionLevel: string;
  fine: number;
  status: string;
  filedAt: Date;
  decidedAt: Date | null;
  closedAt: Date | null;
  revokedAt: Date | null;
  causeChanges: { from: string; to: string; at: string }[];
  coercive: boolean;
  stage: PenaltyStage;
  origin: string;
  flaggedCaseId: string | null;
  facts: string;
  legalBasis: string;
  factors: string[];
  points: number | null;
  proposedFine: number | null;
  rangeMin: number | null;
  rangeMax: number | null;
  outsideRangeReason: string | null;
  notifiedAt: Date | null;
  statementUntil: Date | null;
  hearingUntil: Date | null;
  hearingRequestedAt: Date | null;
  hearingHeldAt: Date | null;
  measures: string[];
  decisionFine: number | null;
  major: boolean;
  codeHash: string | null;
  filedBy: number;
}

export interface NewProcedureCase {
  id: string;
  agencyId: string;
  creditCode: string;
  inspectionId: string | null;
  cause: string;
  officerIds: string[];
  origin: string;
  flaggedCaseId: string | null;
  facts: string;
  legalBasis: string;
  filedBy: number;
  at: Date;
}

/** The exchange row's columns a stage change sets. */
export type CasePatch = Partial<{
  status: string; cause: string; discretionLevel: string; fine: number; decidedAt: Date | null; closedAt: Date | null; revokedAt: Date | null;
  causeChanges: { from: string; to: string; at: string }[]; coercive: boolean;
}>;

/** The procedure's columns a stage change sets. */
export type ProcedurePatch = Partial<{
  stage: PenaltyStage; factors: string[]; points: number | null; proposedFine: number | null; rangeMin: number | null; rangeMax: number | null;
  outsideRangeReason: string | null; notifiedAt: Date; statementUntil: Date; hearingUntil: Date | null; hearingHeldAt: Date | null;
  measures: string[]; decisionFine: number | null; major: boolean; codeHash: string;
}>;

const CASE_COLUMNS: Record<keyof CasePatch, string> = {
  status: 'status', cause: 'cause', discretionLevel: 'discretion_level', fine: 'fine', decidedAt: 'decided_at', closedAt: 'closed_at',
  revokedAt: 'revoked_at', causeChanges: 'cause_changes', coercive: 'coercive',
};
const PROCEDURE_COLUMNS: Record<keyof ProcedurePatch, string> = {
  stage: 'stage', factors: 'factors', points: 'points', proposedFine: 'proposed_fine', rangeMin: 'range_min', rangeMax: 'range_max',
  outsideRangeReason: 'outside_range_reason', notifiedAt: 'notified_at', statementUntil: 'statement_until', hearingUntil: 'hearing_until',
  hearingHeldAt: 'hearing_held_at', measures: 'measures', decisionFine: 'decision_fine', major: 'major', codeHash: 'code_hash',
};

const SELECT = `SELECT c.id, c.agency_id, c.credit_code, c.inspection_id, c.cause, c.discretion_level, c.fine, c.status, c.filed_at, c.decided_at,
  c.closed_at, c.revoked_at, c.cause_changes, c.coercive, p.stage, p.origin, p.flagged_case_id, p.facts, p.legal_basis, p.factors, p.points,
  p.proposed_fine, p.range_min, p.range_max, p.outside_range_reason, p.notified_at, p.statement_until, p.hearing_until, p.hearing_requested_at,
  p.hearing_held_at, p.measures, p.decision_fine, p.major, p.code_hash, p.filed_by
  FROM case_procedures p JOIN cases c ON c.id = p.case_id`;

const date = (v: Date | string | null) => (v === null ? null : new Date(v));
const num = (v: string | number | null) => (v === null ? null : Number(v));
const list = (v: string) => (v ? v.split(',') : []);

function toCase(r: Record<string, any>): ProcedureCase {
  return {
    id: r.id, agencyId: r.agency_id, creditCode: r.credit_code, inspectionId: r.inspection_id, cause: r.cause, discretionLevel: r.discretion_level,
    fine: Number(r.fine), status: r.status, filedAt: new Date(r.filed_at), decidedAt: date(r.decided_at), closedAt: date(r.closed_at),
    revokedAt: date(r.revoked_at), causeChanges: r.cause_changes ? JSON.parse(r.cause_changes) : [], coercive: !!r.coercive,
    stage: r.stage, origin: r.origin, flaggedCaseId: r.flagged_case_id, facts: r.facts, legalBasis: r.legal_basis,
    factors: r.factors ? JSON.parse(r.factors) : [], points: r.points, proposedFine: num(r.proposed_fine), rangeMin: num(r.range_min),
    rangeMax: num(r.range_max), outsideRangeReason: r.outside_range_reason, notifiedAt: date(r.notified_at), statementUntil: date(r.statement_until),
    hearingUntil: date(r.hearing_until), hearingRequestedAt: date(r.hearing_requested_at), hearingHeldAt: date(r.hearing_held_at),
    measures: list(r.measures), decisionFine: num(r.decision_fine), major: !!r.major, codeHash: r.code_hash, filedBy: r.filed_by,
  };
}

function assignments(patch: Record<string, unknown>, columns: Record<string, string>): { sql: string; params: unknown[] } {
  const keys = Object.keys(patch).filter((k) => patch[k] !== undefined);
  return {
    sql: keys.map((k) => `${columns[k]} = ?`).join(', '),
    params: keys.map((k) => {
      const value = patch[k];
      if (k === 'factors' || k === 'causeChanges') return (value as unknown[]).length ? JSON.stringify(value) : null;
      if (k === 'measures') return (value as string[]).join(',');
      if (typeof value === 'boolean') return value ? 1 : 0;
      return value;
    }),
  };
}

/** Cases filed through the system: their exchange rows (`cases`, `case_officers`) and procedures (`case_procedures`). */
@Injectable()
export class CaseProcedureRepository extends BaseRepository {
  /** 立案: the exchange row (status filed), its officers and the procedure at stage `filed`. */
  async insertFiled(c: NewProcedureCase, tx: Tx): Promise<void> {
    await tx.query(
      `INSERT INTO cases (id, agency_id, credit_code, inspection_id, cause, discretion_level, fine, status, filed_at, extended_days, coercive)
       VALUES (?, ?, ?, ?, ?, 'general', 0, 'filed', ?, 0, 0)`,
      [c.id, c.agencyId, c.creditCode, c.inspectionId, c.cause, c.at],
    );
    await tx.query('INSERT INTO case_officers (case_id, officer_id, position) VALUES ?', [c.officerIds.map((o, i) => [c.id, o, i])]);
    await tx.query(
      `INSERT INTO case_procedures (case_id, stage, origin, flagged_case_id, facts, legal_basis, measures, major, filed_by, updated_at)
       VALUES (?, 'filed', ?, ?, ?, ?, '', 0, ?, ?)`,
      [c.id, c.origin, c.flaggedCaseId, c.facts, c.legalBasis, c.filedBy, c.at],
    );
  }

  /** The case with its procedure, its rows locked for the caller's change; null when not filed through the system. */
  async lock(id: string, tx: Tx): Promise<ProcedureCase | null> {
    await tx.query('SELECT case_id FROM case_procedures WHERE case_id = ? FOR UPDATE', [id]);
    const [row] = await tx.query(`${SELECT} WHERE p.case_id = ? FOR UPDATE`, [id]);
    return row ? toCase(row) : null;
  }

  async find(id: string, tx?: Tx): Promise<ProcedureCase | null> {
    const [row] = await this.db(tx).query(`${SELECT} WHERE p.case_id = ?`, [id]);
    return row ? toCase(row) : null;
  }

  /** Sets columns of the exchange row and of the procedure, at `at`. */
  async update(id: string, casePatch: CasePatch, procedurePatch: ProcedurePatch, at: Date, tx: Tx): Promise<void> {
    const c = assignments(casePatch, CASE_COLUMNS);
    if (c.sql) await tx.query(`UPDATE cases SET ${c.sql} WHERE id = ?`, [...c.params, id]);
    const p = assignments(procedurePatch, PROCEDURE_COLUMNS);
    await tx.query(`UPDATE case_procedures SET ${p.sql ? `${p.sql}, ` : ''}updated_at = ? WHERE case_id = ?`, [...p.params, at, id]);
  }

  async setLegalBasis(id: string, legalBasis: string, tx: Tx): Promise<void> {
    await tx.query('UPDATE case_procedures SET legal_basis = ? WHERE case_id = ?', [legalBasis, id]);
  }

  async officersOf(id: string, tx?: Tx): Promise<string[]> {
    const rows: { officer_id: string }[] = await this.db(tx).query('SELECT officer_id FROM case_officers WHERE case_id = ? ORDER BY position', [id]);
    return rows.map((r) => r.officer_id);
  }

  /** Whether the party has sent a submission of this kind. */
  async hasSubmission(id: string, kind: string, tx?: Tx): Promise<boolean> {
    const rows = await this.db(tx).query('SELECT 1 FROM party_submissions WHERE case_id = ? AND kind = ? LIMIT 1', [id, kind]);
    return rows.length > 0;
  }

  async submissionsOf(id: string, tx?: Tx): Promise<{ id: string; kind: string; text: string; at: Date; flaggedCaseId: string | null; upheld: boolean | null }[]> {
    const rows: { id: string; kind: string; text: string; at: Date; flagged_case_id: string | null; upheld: number | null }[] = await this.db(tx).query(
      'SELECT id, kind, text, at, flagged_case_id, upheld FROM party_submissions WHERE case_id = ? ORDER BY at, id', [id]);
    return rows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, at: new Date(r.at), flaggedCaseId: r.flagged_case_id, upheld: r.upheld === null ? null : !!r.upheld }));
  }

  /**
   * A page of cases filed through the system, newest first, with the next deadline running and the
   * objections not yet concluded.
   */
  async page(filter: { agencyId: string | null; stage: PenaltyStage | null }, page: number, pageSize: number): Promise<{ total: number; rows: ProcedureListRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.agencyId) { where.push('c.agency_id = ?'); params.push(filter.agencyId); }
    if (filter.stage) { where.push('p.stage = ?'); params.push(filter.stage); }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT COUNT(*) AS total FROM case_procedures p JOIN cases c ON c.id = p.case_id ${clause}`, params);
    const rows: ProcedureListRow[] = await this.dataSource.query(
      `SELECT c.id, p.stage, c.agency_id AS agencyId, c.credit_code AS creditCode, c.cause, c.filed_at AS filedAt,
         p.statement_until AS statementUntil, p.hearing_until AS hearingUntil,
         (SELECT MIN(r.due_at) FROM legal_reviews r WHERE r.case_id = c.id AND r.verdict IS NULL) AS reviewDue,
         (SELECT MIN(m.due_at) FROM coercive_measures m WHERE m.case_id = c.id AND m.released_at IS NULL) AS coerciveDue,
         (SELECT COUNT(*) FROM party_submissions s WHERE s.case_id = c.id AND s.kind = 'objection' AND s.upheld IS NULL) AS openObjections
       FROM case_procedures p JOIN cases c ON c.id = p.case_id ${clause}
       ORDER BY c.filed_at DESC, c.id DESC LIMIT ? OFFSET ?`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { total: Number(total), rows };
  }
}

export interface ProcedureListRow {
  id: string;
  stage: PenaltyStage;
  agencyId: string;
  creditCode: string;
  cause: string;
  filedAt: Date;
  statementUntil: Date | null;
  hearingUntil: Date | null;
  reviewDue: Date | null;
  coerciveDue: Date | null;
  openObjections: number | string;
}
